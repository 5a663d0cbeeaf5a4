from cases.models import JournalEntry
from cases.tests.factories import (
    AllocationFactory,
    CaseFactory,
    HouseholdMemberFactory,
    NetworkEntryFactory,
    ProviderProductFactory,
    QuestionFactory,
    ReferralFactory,
)

# metingen and moreel beraad
from cases.tests.factories_measuring import (
    LadderMeasurementFactory,
    MoralDeliberationFactory,
    ZrmAssessmentFactory,
    member_of,
)
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
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
    # Netwerk en achterdeur.
    entry_b = NetworkEntryFactory(case=case, created_by=user)
    referral = ReferralFactory(case=case, created_by=user)
    allocation = AllocationFactory(case=case, created_by=user)
    product = ProviderProductFactory(provider__team=team)
    provider = product.provider
    network = {"kind": "familie", "name": "x", "since": "01-01-2026"}
    status = {"to": "gestart", "on": "01-01-2026"}
    prov = {"pk": provider.pk, "product_pk": product.pk}
    casework_samples = {
        "cases:case_network": Sample(case_kwargs, case),
        "cases:network_add": Sample(case_kwargs, case, network),
        "cases:network_end": Sample(
            {"pk": case.pk, "entry_pk": entry_b.pk}, entry_b, {"until": "01-01-2026"}
        ),
        "cases:referral_add": Sample(
            case_kwargs, case, {"product": product.pk, "reason": "x"}
        ),
        "cases:referral_waiting_time": Sample(case_kwargs, case),
        "cases:referral_status": Sample(
            {"pk": case.pk, "referral_pk": referral.pk}, referral, status
        ),
        "cases:allocation_add": Sample(
            case_kwargs, case, {"kind": "begeleiding", "legal_basis": "wmo"}
        ),
        "cases:allocation_status": Sample(
            {"pk": case.pk, "allocation_pk": allocation.pk},
            allocation,
            {"to": "beeindigd", "on": "01-01-2026"},
        ),
        "cases:provider_detail": Sample({"pk": provider.pk}, provider, {"name": "x"}),
        "cases:product_add": Sample(
            {"pk": provider.pk}, provider, {"name": "x", "norm_weeks": "2"}
        ),
        "cases:product_update": Sample(prov, product, {"norm_weeks": "1"}),
        "cases:waiting_time_add": Sample(
            prov, product, {"weeks": "1", "valid_from": "01-01-2026"}
        ),
    }
    # plan
    action = PlanActionFactory(goal=PlanGoalFactory(plan__case=case))
    goal = action.goal
    version = goal.plan.versions.create(
        number=1, vastgesteld_by=user, agreed_with_resident=True, content={}
    )
    goal_kwargs = {"pk": case.pk, "goal_pk": goal.pk}
    action_kwargs = {"pk": case.pk, "action_pk": action.pk}
    goal_data = {
        "domain": "financien", "text": "x", "owner_kind": "netwerk", "owner_name": "x"
    }  # fmt: skip
    action_data = {"what": "x", "who_kind": "extern", "who_name": "x"}
    return casework_samples | {
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
        # plan
        "cases:plan": Sample(case_kwargs, goal.plan),
        "cases:plan_goal_add": Sample(case_kwargs, goal.plan, goal_data),
        "cases:plan_goal_edit": Sample(goal_kwargs, goal, goal_data),
        "cases:plan_goal_status": Sample(goal_kwargs, goal, {"to": "bezig"}),
        "cases:plan_action_add": Sample(goal_kwargs, goal.plan, action_data),
        "cases:plan_action_edit": Sample(action_kwargs, action, action_data),
        "cases:plan_action_done": Sample(action_kwargs, action, {}),
        "cases:plan_vaststellen": Sample(
            case_kwargs, goal.plan, {"agreed_with_resident": "ja"}
        ),
        "cases:plan_version": Sample(
            {"pk": case.pk, "number": version.number}, version
        ),
        # metingen and moreel beraad
        **_measuring_samples(case, user),
    }


def _measuring_samples(case, user) -> dict[str, Sample]:
    person = member_of(case)
    zrm = {"person": person.pk, "assessed_on": "01-01-2026", "zrm_financien": "3"}
    ladder = {"person": person.pk, "measured_on": "01-01-2026", "step": "2"}
    beraad = {
        "held_on": "01-01-2026",
        "dilemma": "x",
        "perspectives": "y",
        "decision": "z",
        "participants": [user.pk],
    }
    kwargs = {"pk": case.pk}
    # corrections after saving
    assessment = ZrmAssessmentFactory(
        case=case, person=person, assessed_by=user, scores={"financien": 2}
    )
    step = LadderMeasurementFactory(case=case, person=person, measured_by=user)
    record = MoralDeliberationFactory(case=case, recorded_by=user)
    entry = NetworkEntryFactory(case=case, created_by=user)
    zrm_kwargs = {"pk": case.pk, "assessment_pk": assessment.pk}
    step_kwargs = {"pk": case.pk, "measurement_pk": step.pk}
    reason = {"reason": "Verkeerde score"}
    return {
        "cases:metingen": Sample(kwargs, case),
        "cases:zrm_add": Sample(kwargs, case, zrm),
        "cases:ladder_add": Sample(kwargs, case, ladder),
        "cases:moreel_beraad": Sample(kwargs, case, beraad),
        "cases:zrm_correct": Sample(zrm_kwargs, assessment, zrm | reason),
        "cases:zrm_withdraw": Sample(zrm_kwargs, assessment, reason),
        "cases:ladder_correct": Sample(step_kwargs, step, ladder | reason),
        "cases:ladder_withdraw": Sample(step_kwargs, step, reason),
        "cases:moreel_beraad_edit": Sample(
            {"pk": case.pk, "record_pk": record.pk}, record, beraad | reason
        ),
        "cases:network_edit": Sample(
            {"pk": case.pk, "entry_pk": entry.pk},
            entry,
            {"name": "y", "since": "01-01-2026"},
        ),
    }
