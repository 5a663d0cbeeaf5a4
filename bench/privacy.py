"""Inzageverzoek PDF, bewaartermijnen and the report of unusual access at volume.

    python bench/privacy.py [--journal 300] [--log 2000] [--expired 5000]
                            [--unusual 100000] [--only inzage|retention|unusual]
                            [--runs 5] [--profile FILE]
    (DATABASE_URL set; everything is made in one transaction and rolled back)

1. Builds and renders the inzage PDF of one person whose household's casus has
   `--journal` journal entries and who has `--log` access-log rows; `--runs` runs
   (5), wall time and CPU time of this process (`time.process_time()`: the
   machine is shared, so wall time alone says as much about the neighbours);
   `--profile FILE` adds one run under cProfile and prints the top.
2. Runs the bewaartermijnen over `--expired` expired vragen (each with its own
   person) plus 10% closed Wmo casussen past their term: a dry run, the real run,
   and the second run (which must find nothing).
3. The report of unusual access over `--unusual` access-log rows of one team
   (40 users, 20,000 persons, 8,000 casussen, 4,000 earlier assignments): with
   the comparison with the own casussen, and without it; 3 runs each.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

import pypdf  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.harness import Rollback  # noqa: E402
from cases.models import (  # noqa: E402
    Case,
    CaseAssignment,
    Household,
    HouseholdMember,
    JournalEntry,
    Person,
    Question,
)
from cases.privacy.exports import EXPORT_KIND, build_context  # noqa: E402
from cases.privacy.retention import retention_apply  # noqa: E402
from wijkteam import accesslog_review  # noqa: E402
from wijkteam.models import AccessLogEntry, Team, User  # noqa: E402
from wijkteam.pdf import render_pdf  # noqa: E402


def bench_inzage(
    team, user, journal: int, log: int, runs: int = 5, profile: str = ""
) -> None:
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
    # Rows as the log holds them: roles, actions and purposes vary (the time is set
    # by the database, so every row has the same minute).
    roles = ["wijkteamlid", "teamleider,wijkteamlid", "balie"]
    actions = ["view", "view", "view", "search", "export"]
    AccessLogEntry.objects.bulk_create(
        (
            AccessLogEntry(
                username="bench",
                team=team,
                role=roles[i % 3],
                action=actions[i % 5],
                person_id=person.pk,
                purpose=f"casus {1000 + i % 37} inzien",
            )
            for i in range(log)
        ),
        batch_size=5000,
    )
    walls, cpus, pages = [], [], 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        data = render_pdf(EXPORT_KIND.template, build_context(person.pk, None))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    print(
        f"inzage PDF ({journal} journal rows, {log} log rows, {pages} pages, "
        f"{len(data) // 1024} KiB), {runs} runs:\n"
        f"  wall median {statistics.median(walls):.2f} s, "
        f"min {min(walls):.2f}, max {max(walls):.2f}\n"
        f"  CPU  median {statistics.median(cpus):.2f} s, "
        f"min {min(cpus):.2f}, max {max(cpus):.2f}\n"
        f"  load average {os.getloadavg()[0]:.1f}"
    )
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        render_pdf(EXPORT_KIND.template, build_context(person.pk, None))
        profiler.disable()
        profiler.dump_stats(profile)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


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


def bench_unusual(team, user, rows: int) -> None:
    import random

    rng = random.Random(1)
    users = [User.objects.create(username=f"bench-lid-{i}") for i in range(40)]
    persons = Person.objects.bulk_create(
        Person(team=team, first_name="Bench", last_name=str(i)) for i in range(20000)
    )
    households = Household.objects.bulk_create(
        Household(team=team, name=f"B{i}") for i in range(8000)
    )
    HouseholdMember.objects.bulk_create(
        HouseholdMember(household=households[i % 8000], person=p)
        for i, p in enumerate(persons[:16000])
    )
    cases = Case.objects.bulk_create(
        Case(team=team, household=h, opened_by=user, regievoerder=users[i % 40])
        for i, h in enumerate(households)
    )
    CaseAssignment.objects.bulk_create(
        CaseAssignment(case=c, to_user=users[(i + 1) % 40], by=user)
        for i, c in enumerate(cases[:4000])
    )
    entries = []
    for _ in range(rows):
        who = rng.choice(users)
        entries.append(
            AccessLogEntry(
                user=who, username=who.username, team=team, action="view",
                person_id=rng.choice(persons).pk,
            )
        )  # fmt: skip
    AccessLogEntry.objects.bulk_create(entries, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    since = timezone.now() - dt.timedelta(days=30)
    suppliers = list(accesslog_review.OWN_PERSONS)
    for label, own in (("with own casussen", suppliers), ("total only", [])):
        accesslog_review.OWN_PERSONS[:] = own
        times = []
        for _ in range(3):
            start = time.perf_counter()
            found = accesslog_review.unusual_access(
                team, since=since, threshold=25, outside_threshold=10
            )
            times.append(time.perf_counter() - start)
        print(
            f"unusual access, {label} ({rows} log rows, {len(found)} user-days): "
            f"median {statistics.median(times):.2f} s"
        )
    accesslog_review.OWN_PERSONS[:] = suppliers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journal", type=int, default=300)
    parser.add_argument("--log", type=int, default=2000)
    parser.add_argument("--expired", type=int, default=5000)
    parser.add_argument("--unusual", type=int, default=100000)
    parser.add_argument("--only", choices=["inzage", "retention", "unusual"])
    parser.add_argument("--runs", type=int, default=5, help="inzage PDF runs")
    parser.add_argument(
        "--profile", default="", help="inzage: one more run under cProfile, to FILE"
    )
    args = parser.parse_args()
    try:
        with transaction.atomic():
            team = Team.objects.create(name="Benchmark privacy", gemeente="Bench")
            user = User.objects.create(username="bench-privacy")
            if args.only in (None, "inzage"):
                bench_inzage(
                    team, user, args.journal, args.log, args.runs, args.profile
                )
            if args.only in (None, "retention"):
                bench_retention(team, user, args.expired)
            if args.only in (None, "unusual"):
                bench_unusual(team, user, args.unusual)
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
