"""Recording a trede on the participatieladder (view and service)."""

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.measuring.services import MeasuringError, ladder_measurement_record
from cases.models import LadderMeasurement
from cases.tests.factories import CaseFactory, PersonFactory
from cases.tests.factories_measuring import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid)


@pytest.fixture
def person(case):
    return member_of(case)


def url(case):
    return reverse("cases:ladder_add", kwargs={"pk": case.pk})


def data(person, **extra):
    today = timezone.localdate().strftime("%d-%m-%Y")
    return {"person": person.pk, "measured_on": today, "step": "4", **extra}


def test_anonymous_goes_to_login(client, case, person):
    assert client.post(url(case), data(person))["Location"].startswith(reverse("login"))


def test_get_is_405(login, lid, case):
    assert login(lid).get(url(case)).status_code == 405


def test_other_team_is_404(login, outsider, case, person):
    assert login(outsider).post(url(case), data(person)).status_code == 404
    assert not LadderMeasurement.objects.exists()


def test_balie_is_403(login, balie, case, person):
    assert login(balie).post(url(case), data(person)).status_code == 403
    assert not LadderMeasurement.objects.exists()


def test_records_the_step_and_shows_it(login, lid, case, person):
    client = login(lid)
    response = client.post(url(case), data(person, note="Vrijwilliger bij de kerk"))
    assert response.status_code == 302
    measurement = LadderMeasurement.objects.get()
    assert (measurement.step, measurement.measured_by) == (4, lid)
    body = client.get(response["Location"]).content.decode()
    assert "4 – onbetaald werk" in body and "Vrijwilliger bij de kerk" in body


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"step": "7"}, "Kies een trede van 1 tot en met 6"),
        ({"step": ""}, "Kies een trede."),
        ({"measured_on": "31-02-2026"}, "dd-mm-jjjj"),
    ],
)
def test_bad_input_saves_nothing(login, lid, case, person, extra, message):
    response = login(lid).post(url(case), data(person, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LadderMeasurement.objects.exists()


def test_service_refuses_a_step_outside_the_ladder(case, person, lid):
    with pytest.raises(MeasuringError):
        ladder_measurement_record(
            case=case, person=person, measured_on=timezone.localdate(), step=0, by=lid
        )
    assert not LadderMeasurement.objects.exists()


def test_service_refuses_a_person_outside_the_household(case, lid, team):
    with pytest.raises(MeasuringError, match="huishouden"):
        ladder_measurement_record(
            case=case, person=PersonFactory(team=team),
            measured_on=timezone.localdate(), step=2, by=lid,
        )  # fmt: skip
