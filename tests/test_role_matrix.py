"""The role matrix: for every URL, which roles may use it. Every cell is asserted:
an allowed role gets its page (200) or is sent on (302, never to login); a POST
with an empty form may also get the form back with its errors (400); any other
role gets 403. A member of *another* team is the sweep's business (404, see
test_url_sweeps.py).

Every URL pattern (except the public ones) must have a row here, so a new URL cannot
ship without a decision about who may use it. A URL with parameters says how to
fill them (`kwargs`) from an object of the user's own team.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from bouwstenen.tests.factories import DocumentFactory, ExportJobFactory
from cases.tests import factories as case_factories
from cases.tests import factories_measuring as measuring_factories
from cases.tests import factories_plan as plan_factories
from gebiedsanalyse.tests import factories as area_factories
from iwmo.tests import factories as iwmo_factories
from tests.sweep import PUBLIC, admin_kwargs, is_admin, parameters, url_patterns
from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory, UserFactory

B = Role.BALIE
W = Role.WIJKTEAMLID
T = Role.TEAMLEIDER
K = Role.KWARTIERMAKER
BH = Role.BEHEERDER
GB = Role.GEMEENTEBEHEERDER
EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class Cell:
    allowed: frozenset[str]
    method: str = "get"
    kwargs: Callable | None = None  # team -> URL kwargs, for URLs with parameters


def _document(team) -> dict:
    return {"pk": DocumentFactory(team=team).pk}


def _export_job(team, **traits) -> dict:
    """An export of a startdocument: its views check the document's own access."""
    job = ExportJobFactory(document=DocumentFactory(team=team), **traits)
    if job.status == "done":
        job.file.save("export.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"token": job.token}


def _iwmo_run() -> dict:
    """An import run: gemeente-wide, so any run will do."""
    return {"pk": iwmo_factories.BerichtImportFactory().pk}


ROLE_MATRIX: dict[str, Cell] = {
    # wijkteam
    "home": Cell(EVERYONE),
    "team_current": Cell(EVERYONE),
    "team_switch": Cell(EVERYONE, method="post"),
    "team_detail": Cell(EVERYONE, kwargs=lambda team: {"pk": team.pk}),
    "two_factor_setup": Cell(EVERYONE),
    "two_factor_verify": Cell(EVERYONE),
    # functioneel beheer
    "accesslog_list": Cell(frozenset({BH})),
    "accesslog_csv": Cell(frozenset({BH})),
    "accesslog_unusual": Cell(frozenset({BH})),
    "cases:inzage": Cell(frozenset({BH})),
    # the team's members: the beheerder only (an empty POST to add: the form, 400)
    "member_list": Cell(frozenset({BH})),
    "member_add": Cell(frozenset({BH}), method="post"),
    "member_detail": Cell(frozenset({BH}), kwargs=lambda team: _colleague(team)),
    "member_deactivate": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _colleague(team)
    ),
    "member_reset_link": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _colleague(team)
    ),
    "membership_role": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _membership(team)
    ),
    "membership_end": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _membership(team)
    ),
    # kwartiermaken (bouwstenen)
    "bouwstenen:startdocument_list": Cell(frozenset({T, K})),
    "bouwstenen:plan_list": Cell(frozenset({T, K})),
    "bouwstenen:startdocument_new": Cell(frozenset({K})),
    "bouwstenen:plan_new": Cell(frozenset({K})),
    "bouwstenen:document_detail": Cell(frozenset({T, K}), kwargs=_document),
    "bouwstenen:section_edit": Cell(
        frozenset({K}), kwargs=lambda team: {"pk": _document(team)["pk"], "number": 1}
    ),
    "bouwstenen:version_compare": Cell(frozenset({T, K}), kwargs=_document),
    "bouwstenen:development_plan": Cell(frozenset({T, K}), kwargs=_document),
    "bouwstenen:comment_add": Cell(frozenset({T, K}), method="post", kwargs=_document),
    "bouwstenen:version_status": Cell(frozenset({K}), method="post", kwargs=_document),
    "export_start": Cell(
        frozenset({T, K}),
        method="post",
        kwargs=lambda team: {
            "kind": "bouwstenen-document",
            "object_id": _document(team)["pk"],
        },
    ),
    "export_status": Cell(frozenset({T, K}), kwargs=lambda team: _export_job(team)),
    "export_download": Cell(
        frozenset({T, K}), kwargs=lambda team: _export_job(team, done=True)
    ),
    "export_retry": Cell(
        frozenset({T, K}),
        method="post",
        kwargs=lambda team: _export_job(team, failed=True),
    ),
    "bouwstenen:version_new": Cell(frozenset({K}), method="post", kwargs=_document),
    # Area data is shared by the whole gemeente: only the gemeente-wide role imports.
    "gebiedsanalyse:cbs_upload": Cell(frozenset({GB})),
    "gebiedsanalyse:cbs_import_history": Cell(frozenset({BH, GB})),
    # which wijken and buurten the team serves: the team's set-up, its beheerder
    "gebiedsanalyse:team_areas": Cell(frozenset({BH})),
    # iWmo messages are gemeente-wide: the gemeente-wide role imports, beheer reads
    "iwmo:import_upload": Cell(frozenset({GB})),
    "iwmo:import_detail": Cell(frozenset({BH, GB}), kwargs=lambda team: _iwmo_run()),
    "iwmo:import_history": Cell(frozenset({BH, GB})),
    # gebiedsanalyse: public CBS data for everyone, team data written by area.edit
    # cases: the desk (balie) registers and searches; casus contents only for the team
    "cases:intake_list": Cell(frozenset({B, W, T})),
    "cases:question_register": Cell(frozenset({B, W, T})),
    "cases:person_search": Cell(frozenset({B, W, T}), method="post"),
    "cases:my_appointments": Cell(frozenset({W, T})),
    "cases:werkbak": Cell(frozenset({T})),
    "cases:contract_hours": Cell(frozenset({T})),
    # the werkbak's signal thresholds: the teamleider steers, the beheerder sets up
    "cases:signal_settings": Cell(frozenset({T, BH})),
    "cases:caseload_transfer": Cell(frozenset({T})),
    "cases:case_list": Cell(frozenset({W, T})),
    "cases:case_detail": Cell(frozenset({W, T}), kwargs=lambda team: _case(team)),
    "cases:person_detail": Cell(
        frozenset({B, W, T}), kwargs=lambda team: _person(team)
    ),
    # the desk registers and plans a question; the vraagverheldering is the team's
    "cases:question_detail": Cell(
        frozenset({B, W, T}), kwargs=lambda team: _question(team)
    ),
    "cases:question_plan": Cell(
        frozenset({B, W, T}), method="post", kwargs=lambda team: _question(team)
    ),
    "cases:vraagverheldering": Cell(
        frozenset({W, T}), kwargs=lambda team: _question(team)
    ),
    # casus-regie: the teamleider assigns; the team edits; never the desk
    "cases:case_assign": Cell(
        frozenset({T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:case_status": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:household_member_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:journal_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    # only the author may still change a note (302 back to the casus for others)
    "cases:journal_edit": Cell(
        frozenset({W, T}), kwargs=lambda team: _journal_entry(team)
    ),
    # cases: metingen (ZRM, participatieladder) and moreel beraad
    "cases:metingen": Cell(frozenset({W, T}), kwargs=lambda team: _case(team)),
    "cases:zrm_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:ladder_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:moreel_beraad": Cell(frozenset({W, T}), kwargs=lambda team: _case(team)),
    # corrections after saving: the team workers, never the desk
    "cases:zrm_correct": Cell(frozenset({W, T}), kwargs=lambda team: _zrm(team)),
    "cases:zrm_withdraw": Cell(frozenset({W, T}), kwargs=lambda team: _zrm(team)),
    "cases:ladder_correct": Cell(frozenset({W, T}), kwargs=lambda team: _step(team)),
    "cases:ladder_withdraw": Cell(frozenset({W, T}), kwargs=lambda team: _step(team)),
    "cases:moreel_beraad_edit": Cell(
        frozenset({W, T}), kwargs=lambda team: _beraad(team)
    ),
    "cases:network_edit": Cell(
        frozenset({W, T}), kwargs=lambda team: _network_entry(team)
    ),
    # netwerk en achterdeur: casus tab for the team, zorgaanbieders beheer
    "cases:case_network": Cell(frozenset({W, T}), kwargs=lambda team: _case(team)),
    "cases:network_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:network_end": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _network_entry(team)
    ),
    "cases:referral_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:referral_waiting_time": Cell(
        frozenset({W, T}), kwargs=lambda team: _case(team)
    ),
    "cases:referral_status": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _referral(team)
    ),
    "cases:allocation_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:allocation_status": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _allocation(team)
    ),
    "cases:allocation_list": Cell(frozenset({W, T})),
    "cases:provider_list": Cell(frozenset({BH})),
    "cases:provider_detail": Cell(frozenset({BH}), kwargs=lambda team: _provider(team)),
    "cases:product_add": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _provider(team)
    ),
    "cases:product_update": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _product(team)
    ),
    "cases:waiting_time_add": Cell(
        frozenset({BH}), method="post", kwargs=lambda team: _product(team)
    ),
    # plan of a casus: team workers only
    "cases:plan": Cell(frozenset({W, T}), kwargs=lambda team: _case(team)),
    "cases:plan_goal_add": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _case(team)
    ),
    "cases:plan_vaststellen": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _plan(team)
    ),
    "cases:plan_goal_edit": Cell(frozenset({W, T}), kwargs=lambda team: _goal(team)),
    "cases:plan_action_add": Cell(frozenset({W, T}), kwargs=lambda team: _goal(team)),
    "cases:plan_action_edit": Cell(
        frozenset({W, T}), kwargs=lambda team: _action(team)
    ),
    "cases:plan_version": Cell(frozenset({W, T}), kwargs=lambda team: _version(team)),
    "cases:plan_goal_status": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _goal(team)
    ),
    "cases:plan_action_done": Cell(
        frozenset({W, T}), method="post", kwargs=lambda team: _action(team)
    ),
    "gebiedsanalyse:area_list": Cell(EVERYONE),
    "gebiedsanalyse:area_detail": Cell(EVERYONE, kwargs=lambda team: _area(team)),
    "gebiedsanalyse:area_csv": Cell(EVERYONE, kwargs=lambda team: _area(team)),
    "gebiedsanalyse:place_list": Cell(EVERYONE),
    "gebiedsanalyse:resource_list": Cell(EVERYONE),
    "gebiedsanalyse:wijkanalyse": Cell(EVERYONE),
    "gebiedsanalyse:team_figures": Cell(frozenset({W, T, K})),
    "gebiedsanalyse:place_create": Cell(frozenset({W, T, K})),
    "gebiedsanalyse:resource_create": Cell(frozenset({W, T, K})),
    "gebiedsanalyse:group_create": Cell(frozenset({W, T, K})),
    "gebiedsanalyse:action_create": Cell(frozenset({W, T, K})),
    "gebiedsanalyse:meeting_create": Cell(frozenset({W, T, K})),
    "gebiedsanalyse:place_edit": Cell(
        frozenset({W, T, K}), kwargs=lambda team: _own(team, "SocialPlace")
    ),
    "gebiedsanalyse:resource_edit": Cell(
        frozenset({W, T, K}), kwargs=lambda team: _own(team, "Resource")
    ),
    "gebiedsanalyse:group_edit": Cell(
        frozenset({W, T, K}), kwargs=lambda team: _own(team, "ResidentGroup")
    ),
    "gebiedsanalyse:action_edit": Cell(
        frozenset({W, T, K}), kwargs=lambda team: _own(team, "OutreachAction")
    ),
    "gebiedsanalyse:meeting_edit": Cell(
        frozenset({W, T, K}), kwargs=lambda team: _own(team, "InfoMeeting")
    ),
}


def _membership(team):
    return {"pk": MembershipFactory(team=team).pk}


def _colleague(team) -> dict:
    return {"pk": MembershipFactory(team=team).user_id}


def _area(team) -> dict:
    area = area_factories.AreaFactory(code="BU05991086", name="Afrikaanderwijk")
    area.teams.add(team)
    return {"code": area.code}


def _case(team) -> dict:
    return {"pk": case_factories.CaseFactory(team=team).pk}


def _provider(team) -> dict:
    return {"pk": case_factories.ProviderFactory(team=team).pk}


def _product(team) -> dict:
    product = case_factories.ProviderProductFactory(provider__team=team)
    return {"pk": product.provider_id, "product_pk": product.pk}


def _question(team) -> dict:
    return {"pk": case_factories.QuestionFactory(team=team, queued=True).pk}


def _journal_entry(team) -> dict:
    case = case_factories.CaseFactory(team=team)
    entry = case.journal.create(kind="telefoon", note="Gebeld.", author=case.opened_by)
    return {"pk": case.pk, "entry_pk": entry.pk}


def _network_entry(team) -> dict:
    entry = case_factories.NetworkEntryFactory(case__team=team)
    return {"pk": entry.case_id, "entry_pk": entry.pk}


def _zrm(team) -> dict:
    assessment = measuring_factories.ZrmAssessmentFactory(
        case__team=team, scores={"financien": 3}
    )
    return {"pk": assessment.case_id, "assessment_pk": assessment.pk}


def _step(team) -> dict:
    step = measuring_factories.LadderMeasurementFactory(case__team=team)
    return {"pk": step.case_id, "measurement_pk": step.pk}


def _beraad(team) -> dict:
    record = measuring_factories.MoralDeliberationFactory(case__team=team)
    return {"pk": record.case_id, "record_pk": record.pk}


def _referral(team) -> dict:
    referral = case_factories.ReferralFactory(case__team=team)
    return {"pk": referral.case_id, "referral_pk": referral.pk}


def _allocation(team) -> dict:
    allocation = case_factories.AllocationFactory(case__team=team)
    return {"pk": allocation.case_id, "allocation_pk": allocation.pk}


def _goal(team) -> dict:
    goal = plan_factories.PlanGoalFactory(plan__case__team=team)
    return {"pk": goal.plan.case_id, "goal_pk": goal.pk}


def _plan(team) -> dict:
    """A casus with a plan that has a goal (the vaststellen form needs one)."""
    return {"pk": _goal(team)["pk"]}


def _action(team) -> dict:
    action = plan_factories.PlanActionFactory(goal__plan__case__team=team)
    return {"pk": action.case_id, "action_pk": action.pk}


def _version(team) -> dict:
    goal = plan_factories.PlanGoalFactory(plan__case__team=team)
    goal.plan.versions.create(
        number=1, vastgesteld_by=goal.created_by, agreed_with_resident=True, content={}
    )
    return {"pk": goal.plan.case_id, "number": 1}


def _person(team) -> dict:
    return {"pk": case_factories.PersonFactory(team=team).pk}


def _own(team, model: str) -> dict:
    return {"pk": getattr(area_factories, f"{model}Factory")(team=team).pk}


def test_every_url_has_a_row():
    missing = sorted(
        name
        for name, _ in url_patterns()
        if name
        and name not in PUBLIC
        and name not in ROLE_MATRIX
        and not is_admin(name)  # one block: test_no_role_reaches_the_admin
    )
    lines = "\n".join(
        f'    "{name}": Cell(frozenset({{B, W, T, K, BH}})),  # keep only the '
        "roles that may use it"
        for name in missing
    )
    assert not missing, (
        "Add a row to ROLE_MATRIX in tests/test_role_matrix.py for each new URL "
        "(B=balie, W=wijkteamlid, T=teamleider, K=kwartiermaker, BH=beheerder, "
        "GB=gemeentebeheerder; "
        'method="post" for POST-only views; kwargs=... for URLs with parameters, '
        "built from an object of the user's own team):\n" + lines
    )


def test_every_row_names_an_existing_url():
    names = {name for name, _ in url_patterns()}
    stale = sorted(set(ROLE_MATRIX) - names)
    assert not stale, f"Remove from ROLE_MATRIX (no such URL name): {stale}"


def test_rows_with_parameters_say_how_to_fill_them():
    with_params = {name for name, p in url_patterns() if name and parameters(p)}
    for name, cell in ROLE_MATRIX.items():
        assert (name in with_params) == (cell.kwargs is not None), name


CELLS = [(name, role) for name in ROLE_MATRIX for role in Role]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Export files (export_download) go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(("name", "role"), CELLS, ids=[f"{n}-{r}" for n, r in CELLS])
def test_cell(client, member, team, name, role):
    cell = ROLE_MATRIX[name]
    client.force_login(member(role, team))
    url = reverse(name, kwargs=cell.kwargs(team) if cell.kwargs else None)
    response = getattr(client, cell.method)(url)
    if role in cell.allowed:
        # An empty POST to a form view gets the form back with its errors (400).
        ok = (200, 302, 400) if cell.method == "post" else (200, 302)
        assert response.status_code in ok, f"{role} {url}: {response.status_code}"
        if response.status_code == 302:
            assert not response["Location"].startswith(reverse("login")), url
    else:
        assert response.status_code == 403, f"{role} {url}: {response.status_code}"


def test_the_matrix_can_fail(client, member, team):
    """A cell that says 'not allowed' for a page everyone may open is caught."""
    client.force_login(member(Role.BALIE, team))
    assert client.get(reverse("home")).status_code != 403


# --- the admin, as one block ---------------------------------------------------
# The admin decides by staff status and model permissions, not by team or role: no
# role of the app opens it, and what it manages (users, teams, memberships, groups)
# is for superusers, who give the second factor first.
SUPERUSER_ONLY = (
    "admin:wijkteam_user_",
    "admin:auth_user_password_change",
    "admin:wijkteam_team_",
    "admin:auth_group_",
)


def _admin_urls() -> list[str]:
    return [
        reverse(name, kwargs=admin_kwargs(pattern) or None)
        for name, pattern in url_patterns()
        if is_admin(name) and name not in PUBLIC
    ]


@pytest.mark.parametrize("role", list(Role))
def test_no_role_reaches_the_admin(client, member, team, role):
    client.force_login(member(role, team))
    urls = _admin_urls()
    assert len(urls) >= 50
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, f"{role} {url}"
            assert response["Location"].startswith(reverse("admin:login")), url


def test_staff_without_superuser_gets_403_on_users_teams_and_groups(
    client, member, team
):
    """Whatever model permissions a staff beheerder holds."""
    user = member(BH, team, is_staff=True)
    user.user_permissions.add(*Permission.objects.all())
    client.force_login(user)
    # Real objects: a change or history page of a missing one redirects first.
    group = Group.objects.create(name="Functioneel beheer")
    objects = {"user": user.pk, "team": team.pk, "group": group.pk}
    urls = []
    for name, pattern in url_patterns():
        if not (name and name.startswith(SUPERUSER_ONLY)):
            continue
        pk = next(v for k, v in objects.items() if f"_{k}_" in name)
        kwargs = {p: pk for p in parameters(pattern)}
        urls.append(reverse(name, kwargs=kwargs or None))
    assert len(urls) >= 15
    for url in urls:
        for method in (client.get, client.post):
            assert method(url).status_code == 403, url


def test_a_superuser_without_the_second_factor_reaches_no_admin_page(
    settings, client, db
):
    settings.OTP_ENFORCED = True
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for url in _admin_urls():
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("two_factor_setup")), url
