from django.urls import reverse

import pytest

from cases.constants import CaseStatus
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
