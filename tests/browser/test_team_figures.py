"""The team's own figures per buurt from the area page, and the casus list's buurt
filter; axe on every page."""

from django.core.management import call_command

import pytest

from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username, password="demo"):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


def test_buurt_figures_and_casus_filter(page):
    call_command("demo_data", force=True)
    log_in(page, "kwartiermaker")
    page.goto("/gebieden/BU05991086/")
    page.get_by_role(
        "link", name="Cijfers uit het eigen werk in Afrikaanderwijk"
    ).click()
    page.get_by_role("heading", name="Cijfers uit het eigen werk per buurt").wait_for()
    table = page.get_by_role("table", name="Vragen per buurt en leefgebied")
    table.wait_for()
    assert table.get_by_role("rowheader", name="Afrikaanderwijk").is_visible()
    assert "< 5" in table.inner_text()
    assert page.get_by_role("table", name="Instroomkanalen per buurt").is_visible()
    assert_accessible(page)
    page.get_by_label("Van").fill("01-01-2000")
    page.get_by_role("button", name="Toon cijfers").click()
    page.get_by_text("01-01-2000 tot en met").first.wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "wijkteamlid")
    page.goto("/casussen/?scope=team")
    page.get_by_label("Buurt").select_option(label="Afrikaanderwijk")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**buurt=BU05991086**")
    assert page.get_by_label("Buurt").input_value() == "BU05991086"
    assert_accessible(page)
