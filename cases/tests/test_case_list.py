import re

from django.urls import reverse

import pytest

from cases.models import CaseAssignment
from cases.tests.factories import CaseFactory, HouseholdMemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db
URL = reverse("cases:case_list")


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, lid):
    # POST is the filter form's (the name search stays out of the URL)
    assert login(lid).put(URL).status_code == 405


def test_balie_is_403(login, balie):
    assert login(balie).get(URL).status_code == 403


def test_mine_by_default_with_new_marker(login, lid, leader, team, other_team):
    mine = CaseFactory(team=team, regievoerder=lid, household__name="Huishouden Mijn")
    CaseAssignment.objects.create(case=mine, to_user=lid, by=leader)
    CaseFactory(team=team, regievoerder=leader, household__name="Huishouden Collega")
    CaseFactory(team=other_team, household__name="Huishouden Elders")
    body = login(lid).get(URL).content.decode()
    assert "Huishouden Mijn" in body and "Nieuw voor u" in body
    assert "Huishouden Collega" not in body and "Huishouden Elders" not in body


def test_team_scope_and_filters(login, lid, leader, team):
    CaseFactory(team=team, regievoerder=leader, household__name="Huishouden Een")
    two = CaseFactory(team=team, household__name="Huishouden Twee", in_progress=True)
    CaseFactory(team=team, household__name="Huishouden Dicht", closed=True)
    QuestionFactory(team=team, case=two, domains=["huisvesting"], status="casus")
    HouseholdMemberFactory(household=two.household, person__first_name="Zeynep")
    client = login(lid)
    body = client.get(URL, {"scope": "team"}).content.decode()
    assert "Huishouden Een" in body and "Huishouden Twee" in body
    assert "Huishouden Dicht" not in body  # open ones unless asked
    body = client.get(URL, {"scope": "team", "status": "afgesloten"}).content.decode()
    assert "Huishouden Dicht" in body and "Huishouden Een" not in body
    body = client.get(URL, {"scope": "team", "leefgebied": "huisvesting"}).content
    assert b"Huishouden Twee" in body and b"Huishouden Een" not in body
    body = client.post(URL, {"scope": "team", "q": "zeyn"}, follow=True).content
    assert b"Huishouden Twee" in body and b"Huishouden Een" not in body
    client.post(URL, {"scope": "team", "q": ""})  # an empty search ends it
    body = client.get(URL, {"scope": "team", "regievoerder": leader.pk}).content
    assert b"Huishouden Een" in body and b"Huishouden Twee" not in body


def test_query_count_is_constant(login, lid, team, django_assert_max_num_queries):
    client = login(lid)
    CaseFactory(team=team, regievoerder=lid)
    with django_assert_max_num_queries(16) as few:
        client.get(URL, {"scope": "team"})
    for _ in range(10):
        HouseholdMemberFactory(
            household=CaseFactory(team=team, regievoerder=lid).household
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, {"scope": "team"})


def test_scope_filter_says_what_it_filters(login, lid):
    body = login(lid).get(URL).content.decode()
    label = re.search(r'<label [^>]*for="id_scope"[^>]*>(.*?)</label>', body, re.S)
    assert label and label.group(1).strip() == "Toon"


def test_the_name_search_never_reaches_the_url(login, lid, team):
    """Posted, kept in the session and shown in the field; the redirect carries the
    other filters only, and the access log's path has no query string."""
    two = CaseFactory(team=team, household__name="Huishouden Twee")
    HouseholdMemberFactory(household=two.household, person__first_name="Zeynep")
    CaseFactory(team=team, household__name="Huishouden Een")
    client = login(lid)
    response = client.post(URL, {"scope": "team", "q": "zeynep"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?scope=team"
    page = client.get(response["Location"]).content.decode()
    assert "Huishouden Twee" in page and "Huishouden Een" not in page
    assert 'value="zeynep"' in page  # the active search is visible
    assert "q=zeynep" not in page  # not in the pagination links either
    assert client.get(URL, {"scope": "team", "q": "een"}).status_code == 200
    assert (
        "Huishouden Een"
        not in client.get(URL, {"scope": "team", "q": "een"}).content.decode()
    )
    assert '<form method="post"' in page
