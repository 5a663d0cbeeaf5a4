"""Beheer imports a CBS file through the upload page; the kwartiermaker opens a buurt,
sees figures, charts and tables, and adds a sleutelfiguur. axe on every page."""

from django.core.management import call_command

import pytest

from gebiedsanalyse.tests.cbs_files import MAP_BUURTEN, cbs_path
from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username, password="demo"):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


def test_import_then_open_a_buurt_and_add_a_sleutelfiguur(page, tmp_path):
    csv_file = cbs_path(MAP_BUURTEN, tmp_path)
    call_command("demo_data", force=True)
    csp_errors = []
    page.on(
        "console",
        lambda msg: (
            csp_errors.append(msg.text)
            if "Content Security Policy" in msg.text
            else None
        ),
    )

    # Beheer imports the CBS buurten file of the Wijk- en Buurtkaart.
    log_in(page, "beheerder")
    open_menu(page, "CBS-import")
    page.get_by_role("heading", name="CBS-cijfers importeren").wait_for()
    assert_accessible(page)
    page.get_by_label("Bestand").set_input_files(str(csv_file))
    page.get_by_label("Jaar van de cijfers").fill("2024")
    page.get_by_role("button", name="Importeren").click()
    page.get_by_text("Regels gelezen: 702").wait_for()
    page.get_by_text("Kolommen niet herkend:").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    # The kwartiermaker opens a buurt of the team's werkgebied.
    log_in(page, "kwartiermaker")
    open_menu(page, "Gebieden")
    page.get_by_role("heading", name="Gebieden", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Afrikaanderwijk").click()
    page.get_by_role("heading", name="Afrikaanderwijk").first.wait_for()
    table = page.locator("#kerncijfers-tabel")
    assert table.get_by_role("columnheader", name="Rotterdam").is_visible()
    assert table.get_by_role("columnheader", name="Nederland").is_visible()
    assert table.get_by_role("row", name="Personen met bijstand").is_visible()
    assert "670.610" in table.inner_text()
    canvas = page.locator("canvas#grafiek-leeftijd")
    canvas.wait_for()
    assert page.evaluate(
        "() => !!Chart.getChart(document.getElementById('grafiek-leeftijd'))"
    )
    assert page.locator("svg.choropleth a").count() >= 5
    assert_accessible(page)

    # The gemeente's buurten coloured by another indicator; a buurt is a link.
    page.goto("/gebieden/GM0599/?niveau=buurt&indicator=bijstand")
    page.get_by_role("heading", name="Kaart: personen met bijstand").wait_for()
    assert_accessible(page)
    page.locator('svg.choropleth a[aria-label^="Afrikaanderwijk"]').click()
    page.get_by_role("heading", name="Afrikaanderwijk").first.wait_for()

    # ... and adds a sleutelfiguur for this buurt.
    page.get_by_role("link", name="Plek of persoon toevoegen").click()
    page.get_by_label("Soort").select_option(label="Sleutelfiguur")
    page.get_by_label("Naam").fill("Buurtmoeder Fatima")
    page.get_by_label("Wat zij bieden").fill("Kent veel nieuwkomers in de buurt.")
    assert "Afrikaanderwijk" in page.get_by_label("Gebied").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("'Buurtmoeder Fatima' is opgeslagen").wait_for()
    page.get_by_role("cell", name="Buurtmoeder Fatima", exact=True).wait_for()
    assert_accessible(page)
    assert not csp_errors, csp_errors
