from django.urls import reverse

import pytest

from bouwstenen.models import Answer
from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


@pytest.fixture
def fixed(team):
    return DocumentFactory(
        team=team,
        answers={"model": ("Uitleg", ["integraal"])},
        vastgesteld=True,
    )


def url_for(document):
    return reverse("bouwstenen:version_new", args=[document.pk])


def test_anonymous_goes_to_login(client, fixed):
    assert client.post(url_for(fixed))["Location"].startswith(reverse("login"))
    assert fixed.versions.count() == 1


def test_other_team_gets_404(login, member, other_team, fixed):
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert client.post(url_for(fixed)).status_code == 404
    assert fixed.versions.count() == 1


def test_teamleider_gets_403(login, teamleider, fixed):
    assert login(teamleider).post(url_for(fixed)).status_code == 403
    assert fixed.versions.count() == 1


def test_get_is_405(login, kwartiermaker, fixed):
    assert login(kwartiermaker).get(url_for(fixed)).status_code == 405


def test_concept_cannot_start_a_new_version(login, kwartiermaker, document):
    response = login(kwartiermaker).post(url_for(document), follow=True)
    assert "alleen na een vastgestelde versie" in response.content.decode()
    assert document.versions.count() == 1


def test_new_concept_copies_answers_and_keeps_old_frozen(login, kwartiermaker, fixed):
    login(kwartiermaker).post(url_for(fixed))
    old, new = fixed.versions.order_by("number")
    assert (old.status, new.status, new.number) == ("vastgesteld", "concept", 2)
    copy = Answer.objects.get(version=new)
    assert copy.text == "Uitleg"
    assert copy.choices.get().code == "integraal"
    section_url = reverse("bouwstenen:section_edit", args=[fixed.pk, 3])
    login(kwartiermaker).post(
        section_url, {"model__keuze": "geintegreerd", "model": ""}
    )
    assert Answer.objects.get(version=old).choices.get().code == "integraal"
    assert Answer.objects.get(version=new).choices.get().code == "geintegreerd"
