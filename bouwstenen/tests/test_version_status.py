from django.urls import reverse

from bouwstenen.models import DocumentVersion
from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


def url_for(document):
    return reverse("bouwstenen:version_status", args=[document.pk])


def status_of(document):
    return DocumentVersion.objects.get(document=document).status


def test_anonymous_goes_to_login(client, document):
    response = client.post(url_for(document), {"to_status": "ter_bespreking"})
    assert response["Location"].startswith(reverse("login"))
    assert status_of(document) == "concept"


def test_other_team_gets_404(login, member, other_team, document):
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert (
        client.post(url_for(document), {"to_status": "ter_bespreking"}).status_code
        == 404
    )
    assert status_of(document) == "concept"


def test_teamleider_reads_but_gets_403(login, teamleider, document):
    response = login(teamleider).post(
        url_for(document), {"to_status": "ter_bespreking"}
    )
    assert response.status_code == 403
    assert status_of(document) == "concept"


def test_get_is_405(login, kwartiermaker, document):
    assert login(kwartiermaker).get(url_for(document)).status_code == 405


def test_skipping_a_step_is_refused_in_dutch(login, kwartiermaker, document):
    response = login(kwartiermaker).post(
        url_for(document), {"to_status": "vastgesteld"}, follow=True
    )
    assert "Deze statuswijziging is niet toegestaan." in response.content.decode()
    assert status_of(document) == "concept"


def test_concept_to_ter_bespreking_to_vastgesteld(login, kwartiermaker, document):
    client = login(kwartiermaker)
    client.post(url_for(document), {"to_status": "ter_bespreking"})
    client.post(url_for(document), {"to_status": "vastgesteld", "note": "Stuurgroep"})
    version = DocumentVersion.objects.get(document=document)
    assert version.status == "vastgesteld"
    assert version.decided_by == kwartiermaker
    assert version.decided_at is not None
    history = list(version.status_changes.values_list("to_status", "note"))
    assert history == [
        ("concept", ""),
        ("ter_bespreking", ""),
        ("vastgesteld", "Stuurgroep"),
    ]
    # frozen: no transition out of vastgesteld
    client.post(url_for(document), {"to_status": "concept"})
    assert status_of(document) == "vastgesteld"


def test_vastgesteld_shows_new_version_button(login, kwartiermaker, team):
    document = DocumentFactory(team=team, vastgesteld=True)
    url = reverse("bouwstenen:document_detail", args=[document.pk])
    body = login(kwartiermaker).get(url).content.decode()
    assert "Nieuwe versie starten" in body
    assert "Team-ontwikkelingsplan" in body
