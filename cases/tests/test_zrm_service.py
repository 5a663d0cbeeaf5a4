"""zrm_assessment_record and the read model of the metingen tab."""

import datetime as dt

from django.utils import timezone

import pytest

from cases.casework.constants import CaseStatus
from cases.intake.constants import ZrmDomain
from cases.measuring.reads import case_measures
from cases.measuring.services import MeasuringError, zrm_assessment_record
from cases.models import Vraagverheldering, ZrmAssessment, ZrmDomainScore
from cases.tests.factories import (
    CaseFactory,
    HouseholdMemberFactory,
    PersonFactory,
    QuestionFactory,
)
from cases.tests.factories_measuring import ZrmAssessmentFactory, member_of

pytestmark = pytest.mark.django_db
FIN, HUIS = ZrmDomain.FINANCIEN.value, ZrmDomain.HUISVESTING.value
TODAY = timezone.localdate


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid)


def test_one_row_per_scored_domain_unscored_is_absent(case, lid):
    person = member_of(case)
    assessment = zrm_assessment_record(
        case=case, person=person, assessed_on=TODAY(), by=lid,
        scores={FIN: 2, HUIS: 4, ZrmDomain.JUSTITIE.value: None},
    )  # fmt: skip
    rows = dict(assessment.scores.values_list("domain", "score"))
    assert rows == {FIN: 2, HUIS: 4}
    assert assessment.assessed_by == lid and assessment.person == person


@pytest.mark.parametrize(
    "scores, message",
    [
        ({FIN: None}, "minstens één"),
        ({FIN: 0}, "1 tot en met 5"),
        ({FIN: 6}, "1 tot en met 5"),
        ({"onzin": 3}, "Onbekend leefgebied"),
    ],
)
def test_bad_scores_save_nothing(case, lid, scores, message):
    with pytest.raises(MeasuringError, match=message):
        zrm_assessment_record(
            case=case, person=member_of(case), assessed_on=TODAY(), by=lid,
            scores=scores,
        )  # fmt: skip
    assert not ZrmAssessment.objects.exists()
    assert not ZrmDomainScore.objects.exists()


def test_person_outside_the_household_is_refused(case, lid, team):
    with pytest.raises(MeasuringError, match="huishouden"):
        zrm_assessment_record(
            case=case, person=PersonFactory(team=team), assessed_on=TODAY(),
            by=lid, scores={FIN: 3},
        )  # fmt: skip
    assert not ZrmAssessment.objects.exists()


def test_future_date_is_refused(case, lid):
    with pytest.raises(MeasuringError, match="toekomst"):
        zrm_assessment_record(
            case=case, person=member_of(case), by=lid, scores={FIN: 3},
            assessed_on=TODAY() + dt.timedelta(days=1),
        )  # fmt: skip


def _members(case):
    return list(case.household.members.select_related("person"))


def test_trend_and_before_after_per_member(case, lid):
    person = member_of(case)
    days = [60, 30, 1]
    for days_ago, score in zip(days, [1, 2, 4], strict=True):
        ZrmAssessmentFactory(
            case=case, person=person, assessed_on=TODAY() - dt.timedelta(days_ago),
            scores={FIN: score, **({HUIS: 3} if days_ago == 30 else {})},
        )  # fmt: skip
    (measures,) = case_measures(case, _members(case))
    assert [p.scores.get(FIN) for p in measures.zrm] == [1, 2, 4]
    table = dict(measures.zrm_table())
    assert table["Financiën"] == [1, 2, 4]
    assert table["Huisvesting"] == [None, 3, None]  # unknown, never 0
    chart = measures.zrm_chart()
    assert chart["labels"][0] == (TODAY() - dt.timedelta(60)).strftime("%d-%m-%Y")
    fin = next(r for r in measures.comparison.rows if r["domain"] == "Financiën")
    assert (fin["first"], fin["latest"], fin["change"]) == (1, 4, 3)
    huis = next(r for r in measures.comparison.rows if r["domain"] == "Huisvesting")
    assert huis["change"] is None


def test_at_closure_is_the_last_assessment_before_closing(case):
    person = member_of(case)
    ZrmAssessmentFactory(
        case=case, person=person, assessed_on=TODAY() - dt.timedelta(40),
        scores={FIN: 1},
    )  # fmt: skip
    ZrmAssessmentFactory(
        case=case, person=person, assessed_on=TODAY() - dt.timedelta(20),
        scores={FIN: 3},
    )  # fmt: skip
    ZrmAssessmentFactory(  # follow-up after closing
        case=case, person=person, assessed_on=TODAY(), scores={FIN: 2}
    )
    case.status = CaseStatus.AFGESLOTEN
    case.closed_at = timezone.now() - dt.timedelta(days=10)
    (measures,) = case_measures(case, _members(case))
    cmp = measures.comparison
    assert cmp.at_closure.scores == {FIN: 3}
    fin = cmp.rows[0]
    assert (fin["first"], fin["latest"], fin["at_closure"], fin["change"]) == (
        1,
        2,
        3,
        2,
    )


def test_quickscan_of_the_vraagverheldering_is_the_first_point(case, lid):
    person = member_of(case)
    question = QuestionFactory(team=case.team, person=person, case=case)
    Vraagverheldering.objects.create(
        question=question, held_on=TODAY() - dt.timedelta(90), recorded_by=lid,
        real_question="x", decision="casus_openen", zrm_scores={FIN: 1},
    )  # fmt: skip
    ZrmAssessmentFactory(case=case, person=person, scores={FIN: 3})
    (measures,) = case_measures(case, _members(case))
    assert [p.quickscan for p in measures.zrm] == [True, False]
    assert measures.zrm[0].label.endswith("(quickscan)")
    assert measures.comparison.rows[0]["change"] == 2


def test_other_members_assessments_stay_with_them(case):
    a = member_of(case)
    b = HouseholdMemberFactory(household=case.household, is_main_contact=False).person
    ZrmAssessmentFactory(case=case, person=a, scores={FIN: 2})
    first, second = case_measures(case, _members(case))
    by_person = {m.person: m for m in (first, second)}
    assert len(by_person[a].zrm) == 1 and by_person[b].zrm == []
    assert by_person[b].comparison is None
