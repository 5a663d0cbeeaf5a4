"""The counter table OpenCaseCount, kept by a database trigger, always equals a
GROUP BY over the open casussen: after create, assign, status change, team
change, delete and a bulk update."""

from django.db.models import Count

import pytest

from cases.casework.constants import CaseStatus
from cases.models import Case, OpenCaseCount
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def counters() -> dict:
    return {
        (c.team_id, c.regievoerder_key, c.status): c.count
        for c in OpenCaseCount.objects.filter(count__gt=0)
    }


def truth() -> dict:
    rows = (
        Case.objects.exclude(status=CaseStatus.AFGESLOTEN)
        .values("team_id", "regievoerder_id", "status")
        .annotate(n=Count("pk"))
    )
    return {
        (r["team_id"], r["regievoerder_id"] or 0, r["status"]): r["n"] for r in rows
    }


def test_counter_follows_every_change(team, other_team, lid, leader):
    a = CaseFactory(team=team)
    b = CaseFactory(team=team, regievoerder=lid)
    CaseFactory(team=team, closed=True)
    assert counters() == truth() != {}
    a.regievoerder = leader
    a.save()
    assert counters() == truth()
    b.status = CaseStatus.AFGESLOTEN
    b.save()
    assert counters() == truth()
    b.status = CaseStatus.IN_BEHANDELING
    b.save()
    assert counters() == truth()
    a.team = other_team
    a.save()
    assert counters() == truth()
    Case.objects.filter(team=team).update(regievoerder=None)
    assert counters() == truth()
    a.delete()
    assert counters() == truth()


def test_save_without_a_change_leaves_the_counter(team, lid):
    case = CaseFactory(team=team, regievoerder=lid)
    before = counters()
    case.save()
    assert counters() == before
