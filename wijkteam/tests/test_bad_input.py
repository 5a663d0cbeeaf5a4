"""Bad input handled before any view: control characters, oversized posts."""

from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

import pytest

from wijkteam.constants import Role
from wijkteam.middleware import StripControlCharactersMiddleware


def _through_middleware(request):
    seen = {}

    def view(req):
        seen["GET"], seen["POST"] = req.GET, req.POST
        return None

    StripControlCharactersMiddleware(view)(request)
    return seen


def test_control_characters_are_removed_from_fields_and_query():
    factory = RequestFactory()
    request = factory.post(
        "/x/?q=a%00b%1Bc",
        {"note": "regel 1\r\n\tregel\x00 2\x07\x7f", "n": ["\x01a", "b"]},
    )
    seen = _through_middleware(request)
    assert seen["GET"]["q"] == "abc"
    assert seen["POST"]["note"] == "regel 1\r\n\tregel 2"  # tab and line breaks stay
    assert seen["POST"].getlist("n") == ["a", "b"]
    assert not seen["POST"]._mutable


def test_clean_input_is_left_alone():
    request = RequestFactory().post("/x/", {"note": "gewoon — tekst 😀"})
    original = request.POST
    assert _through_middleware(request)["POST"] is original


def test_a_post_over_the_limit_gets_the_dutch_400_page(client, member, team):
    client.force_login(member(Role.TEAMLEIDER, team))
    too_much = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(
        reverse("team_switch"),
        f"team={too_much}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "Niet verwerkt" in response.content.decode()


@pytest.mark.django_db
def test_upload_limits_are_set():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440


def test_a_body_larger_than_any_upload_is_refused_unread(client, member, team):
    client.force_login(member(Role.BEHEERDER, team))
    response = client.post(
        reverse("gebiedsanalyse:cbs_upload"),
        "x",
        content_type="text/csv",
        CONTENT_LENGTH=str((settings.CBS_UPLOAD_MAX_MB + 2) * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "Niet verwerkt" in response.content.decode()
