"""The CBS files on disk: the compact copies in the repository (`data/cbs/`, see its
README.md) or a folder named by the setting CBS_DATA_DIR, each file plain or gzipped."""

from __future__ import annotations

import gzip
from pathlib import Path

from gebiedsanalyse.importer import ImportFout

BUNDLED = Path(__file__).resolve().parent / "data" / "cbs"


def find(name: str, folder: Path) -> Path | None:
    """`name` or `name.gz` in `folder`, plain first; None when neither is there."""
    for path in (folder / name, folder / f"{name}.gz"):
        if path.is_file():
            return path
    return None


def read(path: Path, max_bytes: int | None = None) -> tuple[bytes, str]:
    """The file's bytes, unpacked when it ends in .gz, and the name to import it by
    (without .gz, so the importer still sees .csv or .geojson).

    With `max_bytes`, unpacking stops one byte past it: a small .gz that unpacks to
    gigabytes is refused by the size check instead of filling the memory."""
    if path.suffix.lower() != ".gz":
        return path.read_bytes(), path.name
    limit = -1 if max_bytes is None else max_bytes + 1
    try:
        with gzip.open(path) as unpacked:
            return unpacked.read(limit), path.name[: -len(".gz")]
    except (OSError, EOFError) as exc:
        raise ImportFout(f"{path.name} is geen leesbaar gzip-bestand.") from exc
