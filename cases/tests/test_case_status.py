import re

from django.urls import reverse

import pytest

from cases.casework.constants import CaseStatus, LegalFramework
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid, in_progress=True)


def url(case):
    return reverse("cases:case_status", kwargs={"pk": case.pk})


def test_anonymous_goes_to_login(client, case):
    assert client.post(url(case), {"to": "monitoring"})["Location"].startswith(
        reverse("login")
    )


def test_get_is_405(login, lid, case):
    assert login(lid).get(url(case)).status_code == 405


def test_other_team_is_404(login, outsider, case):
    assert login(outsider).post(url(case), {"to": "monitoring"}).status_code == 404


def test_balie_is_403(login, balie, case):
    assert login(balie).post(url(case), {"to": "monitoring"}).status_code == 403


def test_closing_asks_reason_and_evaluation(login, lid, case):
    response = login(lid).post(url(case), {"to": "afgesloten"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies de reden van afsluiten." in body
    assert "Schrijf een korte evaluatie." in body
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_BEHANDELING


def test_close_then_reopen(login, lid, case):
    client = login(lid)
    client.post(
        url(case),
        {"to": "afgesloten", "close_reason": "doel_bereikt", "evaluation": "Rust."},
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.AFGESLOTEN
    client.post(url(case), {"to": "in_behandeling", "note": "Nieuwe zorgen"})
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_BEHANDELING


def test_transition_outside_the_table_is_400(login, lid, team):
    case = CaseFactory(team=team)
    response = login(lid).post(url(case), {"to": "monitoring"})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == CaseStatus.AANGEMELD


# --- the wettelijk kader on the close form --------------------------------------

CLOSE = {"to": "afgesloten", "close_reason": "doel_bereikt", "evaluation": "Rust."}


def test_the_close_form_offers_the_kader_with_dutch_help(login, lid, case):
    response = login(lid).get(reverse("cases:case_detail", kwargs={"pk": case.pk}))
    body = response.content.decode()
    assert "Wettelijk kader (bij afsluiten)" in body
    assert "bepaald door de leeftijd van de gezinsleden bij afsluiten" in body
    assert 'value="jeugd"' in body and "Jeugdwet" in body and "Wmo 2015" in body


def test_the_close_form_shows_the_kader_the_casus_has(login, lid, case):
    case.legal_framework = LegalFramework.JEUGD
    case.save(update_fields=["legal_framework"])
    response = login(lid).get(reverse("cases:case_detail", kwargs={"pk": case.pk}))
    form = response.context["status_form"]
    assert form["legal_framework"].value() == LegalFramework.JEUGD


def test_closing_saves_the_chosen_kader_through_the_service(login, lid, case):
    response = login(lid).post(url(case), {**CLOSE, "legal_framework": "jeugd"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.legal_framework) == (
        CaseStatus.AFGESLOTEN,
        LegalFramework.JEUGD,
    )
    change = case.status_changes.get(to_status=CaseStatus.AFGESLOTEN)
    assert "wettelijk kader: Jeugdwet" in change.note
    assert change.by == lid


def test_closing_with_blank_kader_leaves_it_to_the_ages(login, lid, case):
    case.legal_framework = LegalFramework.WMO
    case.save(update_fields=["legal_framework"])
    login(lid).post(url(case), {**CLOSE, "legal_framework": ""})
    case.refresh_from_db()
    assert case.status == CaseStatus.AFGESLOTEN
    assert case.legal_framework == ""


def test_a_post_without_the_field_or_another_status_keeps_the_kader(login, lid, case):
    case.legal_framework = LegalFramework.JEUGD
    case.save(update_fields=["legal_framework"])
    client = login(lid)
    client.post(url(case), {"to": "monitoring", "legal_framework": "wmo"})
    case.refresh_from_db()
    assert (case.status, case.legal_framework) == ("monitoring", "jeugd")
    client.post(url(case), CLOSE)  # a client that does not know the field
    case.refresh_from_db()
    assert (case.status, case.legal_framework) == ("afgesloten", "jeugd")


def test_an_unknown_kader_is_a_dutch_error_and_nothing_changes(login, lid, case):
    response = login(lid).post(url(case), {**CLOSE, "legal_framework": "awbz"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    case.refresh_from_db()
    assert (case.status, case.legal_framework) == (CaseStatus.IN_BEHANDELING, "")


# --- the closing fields: only for a closing status (progressive) ----------------


def test_closing_fields_are_rendered_for_the_script_to_hide(login, lid, case):
    response = login(lid).get(reverse("cases:case_detail", kwargs={"pk": case.pk}))
    body = response.content.decode()
    # Without script every field is there; the group says when it is needed.
    group = re.search(
        r'<div id="status-afsluiten" data-show-when="to=afgesloten">'
        r"(.*?)</div>\s*<div[^>]*id=\"div_id_note\"",
        body,
        re.S,
    )
    assert group, "closing fields grouped before the note"
    for name in ("close_reason", "evaluation", "legal_framework"):
        assert f'name="{name}"' in group.group(1)
    assert 'aria-controls="status-afsluiten"' in body
    assert "js/intake.js" in body


def test_closing_without_reason_keeps_the_other_input(login, lid, case):
    response = login(lid).post(
        url(case),
        {"to": "afgesloten", "evaluation": "Gezin redt het zelf.", "note": "Bel"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies de reden van afsluiten." in body
    assert "Gezin redt het zelf." in body and 'value="Bel"' in body
