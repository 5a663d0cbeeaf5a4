"""Every demo account logs in through the browser and sees its role's home page."""

from django.core.management import call_command

import pytest

from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACCOUNTS = [
    ("balie", "Als balie-medewerker"),
    ("wijkteamlid", "Als wijkteamlid"),
    ("teamleider", "Als teamleider"),
    ("kwartiermaker", "Als kwartiermaker"),
    ("beheerder", "Als beheerder"),
    ("wijkteamlid2", "Als wijkteamlid"),
]


def log_in(page, username, password="demo"):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.keyboard.press("Enter")  # keyboard-only: Enter submits


def test_each_demo_account_reaches_its_home_page(page):
    call_command("demo_data", force=True)
    page.goto("/accounts/login/")
    assert_accessible(page)
    for username, heading in ACCOUNTS:
        log_in(page, username)
        page.get_by_role("heading", name=heading).wait_for()
        assert page.url.endswith("/")
        assert_accessible(page)
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("heading", name="Inloggen").wait_for()


def test_wrong_password_shows_dutch_error(page):
    call_command("demo_data", force=True)
    log_in(page, "balie", "verkeerd")
    page.get_by_text("Gebruikersnaam of wachtwoord klopt niet").wait_for()
    assert_accessible(page)
