"""The access-log sweep (NEN 7513), generated from the URLconf.

Every URL pattern is either in PERSONAL (it shows, searches, prints or exports a
resident's data) or in NOT_PERSONAL (it shows none); a new URL in neither fails the
suite. For every PERSONAL URL, as a user of the own team with a role that may use it:

- the answer shows the resident, and the access log has a new row for each person
  shown (result ok, with the user and the team);
- when the access log cannot be written (every INSERT into its table raises
  DatabaseError, so `log_access` and `log_access_of_query` both fail), the request
  fails and no answer carries the resident's name.

POST views that answer an empty form with the page again (400, form errors next to
the fields) show the resident too, so they are swept with an empty POST.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.files.base import ContentFile
from django.db import DatabaseError, connection
from django.urls import reverse

import pytest

from cases.models import Case, Person
from cases.plan.exports import KIND as PLAN_PDF
from cases.tests.factories import (
    AllocationFactory,
    CaseFactory,
    HouseholdMemberFactory,
    NetworkEntryFactory,
    PersonFactory,
    QuestionFactory,
    ReferralFactory,
)
from cases.tests.factories_measuring import (
    LadderMeasurementFactory,
    MoralDeliberationFactory,
    ZrmAssessmentFactory,
)
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from tests.sweep import PUBLIC, is_admin, url_patterns
from wijkteam.constants import AccessResult, Role
from wijkteam.models import AccessLogEntry, ExportJob
from wijkteam.tests.factories import MembershipFactory, UserFactory

B = Role.BALIE
W = Role.WIJKTEAMLID
T = Role.TEAMLEIDER
BH = Role.BEHEERDER

# A resident's last name that no page shows for another reason: it must be on the
# page when the access is logged, and on no answer when it cannot be.
NAME = "Hoogewerff"


@dataclass
class Shown:
    url: str
    person_ids: list[int]
    secret: str = NAME  # text only the resident's data contains
    data: dict | None = None  # the body of a POST that shows persons (a search)


@dataclass(frozen=True)
class Personal:
    role: str  # a role that may use the URL
    build: Callable  # (team, user) -> Shown
    method: str = "get"
    status: int = 200  # an empty POST gets its page back with the errors: 400


# --- building the own team's resident and their casus -------------------------


def _resident(team) -> Person:
    return PersonFactory(team=team, first_name="Ilse", prefix="", last_name=NAME)


def _casus(team, **fields) -> tuple[Case, Person]:
    """A casus whose household is the resident (its name is on every list)."""
    person = _resident(team)
    case = CaseFactory(team=team, household__name=f"Familie {NAME}", **fields)
    HouseholdMemberFactory(household=case.household, person=person)
    return case, person


def _colleague(team, role=W):
    user = UserFactory()
    MembershipFactory(user=user, team=team, role=role)
    return user


def _url(name: str, query: dict | None = None, **kwargs) -> str:
    url = reverse(name, kwargs=kwargs or None)
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


def _question(name: str, **traits):
    def build(team, user) -> Shown:
        question = QuestionFactory(team=team, person=_resident(team), **traits)
        return Shown(_url(name, pk=question.pk), [question.person_id])

    return build


def _on_casus(name: str, **fields):
    """A URL of the casus itself (`pk`)."""

    def build(team, user) -> Shown:
        case, person = _casus(team, **fields)
        return Shown(_url(name, pk=case.pk), [person.pk])

    return build


def _intake_list(team, user) -> Shown:
    question = QuestionFactory(team=team, person=_resident(team))
    return Shown(_url("cases:intake_list"), [question.person_id])


def _my_appointments(team, user) -> Shown:
    question = QuestionFactory(team=team, person=_resident(team), queued=True)
    return Shown(_url("cases:my_appointments"), [question.person_id])


def _werkbak(team, user) -> Shown:
    _, person = _casus(team)  # new and without regievoerder
    return Shown(_url("cases:werkbak"), [person.pk])


def _case_list(team, user) -> Shown:
    _, person = _casus(team, regievoerder=user)  # the list shows "mine" first
    return Shown(_url("cases:case_list"), [person.pk])


def _person_search(team, user) -> Shown:
    person = _resident(team)
    return Shown(_url("cases:person_search"), [person.pk], data={"last_name": NAME})


def _person_detail(team, user) -> Shown:
    person = _resident(team)
    return Shown(_url("cases:person_detail", pk=person.pk), [person.pk])


def _inzage(team, user) -> Shown:
    person = _resident(team)
    return Shown(_url("cases:inzage", {"persoon": person.pk}), [person.pk])


def _caseload_transfer(team, user) -> Shown:
    leaving = _colleague(team)
    _, person = _casus(team, regievoerder=leaving)
    query = {
        "from_user": leaving.pk,
        "to_users": [_colleague(team).pk],
        "reason": "Langdurig ziek",
    }
    return Shown(_url("cases:caseload_transfer", query), [person.pk])


def _journal_edit(team, user) -> Shown:
    case, person = _casus(team)
    entry = case.journal.create(kind="telefoon", note="Gebeld.", author=user)
    url = _url("cases:journal_edit", pk=case.pk, entry_pk=entry.pk)
    return Shown(url, [person.pk])


def _allocation_list(team, user) -> Shown:
    case, person = _casus(team)
    AllocationFactory(case=case)
    return Shown(_url("cases:allocation_list"), [person.pk])


def _on_referral(name: str):
    def build(team, user) -> Shown:
        case, person = _casus(team)
        referral = ReferralFactory(case=case)
        url = _url(name, pk=case.pk, referral_pk=referral.pk)
        return Shown(url, [person.pk])

    return build


def _on_allocation(name: str):
    def build(team, user) -> Shown:
        case, person = _casus(team)
        allocation = AllocationFactory(case=case)
        url = _url(name, pk=case.pk, allocation_pk=allocation.pk)
        return Shown(url, [person.pk])

    return build


def _on_goal(name: str):
    def build(team, user) -> Shown:
        case, person = _casus(team)
        goal = PlanGoalFactory(plan__case=case)
        return Shown(_url(name, pk=case.pk, goal_pk=goal.pk), [person.pk])

    return build


def _on_plan(name: str):
    """A URL of a casus that has a plan with one goal."""

    def build(team, user) -> Shown:
        case, person = _casus(team)
        PlanGoalFactory(plan__case=case)
        return Shown(_url(name, pk=case.pk), [person.pk])

    return build


def _plan_action_edit(team, user) -> Shown:
    case, person = _casus(team)
    action = PlanActionFactory(goal__plan__case=case)
    url = _url("cases:plan_action_edit", pk=case.pk, action_pk=action.pk)
    return Shown(url, [person.pk])


def _plan_version(team, user) -> Shown:
    case, person = _casus(team)
    goal = PlanGoalFactory(plan__case=case)
    goal.plan.versions.create(
        number=1, vastgesteld_by=user, agreed_with_resident=True, content={}
    )
    return Shown(_url("cases:plan_version", pk=case.pk, number=1), [person.pk])


def _on_measurement(name: str, factory, key: str):
    """A page of one measurement (or beraad) of the resident's casus."""

    def build(team, user) -> Shown:
        case, person = _casus(team)
        fields = {"person": person} if key != "record_pk" else {}
        obj = factory(case=case, **fields)
        return Shown(_url(name, pk=case.pk, **{key: obj.pk}), [person.pk])

    return build


def _network_edit(team, user) -> Shown:
    case, person = _casus(team)
    entry = NetworkEntryFactory(case=case)
    url = _url("cases:network_edit", pk=case.pk, entry_pk=entry.pk)
    return Shown(url, [person.pk])


def _accesslog(name: str):
    """The log shows person ids; the purpose of a row names the resident."""

    def build(team, user) -> Shown:
        person = _resident(team)
        AccessLogEntry.objects.create(
            team=team, username="collega", action="view", person_id=person.pk,
            purpose=f"dossier {NAME} inzien",
        )  # fmt: skip
        return Shown(_url(name), [person.pk])

    return build


def _export_download(team, user) -> Shown:
    """The PDF of a casus's plan (kind casus-plan): it names the household."""
    case, person = _casus(team)
    job = ExportJob.objects.create(
        team=team, kind=PLAN_PDF, object_id=case.pk, requested_by=user,
        title=f"Plan van casus {case.pk}", status="done",
    )  # fmt: skip
    job.file.save("plan.pdf", ContentFile(f"%PDF-1.4 {NAME}".encode()), save=True)
    return Shown(_url("export_download", token=job.token), [person.pk])


PERSONAL: dict[str, Personal] = {
    # the desk
    "cases:intake_list": Personal(B, _intake_list),
    "cases:person_search": Personal(B, _person_search, method="post"),
    "cases:question_detail": Personal(B, _question("cases:question_detail")),
    "cases:person_detail": Personal(B, _person_detail),
    # the team: appointments and vraagverheldering
    "cases:my_appointments": Personal(W, _my_appointments),
    "cases:vraagverheldering": Personal(
        W, _question("cases:vraagverheldering", queued=True)
    ),
    # werkbak and casus lists
    "cases:werkbak": Personal(T, _werkbak),
    "cases:caseload_transfer": Personal(T, _caseload_transfer),
    "cases:case_list": Personal(W, _case_list),
    "cases:allocation_list": Personal(W, _allocation_list),
    # the casus and its tabs
    "cases:case_detail": Personal(W, _on_casus("cases:case_detail")),
    "cases:journal_edit": Personal(W, _journal_edit),
    "cases:metingen": Personal(W, _on_casus("cases:metingen")),
    "cases:moreel_beraad": Personal(W, _on_casus("cases:moreel_beraad")),
    "cases:case_network": Personal(W, _on_casus("cases:case_network")),
    "cases:plan": Personal(W, _on_plan("cases:plan")),
    "cases:plan_goal_edit": Personal(W, _on_goal("cases:plan_goal_edit")),
    "cases:plan_action_add": Personal(W, _on_goal("cases:plan_action_add")),
    "cases:plan_action_edit": Personal(W, _plan_action_edit),
    "cases:plan_version": Personal(W, _plan_version),
    # corrections after saving: the edit and withdraw pages
    "cases:zrm_correct": Personal(
        W, _on_measurement("cases:zrm_correct", ZrmAssessmentFactory, "assessment_pk")
    ),
    "cases:zrm_withdraw": Personal(
        W, _on_measurement("cases:zrm_withdraw", ZrmAssessmentFactory, "assessment_pk")
    ),
    "cases:ladder_correct": Personal(
        W,
        _on_measurement(
            "cases:ladder_correct", LadderMeasurementFactory, "measurement_pk"
        ),
    ),
    "cases:ladder_withdraw": Personal(
        W,
        _on_measurement(
            "cases:ladder_withdraw", LadderMeasurementFactory, "measurement_pk"
        ),
    ),
    "cases:moreel_beraad_edit": Personal(
        W,
        _on_measurement(
            "cases:moreel_beraad_edit", MoralDeliberationFactory, "record_pk"
        ),
    ),
    "cases:network_edit": Personal(W, _network_edit),
    # POST views that answer an empty form with the casus page and its errors
    "cases:case_assign": Personal(
        T, _on_casus("cases:case_assign"), method="post", status=400
    ),
    "cases:case_status": Personal(
        W, _on_casus("cases:case_status"), method="post", status=400
    ),
    "cases:household_member_add": Personal(
        W, _on_casus("cases:household_member_add"), method="post", status=400
    ),
    "cases:journal_add": Personal(
        W, _on_casus("cases:journal_add"), method="post", status=400
    ),
    "cases:zrm_add": Personal(W, _on_casus("cases:zrm_add"), method="post", status=400),
    "cases:ladder_add": Personal(
        W, _on_casus("cases:ladder_add"), method="post", status=400
    ),
    "cases:network_add": Personal(
        W, _on_casus("cases:network_add"), method="post", status=400
    ),
    "cases:referral_add": Personal(
        W, _on_casus("cases:referral_add"), method="post", status=400
    ),
    "cases:referral_status": Personal(
        W, _on_referral("cases:referral_status"), method="post", status=400
    ),
    "cases:allocation_add": Personal(
        W, _on_casus("cases:allocation_add"), method="post", status=400
    ),
    "cases:allocation_status": Personal(
        W, _on_allocation("cases:allocation_status"), method="post", status=400
    ),
    "cases:plan_goal_add": Personal(
        W, _on_plan("cases:plan_goal_add"), method="post", status=400
    ),
    "cases:plan_vaststellen": Personal(
        W, _on_plan("cases:plan_vaststellen"), method="post", status=400
    ),
    # functioneel beheer: the access log itself and the inzageverzoek
    "accesslog_list": Personal(BH, _accesslog("accesslog_list")),
    "accesslog_csv": Personal(BH, _accesslog("accesslog_csv")),
    "cases:inzage": Personal(BH, _inzage),
    # files
    "export_download": Personal(W, _export_download),
}


NOT_PERSONAL = {
    # no resident on these pages
    "home",  # counts only
    "team_current",
    "team_detail",  # the team and its staff
    "team_switch",
    "two_factor_setup",
    "two_factor_verify",
    "accesslog_unusual",  # users and counts; the rows behind it are in the log
    # the team's members: staff, no residents (each change is logged all the same)
    "member_list",
    "member_add",
    "member_detail",
    "member_deactivate",
    "member_reset_link",
    "membership_role",
    "membership_end",
    "cases:question_register",  # GET: an empty form (its search is logged, see
    # cases/tests/test_question_register.py)
    "cases:contract_hours",  # staff hours
    "cases:signal_settings",  # the team's werkbak thresholds
    "gebiedsanalyse:team_areas",  # wijken and buurten the team serves
    "cases:referral_waiting_time",  # a product's waiting time (htmx)
    "cases:provider_list",
    "cases:provider_detail",
    "cases:product_add",
    "cases:product_update",
    "cases:waiting_time_add",
    "gebiedsanalyse:team_figures",  # counts per buurt, below 5 suppressed
    # exports of a document: the status partial shows the job's title only
    "export_start",
    "export_status",
    "export_retry",
    # POST views that only redirect (the page they lead to logs)
    "cases:question_plan",
    "cases:network_end",
    "cases:plan_goal_status",
    "cases:plan_action_done",
    # gebiedsanalyse: public CBS figures and the team's social infrastructure
    "gebiedsanalyse:area_list",
    "gebiedsanalyse:area_detail",
    "gebiedsanalyse:area_csv",
    "gebiedsanalyse:cbs_upload",
    "gebiedsanalyse:cbs_import_history",  # who imported which CBS file: staff only
    # iWmo imports: file names, message identifications and counts; never a BSN
    "iwmo:import_upload",
    "iwmo:import_detail",
    "iwmo:import_history",
    "gebiedsanalyse:place_list",
    "gebiedsanalyse:place_create",
    "gebiedsanalyse:place_edit",
    "gebiedsanalyse:resource_list",
    "gebiedsanalyse:resource_create",
    "gebiedsanalyse:resource_edit",
    "gebiedsanalyse:wijkanalyse",
    "gebiedsanalyse:group_create",
    "gebiedsanalyse:group_edit",
    "gebiedsanalyse:action_create",
    "gebiedsanalyse:action_edit",
    "gebiedsanalyse:meeting_create",
    "gebiedsanalyse:meeting_edit",
    # kwartiermaken: documents about the team, not about residents
    "bouwstenen:startdocument_list",
    "bouwstenen:startdocument_new",
    "bouwstenen:plan_list",
    "bouwstenen:plan_new",
    "bouwstenen:document_detail",
    "bouwstenen:section_edit",
    "bouwstenen:version_status",
    "bouwstenen:version_new",
    "bouwstenen:version_compare",
    "bouwstenen:comment_add",
    "bouwstenen:development_plan",
}


def test_every_url_is_personal_or_not():
    names = {
        name
        for name, _ in url_patterns()
        if name and name not in PUBLIC and not is_admin(name)  # see below
    }
    missing = sorted(names - set(PERSONAL) - NOT_PERSONAL)
    assert not missing, (
        "Put each new URL in PERSONAL (it shows a resident: say how to build one "
        "and which person ids the log must hold) or in NOT_PERSONAL in "
        f"tests/test_accesslog_sweep.py: {missing}"
    )
    assert not set(PERSONAL) & NOT_PERSONAL
    stale = sorted((set(PERSONAL) | NOT_PERSONAL) - names)
    assert not stale, f"No such URL name: {stale}"


# The admin's URLs are not personal as a block: no model with residents' data is
# registered there (the access log was taken out: /beheer/toegangslog/ is scoped
# and logs its reading). A model added to the admin needs a decision here.
ADMIN_MODELS = {
    "auth.Group", "axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog",
    "bouwstenen.Document", "bouwstenen.KeyQuestion", "bouwstenen.Section",
    "cases.CaseSettings", "cases.Voorziening", "gebiedsanalyse.Area",
    "gebiedsanalyse.CbsImport", "otp_static.StaticDevice", "otp_totp.TOTPDevice",
    "wijkteam.ExportJob", "wijkteam.Team", "wijkteam.User",
}  # fmt: skip


def test_the_admin_holds_no_resident_data():
    from django.contrib import admin

    registered = {model._meta.label for model in admin.site._registry}
    assert registered == ADMIN_MODELS, (
        "A model was added to or removed from the admin: if it holds residents' "
        "data, keep it out of the admin (its reading would not be logged); else "
        f"update ADMIN_MODELS: {registered ^ ADMIN_MODELS}"
    )
    assert "wijkteam.AccessLogEntry" not in registered


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def user(member, team):
    def make(role):
        return member(role, team)

    return make


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


def _request(client, entry: Personal, shown: Shown):
    return getattr(client, entry.method)(shown.url, shown.data or {})


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_each_person_shown_is_logged(client, team, user, name):
    entry = PERSONAL[name]
    worker = user(entry.role)
    shown = entry.build(team, worker)
    client.force_login(worker)
    last = AccessLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()

    response = _request(client, entry, shown)

    assert response.status_code == entry.status, shown.url
    assert shown.secret in _body(response), f"{shown.url} does not show the resident"
    rows = AccessLogEntry.objects.filter(pk__gt=last or 0)
    for person_id in shown.person_ids:
        assert rows.filter(
            person_id=person_id, user=worker, team=team, result=AccessResult.OK
        ).exists(), f"{shown.url}: no access-log row for person {person_id}"


@pytest.fixture
def log_cannot_be_written():
    """Every INSERT into the access log's table raises, whichever function writes
    it (`log_access` uses the ORM, `log_access_of_query` an INSERT … SELECT)."""
    table = AccessLogEntry._meta.db_table
    refused = []

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and table in sql:
            refused.append(sql)
            raise DatabaseError("toegangslog niet beschikbaar")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield refused


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_no_data_without_a_log_row(client, team, user, name, request):
    entry = PERSONAL[name]
    worker = user(entry.role)
    shown = entry.build(team, worker)
    client.force_login(worker)
    client.raise_request_exception = False
    refused = request.getfixturevalue("log_cannot_be_written")

    response = _request(client, entry, shown)

    assert refused, f"{shown.url} did not try to write the access log"
    assert response.status_code == 500, f"{shown.url}: {response.status_code}"
    assert shown.secret not in _body(response), f"{shown.url} showed the resident"
