"""The correction pages: ZRM-meting corrigeren / intrekken, trede
corrigeren / intrekken, moreel beraad wijzigen, betrokkene wijzigen."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.intake.constants import ZrmDomain
from cases.models import (
    Correction,
    LadderMeasurement,
    MoralDeliberation,
    NetworkEntry,
    ZrmAssessment,
)
from cases.tests.factories import CaseFactory, NetworkEntryFactory
from cases.tests.factories_measuring import (
    LadderMeasurementFactory,
    MoralDeliberationFactory,
    ZrmAssessmentFactory,
    member_of,
)
from wijkteam.constants import AccessAction
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
FIN, HUIS = ZrmDomain.FINANCIEN.value, ZrmDomain.HUISVESTING.value
DAY = timezone.localdate() - dt.timedelta(days=10)


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid, in_progress=True)


@pytest.fixture
def person(case):
    return member_of(case)


@pytest.fixture
def assessment(case, person, lid):
    return ZrmAssessmentFactory(
        case=case, person=person, assessed_on=DAY, assessed_by=lid,
        scores={FIN: 2, HUIS: 3}, note="Eerste gesprek",
    )  # fmt: skip


def correct_url(a):
    return reverse("cases:zrm_correct", kwargs={"pk": a.case_id, "assessment_pk": a.pk})


def withdraw_url(a):
    return reverse(
        "cases:zrm_withdraw", kwargs={"pk": a.case_id, "assessment_pk": a.pk}
    )


def zrm_data(person, **extra):
    return {
        "person": person.pk,
        "assessed_on": DAY.strftime("%d-%m-%Y"),
        f"zrm_{FIN}": "3",
        f"zrm_{HUIS}": "3",
        "note": "Eerste gesprek",
        "reason": "Verkeerde score ingevoerd",
        **extra,
    }


def scores(a) -> dict:
    return dict(a.scores.values_list("domain", "score"))


# --- who may -----------------------------------------------------------------------


def test_anonymous_goes_to_login(client, assessment):
    for url in (correct_url(assessment), withdraw_url(assessment)):
        assert client.get(url)["Location"].startswith(reverse("login"))


def test_balie_is_403_and_changes_nothing(login, balie, assessment, person):
    client = login(balie)
    assert client.get(correct_url(assessment)).status_code == 403
    response = client.post(correct_url(assessment), zrm_data(person))
    assert response.status_code == 403
    assert client.post(withdraw_url(assessment), {"reason": "x"}).status_code == 403
    assert scores(assessment) == {FIN: 2, HUIS: 3}
    assert not Correction.objects.exists()


def test_other_team_is_404(login, outsider, assessment, person):
    client = login(outsider)
    assert client.get(correct_url(assessment)).status_code == 404
    assert client.post(withdraw_url(assessment), {"reason": "x"}).status_code == 404
    assert ZrmAssessment.objects.filter(pk=assessment.pk).exists()


def test_an_assessment_of_another_casus_is_404(login, lid, team, assessment):
    other = CaseFactory(team=team, regievoerder=lid)
    url = reverse(
        "cases:zrm_correct", kwargs={"pk": other.pk, "assessment_pk": assessment.pk}
    )
    assert login(lid).get(url).status_code == 404


def test_put_is_405(login, lid, assessment):
    assert login(lid).put(correct_url(assessment)).status_code == 405


def test_a_closed_casus_goes_back_to_the_tab(login, lid, team, person):
    case = CaseFactory(team=team, regievoerder=lid, closed=True)
    a = ZrmAssessmentFactory(case=case, person=member_of(case), scores={FIN: 2})
    client = login(lid)
    response = client.get(correct_url(a), follow=True)
    assert "De casus is afgesloten" in response.content.decode()
    response = client.post(withdraw_url(a), {"reason": "x"})
    assert response.status_code == 302
    assert ZrmAssessment.objects.filter(pk=a.pk).exists()
    # and the tab offers no correction links
    body = client.get(reverse("cases:metingen", args=[case.pk])).content.decode()
    assert "Corrigeren" not in body


# --- ZRM-meting corrigeren ---------------------------------------------------------


def test_get_is_prefilled_and_logs_every_member(login, lid, case, assessment, person):
    other = member_of(case)
    response = login(lid).get(correct_url(assessment))
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<option value="{person.pk}" selected>' in body
    assert f'value="{DAY:%d-%m-%Y}"' in body
    assert 'value="Eerste gesprek"' in body
    assert '<option value="2" selected>' in body  # Financiën
    assert "Reden van de correctie" in body
    logged = AccessLogEntry.objects.filter(user=lid, action=AccessAction.VIEW)
    assert set(logged.values_list("person_id", flat=True)) == {person.pk, other.pk}


def test_post_corrects_and_goes_back_to_the_tab(login, lid, case, assessment, person):
    client = login(lid)
    response = client.post(correct_url(assessment), zrm_data(person))
    assert response.status_code == 302
    assert response["Location"].endswith(
        f"{reverse('cases:metingen', args=[case.pk])}#kop-lid-{person.pk}"
    )
    assert scores(assessment) == {FIN: 3, HUIS: 3}
    correction = Correction.objects.get()
    assert correction.summary == "Financiën 2 → 3"
    assert AccessLogEntry.objects.filter(
        action=AccessAction.CHANGE, person_id=person.pk
    ).exists()
    tab = client.get(response["Location"]).content.decode()
    assert "De ZRM-meting is gecorrigeerd." in tab
    assert "Gecorrigeerd op" in tab and "Verkeerde score ingevoerd" in tab
    assert "Financiën 2 → 3" in tab
    assert "gecorrigeerd</span>" in tab  # the column is marked


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": ""}, "Geef de reden van de correctie."),
        ({"assessed_on": "31-02-2026"}, "Vul de datum in als dd-mm-jjjj."),
        ({f"zrm_{FIN}": "", f"zrm_{HUIS}": ""}, "Scoor minstens één leefgebied."),
        ({f"zrm_{FIN}": "2"}, "Er is niets veranderd"),  # the same values
    ],
)
def test_errors_are_dutch_keep_the_input_and_change_nothing(
    login, lid, assessment, person, changes, message
):
    data = zrm_data(person, **changes)
    if message.startswith("Er is niets"):
        data[f"zrm_{HUIS}"] = "3"
        data["reason"] = "Tóch-opgeslagen-reden"
    response = login(lid).post(correct_url(assessment), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "Niet opgeslagen." in body
    assert f'value="{data["reason"]}"' in body or not data["reason"]
    assert scores(assessment) == {FIN: 2, HUIS: 3}
    assert not Correction.objects.exists()


def test_tab_links_to_correct_and_withdraw(login, lid, case, assessment):
    body = login(lid).get(reverse("cases:metingen", args=[case.pk])).content.decode()
    assert correct_url(assessment) in body and withdraw_url(assessment) in body


# --- ZRM-meting intrekken ----------------------------------------------------------


def test_withdraw_page_shows_the_assessment(login, lid, assessment, person):
    response = login(lid).get(withdraw_url(assessment))
    assert response.status_code == 200
    body = response.content.decode()
    assert person.full_name in body and "Financiën 2" in body
    assert "Reden van het intrekken" in body
    assert AccessLogEntry.objects.filter(person_id=person.pk, user=lid).exists()


def test_withdraw_needs_a_reason(login, lid, assessment):
    response = login(lid).post(withdraw_url(assessment), {"reason": ""})
    assert response.status_code == 400
    assert "Geef de reden van het intrekken." in response.content.decode()
    assert ZrmAssessment.objects.filter(pk=assessment.pk).exists()


def test_withdraw_deletes_and_shows_it_on_the_tab(login, lid, case, assessment):
    client = login(lid)
    response = client.post(withdraw_url(assessment), {"reason": "Verkeerde persoon"})
    assert response.status_code == 302
    assert not ZrmAssessment.objects.filter(pk=assessment.pk).exists()
    tab = client.get(response["Location"]).content.decode()
    assert "De ZRM-meting is ingetrokken." in tab
    assert "Ingetrokken op" in tab and "Verkeerde persoon" in tab


# --- participatieladder ------------------------------------------------------------


def test_ladder_correct_and_withdraw(login, lid, case, person):
    step = LadderMeasurementFactory(case=case, person=person, step=2, measured_on=DAY)
    kwargs = {"pk": case.pk, "measurement_pk": step.pk}
    client = login(lid)
    url = reverse("cases:ladder_correct", kwargs=kwargs)
    assert '<option value="2" selected>' in client.get(url).content.decode()
    data = {
        "person": person.pk, "measured_on": DAY.strftime("%d-%m-%Y"), "step": "4",
        "reason": "Verkeerde trede",
    }  # fmt: skip
    bad = client.post(url, data | {"step": "9"})
    assert bad.status_code == 400
    assert "Kies een trede van 1 tot en met 6." in bad.content.decode()
    assert LadderMeasurement.objects.get(pk=step.pk).step == 2
    assert client.post(url, data).status_code == 302
    assert LadderMeasurement.objects.get(pk=step.pk).step == 4
    tab = client.get(reverse("cases:metingen", args=[case.pk])).content.decode()
    assert "trede 2 → 4" in tab
    url = reverse("cases:ladder_withdraw", kwargs=kwargs)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "Dubbel"}).status_code == 302
    assert not LadderMeasurement.objects.filter(pk=step.pk).exists()


# --- moreel beraad -----------------------------------------------------------------


def test_moreel_beraad_edit(login, lid, case):
    record = MoralDeliberationFactory(case=case, recorded_by=lid)
    record.participants.add(lid)
    url = reverse(
        "cases:moreel_beraad_edit", kwargs={"pk": case.pk, "record_pk": record.pk}
    )
    client = login(lid)
    body = client.get(url).content.decode()
    assert record.decision in body and "Reden van de correctie" in body
    data = {
        "held_on": record.held_on.strftime("%d-%m-%Y"),
        "dilemma": record.dilemma,
        "perspectives": record.perspectives,
        "decision": "Toch eerst met de school praten.",
        "participants": [lid.pk],
        "other_participants": record.other_participants,
        "reason": "Besluit verkeerd overgenomen",
    }
    bad = client.post(url, data | {"decision": ""})
    assert bad.status_code == 400
    assert "Beschrijf het besluit." in bad.content.decode()
    assert "Toch eerst" not in MoralDeliberation.objects.get(pk=record.pk).decision
    response = client.post(url, data)
    assert response.status_code == 302
    assert MoralDeliberation.objects.get(pk=record.pk).decision.startswith("Toch")
    tab = client.get(response["Location"]).content.decode()
    assert "Het moreel beraad is gewijzigd." in tab
    assert "besluit gewijzigd" in tab and "Besluit verkeerd overgenomen" in tab


def test_moreel_beraad_edit_balie_403_other_team_404(login, balie, outsider, case):
    record = MoralDeliberationFactory(case=case)
    url = reverse(
        "cases:moreel_beraad_edit", kwargs={"pk": case.pk, "record_pk": record.pk}
    )
    assert login(balie).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404


# --- netwerk: betrokkene wijzigen --------------------------------------------------


def test_network_edit(login, lid, case, person):
    entry = NetworkEntryFactory(
        case=case, kind="familie", name="Tante Ybeltje", contact="0612345678"
    )
    url = reverse("cases:network_edit", kwargs={"pk": case.pk, "entry_pk": entry.pk})
    client = login(lid)
    response = client.get(url)
    assert response.status_code == 200
    assert 'value="0612345678"' in response.content.decode()
    assert AccessLogEntry.objects.filter(person_id=person.pk, user=lid).exists()
    data = {
        "name": "Tante Ybeltje",
        "relation": entry.relation,
        "organisation": "",
        "moederorganisatie": "",
        "contact": "0687654321",
        "since": entry.since.strftime("%d-%m-%Y"),
        "note": entry.note,
    }
    bad = client.post(url, data | {"name": ""})
    assert bad.status_code == 400
    assert "Vul een naam in." in bad.content.decode()
    assert 'value="0687654321"' in bad.content.decode()  # the input stays
    assert NetworkEntry.objects.get(pk=entry.pk).contact == "0612345678"
    response = client.post(url, data)
    assert response.status_code == 302
    assert NetworkEntry.objects.get(pk=entry.pk).contact == "0687654321"
    tab = client.get(response["Location"]).content.decode()
    assert "De gegevens van Tante Ybeltje zijn gewijzigd." in tab
    assert "contact gewijzigd" in tab


def test_network_edit_balie_403_other_team_404(login, balie, outsider, case):
    entry = NetworkEntryFactory(case=case)
    url = reverse("cases:network_edit", kwargs={"pk": case.pk, "entry_pk": entry.pk})
    assert login(balie).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404
