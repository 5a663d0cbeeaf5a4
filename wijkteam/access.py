"""The one access check. Every view goes through here.

Two questions, always in this order:
1. Does the object belong to a team the user is an active member of? If not: 404,
   so another team's data is not even shown to exist.
2. Does the user's role in *that* team allow the action? If not: 403.

Permissions are written once, in PERMISSIONS: action -> roles that may do it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from wijkteam.constants import Role
from wijkteam.models import Membership, Team

ALL_ROLES = frozenset(Role.values)
TEAM_WORKERS = frozenset({Role.WIJKTEAMLID, Role.TEAMLEIDER})
PERSON_DATA_ROLES = frozenset({Role.BALIE, Role.WIJKTEAMLID, Role.TEAMLEIDER})

PERMISSIONS: dict[str, frozenset[str]] = {
    "team.view": ALL_ROLES,
    # Intake (voordeur): the desk and the team.
    "intake.view": PERSON_DATA_ROLES,
    "intake.register": PERSON_DATA_ROLES,
    "person.search": PERSON_DATA_ROLES,
    "vraagverheldering.record": TEAM_WORKERS,
    # Casus-regie: never the desk.
    "case.view": TEAM_WORKERS,
    "case.edit": TEAM_WORKERS,
    "case.assign": frozenset({Role.TEAMLEIDER}),
    # The werkbak's signal thresholds: the teamleider steers by them, the beheerder
    # sets the team up; neither sees a resident on that page.
    "signals.edit": frozenset({Role.TEAMLEIDER, Role.BEHEERDER}),
    # The plan of a casus: the team workers, never the desk.
    "plan.view": TEAM_WORKERS,
    "plan.edit": TEAM_WORKERS,
    # Metingen (ZRM, participatieladder) and moreel beraad of a casus: the team.
    "metingen.view": TEAM_WORKERS,
    "metingen.record": TEAM_WORKERS,
    "moreel_beraad.view": TEAM_WORKERS,
    "moreel_beraad.record": TEAM_WORKERS,
    # Gebiedsanalyse and kwartiermaken.
    "area.view": ALL_ROLES,
    "area.edit": frozenset({Role.KWARTIERMAKER, Role.TEAMLEIDER, Role.WIJKTEAMLID}),
    "teamfigures.view": frozenset(
        {Role.KWARTIERMAKER, Role.TEAMLEIDER, Role.WIJKTEAMLID}
    ),
    "startdocument.view": frozenset({Role.KWARTIERMAKER, Role.TEAMLEIDER}),
    "startdocument.edit": frozenset({Role.KWARTIERMAKER}),
    "startdocument.comment": frozenset({Role.KWARTIERMAKER, Role.TEAMLEIDER}),
    # Functioneel beheer.
    "beheer": frozenset({Role.BEHEERDER}),
    "accesslog.view": frozenset({Role.BEHEERDER}),
    # The members of the team: add, change or end a role, deactivate, reset link.
    "team.manage": frozenset({Role.BEHEERDER}),
    # Areas and their CBS figures are shared by every team of the gemeente, so only
    # the gemeente-wide role imports them; a team's beheerder may read the history.
    "area.import": frozenset({Role.GEMEENTEBEHEERDER}),
    "area.import_history": frozenset({Role.BEHEERDER, Role.GEMEENTEBEHEERDER}),
    # iWmo messages concern the whole gemeente (a toewijzing is not a team's until
    # it is mapped to a resident), so likewise: the gemeente-wide role imports, a
    # team's beheerder may read the import runs (ids and counts, no BSN).
    "iwmo.import": frozenset({Role.GEMEENTEBEHEERDER}),
    "iwmo.history": frozenset({Role.BEHEERDER, Role.GEMEENTEBEHEERDER}),
    # AVG: inzageverzoek (export of everything about one person) and retention.
    "inzage.request": frozenset({Role.BEHEERDER}),
}

SESSION_TEAM_KEY = "wijkteam_team_id"


def roles_by_team(user) -> dict[int, frozenset[str]]:
    """{team_id: roles} for the user's active memberships, cached on the user."""
    if not user.is_authenticated or not user.is_active:
        return {}
    cached = getattr(user, "_wijkteam_roles", None)
    if cached is None:
        cached = {}
        rows = (
            Membership.objects.active().filter(user=user).values_list("team_id", "role")
        )
        for team_id, role in rows:
            cached[team_id] = cached.get(team_id, frozenset()) | {role}
        user._wijkteam_roles = cached
    return cached


def roles_in(user, team: Team | int | None) -> frozenset[str]:
    if team is None:
        return frozenset()
    team_id = team if isinstance(team, int) else team.pk
    return roles_by_team(user).get(team_id, frozenset())


def can(user, permission: str, team: Team | int | None) -> bool:
    allowed = PERMISSIONS[permission]  # KeyError: a typo must fail loudly
    return bool(roles_in(user, team) & allowed)


def team_ids_with(user, permission: str) -> list[int]:
    allowed = PERMISSIONS[permission]
    return [tid for tid, roles in roles_by_team(user).items() if roles & allowed]


def teams_with(user, permission: str) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=team_ids_with(user, permission))


def current_team(request: HttpRequest) -> Team | None:
    """The team the user works in now: chosen in the session, else the first one."""
    team_ids = list(roles_by_team(request.user))
    if not team_ids:
        return None
    chosen = request.session.get(SESSION_TEAM_KEY)
    team_id = chosen if chosen in team_ids else min(team_ids)
    cached = getattr(request, "_wijkteam_team", None)
    if cached is None or cached.pk != team_id:
        cached = Team.objects.get(pk=team_id)
        request._wijkteam_team = cached
    return cached


def require(request: HttpRequest, permission: str, team: Team | None) -> None:
    """404 outside the user's teams, 403 inside them without the role for it."""
    if team is None or team.pk not in roles_by_team(request.user):
        raise Http404
    if not can(request.user, permission, team):
        raise PermissionDenied


def get_object_for_user(
    request: HttpRequest,
    queryset: QuerySet | type[Model],
    permission: str,
    *,
    team_field: str = "team",
    **lookup,
):
    """Fetch one object that belongs to a team of the user, then check the role.

    `team_field` is the path to the object's team ("" when the object is a team).
    Apps wrap this: `get_case_for_user(request, pk, write=False)` and so on.
    """
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    member_of = list(roles_by_team(request.user))
    scope = f"{team_field}__in" if team_field else "pk__in"
    try:
        obj = queryset.filter(**{scope: member_of}).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    team = obj
    for part in filter(None, team_field.split("__")):
        team = getattr(team, part)
    require(request, permission, team)
    return obj


def team_permission_required(permission: str) -> Callable:
    """For views without one object: the current team must allow `permission`.

    Sets `request.team`.
    """

    def decorator(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            team = current_team(request)
            require(request, permission, team)
            request.team = team
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def roles_label(roles: Iterable[str]) -> str:
    return ", ".join(Role(r).label for r in sorted(roles))
