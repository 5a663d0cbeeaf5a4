"""The ZIN code lists as data: code -> omschrijving, read from the Markdown
transcriptions in `codelijsten/` (kept byte-exact, see README.md) on first use."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "codelijsten"
FILES = {
    "WJ001": "WJ001_Retourcode.md",
    "WJ756": "WJ756_Eenheid.md",
    "WMO002": "WMO002_Reden_wijziging_toewijzing.md",
    "WMO020": "WMO020_Productcategorie.md",
    "WMO588": "WMO588_Reden_beeindiging.md",
    "WMO757": "WMO757_Frequentie.md",
}
# A table row whose first cell is a code: "| 0200 | Geen opmerking … | … |".
ROW = re.compile(r"^\|\s*([0-9][0-9A-Z]{0,3})\s*\|\s*([^|]+?)\s*\|", re.MULTILINE)


@cache
def codelijst(name: str) -> dict[str, str]:
    text = (FOLDER / FILES[name]).read_text(encoding="utf-8")
    return {code: words.rstrip(".") for code, words in ROW.findall(text)}


def omschrijving(name: str, code: str | None) -> str:
    """The words for a code, or the code itself with a note when the list lacks it."""
    if not code:
        return ""
    words = codelijst(name).get(code)
    return words if words else f"{code} (onbekende code)"


def retourcode_tekst(code: str) -> str:
    return f"{code}: {omschrijving('WJ001', code)}"
