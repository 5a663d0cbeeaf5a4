"""The casus "Status wijzigen" card shows the closing fields (reden, evaluatie,
wettelijk kader) only for a status that closes the casus; what was typed stays
when they hide and come back, and without script they are all there."""

import pytest

from cases.casework.constants import CaseStatus
from cases.tests.factories import CaseFactory
from tests.browser.axe import assert_accessible
from wijkteam.constants import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


@pytest.fixture
def casus(member, team):
    lid = member(Role.WIJKTEAMLID, team, username="lid-status")
    return CaseFactory(team=team, regievoerder=lid, in_progress=True)


def test_closing_fields_follow_the_chosen_status(page, casus):
    log_in(page, "lid-status")
    page.goto(f"/casussen/{casus.pk}/")
    status = page.get_by_label("Nieuwe status")
    reason = page.get_by_label("Reden van afsluiten")
    evaluation = page.get_by_label("Evaluatie (bij afsluiten)")
    status.select_option("monitoring")
    assert reason.is_hidden() and evaluation.is_hidden()
    assert_accessible(page)

    status.select_option("afgesloten")
    assert reason.is_visible() and page.get_by_label("Wettelijk kader").is_visible()
    evaluation.fill("Het gezin redt het zelf.")
    status.select_option("monitoring")
    assert evaluation.is_hidden()
    status.select_option("afgesloten")
    assert evaluation.input_value() == "Het gezin redt het zelf."  # kept
    assert_accessible(page)

    # Closing without a reason: the Dutch error, the evaluation still there.
    page.get_by_role("button", name="Status opslaan").click()
    page.get_by_text("Kies de reden van afsluiten.").wait_for()
    assert reason.is_visible()
    assert evaluation.input_value() == "Het gezin redt het zelf."
    assert_accessible(page)
    casus.refresh_from_db()
    assert casus.status == CaseStatus.IN_BEHANDELING

    reason.select_option(index=1)
    page.get_by_role("button", name="Status opslaan").click()
    page.get_by_text("De status is bijgewerkt.").wait_for()
    casus.refresh_from_db()
    assert casus.status == CaseStatus.AFGESLOTEN


def test_without_script_every_field_is_there(browser, live_server, casus):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        log_in(page, "lid-status")
        page.goto(f"/casussen/{casus.pk}/")
        page.get_by_label("Nieuwe status").select_option("monitoring")
        assert page.get_by_label("Reden van afsluiten").is_visible()
        assert page.get_by_label("Evaluatie (bij afsluiten)").is_visible()
    finally:
        context.close()
