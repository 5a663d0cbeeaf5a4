"""The netwerk tab of a casus at realistic size and the team's toekenningen list.

    python bench/netwerk.py [--cases 2000] (DATABASE_URL set)

Fills a benchmark team once (ORM, small volumes): one casus with 30 network
entries, 6 verwijzingen and 4 toekenningen; `--cases` further casussen with one
member, one verwijzing (a third of them over the norm) and two toekenningen each.
Times the netwerk tab, /toekenningen/ and the werkbak (with its verwijzing
signals) through Django's test client, 30 runs after a warm-up, and prints the
median, p95 and number of queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.harness import page_timings as timed  # noqa: E402
from cases.models import (  # noqa: E402
    Allocation,
    Case,
    Household,
    HouseholdMember,
    NetworkEntry,
    Person,
    Provider,
    ProviderProduct,
    Referral,
)
from wijkteam.constants import Role  # noqa: E402
from wijkteam.models import Membership, Team, User  # noqa: E402

TEAM_NAME = "Benchmark netwerk"
KINDS = [
    "professional",
    "familie",
    "buren",
    "vrienden",
    "vrijwilliger",
    "sleutelfiguur",
]


def _case(team, user, name):
    household = Household.objects.create(team=team, name=name)
    person = Person.objects.create(
        team=team, first_name="Inwoner", last_name=name, search_name=name.lower()
    )
    HouseholdMember.objects.create(household=household, person=person, relation="ouder")
    return Case.objects.create(team=team, household=household, opened_by=user)


def setup(cases: int):
    team, created = Team.objects.get_or_create(name=TEAM_NAME, gemeente="Rotterdam")
    leader, _ = User.objects.get_or_create(username="bench-netwerk-leider")
    Membership.objects.get_or_create(user=leader, team=team, role=Role.TEAMLEIDER)
    if not created:
        return team, leader, Case.objects.filter(team=team).order_by("pk").first()
    provider = Provider.objects.create(team=team, name="Bench zorg")
    products = [
        ProviderProduct.objects.create(
            provider=provider, name=f"Product {i}", norm_weeks=4, current_wait_weeks=i
        )
        for i in range(6)
    ]
    today = timezone.localdate()
    big = _case(team, leader, "Huishouden groot")
    NetworkEntry.objects.bulk_create(
        NetworkEntry(case=big, kind=KINDS[i % 6], name=f"Betrokkene {i}",
                     organisation="Org" if i % 6 == 0 else "", created_by=leader)
        for i in range(30)
    )  # fmt: skip
    rows, allocations = [], []
    for i in range(cases + 1):
        case = big if i == 0 else _case(team, leader, f"Huishouden {i}")
        for j in range(6 if i == 0 else 1):
            asked = today - dt.timedelta(days=60 if (i + j) % 3 == 0 else 5)
            rows.append(
                Referral(case=case, product=products[j], reason="x", asked_on=asked,
                         norm_weeks=4, due_on=asked + dt.timedelta(weeks=4),
                         created_by=leader)
            )  # fmt: skip
        for kind in ("begeleiding", "huishoudelijke_hulp")[: 2 if i else 1] * (
            4 if i == 0 else 1
        ):
            allocations.append(
                Allocation(case=case, kind=kind, legal_basis="wmo", status="toegekend",
                           decided_on=today, start_on=today, provider=provider,
                           created_by=leader)
            )  # fmt: skip
    Referral.objects.bulk_create(rows)
    Allocation.objects.bulk_create(allocations)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return team, leader, big


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    team, leader, big = setup(args.cases)
    client = Client(HTTP_HOST="localhost")
    client.force_login(leader)
    session = client.session
    session["wijkteam_team_id"] = team.pk
    session.save()
    pages = [
        ("netwerk tab (30 network entries, 6 verwijzingen, 4 toekenningen)",
         reverse("cases:case_network", kwargs={"pk": big.pk})),
        ("toekenningen, lopend (page of 50)", reverse("cases:allocation_list")),
        ("werkbak (with verwijzing signals)", reverse("cases:werkbak")),
    ]  # fmt: skip
    print(f"{'page':70} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for label, url in pages:
        median, p95, queries = timed(client, url)
        print(f"{label:70} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
