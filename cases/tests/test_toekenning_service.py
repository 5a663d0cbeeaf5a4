import datetime as dt

import pytest

from cases.models import Allocation
from cases.network.services import (
    NetworkError,
    allocation_change_status,
    allocation_create,
)
from cases.tests.factories import AllocationFactory, CaseFactory, ProviderFactory
from wijkteam.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db


def test_create_with_history(team, lid):
    allocation = allocation_create(
        case=CaseFactory(team=team), by=lid, kind="huishoudelijke_hulp",
        legal_basis="wmo", status="toegekend", decided_on=dt.date(2026, 1, 2),
        start_on=dt.date(2026, 1, 5), provider=ProviderFactory(team=team),
    )  # fmt: skip
    assert allocation.is_running
    assert [h.to_status for h in allocation.status_changes.all()] == ["toegekend"]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "toegekend"},  # no decision date
        {"status": "beeindigd"},  # not a start status
        {"start_on": dt.date(2026, 3, 1), "end_on": dt.date(2026, 2, 1)},
    ],
)
def test_create_refuses_bad_input(team, lid, fields):
    with pytest.raises(NetworkError):
        allocation_create(
            case=CaseFactory(team=team), by=lid, kind="begeleiding",
            legal_basis="wmo", **fields,
        )  # fmt: skip
    assert not Allocation.objects.exists()


def test_provider_of_another_team_is_refused(team, other_team, lid):
    with pytest.raises(NetworkError):
        allocation_create(
            case=CaseFactory(team=team), by=lid, kind="begeleiding",
            legal_basis="wmo", provider=ProviderFactory(team=other_team),
        )  # fmt: skip


def test_transitions(team, lid):
    allocation = AllocationFactory(case__team=team, status="aangevraagd")
    with pytest.raises(TransitionNotAllowed):
        allocation_change_status(allocation=allocation, by=lid, to="beeindigd")
    allocation = allocation_change_status(
        allocation=allocation, by=lid, to="toegekend", on=dt.date(2026, 10, 1)
    )
    assert allocation.decided_on == dt.date(2026, 10, 1)
    allocation = allocation_change_status(
        allocation=allocation, by=lid, to="beeindigd", on=dt.date(2026, 11, 1)
    )
    assert allocation.end_on == dt.date(2026, 11, 1) and not allocation.is_running
    assert allocation.status_changes.count() == 2
