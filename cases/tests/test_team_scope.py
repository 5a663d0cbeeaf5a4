"""Lists, search, counts and PDFs of the voordeur and casusregie never contain
another team's records.

Team B holds lookalikes of team A's records: the same names and the same BSN (the
BSN is unique per team, not across teams), but a distinctive street and distinctive
texts, so that a leak shows. The worker is a member of both teams (a generalist who
works in two wijken) with team A chosen, which is the hardest case: records of team
B point at the same user.
"""

import io
import re

from django.urls import reverse
from django.utils import timezone

import pypdf
import pytest

from cases.casework.constants import CaseStatus
from cases.privacy.exports import build_context
from cases.tests.factories import (
    CaseFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    PersonFactory,
    QuestionFactory,
)
from wijkteam.access import SESSION_TEAM_KEY
from wijkteam.constants import Role
from wijkteam.pdf import render_pdf

pytestmark = pytest.mark.django_db
BSN = "111222333"
A_STREET, B_STREET = "Noorderlaan-Appelboom", "Zuiderlaan-Bessenstruik"


def _team_records(team, worker, street: str, tag: str) -> dict:
    person = PersonFactory(
        team=team, first_name="Gerbrandina", last_name="Zuurveen", bsn=BSN,
        street=street,
    )  # fmt: skip
    household = HouseholdFactory(team=team, name="Huishouden Zuurveen")
    HouseholdMemberFactory(household=household, person=person)
    mine = CaseFactory(
        team=team, household=household, regievoerder=worker,
        status=CaseStatus.IN_BEHANDELING,
    )  # fmt: skip
    unassigned = CaseFactory(team=team)
    queued = QuestionFactory(team=team, person=person, queued=True, text=f"{tag}-vraag")
    planned = QuestionFactory(
        team=team, person=person, planned=True, assigned_to=worker,
        appointment_at=timezone.now(), text=f"{tag}-afspraak",
    )  # fmt: skip
    return {
        "person": person,
        "case": mine,
        "unassigned": unassigned,
        "queued": queued,
        "planned": planned,
    }


@pytest.fixture
def world(team, other_team, member):
    worker = member(Role.WIJKTEAMLID, team, first_name="Wessel")
    member_b = member(Role.WIJKTEAMLID, other_team)
    worker.memberships.create(team=other_team, role=Role.WIJKTEAMLID)
    a = _team_records(team, worker, A_STREET, "Noord")
    b = _team_records(other_team, worker, B_STREET, "Zuid")
    CaseFactory.create_batch(3, team=other_team)  # more unassigned work in B
    return {
        "a": a,
        "b": b,
        "worker": worker,
        "member_b": member_b,
        "leader": member(Role.TEAMLEIDER, team),
        "balie": member(Role.BALIE, team),
    }


@pytest.fixture
def as_user(client, team):
    def login(user):
        client.force_login(user)
        session = client.session
        session[SESSION_TEAM_KEY] = team.pk
        session.save()
        return client

    return login


def _radio(person) -> str:
    return f'name="person_choice" value="{person.pk}"'


@pytest.mark.parametrize("who", ["balie", "worker"])
def test_person_search_by_bsn_and_name_finds_only_own_team(as_user, world, who):
    client = as_user(world[who])
    url = reverse("cases:person_search")
    for query in ({"bsn": BSN}, {"last_name": "Zuurveen"}, {"first_name": "Gerbr"}):
        body = client.post(url, query, HTTP_HX_REQUEST="true").content.decode()
        assert _radio(world["a"]["person"]) in body, query
        assert _radio(world["b"]["person"]) not in body, query
        assert B_STREET not in body


def test_intake_list_shows_only_own_teams_questions(as_user, world):
    body = as_user(world["balie"]).get(reverse("cases:intake_list")).content.decode()
    assert "Noord-vraag" in body
    assert "Zuid-vraag" not in body and "Zuid-afspraak" not in body


def test_my_appointments_skip_the_other_teams_appointments_of_the_same_user(
    as_user, world
):
    page = as_user(world["worker"]).get(reverse("cases:my_appointments"))
    body = page.content.decode()
    url_a = reverse("cases:question_detail", args=[world["a"]["planned"].pk])
    url_b = reverse("cases:question_detail", args=[world["b"]["planned"].pk])
    assert url_a in body and url_b not in body
    assert reverse("cases:question_detail", args=[world["b"]["queued"].pk]) not in body


def test_case_list_search_finds_only_own_team(as_user, world):
    client = as_user(world["worker"])
    for query in ({"scope": "all", "q": "Zuurveen"}, {"scope": "mine"}):
        url = reverse("cases:case_list")
        body = client.post(url, query, follow=True).content.decode()
        assert reverse("cases:case_detail", args=[world["a"]["case"].pk]) in body
        assert reverse("cases:case_detail", args=[world["b"]["case"].pk]) not in body, (
            query
        )


def test_werkbak_lists_and_counts_only_own_team(as_user, world, team):
    response = as_user(world["leader"]).get(reverse("cases:werkbak"))
    body = response.content.decode()
    assert response.context["counts"]["open"] == 2
    assert response.context["counts"]["unassigned"] == 1
    assert reverse("cases:case_detail", args=[world["a"]["unassigned"].pk]) in body
    assert reverse("cases:case_detail", args=[world["b"]["unassigned"].pk]) not in body
    assert world["member_b"].username not in body  # B's members are not workload


def test_home_counts_only_own_team(as_user, world):
    body = as_user(world["worker"]).get(reverse("home")).content.decode()
    assert "Mijn afspraken (1)" in body
    assert "Wachtrij van het team (1)" in body
    assert "Mijn casussen (1" in body
    balie = as_user(world["balie"]).get(reverse("home")).content.decode()
    assert "Vragen van vandaag (2)" in balie


def test_person_page_shows_no_lookalike_records(as_user, world):
    url = reverse("cases:person_detail", args=[world["a"]["person"].pk])
    body = as_user(world["worker"]).get(url).content.decode()
    assert A_STREET in body
    assert "Zuid-vraag" not in body and B_STREET not in body
    assert reverse("cases:case_detail", args=[world["b"]["case"].pk]) not in body


def test_inzage_pdf_holds_no_lookalike_records(world):
    data = render_pdf(
        "cases/pdf/inzage.html", build_context(world["a"]["person"].pk, None)
    )
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Noord-vraag" in text and A_STREET in text
    assert "Zuid-" not in text and B_STREET not in text
    assert not re.search(rf"Casus {world['b']['case'].pk}\b", text)


# The team overview of toekenningen, the zorgaanbieders, the choices when
# referring, and the werkbak's signals (actions past their date, waiting too long).


@pytest.fixture
def plan_world(world, team, other_team):
    from cases.tests.factories import (
        AllocationFactory,
        ProviderFactory,
        ProviderProductFactory,
        ReferralFactory,
    )
    from cases.tests.factories_plan import PlanActionFactory

    long_ago = timezone.localdate() - timezone.timedelta(days=120)
    for key, team_, tag in (("a", team, "Noord"), ("b", other_team, "Zuid")):
        case = world[key]["case"]
        provider = ProviderFactory(team=team_, name=f"{tag}zorg")
        product = ProviderProductFactory(provider=provider, name=f"{tag}-begeleiding")
        AllocationFactory(case=case, provider=provider, description=f"{tag}-toekenning")
        ReferralFactory(case=case, product=product, asked_on=long_ago)
        PlanActionFactory(goal__plan__case=case, overdue=True, what=f"{tag}-actie")
    return world


def test_toekenningen_overview_lists_only_own_team(as_user, plan_world):
    body = as_user(plan_world["leader"]).get(reverse("cases:allocation_list"))
    body = body.content.decode()
    assert "Noord-toekenning" in body and "Noordzorg" in body
    assert "Zuid-toekenning" not in body and "Zuidzorg" not in body


def test_zorgaanbieders_and_referral_choices_are_own_team_only(
    as_user, plan_world, member, team
):
    beheer = as_user(member(Role.BEHEERDER, team))
    body = beheer.get(reverse("cases:provider_list")).content.decode()
    assert "Noordzorg" in body and "Zuidzorg" not in body
    case_a = plan_world["a"]["case"]
    tab = as_user(plan_world["worker"]).get(
        reverse("cases:case_network", args=[case_a.pk])
    )
    tab = tab.content.decode()
    assert "Noord-begeleiding" in tab and "Zuid-begeleiding" not in tab


def test_werkbak_signals_count_only_own_team(as_user, plan_world):
    response = as_user(plan_world["leader"]).get(reverse("cases:werkbak"))
    counts = response.context["counts"]
    assert (counts["overdue"], counts["over_norm"]) == (1, 1)
    body = response.content.decode()
    assert reverse("cases:plan", args=[plan_world["a"]["case"].pk]) in body
    assert reverse("cases:plan", args=[plan_world["b"]["case"].pk]) not in body
    assert "Zuid-begeleiding" not in body and "Zuidzorg" not in body
