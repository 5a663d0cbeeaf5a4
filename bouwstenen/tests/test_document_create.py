from django.urls import reverse

import pytest

from bouwstenen.models import Document
from wijkteam.constants import Role

URL = "bouwstenen:startdocument_new"
DATA = {"title": "Startdocument Hillesluis", "area_code": "wk059912", "area_name": "X"}


def test_anonymous_goes_to_login(client, db):
    response = client.post(reverse(URL), DATA)
    assert response["Location"].startswith(reverse("login"))
    assert not Document.objects.exists()


@pytest.mark.parametrize("role", [Role.TEAMLEIDER, Role.WIJKTEAMLID])
def test_roles_without_the_right_get_403(login, member, team, role):
    response = login(member(role, team)).post(reverse(URL), DATA)
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_wrong_method_is_405(login, kwartiermaker):
    assert login(kwartiermaker).put(reverse(URL)).status_code == 405


def test_bad_area_code_shows_dutch_error_and_saves_nothing(login, kwartiermaker):
    response = login(kwartiermaker).post(reverse(URL), {**DATA, "area_code": "Zuid"})
    assert response.status_code == 200
    assert "Een CBS-code begint met GM, WK of BU" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("url", "kind"),
    [(URL, "startdocument"), ("bouwstenen:plan_new", "plan_van_aanpak")],
)
def test_happy_path_creates_document_with_concept_version(
    login, kwartiermaker, team, url, kind
):
    response = login(kwartiermaker).post(reverse(url), DATA)
    document = Document.objects.get()
    assert response["Location"] == reverse(
        "bouwstenen:document_detail", args=[document.pk]
    )
    assert (document.team, document.kind, document.area_code) == (
        team,
        kind,
        "WK059912",
    )
    version = document.versions.get()
    assert (version.number, version.status) == (1, "concept")
    assert version.status_changes.get().to_status == "concept"
