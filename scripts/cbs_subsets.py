"""Build gebiedsanalyse/data/cbs/ from the full CBS files (see its README.md).

    python scripts/cbs_subsets.py SOURCE_FOLDER   # the folder with the CBS source files

Subsets keep whole lines: the header and the chosen rows (or GeoJSON features) are
copied byte for byte, nothing is parsed and written back, so no value changes.
Output is gzip without a file name or time stamp, so a rerun gives the same bytes.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "gebiedsanalyse" / "data" / "cbs"


def _csv_rows(
    raw: bytes, keep: Callable[[list[str]], bool], sep: bytes = b";"
) -> bytes:
    """Header plus the rows `keep` accepts (given the row's stripped fields)."""
    lines = raw.splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    kept = [
        row
        for row in rows
        if keep([f.decode("utf-8").strip().strip('"').strip() for f in row.split(sep)])
    ]
    return header + b"".join(kept)


def _geojson_features(raw: bytes, keep: Callable[[str], bool]) -> bytes:
    """The features whose id `keep` accepts; one feature per line in the source."""
    lines = raw.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(b'"features"'))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(b"]"))
    features = [
        line.rstrip(b"\r\n").rstrip(b",")
        for line in lines[start + 1 : end]
        if keep(line.split(b'"id": "', 1)[1].split(b'"', 1)[0].decode())
    ]
    return (
        b"".join(lines[: start + 1])
        + b",\n".join(features)
        + b"\n"
        + (b"".join(lines[end:]))
    )


def _whole(raw: bytes) -> bytes:
    return raw


# target name -> (source name, subset function)
FILES: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "kwb2024_85984NED_NL_bevolking_geslacht_leeftijd.csv.gz": (
        "kwb2024_85984NED_NL_bevolking_geslacht_leeftijd.csv",
        _whole,
    ),
    "kwb2024_85984NED_NL_herkomst_zonder_codes_Rotterdam.csv.gz": (
        "kwb2024_85984NED_NL_herkomst_zonder_codes.csv",
        # column 2 = Gemeentenaam: the country row and Rotterdam's rows
        lambda raw: _csv_rows(raw, lambda f: f[1] in {"Nederland", "Rotterdam"}),
    ),
    "kwb2024_85984NED_typeddataset_NL00_Leiderdorp.csv.gz": (
        "kwb2024_85984NED_typeddataset_eerste10000rijen.csv",
        # Codering_3 = NL00, or Gemeentenaam_1 = Leiderdorp (GM0547, its WK and BU)
        lambda raw: _csv_rows(raw, lambda f: f[4] == "NL00" or f[2] == "Leiderdorp"),
    ),
    "kwb2019_84583NED_Amsterdam_GM0363.csv.gz": (
        "kwb2019_84583NED_Amsterdam_GM0363.csv",
        _whole,
    ),
    "kwb2019_84583NED_Utrecht_GM0344_subset.csv.gz": (
        "kwb2019_84583NED_Utrecht_GM0344_subset.csv",
        _whole,
    ),
    "kwb2021_Utrecht_GM0344_subset.csv.gz": (
        "kwb2021_Utrecht_GM0344_subset.csv",
        _whole,
    ),
    "wbkaart2024_gemeenten_NL_attributen.csv.gz": (
        "wbkaart2024_gemeenten_NL_attributen.csv",
        # column 1 = gemeentecode
        lambda raw: _csv_rows(raw, lambda f: f[0] == "GM0599", sep=b","),
    ),
    "wbkaart2024_wijken_Randstad_attributen.csv.gz": (
        "wbkaart2024_wijken_Randstad_attributen.csv",
        lambda raw: _csv_rows(raw, lambda f: f[0].startswith("WK0599"), sep=b","),
    ),
    "wbkaart2024_buurten_Rijnmond_attributen.csv.gz": (
        "wbkaart2024_buurten_Rijnmond_attributen.csv",
        _whole,
    ),
    "wbkaart2024_wijken_Randstad.geojson.gz": (
        "wbkaart2024_wijken_Randstad.geojson",
        lambda raw: _geojson_features(raw, lambda code: code.startswith("WK0599")),
    ),
    "wbkaart2024_buurten_Rijnmond.geojson.gz": (
        "wbkaart2024_buurten_Rijnmond.geojson",
        _whole,
    ),
}


def main(source: Path) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for target, (name, subset) in FILES.items():
        raw = subset((source / name).read_bytes())
        (TARGET / target).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
        lines = raw.count(b"\n") - 1
        print(f"{target}: {len(raw)} bytes, {lines} lines after the header")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("gebruik: python scripts/cbs_subsets.py MAP_MET_CBS_BRONBESTANDEN")
    main(Path(sys.argv[1]))
