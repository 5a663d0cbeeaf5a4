import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.tests.factories import QuestionFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
URL = reverse("cases:my_appointments")


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, lid):
    assert login(lid).post(URL).status_code == 405


def test_balie_is_403(login, balie):
    assert login(balie).get(URL).status_code == 403


def test_shows_my_appointments_and_team_queue_with_waiting_days(
    login, lid, team, other_team
):
    mine = QuestionFactory(
        team=team, planned=True, assigned_to=lid, text="Mijn afspraak"
    )
    QuestionFactory(team=team, planned=True, text="Afspraak van een collega")
    waiting = QuestionFactory(
        team=team,
        queued=True,
        text="Wacht al even",
        registered_at=timezone.now() - dt.timedelta(days=3),
    )
    QuestionFactory(team=other_team, queued=True, text="Ander team")
    body = login(lid).get(URL).content.decode()
    assert "Mijn afspraak" in body
    assert "Afspraak van een collega" not in body
    assert "Wacht al even" in body and "3 dagen" in body
    assert "Ander team" not in body
    logged = set(AccessLogEntry.objects.values_list("person_id", flat=True))
    assert logged == {mine.person_id, waiting.person_id}


def test_query_count_is_constant(login, lid, team, django_assert_max_num_queries):
    client = login(lid)
    QuestionFactory(team=team, queued=True)
    with django_assert_max_num_queries(14) as few:
        client.get(URL)
    QuestionFactory.create_batch(10, team=team, queued=True)
    QuestionFactory.create_batch(5, team=team, planned=True, assigned_to=lid)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
