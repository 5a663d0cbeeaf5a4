"""Werkbak writes: the team members' contract hours (for the workload table)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from wijkteam.constants import Role
from wijkteam.models import Membership, Team


@transaction.atomic
def contract_hours_set(*, team: Team, hours_by_user: dict[int, Decimal | None]) -> int:
    """Set the contract hours of each given team worker (None: not known) on
    their active worker memberships in this team. Returns the rows changed."""
    changed = 0
    memberships = Membership.objects.select_for_update().filter(
        team=team,
        is_active=True,
        role__in=[Role.WIJKTEAMLID, Role.TEAMLEIDER],
        user_id__in=list(hours_by_user),
    )
    for membership in memberships:
        hours = hours_by_user[membership.user_id]
        if membership.contract_hours != hours:
            membership.contract_hours = hours
            membership.save(update_fields=["contract_hours"])
            changed += 1
    return changed
