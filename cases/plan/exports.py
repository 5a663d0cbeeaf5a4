"""The PDF of a casus's plan, for the resident (registered in apps.py).

It prints the current plan: the version asked for when it is vastgesteld (its
frozen snapshot), else the live concept. Plain Dutch (B1) headings, the goals in
the resident's own words.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from cases.access import get_case_for_user
from cases.models import Case, HouseholdMember, PlanVersion
from cases.plan.constants import GOAL_STATUS_PLAIN, PLAN_PDF_KIND
from cases.plan.services import plan_of, plan_snapshot, snapshot_for_display
from wijkteam.exports import ExportKind

KIND = PLAN_PDF_KIND


def _get_for_user(request, object_id: int) -> Case:
    return get_case_for_user(request, object_id, "plan.view")


def _describe(case: Case):
    """The title names the casus, not the household: it is shown in the export's
    status (polled, not logged), the admin and the file name."""
    plan = plan_of(case)
    return case.team, plan.number if plan else 1, f"Plan van casus {case.pk}"


def person_ids(case: Case) -> list[int]:
    return list(
        HouseholdMember.objects.filter(household_id=case.household_id).values_list(
            "person_id", flat=True
        )
    )


def build_context(object_id: int, version_number: int | None) -> dict:
    case = Case.objects.select_related("team", "household", "regievoerder").get(
        pk=object_id
    )
    plan = plan_of(case)
    version = (
        PlanVersion.objects.select_related("vastgesteld_by")
        .filter(plan=plan, number=version_number)
        .first()
        if plan
        else None
    )
    content = version.content if version else plan_snapshot(plan)
    groups = snapshot_for_display(content)
    for group in groups:
        for goal in group["goals"]:
            goal["plain_status"] = GOAL_STATUS_PLAIN.get(goal["status"], "")
    members = HouseholdMember.objects.filter(household=case.household).select_related(
        "person"
    )
    return {
        "case": case,
        "team": case.team,
        "version": version,
        "number": content.get("number", 1),
        "groups": groups,
        "names": [m.person.full_name for m in members],
        "printed_at": timezone.localtime(),
    }


EXPORT_KIND = ExportKind(
    name=KIND,
    label="PDF van het plan voor de inwoner",
    permission="plan.view",
    template="cases/pdf/plan.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=lambda case: reverse("cases:plan", args=[case.pk]),
    person_ids=person_ids,
)
