"""A beheerder adds a member to her team, makes a password link, and the new member
chooses a password with it and logs in; the pages pass axe."""

import re

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu
from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


def log_in(page, username, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_beheerder_adds_a_member_who_then_chooses_a_password(page):
    team = TeamFactory(name="Wijkteam Noord")
    MembershipFactory(user=UserFactory(username="fatma"), team=team, role="beheerder")
    log_in(page, "fatma")
    open_menu(page, "Medewerkers")
    page.get_by_role("heading", name="Medewerkers van Wijkteam Noord").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Vul een gebruikersnaam in.").wait_for()
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill("ingrid")
    page.get_by_label("Voornaam").fill("Ingrid")
    page.get_by_label("Achternaam").fill("Smit")
    page.get_by_label("Rol").select_option(Role.BALIE.value)
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_role("heading", name="Ingrid Smit").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Herstellink maken").click()
    link = page.locator(".font-monospace").inner_text()
    assert re.search(r"/accounts/wachtwoord/.+/.+/", link)
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    page.goto(link)
    page.get_by_role("heading", name="Nieuw wachtwoord kiezen").wait_for()
    assert_accessible(page)
    new = "een-heel-nieuw-wachtwoord-42"
    page.get_by_label("Nieuw wachtwoord bevestigen").fill(new)
    page.locator("#id_new_password1").fill(new)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.get_by_text("Uw nieuwe wachtwoord is opgeslagen.").wait_for()
    log_in(page, "ingrid", new)
    page.get_by_role("link", name="Intake").wait_for()
