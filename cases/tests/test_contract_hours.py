"""Contract hours per team member: kept by the teamleider, shown in the werkbak."""

from decimal import Decimal

from django.urls import reverse

import pytest

from cases.casework.services import contract_hours_set
from cases.tests.factories import CaseFactory
from wijkteam.constants import Role
from wijkteam.models import Membership

pytestmark = pytest.mark.django_db
URL = reverse("cases:contract_hours")


def hours_of(user, team):
    return Membership.objects.get(
        user=user, team=team, role__in=[Role.WIJKTEAMLID, Role.TEAMLEIDER]
    ).contract_hours


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, leader):
    assert login(leader).put(URL).status_code == 405


@pytest.mark.parametrize("who", ["balie", "lid", "kwartiermaker"])
def test_only_the_teamleider(login, request, who, lid):
    client = login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {f"uren_{lid.pk}": "10"}).status_code == 403
    assert hours_of(lid, lid.memberships.first().team) is None


def test_form_lists_only_this_teams_workers(login, leader, lid, outsider, balie):
    body = login(leader).get(URL).content.decode()
    assert str(lid) in body and str(leader) in body
    assert f"uren_{outsider.pk}" not in body and f"uren_{balie.pk}" not in body


def test_save_hours_with_a_decimal_comma(login, leader, lid, team):
    response = login(leader).post(
        URL, {f"uren_{lid.pk}": "25,5", f"uren_{leader.pk}": ""}
    )
    assert response.status_code == 302
    assert hours_of(lid, team) == Decimal("25.5")
    assert hours_of(leader, team) is None


def test_werkbak_shows_hours_and_cases_per_10_hours(login, leader, lid, team):
    contract_hours_set(team=team, hours_by_user={lid.pk: Decimal("20")})
    CaseFactory.create_batch(3, team=team, regievoerder=lid)
    body = login(leader).get(reverse("cases:werkbak")).content.decode()
    workload = body.split('id="kop-werklast"')[1]
    assert f"<td>{lid}</td><td>3</td><td>0</td><td>20,0</td><td>1,5</td>" in workload


@pytest.mark.parametrize(
    "value, message",
    [
        ("70", "hoogstens 60 uur"),
        ("-1", "0 of meer"),
        ("veel", "Vul een getal in"),
        ("12,25", "één decimaal"),
    ],
)
def test_bad_input_saves_nothing(login, leader, lid, team, value, message):
    contract_hours_set(team=team, hours_by_user={leader.pk: Decimal("36")})
    response = login(leader).post(
        URL, {f"uren_{lid.pk}": value, f"uren_{leader.pk}": "20"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert hours_of(lid, team) is None
    assert hours_of(leader, team) == Decimal("36")


def test_service_only_touches_the_given_team(team, other_team, member):
    both = member(Role.WIJKTEAMLID, team)
    Membership.objects.create(user=both, team=other_team, role=Role.WIJKTEAMLID)
    contract_hours_set(team=team, hours_by_user={both.pk: Decimal("32")})
    assert hours_of(both, team) == Decimal("32")
    assert hours_of(both, other_team) is None
