"""The metingen tab and recording a ZRM assessment."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.intake.constants import ZrmDomain
from cases.models import HouseholdMember, ZrmAssessment, ZrmDomainScore
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_measuring import (
    LadderMeasurementFactory,
    ZrmAssessmentFactory,
    member_of,
)
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
FIN = ZrmDomain.FINANCIEN.value


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid)


@pytest.fixture
def person(case):
    return member_of(case)


def tab_url(case):
    return reverse("cases:metingen", kwargs={"pk": case.pk})


def add_url(case):
    return reverse("cases:zrm_add", kwargs={"pk": case.pk})


def data(who, **extra):
    return {
        "person": who.pk,
        "assessed_on": timezone.localdate().strftime("%d-%m-%Y"),
        f"zrm_{FIN}": "2",
        "zrm_huisvesting": "4",
        **extra,
    }


# --- the tab ---------------------------------------------------------------------


def test_tab_anonymous_goes_to_login(client, case):
    assert client.get(tab_url(case))["Location"].startswith(reverse("login"))


def test_tab_other_team_is_404(login, outsider, case):
    assert login(outsider).get(tab_url(case)).status_code == 404


def test_tab_balie_is_403(login, balie, case):
    assert login(balie).get(tab_url(case)).status_code == 403


def test_tab_post_is_405(login, lid, case):
    assert login(lid).post(tab_url(case)).status_code == 405


def test_tab_shows_trend_table_chart_and_logs_access(login, lid, case, person):
    ZrmAssessmentFactory(
        case=case, person=person, assessed_on=dt.date(2026, 9, 1), scores={FIN: 1}
    )
    ZrmAssessmentFactory(
        case=case, person=person, assessed_on=dt.date(2026, 11, 1), scores={FIN: 3}
    )
    LadderMeasurementFactory(case=case, person=person, step=3)
    other = HouseholdMemberFactory(household=case.household, is_main_contact=False)
    response = login(lid).get(tab_url(case))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "01-09-2026" in body and "01-11-2026" in body
    assert f'data-metingen-chart="zrm-{person.pk}"' in body
    assert f'data-metingen-chart="ladder-{person.pk}"' in body
    assert "3 – deelname aan georganiseerde activiteiten" in body
    assert 'id="metingen-charts"' in body
    assert "+2" in body  # before/after Financiën 1 -> 3
    assert 'aria-current="page"' in body and "Metingen</a>" in body
    logged = set(AccessLogEntry.objects.values_list("person_id", flat=True))
    assert logged == {person.pk, other.person_id}


def test_tab_without_measurements(login, lid, case, person):
    body = login(lid).get(tab_url(case)).content.decode()
    assert "Nog geen ZRM-metingen" in body
    assert "chart.umd.min.js" not in body


def test_tab_query_count_is_constant(
    login, lid, case, person, django_assert_max_num_queries
):
    """12 ZRM assessments of 13 domains, over two members: a fixed query count."""
    second = HouseholdMemberFactory(household=case.household, is_main_contact=False)
    everything = {d.value: 3 for d in ZrmDomain}
    for i in range(12):
        ZrmAssessmentFactory(
            case=case, person=person if i % 2 else second.person,
            assessed_on=timezone.localdate() - dt.timedelta(days=30 * i),
            scores=everything,
        )  # fmt: skip
        LadderMeasurementFactory(case=case, person=person, step=1 + i % 6)
    client = login(lid)
    client.get(tab_url(case))  # warm the session and role caches
    # 17: one of them reads the corrections after saving
    with django_assert_max_num_queries(17) as captured:
        response = client.get(tab_url(case))
    assert response.status_code == 200
    assert response.content.decode().count('<td class="text-end">3</td>') >= 12 * 13
    few = len(captured.captured_queries)
    ZrmAssessment.objects.filter(person=person).delete()
    with django_assert_max_num_queries(few):
        client.get(tab_url(case))


# --- recording -------------------------------------------------------------------


def test_add_anonymous_goes_to_login(client, case, person):
    response = client.post(add_url(case), data(person))
    assert response["Location"].startswith(reverse("login"))
    assert not ZrmAssessment.objects.exists()


def test_add_get_is_405(login, lid, case):
    assert login(lid).get(add_url(case)).status_code == 405


def test_add_other_team_is_404(login, outsider, case, person):
    assert login(outsider).post(add_url(case), data(person)).status_code == 404
    assert not ZrmAssessment.objects.exists()


def test_add_balie_is_403(login, balie, case, person):
    assert login(balie).post(add_url(case), data(person)).status_code == 403
    assert not ZrmAssessment.objects.exists()


def test_add_records_scored_domains(login, leader, case, person):
    client = login(leader)
    response = client.post(add_url(case), data(person))
    assert response.status_code == 302 and response["Location"] == tab_url(case)
    assessment = ZrmAssessment.objects.get()
    assert assessment.assessed_by == leader and assessment.person == person
    assert dict(assessment.scores.values_list("domain", "score")) == {
        FIN: 2,
        "huisvesting": 4,
    }
    assert AccessLogEntry.objects.filter(action="change", person_id=person.pk).exists()


@pytest.mark.parametrize(
    "extra, message",
    [
        ({f"zrm_{FIN}": "", "zrm_huisvesting": ""}, "Scoor minstens één leefgebied"),
        ({f"zrm_{FIN}": "7"}, "Kies een score van 1 tot 5"),
        ({"assessed_on": "31-02-2026"}, "dd-mm-jjjj"),
        ({"assessed_on": "01-01-2099"}, "toekomst"),
        ({"person": ""}, "Kies een lid van het huishouden"),
    ],
)
def test_add_bad_input_saves_nothing(login, lid, case, person, extra, message):
    response = login(lid).post(add_url(case), data(person, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ZrmAssessment.objects.exists()
    assert not ZrmDomainScore.objects.exists()


def test_add_person_of_another_household_is_refused(login, lid, team, case, person):
    stranger = HouseholdMemberFactory(household=CaseFactory(team=team).household)
    response = login(lid).post(add_url(case), data(stranger.person))
    assert response.status_code == 400
    assert "Kies een lid van dit huishouden" in response.content.decode()
    assert not ZrmAssessment.objects.exists()
    assert HouseholdMember.objects.filter(person=stranger.person).count() == 1


def test_member_selects_offer_kies_not_dashes(login, lid, case, person):
    body = login(lid).get(tab_url(case)).content.decode()
    for select in ("id_zrm_person", "id_ladder_person"):
        first = re.search(
            rf'<select[^>]*id="{select}"[^>]*>\s*<option[^>]*>([^<]*)<', body
        )
        assert first and first.group(1) == "— kies —", select
    assert "---------" not in body
