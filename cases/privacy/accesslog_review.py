"""The casework app's part of the access-log review (wijkteam/accesslog_review.py):
a user's own persons are the members of the households of the team's casussen
where they are, or were (an assignment in the history), regievoerder. Registered in
`CasesConfig.ready()`."""

from __future__ import annotations

from django.db.models import Exists, Q

from cases.models import HouseholdMember


def own_persons(*, team, user, person) -> Q:
    """`user` and `person` are expressions of the log row (OuterRef). Two EXISTS,
    not one with OR over a join: each is an index lookup (four times faster on
    100 000 log rows)."""
    members = HouseholdMember.objects.filter(person=person, household__cases__team=team)
    return Q(Exists(members.filter(household__cases__regievoerder=user))) | Q(
        Exists(members.filter(household__cases__assignments__to_user=user))
    )
