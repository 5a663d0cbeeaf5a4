"""A kwartiermaker fills in two bouwstenen, sees the completeness, exports the plan
van aanpak and downloads the PDF (rendered by a real Celery worker)."""

from django.core.management import call_command

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu
from tests.browser.test_login_roles import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kwartiermaker_fills_in_bouwstenen_and_exports_pdf(page, celery_worker):
    call_command("demo_data", force=True)
    log_in(page, "kwartiermaker")
    page.get_by_role("heading", name="Als kwartiermaker").wait_for()

    open_menu(page, "Kwartiermaken")
    page.get_by_role("heading", name="Startdocumenten").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw startdocument").click()
    page.get_by_label("Titel").fill("Startdocument Feijenoord 2027")
    page.get_by_label("CBS-code gebied").fill("WK059910")
    page.get_by_label("Naam gebied").fill("Feijenoord")
    assert_accessible(page)
    page.get_by_role("button", name="Aanmaken").click()
    page.get_by_role("heading", name="Startdocument Feijenoord 2027").wait_for()
    assert_accessible(page)

    # Bouwsteen 1: Opgave, with the CBS figures of the area next to it (the demo's
    # CBS data is in the repository, so a bare clone shows them too)
    page.get_by_role("link", name="Opgave bewerken").click()
    page.get_by_text("Kerncijfers Feijenoord, CBS 2024").wait_for()
    page.wait_for_load_state("load")  # bouwstenen.js listens from here on
    page.get_by_label("Wat zijn de belangrijkste kenmerken van de wijk").fill(
        "Oude arbeiderswijk, veel jonge gezinnen en schulden."
    )
    page.get_by_text("U hebt wijzigingen die nog niet zijn opgeslagen.").wait_for()
    page.get_by_label("Versterken van de sociale veerkracht van de bewoners").check()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan en naar Inrichting en uitvoering").click()

    # Bouwsteen 2: Inrichting en uitvoering
    page.get_by_role("heading", name="2. Inrichting en uitvoering").wait_for()
    page.get_by_label("Schuldhulpverlening").check()
    page.get_by_label("Samenlevingsopbouw").check()
    page.get_by_label("Integraal werkend team").check()
    page.get_by_label("Hoe ver gaat de inzet?").fill("Kortdurend, hoogstens een jaar.")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_text("Inrichting en uitvoering opgeslagen.").wait_for()
    page.get_by_text("Dit onderdeel: 3 van 6 vragen beantwoord (50%)").wait_for()
    page.get_by_text("Hele document: 5 van 37 vragen beantwoord (14%)").wait_for()

    page.get_by_role("link", name="Startdocument Feijenoord 2027").click()
    page.get_by_text("Totaal: 5 van 37 vragen beantwoord").wait_for()

    # The plan van aanpak as PDF: the request returns at once, the worker renders
    open_menu(page, "Kwartiermaken")
    page.get_by_role("link", name="Plannen van aanpak").first.click()
    page.get_by_role("link", name="Plan van aanpak Wijkteam Feijenoord").click()
    page.get_by_role("button", name="Exporteer als PDF").click()
    download_link = page.get_by_role("link", name="PDF downloaden").first
    download_link.wait_for(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_teamleider_compares_versions_and_comments(page):
    call_command("demo_data", force=True)
    log_in(page, "teamleider")
    open_menu(page, "Kwartiermaken")
    page.get_by_role("link", name="Startdocument Wijkteam Feijenoord").click()
    page.get_by_role("heading", name="Startdocument Wijkteam Feijenoord").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Vergelijken").click()
    page.get_by_role("heading", name="Versie 1 en versie 2 vergeleken").wait_for()
    page.get_by_text("2 vragen gewijzigd.").wait_for()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("textbox", name="Opmerking").fill("Graag de wachttijden erbij.")
    page.get_by_role("button", name="Opmerking plaatsen").click()
    page.get_by_text("Graag de wachttijden erbij.").wait_for()
    page.get_by_role("link", name="Team-ontwikkelingsplan").click()
    page.get_by_text("Training Krachtgericht werken voor alle teamleden").wait_for()
    assert_accessible(page)
