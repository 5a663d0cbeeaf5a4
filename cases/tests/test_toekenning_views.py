import datetime as dt

from django.urls import reverse

import pytest

from cases.models import Allocation
from cases.tests.factories import (
    AllocationFactory,
    CaseFactory,
    HouseholdMemberFactory,
    ProviderFactory,
)
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
LIST = reverse("cases:allocation_list")


@pytest.fixture
def case(team):
    return CaseFactory(team=team, household__name="Huishouden de Jong")


def url(case, name, **kw):
    return reverse(name, kwargs={"pk": case.pk, **kw})


def test_add(login, lid, case, team):
    provider = ProviderFactory(team=team)
    response = login(lid).post(
        url(case, "cases:allocation_add"),
        {
            "kind": "huishoudelijke_hulp", "legal_basis": "wmo",
            "provider": provider.pk, "status": "toegekend",
            "decided_on": "01-10-2026", "start_on": "15-10-2026",
        },
    )  # fmt: skip
    assert response.status_code == 302
    allocation = Allocation.objects.get(case=case)
    assert allocation.provider == provider and allocation.is_running


def test_add_bad_input_saves_nothing(login, lid, case):
    response = login(lid).post(
        url(case, "cases:allocation_add"),
        {"kind": "", "legal_basis": "wmo", "status": "toegekend",
         "start_on": "15-10-2026", "end_on": "01-10-2026"},
    )  # fmt: skip
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies de soort voorziening." in body
    assert "Vul de besluitdatum in van de toekenning." in body
    assert "De einddatum ligt vóór de ingangsdatum." in body
    assert not Allocation.objects.exists()


def test_status_change(login, lid, case):
    allocation = AllocationFactory(case=case, status="aangevraagd", decided_on=None)
    client = login(lid)
    status_url = url(case, "cases:allocation_status", allocation_pk=allocation.pk)
    assert client.get(status_url).status_code == 405
    client.post(status_url, {"to": "toegekend", "on": "01-11-2026"})
    allocation.refresh_from_db()
    assert allocation.status == "toegekend"
    assert allocation.decided_on == dt.date(2026, 11, 1)
    response = client.post(status_url, {"to": "afgewezen", "on": "01-11-2026"})
    assert response.status_code == 400
    assert "Deze status kan vanaf hier niet." in response.content.decode()


def test_list_access(client, login, balie, outsider):
    assert client.get(LIST)["Location"].startswith(reverse("login"))
    assert login(balie).get(LIST).status_code == 403
    assert login(outsider).post(LIST).status_code == 405


def test_list_running_by_default_filters_and_logs(login, lid, case, other_team):
    member = HouseholdMemberFactory(household=case.household)
    AllocationFactory(case=case, kind="begeleiding", description="MARK-LOOPT")
    AllocationFactory(
        case=case, kind="schuldhulp", description="MARK-VOORBIJ",
        end_on=dt.date(2026, 1, 1), start_on=dt.date(2025, 1, 1),
    )  # fmt: skip
    AllocationFactory(case=case, status="aangevraagd", description="MARK-AANGEVRAAGD")
    AllocationFactory(case__team=other_team, description="MARK-ANDER")
    client = login(lid)
    body = client.get(LIST).content.decode()
    assert "MARK-LOOPT" in body and "MARK-VOORBIJ" not in body
    assert "MARK-AANGEVRAAGD" not in body and "MARK-ANDER" not in body
    body = client.get(LIST, {"status": "alle", "kind": "schuldhulp"}).content.decode()
    assert "MARK-VOORBIJ" in body and "MARK-LOOPT" not in body
    assert AccessLogEntry.objects.filter(person_id=member.person_id).exists()


def test_list_query_count_is_constant(login, lid, team, django_assert_max_num_queries):
    client = login(lid)
    AllocationFactory(case__team=team)
    with django_assert_max_num_queries(30) as few:
        client.get(LIST)
    for _ in range(20):
        case = CaseFactory(team=team)
        HouseholdMemberFactory(household=case.household)
        AllocationFactory(case=case, provider=ProviderFactory(team=team))
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(LIST).content.decode()
    assert body.count("<tr>") >= 21
