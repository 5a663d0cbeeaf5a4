"""Benchmark: import the national CBS file (18,310 regions, 2024) with import_cbs.

    DATABASE_URL=... python bench/cbs_import.py [path/to/kwb2024_..._NL_....csv]

Measures a first import into an empty area table, a re-import of the same file
and a re-import after every figure was changed (so every figure is updated).
Everything runs in a transaction that is rolled back at the end, so the database
is left as it was. Prints the figures recorded in docs/performance.md.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.db.models import F  # noqa: E402

from bench.harness import Rollback  # noqa: E402
from gebiedsanalyse import cbsdata  # noqa: E402
from gebiedsanalyse.demo import cbs_folder  # noqa: E402
from gebiedsanalyse.importer import cbs_import  # noqa: E402
from gebiedsanalyse.models import Area, AreaFigure  # noqa: E402

FILE = "kwb2024_85984NED_NL_bevolking_geslacht_leeftijd.csv"


def main() -> None:
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:  # CBS_DATA_DIR, else the gzipped copy in the repository
        path = cbsdata.find(FILE, cbs_folder()) or cbsdata.BUNDLED / f"{FILE}.gz"
    if not path.is_file():
        sys.exit(f"CBS-bestand ontbreekt: {path}")
    raw, file_name = cbsdata.read(path)
    results = []
    try:
        with transaction.atomic():
            Area.objects.all().delete()
            for label in (
                "eerste import (lege tabel)",
                "herimport, niets veranderd",
                "herimport, elk cijfer veranderd",
            ):
                if label.endswith("veranderd") and "elk" in label:
                    AreaFigure.objects.update(value=F("value") + 1)
                start = time.perf_counter()
                report = cbs_import(raw=raw, file_name=file_name, year=2024)
                seconds = time.perf_counter() - start
                results.append((label, seconds, report))
            assert Area.objects.count() == 18310
            assert AreaFigure.objects.filter(year=2024).count() == 18310 * 8
            raise Rollback
    except Rollback:
        pass
    print(f"Bestand: {path.name} ({len(raw) / 1e6:.1f} MB)")
    for label, seconds, report in results:
        print(
            f"{label}: {seconds:.2f} s — {report.rows_read} regels, "
            f"{report.areas_created} nieuw, {report.areas_changed} hernoemd, "
            f"{report.figures_written} cijfers"
        )


if __name__ == "__main__":
    main()
