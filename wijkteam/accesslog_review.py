"""Proactive review of the access log (NEN 7513): the report of unusual access.

Per user and day: how many distinct persons they viewed, and how many of those lie
outside their own work. What a user's own persons are is the apps' knowledge, not
this package's: an app supplies it through a small hook, registered in its
`AppConfig.ready()` (the casework app: the household members of the casussen where
the user is or was regievoerder):

    register_own_persons(supplier)

    def supplier(*, team, user, person) -> Q:
        # true when `person` is one of `user`'s own persons in `team`;
        # `user` and `person` are expressions (OuterRef) of the log row, so the
        # condition is built from EXISTS subqueries.

The conditions go into the FILTER of the count inside the one GROUP BY query, so
the report stays one query however many users, days and persons there are.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from operator import or_

from django.db.models import Count, OuterRef, Q
from django.db.models.functions import TruncDate

from wijkteam.constants import AccessResult
from wijkteam.models import AccessLogEntry, Team

OwnPersons = Callable[..., Q]

OWN_PERSONS: list[OwnPersons] = []


def register_own_persons(supplier: OwnPersons) -> OwnPersons:
    """Add a supplier of "own persons" (idempotent: a second call is ignored)."""
    if supplier not in OWN_PERSONS:
        OWN_PERSONS.append(supplier)
    return supplier


def outside_own_work(team: Team) -> Q | None:
    """True for a log row whose person is none of its user's own persons; None
    (every person is outside) when no app supplies own persons."""
    user, person = OuterRef("user_id"), OuterRef("person_id")
    own = [supplier(team=team, user=user, person=person) for supplier in OWN_PERSONS]
    return ~reduce(or_, own) if own else None


def unusual_access(
    team: Team, *, since, threshold: int, outside_threshold: int
) -> list[dict]:
    """Per user and day (Amsterdam days): `persons`, the distinct persons viewed,
    and `outside`, how many of them lie outside the user's own work; a user-day is
    reported when `persons` exceeds `threshold` or `outside` exceeds
    `outside_threshold`. Only rows of users (the system's own rows, such as the
    bewaartermijnen, have none) of this team. One GROUP BY query."""
    return list(
        AccessLogEntry.objects.filter(
            team=team,
            at__gte=since,
            person_id__isnull=False,
            user__isnull=False,
            result=AccessResult.OK,
        )
        .annotate(day=TruncDate("at"))
        .values("username", "day")
        .annotate(
            persons=Count("person_id", distinct=True),
            outside=Count("person_id", distinct=True, filter=outside_own_work(team)),
        )
        .filter(Q(persons__gt=threshold) | Q(outside__gt=outside_threshold))
        .order_by("-day", "-outside", "-persons", "username")
    )
