"""The teamleider assigns a regievoerder from the werkbak; the wijkteamlid finds
the casus under "mijn casussen" and writes a journal entry."""

from django.core.management import call_command

import pytest

from cases.models import Case, JournalEntry
from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()  # logged in


def test_assign_then_journal(page):
    call_command("demo_data", force=True)
    log_in(page, "teamleider")
    open_menu(page, "Werkbak")
    page.get_by_role("heading", name="Werkbak", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_label("Regievoerder voor Huishouden El Idrissi").select_option(
        label="Youssef El Amrani (2 open)"
    )
    page.get_by_role("button", name="Toewijzen aan Huishouden El Idrissi").click()
    page.get_by_text("Youssef El Amrani is nu regievoerder.").wait_for()
    case = Case.objects.get(household__name="Huishouden El Idrissi")
    assert case.regievoerder.username == "wijkteamlid"

    page.get_by_role("link", name="Caseload overdragen").click()
    page.get_by_role("heading", name="Caseload overdragen").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "wijkteamlid")
    open_menu(page, "Casussen")
    page.get_by_role("heading", name="Mijn casussen").wait_for()
    new_row = page.get_by_role("row").filter(has_text="Nieuw voor u")
    new_row.get_by_text("Huishouden El Idrissi").wait_for()
    assert new_row.count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Huishouden El Idrissi").click()
    page.get_by_role("heading", name="Huishouden El Idrissi", exact=False).wait_for()
    assert_accessible(page)
    page.get_by_label("Soort contact").select_option(label="Huisbezoek")
    page.get_by_label("Wie waren er").fill("Karim en Hanan")
    page.get_by_label("Notitie").fill("Kennismaking thuis; zorgen over geld en school.")
    page.get_by_role("button", name="Contactmoment vastleggen").click()
    page.get_by_text("Het contactmoment is vastgelegd.").wait_for()
    page.get_by_text("Kennismaking thuis; zorgen over geld en school.").first.wait_for()
    assert_accessible(page)
    assert JournalEntry.objects.filter(
        case=case, author__username="wijkteamlid"
    ).exists()
