from django.urls import reverse

import pytest

from cases.models import CaseAssignment
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team):
    return CaseFactory(team=team)


def url(case):
    return reverse("cases:case_assign", kwargs={"pk": case.pk})


def test_anonymous_goes_to_login(client, case, lid):
    response = client.post(url(case), {"regievoerder": lid.pk})
    assert response["Location"].startswith(reverse("login"))
    assert not CaseAssignment.objects.exists()


def test_get_is_405(login, leader, case):
    assert login(leader).get(url(case)).status_code == 405


def test_other_team_is_404(login, member, other_team, case, lid):
    from wijkteam.constants import Role

    outsider_leader = member(Role.TEAMLEIDER, other_team)
    response = login(outsider_leader).post(url(case), {"regievoerder": lid.pk})
    assert response.status_code == 404


def test_wijkteamlid_is_403(login, lid, case):
    assert login(lid).post(url(case), {"regievoerder": lid.pk}).status_code == 403
    assert not CaseAssignment.objects.exists()


def test_teamleider_assigns_from_werkbak(login, leader, lid, case):
    response = login(leader).post(
        url(case), {"regievoerder": lid.pk, "expected": "", "next_page": "werkbak"}
    )
    assert response["Location"] == reverse("cases:werkbak")
    case.refresh_from_db()
    assert case.regievoerder == lid


def test_reassign_without_reason_is_400(login, leader, lid, member, team):
    from wijkteam.constants import Role

    case = CaseFactory(team=team, regievoerder=lid)
    other = member(Role.WIJKTEAMLID, team)
    response = login(leader).post(
        url(case), {"regievoerder": other.pk, "expected": lid.pk}
    )
    assert response.status_code == 400
    assert "Geef een reden" in response.content.decode()
    case.refresh_from_db()
    assert case.regievoerder == lid


def test_conflict_shows_a_clear_message_and_current_state(login, leader, lid, team):
    case = CaseFactory(team=team, regievoerder=lid)
    response = login(leader).post(
        url(case), {"regievoerder": leader.pk, "expected": ""}, follow=True
    )
    body = response.content.decode()
    assert "Iemand anders heeft deze casus net toegewezen" in body
    assert f"regievoerder: {lid}" in body
    case.refresh_from_db()
    assert case.regievoerder == lid


def test_first_assignment_from_werkbak_keeps_an_optional_reason(
    login, leader, lid, case
):
    client = login(leader)
    body = client.get(reverse("cases:werkbak")).content.decode()
    assert f'name="reason" id="reden-{case.pk}"' in body
    assert "Reden (optioneel) voor" in body
    response = client.post(
        url(case),
        {
            "regievoerder": lid.pk,
            "expected": "",
            "reason": "  Kent het gezin al  ",
            "next_page": "werkbak",
        },
    )
    assert response["Location"] == reverse("cases:werkbak")
    assignment = CaseAssignment.objects.get(case=case)
    assert assignment.to_user == lid and assignment.reason == "Kent het gezin al"


def test_first_assignment_without_reason_is_fine(login, leader, lid, case):
    login(leader).post(url(case), {"regievoerder": lid.pk, "expected": ""})
    assert CaseAssignment.objects.get(case=case).reason == ""


def test_casus_page_labels_the_reason_by_whether_it_is_a_switch(
    login, leader, lid, team
):
    client = login(leader)
    first = CaseFactory(team=team)
    body = client.get(reverse("cases:case_detail", kwargs={"pk": first.pk})).content
    assert "Reden (optioneel)" in body.decode()
    assert "verplicht bij wisselen" not in body.decode()
    switch = CaseFactory(team=team, regievoerder=lid)
    body = client.get(reverse("cases:case_detail", kwargs={"pk": switch.pk})).content
    assert "Reden (verplicht bij wisselen)" in body.decode()
