from django.urls import reverse

import pytest

from cases.models import Vraagverheldering
from cases.tests.factories import CaseFactory, QuestionFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(team):
    return QuestionFactory(
        team=team, queued=True, text="Ik kom rond de 20e geld tekort."
    )


def url(question):
    return reverse("cases:question_detail", kwargs={"pk": question.pk})


def test_anonymous_goes_to_login(client, question):
    assert client.get(url(question))["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, outsider, question):
    assert login(outsider).get(url(question)).status_code == 404


def test_role_without_right_is_403(login, kwartiermaker, question):
    assert login(kwartiermaker).get(url(question)).status_code == 403


def test_wrong_method_is_405(login, balie, question):
    assert login(balie).post(url(question)).status_code == 405


def test_balie_sees_question_and_can_plan_but_not_clarify(login, balie, question):
    response = login(balie).get(url(question))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ik kom rond de 20e geld tekort." in body
    assert "Inplannen bij een wijkteamlid" in body
    assert "Vraagverheldering vastleggen" not in body
    assert AccessLogEntry.objects.filter(person_id=question.person_id).count() == 1


def test_wijkteamlid_can_clarify(login, lid, question):
    body = login(lid).get(url(question)).content.decode()
    assert "Vraagverheldering vastleggen" in body


def test_balie_does_not_get_a_link_to_the_casus(login, balie, lid, team):
    case = CaseFactory(team=team)
    question = QuestionFactory(team=team, status="casus", case=case)
    case_url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    assert case_url not in login(balie).get(url(question)).content.decode()
    assert "Casus geopend" in login(balie).get(url(question)).content.decode()
    assert case_url in login(lid).get(url(question)).content.decode()


def test_balie_sees_that_the_vraagverheldering_took_place_not_its_content(
    login, balie, lid, question
):
    """The conversation and its ZRM quickscan are the team's, like the metingen."""
    Vraagverheldering.objects.create(
        question=question,
        recorded_by=lid,
        real_question="Wil overzicht over de schulden.",
        decision="casus_openen",
        decision_note="Regie nodig.",
        zrm_scores={"financien": 2},
    )
    body = login(balie).get(url(question)).content.decode()
    assert "De inhoud is alleen voor het team." in body
    for content in ("Wil overzicht over de schulden.", "Regie nodig.", "ZRM"):
        assert content not in body
    body = login(lid).get(url(question)).content.decode()
    assert "Wil overzicht over de schulden." in body
    assert "Regie nodig." in body
    assert "ZRM quickscan" in body
