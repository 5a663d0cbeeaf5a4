"""Every tab of one casus with a full plan at realistic size.

    python bench/casus_full.py [--runs 100]   (DATABASE_URL set)

Builds, inside a transaction that is rolled back at the end, one casus through the
services (`cases/tests/full_casus.py`, the same builder the query-count test uses):
4 household members, 10 goals with 40 actions (a vastgesteld version and a concept
after it), 12 ZRM assessments of 13 domains, 12 ladder treden, 30 network entries,
6 verwijzingen, 4 toekenningen, 3 moreel beraden and 40 journal entries. Times each
tab through Django's test client as the regievoerder (whole server side: middleware,
access check, access log, template), `--runs` times after a warm-up, and prints the
median, p95 and query count per tab. Run it with production settings (DEBUG=false),
as described in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")
# The bench user logs in with force_login: no second factor to set up.
os.environ.setdefault("OTP_ENFORCED", "false")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.harness import Rollback, page_timings  # noqa: E402
from cases.tests.full_casus import FULL, grow, new_casus  # noqa: E402
from wijkteam.constants import Role  # noqa: E402
from wijkteam.models import Membership, Team, User  # noqa: E402

TABS = [
    ("overzicht", "cases:case_detail"),
    ("plan", "cases:plan"),
    ("metingen", "cases:metingen"),
    ("netwerk en toekenningen", "cases:case_network"),
    ("moreel beraad", "cases:moreel_beraad"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            team = Team.objects.create(name="Benchmark casus", gemeente="Rotterdam")
            lid = User.objects.create(username="bench-casus-lid", first_name="Bench")
            Membership.objects.create(user=lid, team=team, role=Role.WIJKTEAMLID)
            case = new_casus(team, lid, FULL)
            grow(case, lid, FULL)
            client = Client(HTTP_HOST="localhost")
            client.force_login(lid)
            print(f"one casus at full size, {args.runs} requests per tab")
            for label, name in TABS:
                url = reverse(name, kwargs={"pk": case.pk})
                median, p95, count = page_timings(client, url, runs=args.runs)
                print(
                    f"  {label:<24} median {median:6.1f} ms  p95 {p95:6.1f} ms"
                    f"  {count} queries"
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
