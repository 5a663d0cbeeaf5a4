from django.urls import reverse

import pytest

from bouwstenen.models import Answer
from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


def url_for(document, number=1):
    return reverse("bouwstenen:section_edit", args=[document.pk, number])


def test_anonymous_goes_to_login(client, document):
    response = client.post(url_for(document), {"kenmerken": "x"})
    assert response["Location"].startswith(reverse("login"))
    assert not Answer.objects.exists()


def test_other_team_gets_404(login, member, other_team, document):
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert client.get(url_for(document)).status_code == 404
    assert client.post(url_for(document), {"kenmerken": "x"}).status_code == 404
    assert not Answer.objects.exists()


@pytest.mark.parametrize("role", [Role.TEAMLEIDER, Role.WIJKTEAMLID])
def test_role_without_the_right_gets_403(login, member, team, document, role):
    response = login(member(role, team)).post(url_for(document), {"kenmerken": "x"})
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_wrong_method_is_405(login, kwartiermaker, document):
    assert login(kwartiermaker).put(url_for(document)).status_code == 405


def test_unknown_section_is_404(login, kwartiermaker, document):
    assert login(kwartiermaker).get(url_for(document, 7)).status_code == 404


def test_page_shows_questions_choices_hook_and_warning_script(
    login, kwartiermaker, document
):
    body = login(kwartiermaker).get(url_for(document, 1)).content.decode()
    assert "Welke potenties/ hulpbronnen zijn in de wijk aanwezig?" in body
    assert "Versterken van de sociale veerkracht van de bewoners" in body
    assert "Gebiedsanalyse nog niet beschikbaar" in body
    assert "data-unsaved-warning" in body
    assert "js/bouwstenen.js" in body
    assert "<script>" not in body  # CSP: no inline script
    vormgeving = login(kwartiermaker).get(url_for(document, 3)).content.decode()
    assert "Het geïntegreerd werkend team" in vormgeving
    assert "gemandateerd, zelfstandig werkend team" in vormgeving
    assert "Gebiedsanalyse nog niet beschikbaar" not in vormgeving


def test_bad_choice_shows_dutch_error_and_saves_nothing(login, kwartiermaker, document):
    response = login(kwartiermaker).post(
        url_for(document, 3), {"model__keuze": "hierarchisch", "model": "tekst"}
    )
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden." in response.content.decode()
    assert not Answer.objects.exists()


def test_too_long_answer_saves_nothing(login, kwartiermaker, document):
    response = login(kwartiermaker).post(
        url_for(document, 1), {"kenmerken": "ok", "potenties": "x" * 10_001}
    )
    assert "Het antwoord is te lang" in response.content.decode()
    assert not Answer.objects.exists()


def test_happy_path_saves_answers_and_choices(login, kwartiermaker, document):
    client = login(kwartiermaker)
    response = client.post(
        url_for(document, 2),
        {
            "breedte__keuze": ["schuldhulp", "mantelzorg"],
            "breedte": "Jeugd niet",
            "integratie__keuze": "integraal",
            "diepte-inzet": "Drie maanden",
            "volgende": "1",
        },
    )
    assert response["Location"] == url_for(document, 3)
    breedte = Answer.objects.get(question__code="breedte")
    assert sorted(breedte.choices.values_list("code", flat=True)) == [
        "mantelzorg",
        "schuldhulp",
    ]
    assert breedte.text == "Jeugd niet"
    assert Answer.objects.get(question__code="integratie").choices.get().code == (
        "integraal"
    )
    page = client.get(url_for(document, 2)).content.decode()
    assert "Dit onderdeel: 3 van 6 vragen beantwoord (50%)" in page


def test_vastgesteld_version_is_frozen(login, kwartiermaker, team):
    document = DocumentFactory(
        team=team, answers={"kenmerken": ("oud", [])}, status="vastgesteld"
    )
    client = login(kwartiermaker)
    assert "kan niet worden gewijzigd" in client.get(url_for(document)).content.decode()
    response = client.post(url_for(document), {"kenmerken": "nieuw"}, follow=True)
    assert "start een nieuwe versie" in response.content.decode()
    assert Answer.objects.get(question__code="kenmerken").text == "oud"
