import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.models import Referral
from cases.tests.factories import CaseFactory, ProviderProductFactory, ReferralFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def case(team):
    return CaseFactory(team=team, household__name="Huishouden Pinas")


@pytest.fixture
def product(team):
    return ProviderProductFactory(
        provider__team=team, provider__name="Jeugdformaat", name="Jeugd-GGZ",
        norm_weeks=6, current_wait_weeks=9,
    )  # fmt: skip


def url(case, name, **kw):
    return reverse(name, kwargs={"pk": case.pk, **kw})


def test_form_shows_waiting_time_per_product(login, lid, case, product):
    body = login(lid).get(url(case, "cases:case_network")).content.decode()
    assert "Jeugdformaat: Jeugd-GGZ (wachttijd 9 wk, norm 6 wk)" in body


def test_waiting_time_partial(login, lid, case, product, other_team):
    client = login(lid)
    partial = url(case, "cases:referral_waiting_time")
    body = client.get(partial, {"product": product.pk}).content.decode()
    assert "9 weken" in body and "norm 6 weken" in body and "boven de norm" in body
    foreign = ProviderProductFactory(provider__team=other_team, current_wait_weeks=33)
    body = client.get(partial, {"product": foreign.pk}).content.decode()
    assert "33" not in body and "Kies een product" in body
    assert client.post(partial).status_code == 405


def test_refer(login, lid, case, product):
    response = login(lid).post(
        url(case, "cases:referral_add"),
        {"product": product.pk, "reason": "Angstklachten", "asked_on": "01-11-2026"},
    )
    assert response.status_code == 302
    referral = Referral.objects.get(case=case)
    assert referral.quoted_wait_weeks == 9 and referral.norm_weeks == 6


def test_refer_bad_input_saves_nothing(login, lid, case, other_team):
    foreign = ProviderProductFactory(provider__team=other_team)
    response = login(lid).post(
        url(case, "cases:referral_add"),
        {"product": foreign.pk, "reason": "", "asked_on": "morgen"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies een product uit de lijst." in body
    assert "Schrijf waarom u verwijst." in body
    assert not Referral.objects.exists()


def test_wrong_role_and_other_team(login, balie, outsider, case, product):
    data = {"product": product.pk, "reason": "x", "asked_on": "01-11-2026"}
    assert login(balie).post(url(case, "cases:referral_add"), data).status_code == 403
    assert (
        login(outsider).post(url(case, "cases:referral_add"), data).status_code == 404
    )
    assert not Referral.objects.exists()


def test_start_shows_actual_waiting_time_and_breach(login, lid, case):
    referral = ReferralFactory(
        case=case, asked_on=TODAY - dt.timedelta(days=50), norm_weeks=4
    )
    client = login(lid)
    response = client.post(
        url(case, "cases:referral_status", referral_pk=referral.pk),
        {"to": "gestart", "on": TODAY.strftime("%d-%m-%Y")},
        follow=True,
    )
    body = response.content.decode()
    assert "Werkelijke wachttijd: 8 weken." in body
    assert "later gestart dan de norm" in body
    referral.refresh_from_db()
    assert referral.started_on == TODAY


def test_start_before_asked_is_an_error_next_to_the_row(login, lid, case):
    referral = ReferralFactory(case=case, asked_on=TODAY)
    response = login(lid).post(
        url(case, "cases:referral_status", referral_pk=referral.pk),
        {"to": "gestart", "on": "01-01-2020"},
    )
    assert response.status_code == 400
    assert "De zorg kan niet vóór de aanvraag starten." in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "gevraagd"


def test_signal_on_casus_page_and_werkbak(login, lid, leader, case, team):
    ReferralFactory(case=case, asked_on=TODAY - dt.timedelta(days=60), norm_weeks=4)
    body = login(lid).get(url(case, "cases:case_detail")).content.decode()
    assert "1 verwijzing boven de wachttijdnorm" in body
    body = login(leader).get(reverse("cases:werkbak")).content.decode()
    section = body.split('id="kop-wachttijd"')[1].split("</section>")[0]
    assert "Huishouden Pinas" in section
