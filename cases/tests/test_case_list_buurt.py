"""Casus list: filter by buurt (any member of the household lives there)."""

from django.urls import reverse

import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory
from gebiedsanalyse.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
URL = reverse("cases:case_list")


@pytest.fixture
def buurten(team):
    afrikaander, bloemhof = (
        AreaFactory(name="Afrikaanderwijk"),
        AreaFactory(name="Bloemhof"),
    )
    afrikaander.teams.add(team)
    bloemhof.teams.add(team)
    return afrikaander, bloemhof


def case_with_members(team, name, *buurten, main=0):
    case = CaseFactory(team=team, household__name=name)
    for i, buurt in enumerate(buurten):
        HouseholdMemberFactory(
            household=case.household,
            person=PersonFactory(team=team, buurt=buurt),
            is_main_contact=i == main,
        )
    return case


def test_filter_offers_only_the_teams_buurten(login, lid, buurten, other_team):
    elsewhere = AreaFactory(name="Tarwewijk")
    elsewhere.teams.add(other_team)
    body = login(lid).get(URL, {"scope": "team"}).content.decode()
    assert "Afrikaanderwijk" in body and "Bloemhof" in body
    assert "Tarwewijk" not in body


def test_filter_by_buurt_of_any_member_once(login, lid, team, buurten):
    afrikaander, bloemhof = buurten
    # Two members in the buurt: listed once, not twice.
    case_with_members(team, "Huishouden Twee Hier", afrikaander, afrikaander)
    # Only a child lives there, the main contact elsewhere: still listed.
    case_with_members(team, "Huishouden Kind Hier", bloemhof, afrikaander)
    case_with_members(team, "Huishouden Elders", bloemhof)
    body = (
        login(lid)
        .get(URL, {"scope": "team", "buurt": afrikaander.code})
        .content.decode()
    )
    assert body.count("Huishouden Twee Hier") == 1
    assert "Huishouden Kind Hier" in body
    assert "Huishouden Elders" not in body


def test_query_count_is_constant_with_buurt_filter(
    login, lid, team, buurten, django_assert_max_num_queries
):
    afrikaander, _ = buurten
    client = login(lid)
    params = {"scope": "team", "buurt": afrikaander.code}
    case_with_members(team, "Huishouden 0", afrikaander)
    with django_assert_max_num_queries(17) as few:
        client.get(URL, params)
    for i in range(10):
        case_with_members(team, f"Huishouden {i + 1}", afrikaander, afrikaander)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(URL, params).content.decode()
    assert "Huishouden 10" in body
