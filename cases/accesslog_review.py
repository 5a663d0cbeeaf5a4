"""The casework app's part of the access-log review (wijkteam/accesslog_review.py):
a user's own persons are the members of the households of the casussen where they
are, or were, regievoerder. Registered in `CasesConfig.ready()`."""

from __future__ import annotations

from django.db.models import QuerySet

from cases.models import HouseholdMember


def own_persons(*, team, user, person) -> QuerySet[HouseholdMember]:
    return HouseholdMember.objects.in_casussen_of(user, team=team).filter(person=person)
