"""Plan vaststellen (POST) and reading an earlier version."""

from django.urls import reverse

import pytest

from cases.models import Plan, PlanVersion
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    case = CaseFactory(team=team, regievoerder=lid, in_progress=True)
    HouseholdMemberFactory(household=case.household)
    return case


@pytest.fixture
def goal(case):
    goal = PlanGoalFactory(plan__case=case, text="Ik wil mijn post weer openen.")
    PlanActionFactory(goal=goal, what="Samen de post doorlopen")
    return goal


def url(case):
    return reverse("cases:plan_vaststellen", kwargs={"pk": case.pk})


def version_url(case, number):
    return reverse("cases:plan_version", kwargs={"pk": case.pk, "number": number})


def test_access(client, login, outsider, balie, lid, case, goal):
    data = {"agreed_with_resident": "ja"}
    assert client.post(url(case), data)["Location"].startswith(reverse("login"))
    assert login(outsider).post(url(case), data).status_code == 404
    assert login(balie).post(url(case), data).status_code == 403
    assert login(lid).get(url(case)).status_code == 405
    assert not PlanVersion.objects.exists()


def test_bad_input_saves_nothing(login, lid, case, goal):
    response = login(lid).post(url(case), {"note": "zonder keuze"})
    assert response.status_code == 400
    assert "Geef aan of het plan is afgesproken met de inwoner." in (
        response.content.decode()
    )
    assert not PlanVersion.objects.exists()
    assert Plan.objects.get(case=case).status == "concept"


def test_vaststellen_then_change_then_read_the_old_version(login, lid, case, goal):
    client = login(lid)
    response = client.post(
        url(case), {"agreed_with_resident": "ja", "note": "Met Fatima en haar zus"}
    )
    assert response.status_code == 302
    version = PlanVersion.objects.get()
    assert (version.number, version.vastgesteld_by, version.agreed_with_resident) == (
        1,
        lid,
        True,
    )
    page = client.get(reverse("cases:plan", kwargs={"pk": case.pk})).content.decode()
    assert "vastgesteld" in page and "Versie 1" in page
    assert "Versie 1 vaststellen" not in page  # nothing to vaststellen
    # a change makes concept 2; version 1 still reads as it was
    client.post(
        reverse("cases:plan_goal_edit", kwargs={"pk": case.pk, "goal_pk": goal.pk}),
        {"domain": "financien", "text": "Nieuwe woorden.", "owner_kind": "netwerk",
         "owner_name": "Zus"},
    )  # fmt: skip
    page = client.get(reverse("cases:plan", kwargs={"pk": case.pk})).content.decode()
    assert "Versie 2 vaststellen" in page and "Nieuwe woorden." in page
    old = client.get(version_url(case, 1))
    body = old.content.decode()
    assert old.status_code == 200
    assert "Ik wil mijn post weer openen." in body and "Nieuwe woorden." not in body
    assert "Samen de post doorlopen" in body and "Met Fatima en haar zus" in body
    assert AccessLogEntry.objects.filter(
        purpose="planversie 1 inzien", person_id__isnull=False
    ).exists()


def test_second_vaststellen_without_change_is_refused(login, lid, case, goal):
    client = login(lid)
    client.post(url(case), {"agreed_with_resident": "nee"})
    response = client.post(url(case), {"agreed_with_resident": "ja"}, follow=True)
    assert "al vastgesteld" in response.content.decode()
    assert PlanVersion.objects.count() == 1


def test_version_access(client, login, outsider, balie, lid, case, goal):
    login(lid).post(url(case), {"agreed_with_resident": "ja"})
    client.logout()
    assert client.get(version_url(case, 1))["Location"].startswith(reverse("login"))
    assert login(outsider).get(version_url(case, 1)).status_code == 404
    assert login(balie).get(version_url(case, 1)).status_code == 403
    client = login(lid)
    assert client.post(version_url(case, 1)).status_code == 405
    assert client.get(version_url(case, 2)).status_code == 404
