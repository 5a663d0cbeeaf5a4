"""The plan tab of a casus at realistic size, and the resident's PDF of it.

    python bench/plan.py [--runs 30]   (DATABASE_URL set)

Builds, inside a transaction that is rolled back at the end, one casus with 4
household members and a plan of 10 goals (10 leefgebieden) and 40 actions (a
quarter past their date), vastgesteld once and changed after (concept 2). Times
the plan page through Django's test client (full request: middleware, access
check, access log, template) as the regievoerder, `--runs` times after a warm-up,
and one PDF render of the plan (the export kind's template and context).
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
# The bench user logs in with force_login: no second factor to set up.
os.environ.setdefault("OTP_ENFORCED", "false")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.harness import Rollback  # noqa: E402
from cases.intake.constants import ZrmDomain  # noqa: E402
from cases.models import Case, Household, HouseholdMember, Person  # noqa: E402
from cases.plan.exports import EXPORT_KIND, build_context  # noqa: E402
from cases.plan.services import action_add, goal_add, goal_edit, plan_vaststellen  # noqa: E402
from wijkteam.constants import Role  # noqa: E402
from wijkteam.models import Membership, Team, User  # noqa: E402
from wijkteam.pdf import render_pdf  # noqa: E402


def build():
    team = Team.objects.create(name="Benchmark plan", gemeente="Rotterdam")
    lead = User.objects.create(username="bench-plan-lid", first_name="Bench")
    Membership.objects.create(user=lead, team=team, role=Role.WIJKTEAMLID)
    household = Household.objects.create(team=team, name="Huishouden Bench")
    for n in range(4):
        person = Person.objects.create(
            team=team, first_name=f"Lid{n}", last_name="Bench", search_name="lid"
        )
        HouseholdMember.objects.create(
            household=household, person=person, relation="kind" if n else "ouder",
            is_main_contact=n == 0,
        )  # fmt: skip
    case = Case.objects.create(
        team=team, household=household, opened_by=lead, regievoerder=lead,
        status="in_behandeling",
    )  # fmt: skip
    today = timezone.localdate()
    goals = []
    for index, domain in enumerate(ZrmDomain.values[:10]):
        goal = goal_add(
            case=case, by=lead, domain=domain, owner_kind="netwerk",
            owner_name="Zus", text=f"Doel {index} in de eigen woorden van de inwoner.",
        )  # fmt: skip
        goals.append(goal)
        for n in range(4):
            action_add(
                goal=goal, by=lead, what=f"Actie {n} bij doel {index}",
                who_kind="extern", who_name="Schuldhulp",
                due_on=today + dt.timedelta(days=n * 7 - 7),
            )  # fmt: skip
    plan_vaststellen(case=case, by=lead, agreed_with_resident=True)
    goal_edit(goal=goals[0], by=lead, domain=goals[0].domain, text="Nieuw",
              owner_kind="netwerk", owner_name="Zus")  # fmt: skip
    return case, lead


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            case, lead = build()
            client = Client(HTTP_HOST="localhost")
            client.force_login(lead)
            url = reverse("cases:plan", args=[case.pk])
            warm = client.get(url)
            assert warm.status_code == 200, (warm.status_code, warm.get("Location"))
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            times.sort()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            median = statistics.median(times)
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"plan page, 10 goals / 40 actions: median {median:.1f} ms,"
                f" p95 {p95:.1f} ms,"
                f" {len(queries)} queries ({args.runs} runs)"
            )
            started = time.perf_counter()
            pdf = render_pdf(EXPORT_KIND.template, build_context(case.pk, 2))
            print(
                f"plan PDF render: {(time.perf_counter() - started) * 1000:.0f} ms,"
                f" {len(pdf) // 1024} KiB"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
