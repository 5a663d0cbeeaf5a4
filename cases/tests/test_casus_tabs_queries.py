"""A casus with a full plan at realistic size (10 goals, 40 actions, 12 ZRM
assessments, 30 network entries, and the rest that goes with it) is read with the
same number of queries as a casus with one of each, on every tab of the casus.
The benchmark `bench/casus_full.py` times the same casus."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cases.models import NetworkEntry, PlanAction, ZrmAssessment
from cases.tests.full_casus import FULL, SMALL, grow, new_casus
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db

# Each tab, and a text it shows only once the casus is full.
TABS = {
    "case_detail": "Gesprek 40 met",  # the newest of 40 more journal entries
    "plan": "Doel 10 in de eigen",  # the tenth goal added
    "metingen": "Lid3 Volledig",  # the fourth household member's metingen
    "case_network": "Betrokkene 30",  # the thirtieth network entry added
    "moreel_beraad": "Dilemma 3",  # the third moreel beraad added
}


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response.content.decode()


@pytest.mark.parametrize("tab", TABS)
def test_every_tab_reads_a_full_casus_with_the_queries_of_a_small_one(
    login, member, team, tab
):
    lid = member(Role.WIJKTEAMLID, team)
    case = new_casus(team, lid, SMALL)
    grow(case, lid, SMALL)
    client = login(lid)
    url = reverse(f"cases:{tab}", kwargs={"pk": case.pk})
    client.get(url)  # warm: session, team and signal settings
    small, _ = _queries(client, url)

    grow(case, lid, FULL, start=SMALL.goals)
    assert PlanAction.objects.filter(case=case).count() == 41
    assert ZrmAssessment.objects.filter(case=case).count() == 13
    assert NetworkEntry.objects.filter(case=case).count() == 31
    full, body = _queries(client, url)
    assert full == small, f"{tab}: {small} queries small, {full} full"
    assert TABS[tab] in body, f"{tab} does not show the full casus"
