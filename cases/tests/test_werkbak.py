import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
URL = reverse("cases:werkbak")


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, leader):
    assert login(leader).post(URL).status_code == 405


@pytest.mark.parametrize("who", ["balie", "lid"])
def test_only_the_teamleider(login, request, who):
    assert login(request.getfixturevalue(who)).get(URL).status_code == 403


def test_unassigned_oldest_first_with_signal_workload_and_log(
    login, leader, lid, team, other_team
):
    old = CaseFactory(team=team, household__name="Huishouden Oud")
    old.opened_at = timezone.now() - dt.timedelta(days=9)
    old.save()
    CaseFactory(team=team, household__name="Huishouden Nieuw")
    CaseFactory(team=team, household__name="Huishouden Toegewezen", regievoerder=lid)
    CaseFactory(team=team, household__name="Huishouden Dicht", closed=True)
    CaseFactory(team=other_team, household__name="Huishouden Elders")
    member = HouseholdMemberFactory(household=old.household)
    body = login(leader).get(URL).content.decode()
    assert body.index("Huishouden Oud") < body.index("Huishouden Nieuw")
    assert "Huishouden Elders" not in body and "Huishouden Dicht" not in body
    unassigned = body.split('id="kop-nieuw"')[1].split("</section>")[0]
    assert "Huishouden Toegewezen" not in unassigned
    assert unassigned.count(">signaal<") == 1  # 9 days > 5 days default
    assert "9 dagen" in unassigned
    workload = body.split('id="kop-werklast"')[1]
    assert f"<td>{lid}</td><td>1</td>" in workload
    assert "<strong>3</strong> open casussen" in body
    # The assign dropdown says what the number after a name counts.
    assert f'<option value="{lid.pk}">{lid} (1 open)</option>' in unassigned
    assert AccessLogEntry.objects.filter(person_id=member.person_id).exists()


def test_no_contact_signal(login, leader, lid, team):
    quiet = CaseFactory(
        team=team,
        regievoerder=lid,
        household__name="Huishouden Stil",
        last_contact_on=timezone.localdate() - dt.timedelta(weeks=6),
    )
    CaseFactory(
        team=team,
        regievoerder=lid,
        household__name="Huishouden Druk",
        last_contact_on=timezone.localdate(),
    )
    body = login(leader).get(URL).content.decode()
    signals = body.split('id="kop-signalen"')[1].split("</section>")[0]
    assert quiet.household.name in signals and "Huishouden Druk" not in signals


def test_query_count_is_constant(
    login, leader, lid, team, django_assert_max_num_queries
):
    client = login(leader)
    CaseFactory(team=team)
    # 21 with every signal: no contact, wachttijdnorm, acties over de datum (plan)
    with django_assert_max_num_queries(22) as few:
        client.get(URL)
    for _ in range(8):
        HouseholdMemberFactory(household=CaseFactory(team=team).household)
    CaseFactory.create_batch(5, team=team, regievoerder=lid)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
