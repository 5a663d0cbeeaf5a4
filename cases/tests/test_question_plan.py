import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.intake.constants import QuestionStatus
from cases.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(team):
    return QuestionFactory(team=team, queued=True)


def url(question):
    return reverse("cases:question_plan", kwargs={"pk": question.pk})


def test_anonymous_goes_to_login(client, question, lid):
    response = client.post(url(question), {"assigned_to": lid.pk})
    assert response["Location"].startswith(reverse("login"))
    question.refresh_from_db()
    assert question.status == QuestionStatus.WACHTRIJ


def test_get_is_405(login, balie, question):
    assert login(balie).get(url(question)).status_code == 405


def test_other_team_gets_404(login, outsider, question):
    assert login(outsider).post(url(question), {"assigned_to": ""}).status_code == 404


def test_role_without_right_is_403(login, kwartiermaker, question, lid):
    response = login(kwartiermaker).post(url(question), {"assigned_to": lid.pk})
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.assigned_to is None


def test_balie_hands_question_to_a_wijkteamlid(login, balie, lid, question):
    response = login(balie).post(
        url(question), {"assigned_to": lid.pk, "appointment_at": "2030-01-02T10:30"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.GEPLAND
    assert question.assigned_to == lid
    assert question.appointment_at is not None


def test_wijkteamlid_picks_from_the_queue(login, lid, question):
    response = login(lid).post(
        url(question), {"assigned_to": lid.pk, "next_page": "afspraken"}
    )
    assert response["Location"] == reverse("cases:my_appointments")
    question.refresh_from_db()
    assert question.assigned_to == lid


def test_member_of_another_team_cannot_be_chosen(login, balie, outsider, question):
    response = login(balie).post(url(question), {"assigned_to": outsider.pk})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    question.refresh_from_db()
    assert question.assigned_to is None


def test_finished_question_cannot_be_planned(login, balie, lid, team):
    done = QuestionFactory(team=team)
    response = login(balie).post(url(done), {"assigned_to": lid.pk}, follow=True)
    assert "kan niet meer worden ingepland" in response.content.decode()
    done.refresh_from_db()
    assert done.assigned_to is None


def test_appointment_is_typed_as_dd_mm_jjjj_uu_mm(login, balie, lid, question):
    client = login(balie)
    page = client.get(reverse("cases:question_detail", kwargs={"pk": question.pk}))
    body = page.content.decode()
    field = re.search(r'<input[^>]*name="appointment_at"[^>]*>', body).group(0)
    assert 'type="text"' in field and 'placeholder="dd-mm-jjjj uu:mm"' in field
    assert "24-uursklok" in body
    response = client.post(
        url(question), {"assigned_to": lid.pk, "appointment_at": "02-01-2030 14:30"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    local = timezone.localtime(question.appointment_at)
    assert (local.date(), local.hour, local.minute) == (dt.date(2030, 1, 2), 14, 30)


def test_appointment_in_another_convention_gets_the_dutch_error(
    login, balie, lid, question
):
    response = login(balie).post(
        url(question), {"assigned_to": lid.pk, "appointment_at": "01/02/2030 2:30 PM"}
    )
    assert response.status_code == 400
    assert "Vul datum en tijd in als dd-mm-jjjj uu:mm." in response.content.decode()
    question.refresh_from_db()
    assert question.appointment_at is None
