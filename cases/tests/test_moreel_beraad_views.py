"""The moreel beraad tab of a casus: list and record (view and service)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.measuring.services import MeasuringError, moral_deliberation_record
from cases.models import MoralDeliberation
from cases.tests.factories import CaseFactory
from cases.tests.factories_measuring import MoralDeliberationFactory, member_of
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    case = CaseFactory(team=team, regievoerder=lid)
    member_of(case)
    return case


def url(case):
    return reverse("cases:moreel_beraad", kwargs={"pk": case.pk})


def data(*participants, **extra):
    return {
        "held_on": timezone.localdate().strftime("%d-%m-%Y"),
        "dilemma": "Huisuitzetting laten gebeuren of opnieuw bemiddelen?",
        "perspectives": "Eigen regie van meneer; belang van de buren.",
        "decision": "Nog één bemiddelingsgesprek met de corporatie.",
        "participants": [p.pk for p in participants],
        "other_participants": "",
        **extra,
    }


def test_anonymous_goes_to_login(client, case):
    assert client.get(url(case))["Location"].startswith(reverse("login"))


def test_put_is_405(login, lid, case):
    assert login(lid).put(url(case)).status_code == 405


def test_other_team_is_404(login, outsider, case):
    client = login(outsider)
    assert client.get(url(case)).status_code == 404
    assert client.post(url(case), data(outsider)).status_code == 404
    assert not MoralDeliberation.objects.exists()


def test_balie_is_403(login, balie, case, lid):
    client = login(balie)
    assert client.get(url(case)).status_code == 403
    assert client.post(url(case), data(lid)).status_code == 403
    assert not MoralDeliberation.objects.exists()


def test_list_shows_records_and_logs_the_household(login, lid, case):
    MoralDeliberationFactory(case=case, held_on=dt.date(2026, 10, 5))
    other_case = CaseFactory(team=case.team)
    MoralDeliberationFactory(case=other_case, dilemma="Schoolverzuimdilemma")
    response = login(lid).get(url(case))
    body = response.content.decode()
    assert response.status_code == 200
    assert "05-10-2026" in body and "Gedragswetenschapper" in body
    assert "Schoolverzuimdilemma" not in body
    persons = set(AccessLogEntry.objects.values_list("person_id", flat=True))
    assert persons == set(case.household.members.values_list("person_id", flat=True))


def test_record(login, lid, leader, case):
    client = login(lid)
    response = client.post(url(case), data(lid, leader, other_participants="Jeugdarts"))
    assert response.status_code == 302
    record = MoralDeliberation.objects.get()
    assert set(record.participants.all()) == {lid, leader}
    assert record.recorded_by == lid and record.other_participants == "Jeugdarts"
    body = client.get(url(case)).content.decode()
    assert "Huisuitzetting" in body and "Jeugdarts" in body


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"dilemma": ""}, "Beschrijf de vraag of het dilemma."),
        ({"decision": ""}, "Beschrijf het besluit."),
        ({"participants": []}, "Geef aan wie er deelnamen."),
        ({"held_on": "01-01-2099"}, "toekomst"),
    ],
)
def test_bad_input_saves_nothing(login, lid, case, extra, message):
    response = login(lid).post(url(case), data(lid, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MoralDeliberation.objects.exists()


def test_a_member_of_another_team_cannot_be_a_participant(login, lid, case, outsider):
    response = login(lid).post(url(case), data(outsider))
    assert response.status_code == 400
    assert not MoralDeliberation.objects.exists()


def test_service_refuses_a_future_date(case, lid):
    with pytest.raises(MeasuringError):
        moral_deliberation_record(
            case=case, by=lid, held_on=timezone.localdate() + dt.timedelta(days=2),
            dilemma="x", perspectives="y", decision="z", participants=[lid],
        )  # fmt: skip
    assert not MoralDeliberation.objects.exists()
