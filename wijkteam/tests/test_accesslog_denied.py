"""NEN 7513: refused attempts are in the access log too (DeniedAccessLogMiddleware).
Another team's object (404) and a role without the right (403) each write one row
with result "geweigerd"; allowed requests, anonymous visitors and mistyped addresses
write no such row."""

from django.urls import reverse

import pytest

from cases.tests.factories import CaseFactory
from wijkteam.constants import AccessAction, AccessResult, Role
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def denied():
    return AccessLogEntry.objects.filter(result=AccessResult.DENIED)


def test_another_teams_casus_is_404_and_logged_as_refused(
    login, member, team, other_team
):
    lid = member(Role.WIJKTEAMLID, team)
    theirs = CaseFactory(team=other_team)
    url = reverse("cases:plan", kwargs={"pk": theirs.pk})
    assert login(lid).get(url).status_code == 404
    row = denied().get()
    assert (row.user, row.team, row.action) == (lid, team, AccessAction.VIEW)
    assert row.path == url and row.person_id is None
    assert row.purpose == "geweigerd (cases:plan): niet gevonden of van een ander team"


def test_a_refused_post_is_logged_as_an_attempt_to_change(
    login, member, team, other_team
):
    lid = member(Role.WIJKTEAMLID, team)
    theirs = CaseFactory(team=other_team)
    url = reverse("cases:journal_add", kwargs={"pk": theirs.pk})
    assert login(lid).post(url, {"note": "x"}).status_code == 404
    assert denied().get().action == AccessAction.CHANGE


def test_a_role_without_the_right_is_403_and_logged(login, member, team):
    balie = member(Role.BALIE, team)
    case = CaseFactory(team=team)
    url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    assert login(balie).get(url).status_code == 403
    row = denied().get()
    assert row.user == balie and row.role == Role.BALIE
    assert row.purpose == "geweigerd (cases:case_detail): rol zonder dit recht"


def test_allowed_anonymous_and_mistyped_requests_write_no_refusal(
    client, login, member, team
):
    case = CaseFactory(team=team)
    url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    assert client.get(url).status_code == 302  # anonymous: to the login page
    lid = member(Role.WIJKTEAMLID, team)
    user_client = login(lid)
    assert user_client.get(url).status_code == 200
    assert user_client.get("/bestaat-niet/").status_code == 404
    assert not denied().exists()
    assert AccessLogEntry.objects.filter(result=AccessResult.OK, user=lid).exists()
