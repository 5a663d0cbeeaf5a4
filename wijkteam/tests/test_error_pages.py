"""In demo mode (DEBUG on) a refused or missing page is the Dutch page with the
menu, not Django's English debug page listing every URL pattern."""

from django.urls import reverse

import pytest

from wijkteam.constants import AccessResult, Role
from wijkteam.models import AccessLogEntry

DEBUG_PAGE = ("URLconf", "Page not found", "Using the URLconf")


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    settings.DEMO_MODE = True


def assert_dutch_page_with_menu(response, status: int, heading: str):
    body = response.content.decode()
    assert response.status_code == status
    assert heading in body
    assert 'aria-label="Hoofdmenu"' in body and "Uitloggen" in body
    assert not any(text in body for text in DEBUG_PAGE)


def test_another_team_s_page_is_the_dutch_404_and_still_logged(
    demo, client, member, team, other_team
):
    client.force_login(member(Role.BALIE, team))
    response = client.get(reverse("team_detail", kwargs={"pk": other_team.pk}))
    assert_dutch_page_with_menu(response, 404, "Niet gevonden")
    assert AccessLogEntry.objects.filter(result=AccessResult.DENIED).count() == 1


def test_an_unknown_address_is_the_dutch_404(demo, client, member, team):
    client.force_login(member(Role.BALIE, team))
    response = client.get("/bestaat-niet/")
    assert_dutch_page_with_menu(response, 404, "Niet gevonden")


def test_a_refused_role_is_the_dutch_403(demo, client, member, team):
    client.force_login(member(Role.BALIE, team))
    response = client.get(reverse("accesslog_list"))
    assert_dutch_page_with_menu(response, 403, "Geen toegang")


def test_plain_development_keeps_the_debug_page(settings, client, member, team):
    settings.DEBUG = True
    settings.DEMO_MODE = False
    client.force_login(member(Role.BALIE, team))
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "URLconf" in response.content.decode()
