"""Writing the access log (NEN 7513): one call from every view that shows, searches,
prints or exports a person's data, *before* the data is rendered. If the write fails
the exception propagates and the request fails without showing anything."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from wijkteam.access import current_team, roles_in
from wijkteam.constants import AccessAction, AccessResult
from wijkteam.models import AccessLogEntry, Team


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def log_access(
    request: HttpRequest,
    *,
    action: AccessAction | str,
    person_ids: Iterable[int | None] = (None,),
    purpose: str = "",
    team: Team | None = None,
    obj=None,
    result: AccessResult | str = AccessResult.OK,
    on_behalf_of: str = "",
) -> list[AccessLogEntry]:
    """Write one row per person shown (or one row without a person)."""
    user = request.user if request.user.is_authenticated else None
    if team is None and user is not None:
        team = current_team(request)
    role = ",".join(sorted(roles_in(user, team))) if user and team else ""
    common = {
        "user": user,
        "username": user.get_username() if user else "",
        "role": role,
        "team": team,
        "on_behalf_of": on_behalf_of,
        "action": action,
        "purpose": purpose[:200],
        "path": request.get_full_path()[:300],
        "ip_address": client_ip(request),
        "result": result,
        "object_type": obj._meta.label_lower if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
    }
    ids = list(dict.fromkeys(person_ids)) or [None]
    return AccessLogEntry.objects.bulk_create(
        [AccessLogEntry(person_id=pid, **common) for pid in ids]
    )
