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
    failed = []  # every answer of 400 or more, favicon and static files included
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto("/accounts/login/")
    assert_accessible(page)
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(icon).status == 200  # no favicon 404 in the console
    for username, heading in ACCOUNTS:
        log_in(page, username)
        page.get_by_role("heading", name=heading).wait_for()
        assert page.url.endswith("/")
        assert_accessible(page)
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("heading", name="Inloggen").wait_for()
    assert failed == []


def test_wrong_password_shows_dutch_error(page):
    call_command("demo_data", force=True)
    log_in(page, "balie", "verkeerd")
    page.get_by_text("Gebruikersnaam of wachtwoord klopt niet").wait_for()
    assert_accessible(page)
