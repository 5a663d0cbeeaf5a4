from django.urls import reverse
from django.utils import timezone

import pytest

from cases.intake.constants import QuestionStatus
from cases.models import Case, Vraagverheldering
from cases.tests.factories import (
    CaseFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(team, lid):
    return QuestionFactory(team=team, planned=True, assigned_to=lid)


def url(question):
    return reverse("cases:vraagverheldering", kwargs={"pk": question.pk})


def data(**overrides):
    result = {
        "held_on": "24-11-2026",
        "present": ["inwoner", "netwerk"],
        "present_note": "Zus Samira",
        "real_question": "Overzicht over de schulden.",
        "zrm_financien": "2",
        "zrm_huisvesting": "",
        "decision": "casus_openen",
    }
    result.update(overrides)
    return result


def test_anonymous_goes_to_login(client, question):
    assert client.post(url(question), data())["Location"].startswith(reverse("login"))
    assert not Vraagverheldering.objects.exists()


def test_other_team_gets_404(login, outsider, question):
    assert login(outsider).get(url(question)).status_code == 404
    assert login(outsider).post(url(question), data()).status_code == 404


def test_balie_is_403(login, balie, question):
    assert login(balie).get(url(question)).status_code == 403
    assert login(balie).post(url(question), data()).status_code == 403
    assert not Vraagverheldering.objects.exists()


def test_wrong_method_is_405(login, lid, question):
    assert login(lid).put(url(question)).status_code == 405


def test_form_shows_13_zrm_domains_and_a_dutch_date(login, lid, question):
    body = login(lid).get(url(question)).content.decode()
    assert body.count('name="zrm_') == 13
    assert f'value="{timezone.localdate():%d-%m-%Y}"' in body


def test_casus_openen_redirects_to_the_new_casus(login, lid, question):
    response = login(lid).post(url(question), data())
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:case_detail", kwargs={"pk": case.pk})
    question.refresh_from_db()
    assert question.case == case and question.status == QuestionStatus.CASUS
    record = question.vraagverheldering
    assert record.zrm_scores == {"financien": 2}
    assert record.present == ["inwoner", "netwerk"]


def test_afsluiten_needs_a_reason(login, lid, question):
    response = login(lid).post(url(question), data(decision="afsluiten"))
    assert response.status_code == 400
    assert "Geef de reden van het afsluiten." in response.content.decode()
    assert not Vraagverheldering.objects.exists()
    response = login(lid).post(
        url(question), data(decision="afsluiten", decision_note="Zelf opgelost.")
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.AFGESLOTEN


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"real_question": ""}, "Beschrijf de eigenlijke vraag."),
        ({"present": []}, "Kies wie er bij het gesprek waren."),
        ({"zrm_financien": "7"}, "Selecteer een geldige keuze"),
        ({"held_on": "gisteren"}, "Vul de datum in als dd-mm-jjjj."),
    ],
)
def test_bad_input_is_shown_and_nothing_saved(login, lid, question, overrides, message):
    response = login(lid).post(url(question), data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Vraagverheldering.objects.exists()


def test_open_casus_of_household_gives_a_clear_message(login, lid, team, question):
    household = HouseholdFactory(team=team)
    HouseholdMemberFactory(household=household, person=question.person)
    CaseFactory(team=team, household=household)
    response = login(lid).post(url(question), data())
    assert response.status_code == 400
    assert "Er is al een open casus voor dit huishouden" in response.content.decode()
    assert not Vraagverheldering.objects.exists()


def test_anonymous_question_cannot_open_a_casus(login, lid, team):
    question = QuestionFactory(team=team, queued=True, anonymous=True)
    response = login(lid).post(url(question), data())
    assert "Een casus kan alleen voor een bekende inwoner" in response.content.decode()
    assert not Case.objects.exists()


def test_done_question_redirects_to_detail(login, lid, team):
    done = QuestionFactory(team=team)
    response = login(lid).get(url(done))
    assert response["Location"] == reverse(
        "cases:question_detail", kwargs={"pk": done.pk}
    )
