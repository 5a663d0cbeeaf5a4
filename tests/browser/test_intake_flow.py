"""The desk registers a walk-in with a new resident and hands it to a wijkteamlid;
the wijkteamlid's vraagverheldering opens a casus. Keyboard where the desk uses it."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

import pytest

from cases.models import Case, Question
from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()  # logged in


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("heading", name="Inloggen").wait_for()


def test_walk_in_to_vraagverheldering_to_casus(page):
    call_command("demo_data", force=True)
    slot = (timezone.localdate() + dt.timedelta(days=1)).strftime("%d-%m-%Y") + " 14:00"

    log_in(page, "balie")
    assert_accessible(page)
    open_menu(page, "Intake")
    page.get_by_role("heading", name="Vragen aan de balie vandaag").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe vraag").click()
    page.get_by_role("heading", name="Nieuwe vraag").wait_for()
    assert_accessible(page)

    # Autofocus on the first field; the desk types and tabs.
    assert page.evaluate("document.activeElement.name") == "first_name"
    page.keyboard.type("Fatima")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Bouz")
    # A known resident shows up while typing (htmx), with a masked BSN only.
    page.get_by_text("Fatima Bouzian").wait_for()
    # Not her: a new resident.
    page.get_by_label("Voornaam", exact=True).fill("Priya")
    page.get_by_label("Achternaam", exact=True).fill("Ramdin")
    page.get_by_text("Geen bekende inwoner gevonden").wait_for()
    page.get_by_label("Geboortedatum").fill("14-03-1987")
    page.get_by_label("Postcode").fill("3072 ab")
    page.get_by_label("Huisnummer").fill("19")

    page.get_by_label("Vraag in de woorden van de inwoner").fill(
        "Ik heb schulden en kan de energierekening niet betalen."
    )
    page.get_by_label("Financiën").check()
    page.get_by_label("Crisis").check()
    page.get_by_text("Crisis: zo handelt u").wait_for()
    assert_accessible(page)
    page.get_by_label("Urgent").check()
    assert page.get_by_text("Crisis: zo handelt u").is_hidden()
    page.get_by_label("Doorzetten naar vraagverheldering").check()
    page.get_by_label("Wijkteamlid").select_option(label="Youssef El Amrani")
    page.get_by_label("Afspraak (datum en tijd)").fill(slot)
    # Enter in a text field submits the whole form.
    page.get_by_label("Huisnummer").press("Enter")
    page.get_by_role("heading", name="Vraag van Priya Ramdin").wait_for()
    page.get_by_text("Afspraak gepland").first.wait_for()
    assert_accessible(page)
    question = Question.objects.get(person__last_name="Ramdin")
    assert question.assigned_to.username == "wijkteamlid"

    # A failed submit keeps what was typed.
    page.goto("/intake/nieuw/")
    page.get_by_label("Voornaam", exact=True).fill("Kees")
    page.get_by_label("Voornaam", exact=True).press("Enter")
    page.get_by_text("De vraag is nog niet opgeslagen").wait_for()
    assert page.get_by_label("Voornaam", exact=True).input_value() == "Kees"
    page.get_by_text("Schrijf de vraag op.").wait_for()
    assert_accessible(page)
    log_out(page)

    log_in(page, "wijkteamlid")
    open_menu(page, "Mijn afspraken")
    page.get_by_role("heading", name="Mijn afspraken en de wachtrij").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Vraagverheldering met Priya Ramdin").click()
    page.get_by_role("heading", name="Vraagverheldering met Priya Ramdin").wait_for()
    assert_accessible(page)
    page.get_by_label("De inwoner").check()
    page.get_by_label("Wat is de eigenlijke vraag").fill(
        "Schulden lopen op; mevrouw wil overzicht en rust voor de kinderen."
    )
    page.get_by_label("Financiën").select_option("2")
    page.get_by_label("Casus openen").check()
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_role("heading", name="Huishouden Ramdin").wait_for()
    assert_accessible(page)
    case = Case.objects.get(household__name="Huishouden Ramdin")
    assert case.questions.get() == question

    page.get_by_role("link", name="Priya Ramdin").click()
    page.get_by_role("heading", name="Priya Ramdin").wait_for()
    assert_accessible(page)
