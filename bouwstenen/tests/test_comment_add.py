from django.urls import reverse

import pytest

from bouwstenen.models import Comment, Section
from wijkteam.constants import Role


def url_for(document):
    return reverse("bouwstenen:comment_add", args=[document.pk])


def test_anonymous_goes_to_login(client, document):
    assert client.post(url_for(document), {"text": "x"})["Location"].startswith(
        reverse("login")
    )
    assert not Comment.objects.exists()


def test_other_team_gets_404(login, member, other_team, document):
    client = login(member(Role.TEAMLEIDER, other_team))
    assert client.post(url_for(document), {"text": "x"}).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("role", [Role.WIJKTEAMLID, Role.BALIE])
def test_roles_without_the_right_get_403(login, member, team, document, role):
    assert (
        login(member(role, team)).post(url_for(document), {"text": "x"}).status_code
        == 403
    )
    assert not Comment.objects.exists()


def test_get_is_405(login, teamleider, document):
    assert login(teamleider).get(url_for(document)).status_code == 405


def test_empty_comment_is_refused_in_dutch(login, teamleider, document):
    response = login(teamleider).post(url_for(document), {"text": ""}, follow=True)
    assert "Schrijf een opmerking." in response.content.decode()
    assert not Comment.objects.exists()


def test_section_of_the_other_document_kind_is_refused(login, teamleider, document):
    plan_section = Section.objects.get(document_kind="plan_van_aanpak", number=1)
    login(teamleider).post(url_for(document), {"text": "x", "section": plan_section.pk})
    assert not Comment.objects.exists()


def test_teamleider_comments_on_a_bouwsteen(login, teamleider, document):
    section = Section.objects.get(document_kind="startdocument", code="vormgeving")
    response = login(teamleider).post(
        url_for(document),
        {"text": "Waarom niet integraal?", "section": section.pk},
        follow=True,
    )
    comment = Comment.objects.get()
    assert (comment.author, comment.section, comment.version.number) == (
        teamleider,
        section,
        1,
    )
    assert "Waarom niet integraal?" in response.content.decode()
