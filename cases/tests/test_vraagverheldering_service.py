import pytest

from cases.casework.constants import CaseStatus
from cases.casework.services import CaseAlreadyOpen, case_change_status, case_open
from cases.intake.constants import QuestionStatus
from cases.intake.services import vraagverheldering_record
from cases.models import Case, Household, HouseholdMember, Vraagverheldering
from cases.tests.factories import (
    CaseFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    QuestionFactory,
)
from wijkteam.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db


def record(question, by, decision, **extra):
    return vraagverheldering_record(
        question=question,
        by=by,
        real_question="Schulden en spanning thuis.",
        decision=decision,
        present=["inwoner"],
        **extra,
    )


def test_casus_openen_makes_household_and_case_with_the_question(team, lid):
    question = QuestionFactory(team=team, planned=True)
    record(question, lid, "casus_openen", zrm_scores={"financien": 2})
    question.refresh_from_db()
    assert question.status == QuestionStatus.CASUS
    case = question.case
    assert case.team == team and case.status == CaseStatus.AANGEMELD
    assert case.regievoerder is None
    member = HouseholdMember.objects.get(household=case.household)
    assert member.person == question.person and member.is_main_contact
    assert case.status_changes.get().to_status == CaseStatus.AANGEMELD
    assert question.vraagverheldering.zrm_scores == {"financien": 2}


def test_existing_household_is_reused(team, lid):
    question = QuestionFactory(team=team, queued=True)
    household = HouseholdMemberFactory(
        household=HouseholdFactory(team=team), person=question.person
    ).household
    record(question, lid, "casus_openen")
    question.refresh_from_db()
    assert question.case.household == household
    assert Household.objects.count() == 1


def test_second_open_case_for_household_is_refused_and_nothing_saved(team, lid):
    question = QuestionFactory(team=team, queued=True)
    household = HouseholdMemberFactory(
        household=HouseholdFactory(team=team), person=question.person
    ).household
    CaseFactory(team=team, household=household)
    with pytest.raises(CaseAlreadyOpen):
        record(question, lid, "casus_openen")
    question.refresh_from_db()
    assert question.status == QuestionStatus.WACHTRIJ
    assert not Vraagverheldering.objects.exists()
    assert Case.objects.count() == 1


def test_database_constraint_holds_one_open_case_per_household(team, lid):
    household = HouseholdFactory(team=team)
    case_open(team=team, household=household, by=lid)
    CaseFactory(team=team, household=household, closed=True)  # closed ones may stay
    with pytest.raises(CaseAlreadyOpen):
        case_open(team=team, household=household, by=lid)


def test_reopening_is_refused_while_another_case_is_open(team, lid):
    household = HouseholdFactory(team=team)
    closed = CaseFactory(team=team, household=household, closed=True)
    case_open(team=team, household=household, by=lid)
    with pytest.raises(CaseAlreadyOpen):
        case_change_status(case=closed, to=CaseStatus.IN_BEHANDELING, by=lid)


def test_case_transitions_follow_the_table(team, lid):
    case = CaseFactory(team=team)
    with pytest.raises(TransitionNotAllowed):
        case_change_status(case=case, to=CaseStatus.MONITORING, by=lid)
    case = case_change_status(
        case=case, to=CaseStatus.AFGESLOTEN, by=lid, close_reason="verhuisd"
    )
    assert case.closed_at is not None


@pytest.mark.parametrize(
    ("decision", "status"),
    [
        ("afsluiten", QuestionStatus.AFGESLOTEN),
        ("lichte_ondersteuning", QuestionStatus.LICHTE_ONDERSTEUNING),
    ],
)
def test_other_decisions_open_no_case(team, lid, decision, status):
    question = QuestionFactory(team=team, queued=True)
    record(question, lid, decision, decision_note="Opgelost.")
    question.refresh_from_db()
    assert question.status == status and question.case is None
    assert not Case.objects.exists()


def test_anonymous_question_cannot_open_a_case(team, lid):
    question = QuestionFactory(team=team, queued=True, anonymous=True)
    with pytest.raises(ValueError):
        record(question, lid, "casus_openen")
    assert not Vraagverheldering.objects.exists()
