"""The beheerder's own pages for the team's set-up, outside /admin/: the werkbak's
signals and the werkgebied, reached from the menu; axe on both."""

from django.core.management import call_command

import pytest

from cases.models import CaseSettings
from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


def test_beheerder_sets_signals_and_werkgebied(page):
    call_command("demo_data", force=True)
    log_in(page, "beheerder")
    page.goto("/werkbak/signalen/")
    page.get_by_role("heading", name="Signalen van de werkbak").wait_for()
    assert_accessible(page)
    page.get_by_label("Signaal na zoveel weken zonder contact").fill("0")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Kies minstens 1 week.").first.wait_for()
    assert_accessible(page)
    page.get_by_label("Signaal na zoveel weken zonder contact").fill("6")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De signalen van de werkbak zijn opgeslagen.").wait_for()
    assert CaseSettings.objects.filter(no_contact_weeks=6).count() == 1

    page.goto("/gebieden/werkgebied/")
    page.get_by_role("heading", name="Werkgebied van").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het werkgebied van het team is opgeslagen.").wait_for()
    assert_accessible(page)
