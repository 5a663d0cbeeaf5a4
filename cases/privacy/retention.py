"""Bewaartermijnen: remove what has been kept long enough.

What expires, and when (all terms are settings, see .env.example):

- a **vraag that never became a casus** (afgehandeld at the desk, or afgesloten
  after the vraagverheldering): `RETENTION_QUESTION_YEARS` (2) after its last
  status change; removed with its vraagverheldering and status history;
- a **closed casus**: after `RETENTION_WMO_YEARS` (15) or `RETENTION_JEUGD_YEARS`
  (20) from its closure, by its wettelijk kader (`Case.legal_framework`; when blank:
  Jeugdwet if a member of the household was under 18 at the closure, else Wmo);
  a Wmo casus whose plan was never vastgesteld (no planversie) after
  `RETENTION_WMO_NOT_ADOPTED_YEARS` (5); removed with everything hanging from it
  (journal, history, plan, and what other modules attach with CASCADE), the
  questions that led to it, and the PDFs of its plan (jobs and files);
- a **household** without any casus left, and a **person** without any question or
  household left, once older than the question term;
- an **inzage-PDF** after `RETENTION_INZAGE_EXPORT_DAYS` (30).

Records are deleted, not anonymised: nothing in the application needs them once
the term is over, and a deleted row cannot be re-identified. Each item is removed
in its own transaction; an item that something still protects (a PROTECT foreign
key of another module) is skipped and reported, not forced. The access log is kept
as it is (NEN 7513; the database refuses changes): its person ids no longer lead to
a person, and one row per removed record says what was removed, by the system.
A second run finds nothing to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, ProtectedError, RestrictedError
from django.db.models.functions import Coalesce
from django.utils import timezone

from cases.casework.constants import CaseStatus, LegalFramework
from cases.intake.constants import QuestionStatus
from cases.models import (
    Case,
    Household,
    HouseholdMember,
    JournalEntry,
    Person,
    PlanVersion,
    Question,
    Vraagverheldering,
)
from cases.plan.constants import PLAN_PDF_KIND
from cases.privacy.exports import KIND as INZAGE_KIND
from wijkteam.constants import AccessAction
from wijkteam.models import AccessLogEntry, ExportJob

SYSTEM_USER = "systeem (bewaartermijn)"
FINAL_QUESTION_STATUSES = (QuestionStatus.AFGEHANDELD, QuestionStatus.AFGESLOTEN)
ADULT_YEARS = 18


def years_before(moment: dt.datetime, years: int) -> dt.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


@dataclass(frozen=True)
class Terms:
    wmo_years: int
    wmo_not_adopted_years: int
    jeugd_years: int
    question_years: int
    inzage_export_days: int

    @classmethod
    def from_settings(cls) -> Terms:
        return cls(
            wmo_years=settings.RETENTION_WMO_YEARS,
            wmo_not_adopted_years=settings.RETENTION_WMO_NOT_ADOPTED_YEARS,
            jeugd_years=settings.RETENTION_JEUGD_YEARS,
            question_years=settings.RETENTION_QUESTION_YEARS,
            inzage_export_days=settings.RETENTION_INZAGE_EXPORT_DAYS,
        )

    def case_years(self, framework: str, *, plan_adopted: bool = True) -> int:
        """Jeugdwet keeps its term whatever became of the plan; a Wmo casus whose
        plan was never vastgesteld has the shorter Wmo term."""
        if framework == LegalFramework.JEUGD:
            return self.jeugd_years
        return self.wmo_years if plan_adopted else self.wmo_not_adopted_years

    @property
    def shortest_case_years(self) -> int:
        return min(self.wmo_years, self.wmo_not_adopted_years, self.jeugd_years)


@dataclass
class RetentionReport:
    dry_run: bool
    terms: Terms
    removed: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    KINDS = {
        "question": "Vragen zonder casus",
        "case": "Casussen",
        "household": "Huishoudens",
        "person": "Inwoners",
        "inzage": "Inzage-PDF's",
    }

    def add(self, kind: str, description: str) -> None:
        self.removed.setdefault(kind, []).append(description)

    def count(self, kind: str) -> int:
        return len(self.removed.get(kind, []))

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.removed.values())

    def lines(self) -> list[str]:
        t = self.terms
        verb = "zou verwijderen" if self.dry_run else "verwijderd"
        head = (
            f"Bewaartermijnen: Wmo {t.wmo_years} jaar, Wmo zonder vastgesteld plan "
            f"{t.wmo_not_adopted_years} jaar, Jeugdwet {t.jeugd_years} jaar, "
            f"vragen zonder casus {t.question_years} jaar, inzage-PDF's "
            f"{t.inzage_export_days} dagen."
        )
        lines = [head]
        if self.dry_run:
            lines.append("Proefdraai: er is niets gewijzigd.")
        for kind, label in self.KINDS.items():
            items = self.removed.get(kind, [])
            detail = f" ({'; '.join(items)})" if items else ""
            lines.append(f"{label} {verb}: {len(items)}{detail}")
        lines.append(f"Overgeslagen: {len(self.skipped)}")
        lines += [f"  - {s}" for s in self.skipped]
        return lines


def case_framework(case: Case) -> str:
    """The casus's wettelijk kader, or the derived one (see module docstring)."""
    if case.legal_framework:
        return case.legal_framework
    closed_on = timezone.localdate(case.closed_at or timezone.now())
    adult_born_before = years_before(
        dt.datetime.combine(closed_on, dt.time.min), ADULT_YEARS
    ).date()
    has_minor = HouseholdMember.objects.filter(
        household_id=case.household_id, person__birth_date__gt=adult_born_before
    ).exists()
    return LegalFramework.JEUGD if has_minor else LegalFramework.WMO


def _log_removal(*, team_id, person_ids, obj_type: str, obj_id, purpose: str):
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                username=SYSTEM_USER,
                team_id=team_id,
                action=AccessAction.DELETE,
                person_id=pid,
                object_type=obj_type,
                object_id=str(obj_id),
                purpose=purpose[:200],
            )
            for pid in (list(dict.fromkeys(person_ids)) or [None])
        ]
    )


def _remove(report: RetentionReport, kind: str, description: str, work) -> None:
    """One item, one transaction; protected items are skipped and reported."""
    try:
        with transaction.atomic():
            done = work()
    except (ProtectedError, RestrictedError) as exc:
        names = sorted({o._meta.verbose_name for o in exc.protected_objects})
        report.skipped.append(f"{description}: nog in gebruik door {', '.join(names)}")
        return
    if done:
        report.add(kind, description)


def _still(model, pk: int, **criteria) -> bool:
    """Lock the row, then check it still qualifies (it may have changed since the
    candidates were read)."""
    if not model.objects.select_for_update().filter(pk=pk).exists():
        return False
    return model.objects.filter(pk=pk, **criteria).exists()


def _delete_questions(questions) -> None:
    Vraagverheldering.objects.filter(question__in=questions).delete()
    questions.delete()


# --- the five kinds ------------------------------------------------------------


def _expired_questions(report: RetentionReport, now: dt.datetime) -> None:
    cutoff = years_before(now, report.terms.question_years)
    candidates = (
        Question.objects.filter(case__isnull=True, status__in=FINAL_QUESTION_STATUSES)
        .annotate(last=Coalesce(Max("status_changes__at"), "registered_at"))
        .filter(last__lt=cutoff)
        .values_list("pk", "team_id", "person_id")
        .order_by("pk")
    )
    for pk, team_id, person_id in candidates:

        def work(pk=pk, team_id=team_id, person_id=person_id):
            if not _still(
                Question, pk, case__isnull=True, status__in=FINAL_QUESTION_STATUSES
            ):
                return False
            _log_removal(
                team_id=team_id,
                person_ids=[person_id],
                obj_type="cases.question",
                obj_id=pk,
                purpose="bewaartermijn verstreken: vraag zonder casus",
            )
            _delete_questions(Question.objects.filter(pk=pk))
            return True

        _remove(report, "question", f"vraag {pk}", work)


def case_term_label(framework: str, *, plan_adopted: bool) -> str:
    label = LegalFramework(framework).label
    if framework == LegalFramework.WMO and not plan_adopted:
        return f"{label} zonder vastgesteld plan"
    return label


def _expired_cases(report: RetentionReport, now: dt.datetime) -> None:
    terms = report.terms
    candidates = (
        Case.objects.filter(
            status=CaseStatus.AFGESLOTEN,
            closed_at__lt=years_before(now, terms.shortest_case_years),
        )
        .annotate(
            plan_adopted=Exists(PlanVersion.objects.filter(plan__case=OuterRef("pk")))
        )
        # Those whose explicit kader still keeps them: not read every night.
        .exclude(
            legal_framework=LegalFramework.JEUGD,
            closed_at__gte=years_before(now, terms.jeugd_years),
        )
        .exclude(
            legal_framework=LegalFramework.WMO,
            plan_adopted=True,
            closed_at__gte=years_before(now, terms.wmo_years),
        )
        .order_by("pk")
    )
    for case in candidates:
        framework = case_framework(case)
        years = terms.case_years(framework, plan_adopted=case.plan_adopted)
        if case.closed_at >= years_before(now, years):
            continue
        label = case_term_label(framework, plan_adopted=case.plan_adopted)
        closed = timezone.localtime(case.closed_at).strftime("%d-%m-%Y")
        description = f"casus {case.pk}, {label}, afgesloten {closed}"

        def work(case=case, label=label):
            if not _still(
                Case, case.pk, status=CaseStatus.AFGESLOTEN, closed_at=case.closed_at
            ):
                return False
            # A plan vastgesteld since the candidates were read: the longer term.
            if (
                not case.plan_adopted
                and PlanVersion.objects.filter(plan__case_id=case.pk).exists()
            ):
                return False
            members = HouseholdMember.objects.filter(household_id=case.household_id)
            _log_removal(
                team_id=case.team_id,
                person_ids=members.values_list("person_id", flat=True),
                obj_type="cases.case",
                obj_id=case.pk,
                purpose=f"bewaartermijn verstreken: casus ({label})",
            )
            _delete_questions(Question.objects.filter(case_id=case.pk))
            # A correction PROTECTs the entry it corrects; both go, so unlink first.
            JournalEntry.objects.filter(case_id=case.pk).update(corrects=None)
            # An export job points at its object by id only: no cascade reaches it.
            _delete_jobs_and_files(
                ExportJob.objects.filter(kind=PLAN_PDF_KIND, object_id=case.pk)
            )
            Case.objects.filter(pk=case.pk).delete()
            return True

        _remove(report, "case", description, work)


def _orphaned_households(report: RetentionReport, now: dt.datetime) -> None:
    cutoff = years_before(now, report.terms.question_years)
    candidates = Household.objects.filter(
        cases__isnull=True, created_at__lt=cutoff
    ).values_list("pk", "team_id")
    for pk, team_id in candidates.order_by("pk"):

        def work(pk=pk, team_id=team_id):
            if not _still(Household, pk, cases__isnull=True):
                return False
            _log_removal(
                team_id=team_id,
                person_ids=HouseholdMember.objects.filter(household_id=pk).values_list(
                    "person_id", flat=True
                ),
                obj_type="cases.household",
                obj_id=pk,
                purpose="bewaartermijn verstreken: huishouden zonder casus",
            )
            Household.objects.filter(pk=pk).delete()
            return True

        _remove(report, "household", f"huishouden {pk}", work)


def _inzage_jobs(person_ids=None, before=None):
    jobs = ExportJob.objects.filter(kind=INZAGE_KIND)
    if person_ids is not None:
        jobs = jobs.filter(object_id__in=person_ids)
    if before is not None:
        jobs = jobs.filter(requested_at__lt=before)
    return jobs


def _delete_jobs_and_files(jobs) -> None:
    names = [name for name in jobs.values_list("file", flat=True) if name]
    jobs.delete()
    # Files go only when the transaction holds (never in a dry run).
    transaction.on_commit(lambda: [default_storage.delete(n) for n in names])


def _orphaned_persons(report: RetentionReport, now: dt.datetime) -> None:
    cutoff = years_before(now, report.terms.question_years)
    candidates = Person.objects.filter(
        questions__isnull=True,
        household_memberships__isnull=True,
        created_at__lt=cutoff,
    ).values_list("pk", "team_id")
    for pk, team_id in candidates.order_by("pk"):

        def work(pk=pk, team_id=team_id):
            if not _still(
                Person, pk, questions__isnull=True, household_memberships__isnull=True
            ):
                return False
            _log_removal(
                team_id=team_id,
                person_ids=[pk],
                obj_type="cases.person",
                obj_id=pk,
                purpose="bewaartermijn verstreken: inwoner zonder vragen of casus",
            )
            _delete_jobs_and_files(_inzage_jobs(person_ids=[pk]))
            Person.objects.filter(pk=pk).delete()
            return True

        _remove(report, "person", f"inwoner {pk}", work)


def _old_inzage_exports(report: RetentionReport, now: dt.datetime) -> None:
    before = now - dt.timedelta(days=report.terms.inzage_export_days)
    for pk in _inzage_jobs(before=before).order_by("pk").values_list("pk", flat=True):

        def work(pk=pk):
            jobs = ExportJob.objects.select_for_update().filter(pk=pk)
            if not jobs.exists():
                return False
            _delete_jobs_and_files(jobs)
            return True

        _remove(report, "inzage", f"inzage-PDF {pk}", work)


def retention_apply(
    *, now: dt.datetime | None = None, dry_run: bool = False, terms: Terms | None = None
) -> RetentionReport:
    """Remove everything whose term is over; report what was (or would be) done.

    A dry run does the same work inside one transaction that is rolled back, so its
    report is exactly what a real run would do (including households and persons
    that become empty on the way).
    """
    now = now or timezone.now()
    report = RetentionReport(dry_run=dry_run, terms=terms or Terms.from_settings())
    steps = (
        _expired_questions,
        _expired_cases,
        _orphaned_households,
        _orphaned_persons,
        _old_inzage_exports,
    )
    if dry_run:
        with transaction.atomic():
            for step in steps:
                step(report, now)
            transaction.set_rollback(True)
    else:
        for step in steps:
            step(report, now)
    return report
