"""Writing the access log (NEN 7513): one call from every view that shows, searches,
prints or exports a person's data, *before* the data is rendered. If the write fails
the exception propagates and the request fails without showing anything."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.access import current_team, roles_in
from wijkteam.constants import AccessAction, AccessResult
from wijkteam.models import AccessLogEntry, Team


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for the access log and the login throttle. Behind
    TRUSTED_PROXY_COUNT proxies that each append to X-Forwarded-For it is the N-th
    address from the right (what the outermost trusted proxy saw; anything left of
    it the client may have written). Without that setting, or when the header holds
    fewer addresses or no valid one there, the connection's own address."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR") or None


def _common(
    request, *, action, purpose, team, obj, result, on_behalf_of, subject=None
) -> dict:
    """The columns every row of one logged request shares (all but the person).
    `subject` (type, id) names what was read when it is no model instance here, as
    a BSN asked of the BRP; otherwise `obj` does."""
    user = request.user if request.user.is_authenticated else None
    if team is None and user is not None:
        team = current_team(request)
    role = ",".join(sorted(roles_in(user, team))) if user and team else ""
    return {
        "user": user,
        "username": user.get_username() if user else "",
        "role": role,
        "team": team,
        "on_behalf_of": on_behalf_of,
        "action": action,
        "purpose": purpose[:200],
        # The path without its query string: a search term (name, birth date, BSN)
        # must never outlive the retention that removes the person.
        "path": request.path[:300],
        "ip_address": client_ip(request),
        "result": result,
        "object_type": obj._meta.label_lower if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
    } | ({"object_type": subject[0], "object_id": subject[1]} if subject else {})


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
    subject: tuple[str, str] | None = None,
) -> list[AccessLogEntry]:
    """Write one row per person shown (or one row without a person)."""
    common = _common(
        request,
        action=action,
        purpose=purpose,
        team=team,
        obj=obj,
        result=result,
        on_behalf_of=on_behalf_of,
        subject=subject,
    )
    ids = list(dict.fromkeys(person_ids)) or [None]
    return AccessLogEntry.objects.bulk_create(
        [AccessLogEntry(person_id=pid, **common) for pid in ids]
    )


def log_access_of_query(
    request: HttpRequest,
    *,
    action: AccessAction | str,
    person_ids: QuerySet,
    purpose: str = "",
    team: Team | None = None,
    obj=None,
    result: AccessResult | str = AccessResult.OK,
) -> int:
    """As `log_access`, for the persons a query selects (`values_list("person_id",
    flat=True)`): one INSERT … SELECT in the database, with no row objects in
    Python, for pages that show many persons (the werkbak, the casus list). A query
    that selects nobody writes one row without a person. Returns the rows written."""
    common = _common(
        request,
        action=action,
        purpose=purpose,
        team=team,
        obj=obj,
        result=result,
        on_behalf_of="",
    )
    common["at"] = timezone.now()
    fields = [
        f
        for f in AccessLogEntry._meta.concrete_fields
        if not f.primary_key and f.name != "person_id"
    ]
    values = [
        f.get_db_prep_save(
            common[f.name].pk
            if f.is_relation and common[f.name] is not None
            else common[f.name],
            connection,
        )
        for f in fields
    ]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    # Typed placeholders: an untyped literal in a SELECT list would be text.
    placeholders = ", ".join(f"%s::{f.db_type(connection)}" for f in fields)
    try:
        query_sql, query_params = person_ids.order_by().query.sql_with_params()
    except EmptyResultSet:  # e.g. `household_id__in=[]`: nobody is shown
        log_access(
            request, action=action, purpose=purpose, team=team, obj=obj, result=result
        )
        return 1
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({columns}, person_id) "
        f"SELECT {placeholders}, shown.id "
        f"FROM (SELECT DISTINCT q.id FROM ({query_sql}) AS q(id)) AS shown"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *query_params])
        written = cursor.rowcount
    if written == 0:
        log_access(
            request, action=action, purpose=purpose, team=team, obj=obj, result=result
        )
        return 1
    return written
