"""Werkbak: filter by signal, regievoerder and buurt; counts follow the filter."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory
from gebiedsanalyse.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
URL = reverse("cases:werkbak")


def section(body: str, heading_id: str) -> str:
    if f'id="{heading_id}"' not in body:
        return ""
    return body.split(f'id="{heading_id}"')[1].split("</section>")[0]


def counts(body: str) -> str:
    return body.split('aria-label="Aantallen')[1].split("</ul>")[0]


@pytest.fixture
def buurten(team):
    afrikaander, bloemhof = (
        AreaFactory(name="Afrikaanderwijk"),
        AreaFactory(name="Bloemhof"),
    )
    afrikaander.teams.add(team)
    bloemhof.teams.add(team)
    return afrikaander, bloemhof


@pytest.fixture
def spread(team, lid, leader, buurten):
    """Unassigned old/new, a quiet casus per member, one casus in each buurt."""
    afrikaander, bloemhof = buurten
    weeks_ago = timezone.localdate() - dt.timedelta(weeks=8)
    old = CaseFactory(team=team, household__name="Huishouden Oud")
    old.opened_at = timezone.now() - dt.timedelta(days=20)
    old.save()
    HouseholdMemberFactory(
        household=old.household, person=PersonFactory(team=team, buurt=afrikaander)
    )
    new = CaseFactory(team=team, household__name="Huishouden Nieuw")
    HouseholdMemberFactory(
        household=new.household, person=PersonFactory(team=team, buurt=bloemhof)
    )
    CaseFactory(
        team=team,
        regievoerder=lid,
        household__name="Huishouden Stil Lid",
        last_contact_on=weeks_ago,
    )
    CaseFactory(
        team=team,
        regievoerder=leader,
        household__name="Huishouden Stil Leider",
        last_contact_on=weeks_ago,
    )
    return old, new


def test_no_filter_shows_everything(login, leader, spread):
    body = login(leader).get(URL).content.decode()
    assert "Huishouden Oud" in section(body, "kop-nieuw")
    assert "Huishouden Nieuw" in section(body, "kop-nieuw")
    signals = section(body, "kop-signalen")
    assert "Stil Lid" in signals and "Stil Leider" in signals
    assert "<strong>4</strong> open casussen" in counts(body)
    assert "<strong>2</strong> zonder regievoerder" in counts(body)


def test_filter_by_signal_no_contact_hides_the_unassigned(login, leader, spread):
    body = login(leader).get(URL, {"signaal": "geen_contact"}).content.decode()
    assert section(body, "kop-nieuw") == ""
    assert "Stil Lid" in section(body, "kop-signalen")
    assert "<strong>2</strong> zonder contact" in counts(body)


def test_filter_waiting_too_long_shows_only_the_old(login, leader, spread):
    body = login(leader).get(URL, {"signaal": "wacht_te_lang"}).content.decode()
    unassigned = section(body, "kop-nieuw")
    assert "Huishouden Oud" in unassigned and "Huishouden Nieuw" not in unassigned
    assert section(body, "kop-signalen") == ""
    assert "<strong>1</strong> zonder regievoerder" in counts(body)


def test_filter_by_regievoerder(login, leader, lid, spread):
    body = login(leader).get(URL, {"regievoerder": lid.pk}).content.decode()
    signals = section(body, "kop-signalen")
    assert "Stil Lid" in signals and "Stil Leider" not in signals
    assert section(body, "kop-nieuw") == ""
    assert "<strong>1</strong> open casussen" in counts(body)
    assert "<strong>0</strong> zonder regievoerder" in counts(body)
    # The workload still lists every member.
    workload = body.split('id="kop-werklast"')[1]
    assert f"<td>{leader}</td><td>1</td>" in workload


def test_filter_unassigned_only(login, leader, spread):
    body = login(leader).get(URL, {"regievoerder": "geen"}).content.decode()
    assert "Huishouden Oud" in section(body, "kop-nieuw")
    assert "Stil" not in section(body, "kop-signalen")
    assert "<strong>2</strong> open casussen" in counts(body)


def test_filter_by_buurt(login, leader, lid, spread, buurten):
    afrikaander, _ = buurten
    body = login(leader).get(URL, {"buurt": afrikaander.code}).content.decode()
    unassigned = section(body, "kop-nieuw")
    assert "Huishouden Oud" in unassigned and "Huishouden Nieuw" not in unassigned
    assert "Stil" not in section(body, "kop-signalen")
    assert "<strong>1</strong> open casussen" in counts(body)
    workload = body.split('id="kop-werklast"')[1]
    assert f"<td>{lid}</td><td>0</td>" in workload


def test_unknown_filter_values_filter_nothing(login, leader, other_team, spread):
    elsewhere = AreaFactory(name="Tarwewijk")
    elsewhere.teams.add(other_team)
    response = login(leader).get(
        URL, {"signaal": "onzin", "buurt": elsewhere.code, "regievoerder": "999999"}
    )
    assert response.status_code == 200
    assert "<strong>4</strong> open casussen" in counts(response.content.decode())


@pytest.mark.parametrize(
    "params",
    [{}, {"signaal": "geen_contact"}, {"regievoerder": "geen"}, {"buurt": "x"}],
)
def test_query_count_is_constant_with_filters(
    login, leader, lid, team, buurten, params, django_assert_max_num_queries
):
    if "buurt" in params:
        params = {"buurt": buurten[0].code}
    client = login(leader)
    weeks_ago = timezone.localdate() - dt.timedelta(weeks=8)
    # Something on every list from the start (an empty page skips the log query).
    first = CaseFactory(team=team, last_contact_on=weeks_ago)
    HouseholdMemberFactory(
        household=first.household, person=PersonFactory(team=team, buurt=buurten[0])
    )
    with django_assert_max_num_queries(25) as few:
        client.get(URL, params)
    for _ in range(6):
        case = CaseFactory(team=team, last_contact_on=weeks_ago)
        HouseholdMemberFactory(
            household=case.household,
            person=PersonFactory(team=team, buurt=buurten[0]),
        )
    CaseFactory.create_batch(4, team=team, regievoerder=lid, last_contact_on=weeks_ago)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, params)
