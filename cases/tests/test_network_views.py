import datetime as dt
import re

from django.urls import reverse

import pytest

from cases.models import NetworkEntry
from cases.tests.factories import (
    AllocationFactory,
    CaseFactory,
    HouseholdMemberFactory,
    NetworkEntryFactory,
    ReferralFactory,
)
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team):
    case = CaseFactory(team=team, household__name="Huishouden Pinas")
    HouseholdMemberFactory(household=case.household)
    return case


def url(case, name="cases:case_network", **kw):
    return reverse(name, kwargs={"pk": case.pk, **kw})


def test_anonymous_goes_to_login(client, case):
    assert client.get(url(case))["Location"].startswith(reverse("login"))


def test_other_team_is_404(login, outsider, case):
    assert login(outsider).get(url(case)).status_code == 404


def test_balie_is_403(login, balie, case):
    assert login(balie).get(url(case)).status_code == 403


def test_post_is_405(login, lid, case):
    assert login(lid).post(url(case)).status_code == 405


def test_tab_shows_network_list_ecogram_and_logs(login, lid, case):
    NetworkEntryFactory(
        case=case, professional=True, name="Els Bakker",
        moederorganisatie="Wijkteamorganisatie", contact="010-1234567",
    )  # fmt: skip
    NetworkEntryFactory(case=case, kind="buren", name="Ria de Wit")
    NetworkEntryFactory(
        case=case, kind="familie", name="Oom Kees", until=dt.date(2026, 2, 1)
    )
    body = login(lid).get(url(case)).content.decode()
    assert 'aria-current="page"' in body.split('id="kop-netwerk"')[0]
    assert "Els Bakker" in body and "Wijkteamorganisatie" in body
    svg = body.split("<svg viewBox")[1].split("</svg>")[0]
    assert "Els Bakker" in svg and "Ria de Wit" in svg
    assert "Oom Kees" not in svg  # ended: in the list only
    assert "1 professional, 1 buren" in svg
    # Coordinates with a decimal point, also in the Dutch locale (not "360,5").
    assert not re.search(r'(cx|x2|lx)="\d+,\d', svg)
    assert "tot 01-02-2026" in body
    ids = re.findall(r' id="([^"]+)"', body)
    assert len(ids) == len(set(ids)), "every label must point at its own field"
    member = case.household.members.first()
    assert AccessLogEntry.objects.filter(
        person_id=member.person_id, purpose="netwerk inzien"
    ).exists()


def test_query_count_is_constant_with_30_entries(
    login, lid, case, django_assert_max_num_queries
):
    client = login(lid)
    NetworkEntryFactory(case=case)
    ReferralFactory(case=case)
    AllocationFactory(case=case)
    with django_assert_max_num_queries(40) as few:
        assert client.get(url(case)).status_code == 200
    NetworkEntryFactory.create_batch(15, case=case, professional=True)
    NetworkEntryFactory.create_batch(14, case=case, kind="buren")
    ReferralFactory.create_batch(3, case=case)
    AllocationFactory.create_batch(3, case=case)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(url(case)).content.decode()
    assert body.count("<circle cx=") >= 30


def test_add_entry(login, lid, case):
    response = login(lid).post(
        url(case, "cases:network_add"),
        {"kind": "sleutelfiguur", "name": "Imam Yusuf", "since": "01-03-2026"},
    )
    assert response.status_code == 302
    entry = NetworkEntry.objects.get(case=case)
    assert entry.name == "Imam Yusuf" and entry.created_by == lid


def test_add_entry_bad_input_saves_nothing(login, lid, case):
    response = login(lid).post(
        url(case, "cases:network_add"),
        {"kind": "professional", "name": "Iemand", "since": "31-02-2026"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Vul de datum in als dd-mm-jjjj." in body
    assert "Vul de organisatie van de professional in." in body
    assert not NetworkEntry.objects.exists()


def test_end_entry(login, lid, case):
    entry = NetworkEntryFactory(case=case, since=dt.date(2026, 1, 1))
    client = login(lid)
    end = url(case, "cases:network_end", entry_pk=entry.pk)
    assert client.get(end).status_code == 405
    assert client.post(end, {"until": "01-02-2026"}).status_code == 302
    entry.refresh_from_db()
    assert entry.until == dt.date(2026, 2, 1)


def test_end_entry_of_another_casus_is_404(login, lid, case, team):
    entry = NetworkEntryFactory(case=CaseFactory(team=team))
    end = url(case, "cases:network_end", entry_pk=entry.pk)
    assert login(lid).post(end, {"until": "01-02-2026"}).status_code == 404
