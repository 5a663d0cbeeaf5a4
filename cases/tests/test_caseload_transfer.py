from django.urls import reverse

import pytest

from cases.models import Case
from cases.tests.factories import CaseFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db
URL = reverse("cases:caseload_transfer")


@pytest.fixture
def setup(member, team, lid):
    other = member(Role.WIJKTEAMLID, team, first_name="Ingrid")
    CaseFactory.create_batch(3, team=team, regievoerder=lid)
    return {"from_user": lid.pk, "to_users": [other.pk], "reason": "Langdurig ziek"}


def test_anonymous_goes_to_login(client, setup):
    assert client.post(URL, setup)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, leader):
    assert login(leader).put(URL).status_code == 405


def test_wijkteamlid_is_403(login, lid, setup):
    assert login(lid).post(URL, setup).status_code == 403
    assert Case.objects.filter(regievoerder=lid).count() == 3


def test_preview_first_then_move(login, leader, lid, setup):
    client = login(leader)
    preview = client.get(URL, setup)
    body = preview.content.decode()
    assert "Voorstel (3 casussen)" in body
    assert Case.objects.filter(regievoerder=lid).count() == 3
    response = client.post(URL, setup)
    assert response["Location"] == reverse("cases:werkbak")
    assert Case.objects.filter(regievoerder=lid).count() == 0


def test_missing_reason_is_400(login, leader, lid, setup):
    response = login(leader).post(URL, {**setup, "reason": ""})
    assert response.status_code == 400
    assert "Geef een reden voor het overdragen." in response.content.decode()
    assert Case.objects.filter(regievoerder=lid).count() == 3
