"""Person search at 250k residents: does the desk's search answer from an index?

    python bench/person_search.py [--persons 250000] [--keep]   (DATABASE_URL set)

Bulk-inserts residents into a benchmark team (once; rerun reuses them), ANALYZEs,
then times the search the desk runs while typing (PersonQuerySet.matching, first 10)
for names, birth date, postcode + house number and BSN, and prints EXPLAIN for the
name search. Without --keep the benchmark team and its residents are removed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from cases.models import Person  # noqa: E402
from cases.persons.validators import BSN_WEIGHTS, search_key  # noqa: E402
from wijkteam.models import Team  # noqa: E402

TEAM_NAME = "Benchmark personen zoeken"
FIRST_NAMES = (
    "Jan Piet Kees Henk Sanne Fatima Mohamed Youssef Priya Gülsen Anouk Lotte Noor "
    "Emma Sophie Daan Sem Lucas Mila Julia Tess Zoë Lieke Fleur Ahmed Ayoub Said "
    "Nadia Samira Ilse Marieke Ingrid Ruben Bas Tim Linda Esther Mehmet Ayşe Emre "
    "Elif Kevin Jordy Shanice Priscilla Marco Gerrit Willem Cor Truus Riet Joke "
    "Ricardo Dewi Wendy Chantal Bram Thijs Jesse Finn"
)
LAST_NAMES = (
    "Jansen de_Vries van_den_Berg Bakker Visser Smit Meijer de_Boer Mulder de_Groot "
    "Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits "
    "de_Graaf van_der_Meer Kok Jacobs de_Haan Vermeulen van_den_Heuvel van_Dijk "
    "Yilmaz Kaya Demir Şahin El_Amrani Bouzian Boukhari Ramdin Martina Aydin "
    "Ouali Tahiri Baldewsingh Janssen Willems Verhoeven Schouten Hoekstra Koster "
    "Prins Huisman Kuipers van_Wijk Postma Kramer Maas Verbeek Blom Kaplan Ramkisoen"
)
FIRST, LAST = FIRST_NAMES.split(), LAST_NAMES.split()


def bsn_from(seed: int) -> str | None:
    head = f"{seed:08d}"
    check = sum(int(d) * w for d, w in zip(head, BSN_WEIGHTS[:8], strict=True)) % 11
    return head + str(check) if check < 10 else None


def fill(team: Team, wanted: int) -> float:
    have = Person.objects.filter(team=team).count()
    if have >= wanted:
        return 0.0
    rng = random.Random(42 + have)
    seed = 20000000 + have * 3
    started = time.perf_counter()
    batch = []
    for i in range(have, wanted):
        first = rng.choice(FIRST)
        prefix, _, last = rng.choice(LAST).replace("_", " ").rpartition(" ")
        bsn = ""
        if i % 2 == 0:  # half of the residents have a BSN registered
            while (bsn := bsn_from(seed)) is None:
                seed += 1
            seed += 1
        batch.append(
            Person(
                team=team,
                first_name=first,
                prefix=prefix,
                last_name=last,
                birth_date=dt.date(1930, 1, 1)
                + dt.timedelta(days=rng.randrange(30000)),
                bsn=bsn,
                postcode=f"{rng.randrange(3000, 3099)} {rng.choice('ABCDEGHJKL')}"
                f"{rng.choice('ABCDEGHJKL')}",
                house_number=str(rng.randrange(1, 400)),
                city="Rotterdam",
                search_name=search_key(first, prefix, last),
            )
        )
        if len(batch) == 10_000:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_person")
    return time.perf_counter() - started


def timed(label: str, query, runs: int = 30) -> dict:
    list(query[:10])  # warm up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        rows = list(query[:10])
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "label": label,
        "rows": len(rows),
        "median": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=250_000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    team, _ = Team.objects.get_or_create(name=TEAM_NAME, defaults={"gemeente": "Bench"})
    seconds = fill(team, args.persons)
    total = Person.objects.filter(team=team).count()
    print(f"{total} inwoners in het benchmarkteam (invoegen: {seconds:.1f} s)")
    sample = Person.objects.filter(team=team).exclude(bsn="").order_by("id")[1234]
    persons = Person.objects.of_team(team)
    cases = [
        ("naam 'ramd' (zeldzaam, tijdens typen)", persons.matching(name="ramd")),
        ("naam 'priya ramdin'", persons.matching(name="priya ramdin")),
        ("naam 'jans' (veel treffers)", persons.matching(name="jans")),
        (
            "naam + geboortedatum",
            persons.matching(name=sample.last_name, birth_date=sample.birth_date),
        ),
        (
            "postcode + huisnummer",
            persons.matching(
                postcode=sample.postcode, house_number=sample.house_number
            ),
        ),
        ("BSN", persons.matching(bsn=sample.bsn)),
    ]
    print(f"{'zoekvraag':45} {'rijen':>5} {'mediaan ms':>11} {'p95 ms':>8}")
    for label, query in cases:
        r = timed(label, query)
        print(f"{r['label']:45} {r['rows']:>5} {r['median']:>11.2f} {r['p95']:>8.2f}")
    with connection.cursor() as cursor:
        sql, params = persons.matching(name="ramd")[:10].query.sql_with_params()
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print("\nEXPLAIN naam 'ramd':")
        for (line,) in cursor.fetchall():
            print("  " + line)
    if not args.keep:
        with transaction.atomic():
            Person.objects.filter(team=team).delete()
            team.delete()
        print("Benchmarkteam verwijderd (gebruik --keep om te bewaren).")


if __name__ == "__main__":
    main()
