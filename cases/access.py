"""The one way a view of this app reaches a record and writes the access log.

Each `get_<object>_for_user` goes through `wijkteam.access.get_object_for_user`:
a record of another team (or none) is 404, a role without the permission 403.
`log_household_access` writes the NEN 7513 rows for the members of the households
a page shows, before the page is rendered. Views call these, never each other.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from cases.models import Case, HouseholdMember, Provider, Question
from wijkteam.access import get_object_for_user
from wijkteam.accesslog import log_access, log_access_of_query
from wijkteam.constants import AccessAction


def get_question_for_user(request: HttpRequest, pk: int, permission: str) -> Question:
    return get_object_for_user(
        request,
        Question.objects.select_related(
            "team", "person", "assigned_to", "voorziening", "registered_by", "case"
        ),
        permission,
        pk=pk,
    )


def get_case_for_user(
    request: HttpRequest, pk: int, permission: str = "case.view"
) -> Case:
    return get_object_for_user(
        request,
        Case.objects.select_related("team", "household", "regievoerder", "opened_by"),
        permission,
        pk=pk,
    )


def get_provider_for_user(request: HttpRequest, pk: int) -> Provider:
    return get_object_for_user(
        request, Provider.objects.select_related("team"), "beheer", pk=pk
    )


def household_members(case: Case) -> list[HouseholdMember]:
    """The household of the casus, with their persons (the tabs show them all)."""
    return list(
        HouseholdMember.objects.filter(household_id=case.household_id).select_related(
            "person"
        )
    )


def log_household_access(
    request: HttpRequest,
    cases: Case | Iterable[Case],
    *,
    purpose: str,
    members: Iterable[HouseholdMember] | None = None,
    action: str = AccessAction.VIEW,
) -> None:
    """One access-log row per person in the households shown (their names are on
    the page). One casus: its members (those given, already loaded, or read here),
    with the casus as the record. A list of casussen: one INSERT … SELECT over the
    members of their households, however long the list."""
    if isinstance(cases, Case):
        if members is None:
            person_ids = list(
                HouseholdMember.objects.filter(
                    household_id=cases.household_id
                ).values_list("person_id", flat=True)
            )
        else:
            person_ids = [m.person_id for m in members]
        log_access(
            request,
            action=action,
            person_ids=person_ids or [None],
            obj=cases,
            purpose=purpose,
        )
        return
    household_ids = list({c.household_id for c in cases})
    log_access_of_query(
        request,
        action=action,
        person_ids=HouseholdMember.objects.filter(
            household_id__in=household_ids
        ).values_list("person_id", flat=True),
        purpose=purpose,
    )
