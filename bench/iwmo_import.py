"""Benchmark: import 10,000 iWmo messages from a folder, then the same folder again.

    DATABASE_URL=... python bench/iwmo_import.py [aantal]

The messages are a mix of 301 toewijzing, 305 start levering and 307 stop levering
(one third each, one to three products, distinct BSNs), rendered by the test
builders and written as files into a temporary folder, as a gemeente's message box
drops them. Timed: `services.import_files` on that folder (reading the files, XSD
validation, storing), first into an empty table, then again (every file "al
ontvangen"). Everything runs in one transaction that is rolled back at the end, so
the database is left as it was (the table is append-only: nothing could be
deleted afterwards). Targets: ≤ 60 s and ≤ 20 s. Prints the figures recorded in
docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from bench.harness import Rollback  # noqa: E402
from iwmo import berichten, services  # noqa: E402
from iwmo.constants import Via  # noqa: E402
from iwmo.models import Bericht  # noqa: E402
from iwmo.tests import builders  # noqa: E402

BUILDERS = [builders.toewijzing, builders.start_levering, builders.stop_levering]


def bsn(n: int) -> str:
    """A 9-digit number passing the 11-proef (the XSD checks only the pattern, the
    later mapping will check more)."""
    base = f"{100000000 + n * 7:09d}"[:8]
    total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
    for last in range(10):
        if (total - last) % 11 == 0:
            return base + str(last)
    return bsn(n + 1)


def write_messages(folder: Path, count: int) -> None:
    for n in range(count):
        products = [
            builders.Product(
                toewijzingsnummer=f"{n}{k}",
                code=f"0{k + 1}A0{k + 1}",
                categorie=f"0{k + 1}",
                ingangsdatum=dt.date(2025, 1, 6) + dt.timedelta(days=n % 300),
            )
            for k in range(1 + n % 3)
        ]
        build = BUILDERS[n % 3]
        data = build(identificatie=f"B{n:011d}", bsn=bsn(n), producten=products)
        (folder / f"WMO{build.__name__}_{n:05d}.xml").write_bytes(data)


def timed(folder: Path):
    started = time.perf_counter()
    run = services.import_files(
        bestanden=services.from_paths([folder]), via=Via.COMMANDO
    )
    return time.perf_counter() - started, run


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        write_messages(folder, count)
        print(f"{count} berichten geschreven in {time.perf_counter() - started:.1f} s")
        for code in ("301", "305", "307"):
            berichten.schema(code)  # compiled once per process, as in a worker
        try:
            with transaction.atomic():
                before = Bericht.objects.count()
                first, run = timed(folder)
                assert (run.stored, run.refused) == (count, 0), run.report[:3]
                again, rerun = timed(folder)
                assert (rerun.stored, rerun.duplicates) == (0, count)
                assert Bericht.objects.count() == before + count
                raise Rollback
        except Rollback:
            pass
    print(f"eerste import:  {first:.1f} s ({count / first:.0f} berichten/s)")
    print(f"opnieuw:        {again:.1f} s ({count / again:.0f} berichten/s)")


if __name__ == "__main__":
    main()
