"""Bewaartermijnen: apply_retention removes what expired, per kind, reports it,
keeps the access log, and changes nothing on a second run."""

import datetime as dt
import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import ProtectedError
from django.utils import timezone

import pytest

from cases import tasks
from cases.casework.constants import CaseStatus, LegalFramework
from cases.intake.constants import QuestionStatus, Relation
from cases.measuring.services import zrm_assessment_correct
from cases.models import (
    Case,
    Correction,
    Household,
    HouseholdMember,
    JournalEntry,
    Person,
    PlanVersion,
    Question,
    Vraagverheldering,
    ZrmAssessment,
    ZrmLatestScore,
)
from cases.privacy import retention
from cases.privacy.retention import Terms, retention_apply, years_before
from cases.tests.factories import (
    CaseFactory,
    HouseholdMemberFactory,
    PersonFactory,
    QuestionFactory,
)
from cases.tests.factories_plan import PlanFactory
from cases.tests.full_casus import SMALL, grow, new_casus
from wijkteam.celery import app
from wijkteam.constants import AccessAction
from wijkteam.models import AccessLogEntry, ExportJob

NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)


def ago(years: float) -> dt.datetime:
    return NOW - dt.timedelta(days=round(365.25 * years))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def closed_case(team, *, years: float, framework="", minor=False, adopted=False, **kw):
    """A casus closed `years` ago; `adopted`: its plan has a vastgesteld version."""
    case = CaseFactory(
        team=team,
        status=CaseStatus.AFGESLOTEN,
        closed_at=ago(years),
        opened_at=ago(years + 1),
        legal_framework=framework,
        **kw,
    )
    Household.objects.filter(pk=case.household_id).update(created_at=ago(years + 1))
    adult = HouseholdMemberFactory(household=case.household)
    Person.objects.filter(pk=adult.person_id).update(
        created_at=ago(years + 1), birth_date=dt.date(1960, 1, 1)
    )
    if minor:
        child = HouseholdMemberFactory(
            household=case.household, relation=Relation.KIND, is_main_contact=False
        )
        born = timezone.localdate(case.closed_at) - dt.timedelta(days=365 * 10)
        Person.objects.filter(pk=child.person_id).update(
            created_at=ago(years + 1), birth_date=born
        )
    if adopted:
        PlanVersion.objects.create(
            plan=PlanFactory(case=case),
            number=1,
            vastgesteld_at=ago(years + 0.5),
            vastgesteld_by=case.opened_by,
            agreed_with_resident=True,
            content={},
        )
    return case


def old_question(team, *, years: float, **kw):
    question = QuestionFactory(team=team, registered_at=ago(years), **kw)
    if question.person_id:
        Person.objects.filter(pk=question.person_id).update(created_at=ago(years))
    return question


def test_terms_are_the_promised_defaults():
    terms = Terms.from_settings()
    assert (terms.wmo_years, terms.jeugd_years, terms.question_years) == (15, 20, 2)
    assert terms.wmo_not_adopted_years == 5
    assert terms.inzage_export_days == 30


def test_years_before_handles_29_february():
    leap = dt.datetime(2024, 2, 29, 10, 0, tzinfo=dt.UTC)
    assert years_before(leap, 1).date() == dt.date(2023, 2, 28)


def test_a_question_that_never_started_expires_after_two_years(team):
    gone = old_question(team, years=2.1)
    kept_recent = old_question(team, years=1.9)
    kept_open = old_question(team, years=5, queued=True)
    report = retention_apply(now=NOW)
    assert not Question.objects.filter(pk=gone.pk).exists()
    assert not Person.objects.filter(pk=gone.person_id).exists()  # nothing left
    assert Question.objects.filter(pk__in=[kept_recent.pk, kept_open.pk]).count() == 2
    assert report.count("question") == 1 and report.count("person") == 1


def test_the_term_counts_from_the_last_status_change(team, member):
    question = old_question(team, years=3, status=QuestionStatus.AFGESLOTEN)
    question.status_changes.create(
        from_status="wachtrij",
        to_status="afgesloten",
        at=ago(1),
        by=member("balie", team),
    )
    retention_apply(now=NOW)
    assert Question.objects.filter(pk=question.pk).exists()


def test_closed_wmo_casus_goes_after_15_years_with_everything_on_it(team, member):
    author = member("wijkteamlid", team)
    case = closed_case(team, years=15.2, framework=LegalFramework.WMO, adopted=True)
    first = JournalEntry.objects.create(
        case=case, kind="telefoon", note="Gebeld.", author=author
    )
    JournalEntry.objects.create(
        case=case, kind="telefoon", note="Correctie.", author=author, corrects=first
    )
    case.status_changes.create(to_status="afgesloten", by=author)
    person = case.household.members.get().person
    question = old_question(team, years=16, person=person, case=case, status="casus")
    Vraagverheldering.objects.create(
        question=question,
        recorded_by=author,
        real_question="x",
        decision="casus_openen",
    )
    kept = closed_case(team, years=14.8, framework=LegalFramework.WMO, adopted=True)

    report = retention_apply(now=NOW)

    assert not Case.objects.filter(pk=case.pk).exists(), report.lines()
    assert not JournalEntry.objects.filter(case_id=case.pk).exists()
    assert not Question.objects.filter(pk=question.pk).exists()
    assert not Household.objects.filter(pk=case.household_id).exists()
    assert not Person.objects.filter(pk=person.pk).exists()
    assert Case.objects.filter(pk=kept.pk).exists()
    assert report.count("case") == 1
    assert report.count("household") == 1 and report.count("person") == 1


def test_a_casus_with_everything_of_issue_5_goes_whole(team, member):
    """Plan, metingen with a correction, network, referrals, toekenningen, moreel
    beraad and journal: nothing of it protects the casus or survives it."""
    lid = member("wijkteamlid", team)
    case = new_casus(team, lid, SMALL)
    grow(case, lid, SMALL)
    assessment = ZrmAssessment.objects.get(case=case)
    zrm_assessment_correct(
        assessment=assessment, by=lid, reason="Verkeerd gescoord",
        person=assessment.person, assessed_on=assessment.assessed_on,
        scores={"financien": 2},
    )  # fmt: skip
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.AFGESLOTEN, closed_at=ago(15.2),
        legal_framework=LegalFramework.WMO,
    )  # fmt: skip
    Household.objects.filter(pk=case.household_id).update(created_at=ago(16))
    people = list(case.household.members.values_list("person_id", flat=True))
    Person.objects.filter(pk__in=people).update(created_at=ago(16))

    report = retention_apply(now=NOW)

    assert report.skipped == [] and report.count("case") == 1, report.lines()
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Person.objects.filter(pk__in=people).exists()
    assert not ZrmLatestScore.objects.filter(person_id__in=people).exists()
    assert not Correction.objects.filter(case_id=case.pk).exists()


def test_jeugd_casus_is_kept_20_years(team):
    explicit = closed_case(team, years=17, framework=LegalFramework.JEUGD)
    derived = closed_case(team, years=17, minor=True)  # a child at closure
    adults_only = closed_case(team, years=17)  # blank framework, no minor: Wmo
    old_jeugd = closed_case(team, years=20.5, framework=LegalFramework.JEUGD)
    retention_apply(now=NOW)
    remaining = set(Case.objects.values_list("pk", flat=True))
    assert remaining == {explicit.pk, derived.pk}
    assert adults_only.pk not in remaining and old_jeugd.pk not in remaining


def test_wmo_casus_whose_plan_was_never_vastgesteld_goes_after_5_years(team):
    stays = closed_case(team, years=4.9, framework=LegalFramework.WMO)
    goes = closed_case(team, years=5.1, framework=LegalFramework.WMO)
    closed_case(team, years=5.1)  # blank, adults only: Wmo
    concept = closed_case(team, years=5.1, framework=LegalFramework.WMO)
    PlanFactory(case=concept)  # a plan, but only ever a concept
    report = retention_apply(now=NOW)
    assert set(Case.objects.values_list("pk", flat=True)) == {stays.pk}
    assert report.count("case") == 3  # goes, derived and concept
    assert all("Wmo 2015 zonder vastgesteld plan" in c for c in report.removed["case"])
    logged = AccessLogEntry.objects.filter(
        object_type="cases.case", object_id=str(goes.pk)
    ).first()
    assert logged.purpose == (
        "bewaartermijn verstreken: casus (Wmo 2015 zonder vastgesteld plan)"
    )


def test_wmo_casus_with_a_vastgesteld_plan_stays_until_15_years(team):
    stays = closed_case(team, years=5.1, framework=LegalFramework.WMO, adopted=True)
    also_stays = closed_case(team, years=14.8, adopted=True)
    goes = closed_case(team, years=15.2, framework=LegalFramework.WMO, adopted=True)
    report = retention_apply(now=NOW)
    remaining = set(Case.objects.values_list("pk", flat=True))
    assert remaining == {stays.pk, also_stays.pk}
    assert report.removed["case"] == [
        f"casus {goes.pk}, Wmo 2015, afgesloten "
        f"{timezone.localtime(goes.closed_at):%d-%m-%Y}"
    ]


def test_jeugd_casus_without_vastgesteld_plan_keeps_20_years(team):
    explicit = closed_case(team, years=19, framework=LegalFramework.JEUGD)
    derived = closed_case(team, years=5.1, minor=True)
    gone = closed_case(team, years=20.5, framework=LegalFramework.JEUGD)
    retention_apply(now=NOW)
    remaining = set(Case.objects.values_list("pk", flat=True))
    assert remaining == {explicit.pk, derived.pk}
    assert gone.pk not in remaining


def test_the_terms_are_settings(team, settings):
    settings.RETENTION_WMO_NOT_ADOPTED_YEARS = 7
    kept = closed_case(team, years=6, framework=LegalFramework.WMO)
    gone = closed_case(team, years=7.1, framework=LegalFramework.WMO)
    retention_apply(now=NOW)
    assert set(Case.objects.values_list("pk", flat=True)) == {kept.pk}, gone.pk


def test_dry_run_report_names_the_not_adopted_term(team):
    case = closed_case(team, years=5.1, framework=LegalFramework.WMO)
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Wmo zonder vastgesteld plan 5 jaar" in text
    assert "Proefdraai: er is niets gewijzigd." in text
    assert f"casus {case.pk}, Wmo 2015 zonder vastgesteld plan, afgesloten" in text
    assert "Casussen zou verwijderen: 1" in text
    assert Case.objects.filter(pk=case.pk).exists()


def test_open_casus_is_never_removed(team):
    case = CaseFactory(team=team, status=CaseStatus.IN_BEHANDELING, opened_at=ago(30))
    Household.objects.filter(pk=case.household_id).update(created_at=ago(30))
    retention_apply(now=NOW)
    assert Case.objects.filter(pk=case.pk).exists()
    assert Household.objects.filter(pk=case.household_id).exists()


def test_a_recent_person_without_questions_is_kept(team):
    person = PersonFactory(team=team)
    retention_apply(now=NOW)
    assert Person.objects.filter(pk=person.pk).exists()


def test_access_log_is_kept_and_the_removal_is_logged(team):
    question = old_question(team, years=3)
    AccessLogEntry.objects.create(
        username="x", team=team, action="view", person_id=question.person_id
    )
    retention_apply(now=NOW)
    rows = AccessLogEntry.objects.filter(person_id=question.person_id)
    assert rows.filter(action="view").count() == 1  # kept, person id unchanged
    deleted = rows.filter(action=AccessAction.DELETE)
    assert {r.object_type for r in deleted} == {"cases.question", "cases.person"}
    assert {r.username for r in deleted} == {retention.SYSTEM_USER}


def test_second_run_changes_nothing(team):
    old_question(team, years=3)
    closed_case(team, years=16, framework=LegalFramework.WMO)
    closed_case(team, years=10, adopted=True)
    first = retention_apply(now=NOW)
    assert first.total == 5  # question, person, casus, household, person
    counts = [
        m.objects.count()
        for m in (Question, Case, Household, HouseholdMember, Person, AccessLogEntry)
    ]
    second = retention_apply(now=NOW)
    assert second.total == 0 and second.skipped == []
    assert counts == [
        m.objects.count()
        for m in (Question, Case, Household, HouseholdMember, Person, AccessLogEntry)
    ]


def test_dry_run_reports_the_same_and_changes_nothing(team):
    old_question(team, years=3)
    closed_case(team, years=16, framework=LegalFramework.WMO)
    counts = (Question.objects.count(), Case.objects.count(), Person.objects.count())
    logged = AccessLogEntry.objects.count()
    dry = retention_apply(now=NOW, dry_run=True)
    assert (Question.objects.count(), Case.objects.count(), Person.objects.count()) == (
        counts
    )
    assert AccessLogEntry.objects.count() == logged
    real = retention_apply(now=NOW)
    assert dry.removed == real.removed and dry.total == 5


def test_a_protected_item_is_skipped_reported_and_left_whole(team, monkeypatch):
    case = closed_case(team, years=16, framework=LegalFramework.WMO, adopted=True)

    def protected(questions):
        raise ProtectedError("in gebruik", {case})

    monkeypatch.setattr(retention, "_delete_questions", protected)
    report = retention_apply(now=NOW)
    assert Case.objects.filter(pk=case.pk).exists()
    assert report.count("case") == 0
    assert report.skipped == [
        f"casus {case.pk}, Wmo 2015, afgesloten "
        f"{timezone.localtime(case.closed_at):%d-%m-%Y}: nog in gebruik door casus"
    ]
    # its transaction was rolled back: no removal row in the log
    assert not AccessLogEntry.objects.filter(object_id=str(case.pk)).exists()


def test_inzage_pdfs_go_after_30_days_with_their_file(
    team, django_capture_on_commit_callbacks
):
    person = PersonFactory(team=team)
    old = ExportJob.objects.create(team=team, kind="inzage", object_id=person.pk)
    old.file.save("x.pdf", ContentFile(b"%PDF"))
    ExportJob.objects.filter(pk=old.pk).update(requested_at=NOW - dt.timedelta(31))
    new = ExportJob.objects.create(team=team, kind="inzage", object_id=person.pk)
    ExportJob.objects.filter(pk=new.pk).update(requested_at=NOW - dt.timedelta(29))
    other = ExportJob.objects.create(team=team, kind="bouwstenen-document", object_id=1)
    ExportJob.objects.filter(pk=other.pk).update(requested_at=NOW - dt.timedelta(99))
    name = old.file.name
    with django_capture_on_commit_callbacks(execute=True):
        retention_apply(now=NOW)
    assert set(ExportJob.objects.values_list("pk", flat=True)) == {new.pk, other.pk}
    assert not default_storage.exists(name)


def test_plan_pdfs_go_with_their_casus_and_files(
    team, django_capture_on_commit_callbacks
):
    """An export job names its casus by id only; no cascade removes it."""
    case = closed_case(team, years=15.2, framework=LegalFramework.WMO, adopted=True)
    kept = closed_case(team, years=14.8, framework=LegalFramework.WMO, adopted=True)
    gone = ExportJob.objects.create(team=team, kind="casus-plan", object_id=case.pk)
    gone.file.save("plan.pdf", ContentFile(b"%PDF"))
    stays = ExportJob.objects.create(team=team, kind="casus-plan", object_id=kept.pk)
    stays.file.save("plan.pdf", ContentFile(b"%PDF"))
    name = gone.file.name
    with django_capture_on_commit_callbacks(execute=True):
        retention_apply(now=NOW)
    assert not Case.objects.filter(pk=case.pk).exists()
    assert list(ExportJob.objects.values_list("pk", flat=True)) == [stays.pk]
    assert not default_storage.exists(name)
    assert default_storage.exists(stays.file.name)


def test_command_prints_the_report_and_dry_run_says_so(team):
    old_question(team, years=3)
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Proefdraai: er is niets gewijzigd." in text
    assert "Vragen zonder casus zou verwijderen: 1" in text
    assert Question.objects.count() == 1
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "Vragen zonder casus verwijderd: 1" in out.getvalue()
    assert Question.objects.count() == 0


def test_beat_runs_the_task_nightly_and_the_task_calls_the_service(monkeypatch):
    entry = settings.CELERY_BEAT_SCHEDULE["bewaartermijnen"]
    assert entry["task"] == "cases.apply_retention"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {30}
    assert "cases.apply_retention" in app.tasks
    calls = []

    def fake(**kwargs):
        calls.append(kwargs)
        return retention.RetentionReport(dry_run=False, terms=Terms(1, 1, 1, 1, 1))

    monkeypatch.setattr(tasks, "retention_apply", fake)
    result = tasks.apply_retention.apply().get()
    assert calls == [{}]
    assert result["case"] == 0 and result["skipped"] == 0
