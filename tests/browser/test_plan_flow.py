"""The wijkteamlid builds a plan with two goals and their actions, stelt it vast,
and reads the vastgesteld version; every page passes axe."""

import re

from django.core.management import call_command

import pytest

from cases.models import Case, PlanAction, PlanVersion
from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


def label(text):
    """A field's label, with or without crispy's asterisk for required fields."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


def add_goal(page, domain, text, owner_label, **fields):
    form = page.locator("form").filter(
        has=page.get_by_role("button", name="Doel toevoegen")
    )
    if not form.is_visible():
        page.locator("summary").filter(has_text="Doel toevoegen").click()
    page.get_by_label(label("Leefgebied")).select_option(label=domain)
    page.get_by_label(label("Doel, in de woorden van de inwoner")).fill(text)
    page.get_by_label(label(owner_label)).check()
    for name, value in fields.items():
        field = page.get_by_label(label(name))
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Doel toevoegen").click()
    page.get_by_text("Het doel is toegevoegd.").wait_for()


def add_action(page, goal_text, what, who_label, **fields):
    goal = page.locator("article").filter(has_text=goal_text)
    goal.get_by_role("link", name="Actie toevoegen").click()
    page.get_by_role("heading", name="Actie toevoegen", exact=False).wait_for()
    assert_accessible(page)
    page.get_by_label(label("Wat")).fill(what)
    page.get_by_label(label(who_label)).check()
    for name, value in fields.items():
        field = page.get_by_label(label(name))
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Actie toevoegen").click()
    page.get_by_text("De actie is toegevoegd.").wait_for()


def test_build_a_plan_and_vaststellen(page):
    call_command("demo_data", force=True)
    case = Case.objects.get(household__name="Huishouden Vermeer")
    log_in(page, "wijkteamlid")
    page.goto(f"/casussen/{case.pk}/")
    page.get_by_role("link", name="Plan", exact=True).click()
    page.get_by_role("heading", name="Plan — Huishouden Vermeer").wait_for()
    assert_accessible(page)

    add_goal(
        page, "Financiën", "Ik wil weten hoeveel geld ik elke maand heb.",
        "De inwoner (lid van het huishouden)",
        **{"Lid van het huishouden": "Bianca Vermeer", "Streefdatum": "01-03-2027"},
    )  # fmt: skip
    add_goal(
        page, "Sociaal netwerk", "Iemand hebben die met me meedenkt.",
        "Iemand uit het netwerk", **{"Naam (netwerk of professional)": "Buurvrouw Els"},
    )  # fmt: skip
    assert_accessible(page)
    add_action(
        page, "Ik wil weten hoeveel geld ik elke maand heb.",
        "Samen een overzicht van inkomsten en uitgaven maken", "Teamlid",
        **{"Welk teamlid": "Youssef El Amrani", "Uiterlijk op": "15-12-2026"},
    )  # fmt: skip
    add_action(
        page, "Iemand hebben die met me meedenkt.",
        "Els komt op dinsdag koffie drinken", "Iemand uit het netwerk",
        **{"Naam (netwerk of externe professional)": "Buurvrouw Els"},
    )  # fmt: skip
    page.get_by_role(
        "cell", name="Els komt op dinsdag koffie drinken", exact=True
    ).wait_for()
    assert PlanAction.objects.filter(case=case).count() == 2

    page.get_by_label(label("Ja")).check()
    page.get_by_label("Toelichting (niet verplicht)").fill("Samen met Bianca gelezen.")
    page.get_by_role("button", name="Versie 1 vaststellen").click()
    page.get_by_text("Versie 1 van het plan is vastgesteld.").wait_for()
    assert_accessible(page)
    version = PlanVersion.objects.get(plan__case=case)
    assert version.agreed_with_resident and len(version.content["goals"]) == 2

    page.get_by_role("link", name="Versie 1", exact=True).click()
    page.get_by_role("heading", name="Plan versie 1 — Huishouden Vermeer").wait_for()
    page.get_by_role(
        "cell", name="Samen een overzicht van inkomsten en uitgaven maken", exact=True
    ).wait_for()
    page.get_by_text("Samen met Bianca gelezen.", exact=False).wait_for()
    assert_accessible(page)
