from django.urls import reverse

import pytest

from cases.tests.factories import PersonFactory
from wijkteam.constants import AccessAction
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
URL = reverse("cases:person_search")


def test_anonymous_goes_to_login(client):
    assert client.post(URL, {"last_name": "Kaya"})["Location"].startswith(
        reverse("login")
    )
    assert not AccessLogEntry.objects.filter(action=AccessAction.SEARCH).exists()


def test_wrong_method_is_405(login, balie):
    """A GET would carry the search terms in the URL (access log path, web server
    log): refused, and nothing is searched or logged."""
    response = login(balie).get(URL, {"bsn": "111222333", "last_name": "Kaya"})
    assert response.status_code == 405
    assert not AccessLogEntry.objects.filter(action=AccessAction.SEARCH).exists()


def test_role_without_right_is_403(login, kwartiermaker):
    assert login(kwartiermaker).post(URL, {"last_name": "x"}).status_code == 403


@pytest.mark.parametrize(
    "criteria",
    [
        {"last_name": "kay"},
        {"first_name": "gulsen"},  # accents do not matter
        {"birth_date": "02-11-1990"},
        {"postcode": "3073de", "house_number": "233"},
        {"bsn": "111222333"},
    ],
)
def test_finds_by_each_criterion_within_own_team(
    login, balie, team, other_team, criteria
):
    found = PersonFactory(
        team=team,
        first_name="Gülsen",
        last_name="Kaya",
        birth_date="1990-11-02",
        postcode="3073 DE",
        house_number="233",
        bsn="111222333",
    )
    PersonFactory(
        team=team, first_name="Henk", last_name="Berg", birth_date="1951-07-30"
    )
    elsewhere = PersonFactory(
        team=other_team,
        first_name="Gülsen",
        last_name="Kaya",
        birth_date="1990-11-02",
        postcode="3073 DE",
        house_number="233",
        bsn="111222333",
    )
    response = login(balie).post(URL, criteria, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'value="{found.pk}"' in body
    assert "Henk" not in body
    assert f'value="{elsewhere.pk}"' not in body
    assert "******333" in body and "111222333" not in body


def test_one_log_row_per_search_and_one_per_person_shown(login, balie, team):
    first = PersonFactory(team=team, last_name="Jansen")
    second = PersonFactory(team=team, last_name="Janssen")
    login(balie).post(URL, {"last_name": "jans"})
    rows = AccessLogEntry.objects.filter(action=AccessAction.SEARCH)
    assert sorted(rows.values_list("person_id", flat=True), key=str) == sorted(
        [None, first.pk, second.pk], key=str
    )
    purpose = rows.first().purpose
    assert purpose == "inwoner zoeken op name"  # what was searched on, not the value


def test_nothing_typed_finds_nothing_but_still_logs(login, balie, team):
    PersonFactory(team=team)
    body = login(balie).post(URL).content.decode()
    assert "Typ een naam" in body
    assert AccessLogEntry.objects.filter(action=AccessAction.SEARCH).count() == 1


def test_invalid_bsn_is_ignored_not_an_error(login, balie, team):
    PersonFactory(team=team, bsn="111222333")
    response = login(balie).post(URL, {"bsn": "123"})
    assert response.status_code == 200
    assert "Typ een naam" in response.content.decode()


def test_the_search_puts_no_term_in_a_url_or_the_access_log(login, balie, team):
    """The terms travel in the body: the access-log row has the bare path, and the
    desk's page asks by POST (hx-post), so no name or BSN reaches a URL."""
    PersonFactory(team=team, last_name="Kaya", bsn="111222333")
    client = login(balie)
    client.post(URL, {"last_name": "Kaya", "bsn": "111222333"})
    row = AccessLogEntry.objects.get(action=AccessAction.SEARCH, person_id=None)
    assert row.path == URL
    assert "Kaya" not in row.purpose and "111222333" not in row.purpose
    page = client.get(reverse("cases:question_register")).content.decode()
    assert f'hx-post="{URL}"' in page and f'hx-get="{URL}' not in page
