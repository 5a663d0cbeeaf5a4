from cases.models import JournalEntry
from cases.tests.factories import CaseFactory, HouseholdMemberFactory, QuestionFactory
from tests.sweep import Sample


def samples(team, user) -> dict[str, Sample]:
    question = QuestionFactory(team=team, queued=True, registered_by=user)
    case = CaseFactory(team=team, opened_by=user)
    HouseholdMemberFactory(household=case.household, person=question.person)
    entry = JournalEntry.objects.create(
        case=case, kind="telefoon", note="Gebeld.", author=user
    )
    plan_data = {"assigned_to": user.pk, "appointment_at": "2030-01-01T10:00"}
    clarify = {
        "held_on": "01-01-2030",
        "present": ["inwoner"],
        "real_question": "x",
        "decision": "casus_openen",
    }
    journal = {"contact_on": "01-01-2030", "kind": "huisbezoek", "note": "x"}
    case_kwargs = {"pk": case.pk}
    return {
        "cases:question_detail": Sample({"pk": question.pk}, question),
        "cases:question_plan": Sample({"pk": question.pk}, question, plan_data),
        "cases:vraagverheldering": Sample({"pk": question.pk}, question, clarify),
        "cases:person_detail": Sample({"pk": question.person_id}, question.person),
        "cases:case_detail": Sample(case_kwargs, case),
        "cases:case_assign": Sample(
            case_kwargs, case, {"regievoerder": user.pk, "expected": ""}
        ),
        "cases:case_status": Sample(
            case_kwargs,
            case,
            {"to": "afgesloten", "close_reason": "verhuisd", "evaluation": "x"},
        ),  # fmt: skip
        "cases:journal_add": Sample(case_kwargs, case, journal),
        "cases:household_member_add": Sample(
            case_kwargs, case.household, {"first_name": "Nieuw", "relation": "kind"}
        ),
        "cases:journal_edit": Sample(
            {"pk": case.pk, "entry_pk": entry.pk}, entry, journal
        ),
    }
