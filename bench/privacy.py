"""Inzageverzoek PDF and bewaartermijnen at volume.

    python bench/privacy.py [--journal 300] [--log 2000] [--expired 5000]
    (DATABASE_URL set; everything is made in one transaction and rolled back)

1. Builds and renders the inzage PDF of one person whose household's casus has
   `--journal` journal entries and who has `--log` access-log rows; 5 runs.
2. Runs the bewaartermijnen over `--expired` expired vragen (each with its own
   person) plus 10% closed Wmo casussen past their term: a dry run, the real run,
   and the second run (which must find nothing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cases.exports import EXPORT_KIND, build_context  # noqa: E402
from cases.models import (  # noqa: E402
    Case,
    Household,
    HouseholdMember,
    JournalEntry,
    Person,
    Question,
)
from cases.retention import retention_apply  # noqa: E402
from wijkteam.models import AccessLogEntry, Team, User  # noqa: E402
from wijkteam.pdf import render_pdf  # noqa: E402


class Rollback(Exception):
    pass


def bench_inzage(team, user, journal: int, log: int) -> None:
    person = Person.objects.create(team=team, first_name="Bench", last_name="Inwoner")
    partner = Person.objects.create(team=team, first_name="Partner", last_name="Bench")
    household = Household.objects.create(team=team, name="Huishouden Bench")
    HouseholdMember.objects.create(household=household, person=person)
    HouseholdMember.objects.create(
        household=household, person=partner, relation="partner"
    )
    case = Case.objects.create(team=team, household=household, opened_by=user)
    JournalEntry.objects.bulk_create(
        JournalEntry(
            case=case, kind="telefoon", author=user,
            note=f"Gesprek {i} met Bench; Partner Bench was er ook bij. " * 3,
        )
        for i in range(journal)
    )  # fmt: skip
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(username="bench", team=team, action="view", person_id=person.pk)
        for _ in range(log)
    )
    times, pages = [], 0
    for _ in range(5):
        start = time.perf_counter()
        data = render_pdf(EXPORT_KIND.template, build_context(person.pk, None))
        times.append(time.perf_counter() - start)
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    print(
        f"inzage PDF ({journal} journal rows, {log} log rows, ~{pages} pages, "
        f"{len(data) // 1024} KiB): median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f}, max {max(times):.2f}"
    )


def bench_retention(team, user, expired: int) -> None:
    old = timezone.now() - dt.timedelta(days=365 * 16)
    persons = Person.objects.bulk_create(
        Person(team=team, first_name="Oud", last_name=str(i), created_at=old)
        for i in range(expired)
    )
    Question.objects.bulk_create(
        Question(
            team=team, person=p, text="x", outcome="beantwoord", status="afgehandeld",
            registered_at=old, registered_by=user,
        )
        for p in persons
    )  # fmt: skip
    for i in range(expired // 10):
        household = Household.objects.create(team=team, name=f"H{i}", created_at=old)
        HouseholdMember.objects.create(household=household, person=persons[i])
        Case.objects.create(
            team=team, household=household, opened_by=user, status="afgesloten",
            closed_at=old, legal_framework="wmo",
        )  # fmt: skip
    for label, kwargs in (("dry run", {"dry_run": True}), ("run", {}), ("again", {})):
        start = time.perf_counter()
        report = retention_apply(**kwargs)
        took = time.perf_counter() - start
        print(f"retention {label}: {report.total} items in {took:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journal", type=int, default=300)
    parser.add_argument("--log", type=int, default=2000)
    parser.add_argument("--expired", type=int, default=5000)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            team = Team.objects.create(name="Benchmark privacy", gemeente="Bench")
            user = User.objects.create(username="bench-privacy")
            bench_inzage(team, user, args.journal, args.log)
            bench_retention(team, user, args.expired)
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
