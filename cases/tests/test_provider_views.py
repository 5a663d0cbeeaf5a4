from django.urls import reverse
from django.utils import timezone

import pytest

from cases.models import Provider, WaitingTime
from cases.tests.factories import ProviderFactory, ProviderProductFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db
LIST = reverse("cases:provider_list")


@pytest.fixture
def beheerder(member, team):
    return member(Role.BEHEERDER, team)


def detail(provider, name="cases:provider_detail", **kw):
    return reverse(name, kwargs={"pk": provider.pk, **kw})


def test_only_beheer(client, login, lid, team):
    assert client.get(LIST)["Location"].startswith(reverse("login"))
    assert login(lid).get(LIST).status_code == 403
    assert login(lid).get(detail(ProviderFactory(team=team))).status_code == 403


def test_other_team_is_404(login, member, other_team, team):
    provider = ProviderFactory(team=other_team)
    client = login(member(Role.BEHEERDER, team))
    assert client.get(detail(provider)).status_code == 404
    assert client.post(detail(provider), {"name": "Overgenomen"}).status_code == 404
    provider.refresh_from_db()
    assert provider.name != "Overgenomen"


def test_create_and_list(login, beheerder, team):
    client = login(beheerder)
    response = client.post(LIST, {"name": "Jeugdformaat", "is_active": "on"})
    provider = Provider.objects.get(team=team)
    assert response["Location"] == detail(provider)
    assert "Jeugdformaat" in client.get(LIST).content.decode()
    response = client.post(LIST, {"name": "jeugdformaat"})
    assert response.status_code == 400
    assert "Deze zorgaanbieder staat al in de lijst." in response.content.decode()


def test_product_and_waiting_time_history(login, beheerder, team):
    provider = ProviderFactory(team=team)
    client = login(beheerder)
    client.post(
        detail(provider, "cases:product_add"),
        {"name": "Jeugd-GGZ", "norm_weeks": "6", "wait_weeks": "8"},
    )
    product = provider.products.get()
    assert product.current_wait_weeks == 8
    add = detail(provider, "cases:waiting_time_add", product_pk=product.pk)
    assert client.get(add).status_code == 405
    today = timezone.localdate().strftime("%d-%m-%Y")
    client.post(add, {"weeks": "10", "valid_from": today, "note": "mail"})
    product.refresh_from_db()
    assert product.current_wait_weeks == 10
    assert WaitingTime.objects.filter(product=product).count() == 2
    body = client.get(detail(provider)).content.decode()
    assert "boven de norm" in body and "mail" in body
    client.post(
        detail(provider, "cases:product_update", product_pk=product.pk),
        {"norm_weeks": "12", "is_active": "on"},
    )
    product.refresh_from_db()
    assert product.norm_weeks == 12


def test_bad_waiting_time_saves_nothing(login, beheerder, team):
    product = ProviderProductFactory(provider__team=team)
    add = detail(product.provider, "cases:waiting_time_add", product_pk=product.pk)
    response = login(beheerder).post(add, {"weeks": "-1", "valid_from": "x"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Vul 0 of meer weken in." in body and "dd-mm-jjjj" in body
    assert not WaitingTime.objects.exists()
