"""A wijkteamlid records two ZRM assessments on the metingen tab of a casus and
sees the trend: the chart is drawn (canvas) and the table holds the scores;
then a trede on the participatieladder and a moreel beraad. Axe on every page."""

import datetime as dt

from django.utils import timezone

import pytest

from cases.models import MoralDeliberation, ZrmAssessment
from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory
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


def record_zrm(page, day: dt.date, financien: str, huisvesting: str):
    page.get_by_label("Lid van het huishouden").first.select_option(
        label="Rowena Pinas"
    )
    page.get_by_label("Datum meting").fill(day.strftime("%d-%m-%Y"))
    page.get_by_label("Financiën").select_option(financien)
    page.get_by_label("Huisvesting").select_option(huisvesting)
    page.get_by_role("button", name="ZRM-meting vastleggen").click()
    page.get_by_text("De ZRM-meting is vastgelegd.").wait_for()


def test_two_zrm_assessments_show_a_trend(page, team, member):
    lid = member(Role.WIJKTEAMLID, team, username="lid", first_name="Youssef")
    case = CaseFactory(team=team, regievoerder=lid, household__name="Huishouden Pinas")
    person = PersonFactory(team=team, first_name="Rowena", last_name="Pinas")
    HouseholdMemberFactory(household=case.household, person=person)
    today = timezone.localdate()

    log_in(page, "lid")
    page.goto(f"/casussen/{case.pk}/")
    page.get_by_role("link", name="Metingen").click()
    page.get_by_text("Nog geen ZRM-metingen.").wait_for()
    assert_accessible(page)

    record_zrm(page, today - dt.timedelta(days=30), "1", "3")
    record_zrm(page, today, "3", "4")
    assert ZrmAssessment.objects.filter(case=case).count() == 2

    canvas = page.locator(f"canvas#grafiek-zrm-{person.pk}")
    canvas.wait_for()
    # Chart.js has drawn: the canvas has a size and non-blank pixels.
    page.wait_for_function(
        "id => { const c = document.getElementById(id);"
        " return window.Chart && window.Chart.getChart(c) !== undefined"
        " && c.width > 0 && c.toDataURL().length > 3000; }",
        arg=f"grafiek-zrm-{person.pk}",
    )
    trend = page.get_by_role("table", name="ZRM-scores van Rowena Pinas per meting")
    fin = trend.get_by_role("row").filter(has_text="Financiën").inner_text()
    assert fin.split() == ["Financiën", "1", "3"]
    huis = trend.get_by_role("row").filter(has_text="Huisvesting").inner_text()
    assert huis.split() == ["Huisvesting", "3", "4"]
    compare = page.locator("table.zrm-vergelijking")
    assert "+2" in compare.get_by_role("row").filter(has_text="Financiën").inner_text()
    assert_accessible(page)

    page.locator("#id_ladder_person").select_option(label="Rowena Pinas")
    page.locator("#id_measured_on").fill(today.strftime("%d-%m-%Y"))
    page.locator("#id_step").select_option(label="4 – onbetaald werk")
    page.get_by_role("button", name="Trede vastleggen").click()
    page.get_by_text("De trede op de participatieladder is vastgelegd.").wait_for()
    page.locator(f"canvas#grafiek-ladder-{person.pk}").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Moreel beraad").click()
    page.get_by_text("Nog geen moreel beraad over deze casus.").wait_for()
    assert_accessible(page)
    page.get_by_label("Vraag of dilemma").fill("Melden we het schoolverzuim?")
    page.get_by_label("Perspectieven").fill("Vertrouwen van moeder; recht op school.")
    page.get_by_label("Besluit").fill("Eerst samen met moeder naar de mentor.")
    page.get_by_label("Youssef").check()
    page.get_by_role("button", name="Moreel beraad vastleggen").click()
    page.get_by_text("Het moreel beraad is vastgelegd.").wait_for()
    page.get_by_text("Melden we het schoolverzuim?").wait_for()
    assert MoralDeliberation.objects.filter(case=case).count() == 1
    assert_accessible(page)


def test_correcting_a_zrm_score_changes_the_trend(page, team, member):
    """A mistyped score is corrected with a reason; the trend table shows
    the new score, the column is marked and the correction is listed."""
    lid = member(Role.WIJKTEAMLID, team, username="lid", first_name="Youssef")
    case = CaseFactory(
        team=team, regievoerder=lid, household__name="Huishouden Pinas",
        status="in_behandeling",
    )  # fmt: skip
    person = PersonFactory(team=team, first_name="Rowena", last_name="Pinas")
    HouseholdMemberFactory(household=case.household, person=person)
    today = timezone.localdate()

    log_in(page, "lid")
    page.goto(f"/casussen/{case.pk}/metingen/")
    record_zrm(page, today - dt.timedelta(days=30), "1", "3")
    record_zrm(page, today, "2", "4")
    trend = page.get_by_role("table", name="ZRM-scores van Rowena Pinas per meting")
    fin = trend.get_by_role("row").filter(has_text="Financiën")
    assert fin.inner_text().split() == ["Financiën", "1", "2"]

    label = today.strftime("%d-%m-%Y")
    page.get_by_role("link", name=f"Corrigeren meting van {label}").click()
    page.get_by_role("heading", name="ZRM-meting corrigeren").wait_for()
    assert_accessible(page)
    page.get_by_label("Financiën").select_option("3")
    page.get_by_role("button", name="Correctie opslaan").click()
    # no reason: a Dutch error, the chosen score stays
    page.get_by_text("Geef de reden van de correctie.").first.wait_for()
    assert page.get_by_label("Financiën").input_value() == "3"
    assert_accessible(page)
    page.get_by_label("Reden van de correctie").fill("Verkeerde score ingevoerd")
    page.get_by_role("button", name="Correctie opslaan").click()
    page.get_by_text("De ZRM-meting is gecorrigeerd.").wait_for()

    trend = page.get_by_role("table", name="ZRM-scores van Rowena Pinas per meting")
    fin = trend.get_by_role("row").filter(has_text="Financiën")
    assert fin.inner_text().split() == ["Financiën", "1", "3"]
    assert trend.get_by_text("gecorrigeerd").count() == 1
    page.get_by_text("Verkeerde score ingevoerd — Financiën 2 → 3").wait_for()
    compare = page.locator("table.zrm-vergelijking")
    assert "+2" in compare.get_by_role("row").filter(has_text="Financiën").inner_text()
    assert_accessible(page)
