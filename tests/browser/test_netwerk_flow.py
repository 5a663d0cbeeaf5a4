"""A wijkteamlid refers a casus to a zorgaanbieder: the form shows the provider's
current waiting time (in the choice and, after choosing, next to it), and the
netwerk tab shows the verwijzing with that waiting time. Axe on every page."""

from django.core.management import call_command

import pytest

from cases.models import Referral
from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


def test_refer_and_see_waiting_time(page):
    call_command("demo_data", force=True)
    log_in(page, "wijkteamlid")
    open_menu(page, "Casussen")
    page.get_by_role("link", name="Huishouden de Jong").click()
    page.get_by_role("link", name="Netwerk en toekenningen").click()
    page.get_by_role("heading", name="Netwerk", exact=True).wait_for()
    page.get_by_role("img", name="Ecogram van Huishouden de Jong").wait_for()
    assert_accessible(page)

    page.get_by_text("Verwijzen naar een zorgaanbieder").click()
    product = page.get_by_label("Zorgaanbieder en product")
    option = "Jeugdformaat: Jeugd-GGZ ambulant (wachttijd 9 wk, norm 6 wk)"
    product.select_option(label=option)
    info = page.locator("#wachttijd-info")
    info.get_by_text("Actuele wachttijd bij Jeugdformaat").wait_for()
    assert "9 weken" in info.inner_text() and "boven de norm" in info.inner_text()
    assert_accessible(page)
    page.get_by_label("Reden van verwijzen").fill("Kleinzoon logeert; angstklachten.")
    page.get_by_role("button", name="Verwijzing vastleggen").click()
    page.get_by_text("Verwezen naar Jeugd-GGZ ambulant — Jeugdformaat.").wait_for()
    row = page.get_by_role("row").filter(has_text="Kleinzoon logeert")
    assert "9 weken" in row.inner_text() and "6 weken" in row.inner_text()
    assert_accessible(page)
    referral = Referral.objects.get(reason__startswith="Kleinzoon")
    assert referral.quoted_wait_weeks == 9 and referral.created_by.username == (
        "wijkteamlid"
    )

    page.goto("/toekenningen/")
    page.get_by_role("heading", name="Toekenningen van het team").wait_for()
    page.get_by_role("cell", name="Huishoudelijke hulp").first.wait_for()
    assert_accessible(page)


def test_beheerder_keeps_waiting_times(page):
    call_command("demo_data", force=True)
    log_in(page, "beheerder")
    open_menu(page, "Zorgaanbieders")
    page.get_by_role("link", name="Jeugdformaat").click()
    page.get_by_role("heading", name="Jeugdformaat").wait_for()
    assert_accessible(page)
    card = page.get_by_role("article").filter(has_text="Jeugd-GGZ ambulant")
    card.get_by_label("Weken", exact=True).fill("7")
    card.get_by_label("Bron").fill("telefoon")
    card.get_by_role("button", name="Wachttijd opslaan").click()
    page.get_by_text("Wachttijd van Jeugd-GGZ ambulant is bijgewerkt.").wait_for()
    assert (
        "7 weken"
        in page.get_by_role("article")
        .filter(has_text="Jeugd-GGZ ambulant")
        .inner_text()
    )
    assert_accessible(page)
