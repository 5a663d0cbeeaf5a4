import datetime as dt

import pytest

from cases.network import ecogram
from cases.network.services import NetworkError, network_entry_add, network_entry_end
from cases.tests.factories import CaseFactory, NetworkEntryFactory

pytestmark = pytest.mark.django_db


def test_add_and_end(team, lid):
    entry = network_entry_add(
        case=CaseFactory(team=team), by=lid, kind="buren", name="Ria",
        since=dt.date(2026, 2, 1),
    )  # fmt: skip
    ended = network_entry_end(entry=entry, by=lid, until=dt.date(2026, 3, 1))
    assert ended.until == dt.date(2026, 3, 1)
    assert not ended.is_current(dt.date(2026, 3, 2))


def test_end_before_since_is_refused(team, lid):
    entry = NetworkEntryFactory(case__team=team, since=dt.date(2026, 2, 1))
    with pytest.raises(NetworkError):
        network_entry_end(entry=entry, by=lid, until=dt.date(2026, 1, 1))
    entry.refresh_from_db()
    assert entry.until is None


def test_ecogram_groups_by_kind_and_summarises(team):
    case = CaseFactory(team=team)
    entries = [
        NetworkEntryFactory(case=case, professional=True, name="Anna"),
        NetworkEntryFactory(case=case, kind="familie", name="Bram"),
        NetworkEntryFactory(case=case, kind="familie", name="Cor"),
    ]
    layout = ecogram.layout(entries)
    assert [n.label for n in layout["nodes"]] == ["Anna", "Bram", "Cor"]
    assert layout["summary"] == "1 professional, 2 familie"
    assert not layout["nodes"][0].dashed and layout["nodes"][1].dashed
    assert ecogram.layout([])["summary"] == "nog niemand"
