import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.intake.constants import Channel, QuestionStatus
from cases.tests.factories import PersonFactory, QuestionFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
URL = reverse("cases:intake_list")


def test_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, balie):
    assert login(balie).post(URL).status_code == 405


def test_role_without_right_is_403(login, kwartiermaker):
    assert login(kwartiermaker).get(URL).status_code == 403


def test_user_without_team_is_404(login, django_user_model):
    user = django_user_model.objects.create_user("zonderteam")
    assert login(user).get(URL).status_code == 404


def test_shows_todays_questions_of_own_team_newest_first(
    login, balie, team, other_team
):
    older = QuestionFactory(
        team=team,
        text="Eerste vraag",
        registered_at=timezone.now() - dt.timedelta(hours=1),
    )
    newer = QuestionFactory(team=team, text="Tweede vraag")
    QuestionFactory(
        team=team,
        text="Vraag van gisteren",
        registered_at=timezone.now() - dt.timedelta(days=1),
    )
    QuestionFactory(team=other_team, text="Vraag van een ander team")
    response = login(balie).get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Tweede vraag") < body.index("Eerste vraag")
    assert "Vraag van gisteren" not in body
    assert "Vraag van een ander team" not in body
    assert "Nieuwe vraag" in body
    logged = set(AccessLogEntry.objects.values_list("person_id", flat=True))
    assert logged == {older.person_id, newer.person_id}


def test_bsn_is_masked_in_the_list(login, balie, team):
    QuestionFactory(team=team, person=PersonFactory(team=team, bsn="111222333"))
    body = login(balie).get(URL).content.decode()
    assert "******333" in body
    assert "111222333" not in body


def test_filters_by_status_and_channel(login, balie, team):
    QuestionFactory(team=team, text="Telefonische vraag", channel=Channel.TELEFOON)
    QuestionFactory(team=team, text="In de wachtrij", queued=True)
    client = login(balie)
    body = client.get(URL, {"channel": "telefoon"}).content.decode()
    assert "Telefonische vraag" in body and "In de wachtrij" not in body
    body = client.get(URL, {"status": QuestionStatus.WACHTRIJ}).content.decode()
    assert "Telefonische vraag" not in body and "In de wachtrij" in body


def test_bad_filter_value_is_ignored(login, balie, team):
    QuestionFactory(team=team, text="Zichtbaar")
    response = login(balie).get(URL, {"status": "onzin"})
    assert response.status_code == 200
    assert "Zichtbaar" in response.content.decode()


def test_query_count_does_not_grow_with_the_list(
    login, balie, team, django_assert_max_num_queries
):
    client = login(balie)
    QuestionFactory.create_batch(2, team=team, planned=True)
    with django_assert_max_num_queries(14) as few:
        client.get(URL)
    QuestionFactory.create_batch(20, team=team, planned=True)
    QuestionFactory.create_batch(5, team=team, anonymous=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
