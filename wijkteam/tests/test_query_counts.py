"""Pages answer in a constant number of queries, however large the team."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_team_page_and_home_do_not_grow_with_the_team(login, member, team):
    client = login(member(Role.TEAMLEIDER, team))
    pages = [reverse("home"), reverse("team_detail", kwargs={"pk": team.pk})]
    small = [_queries(client, url) for url in pages]
    MembershipFactory.create_batch(30, team=team)
    large = [_queries(client, url) for url in pages]
    assert large == small
    assert max(large) <= 10
