"""Valid iWmo 3.2 messages on demand, for tests and the bench.

Each builder takes an official example (examples/) as its template and fills in the
header, the BSN and the product rows, so what it renders has the example's shape
and validates against the same XSD. The retours are built on the 306 example: a
retour's Client is optional, so a header with retourcodes is a whole, valid retour.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent / "examples"
# The BerichtCode each XSD fixes (COD002-VEKTIS).
BERICHTCODE = {
    "301": "414",
    "302": "415",
    "305": "418",
    "306": "419",
    "307": "420",
    "308": "421",
    "315": "444",
    "316": "445",
    "317": "480",
    "318": "481",
}
GEMEENTE = "0384"
AANBIEDER = "42420001"
BSN = "999900006"  # test BSN of the examples


@dataclass(frozen=True)
class Product:
    toewijzingsnummer: str = "101"
    categorie: str = "01"
    code: str = "01A01"
    volume: str = "10"
    eenheid: str = "04"  # uur
    frequentie: str = "2"  # per week
    ingangsdatum: dt.date = dt.date(2025, 1, 6)
    einddatum: dt.date = dt.date(2025, 12, 31)
    begindatum: dt.date = dt.date(2025, 1, 13)
    reden_beeindiging: str = "19"  # levering volgens plan beëindigd


ONE_PRODUCT = (Product(),)


@cache
def example(code: str) -> str:
    return (EXAMPLES / f"WMO{code}.xml").read_text(encoding="utf-8")


def _set(xml: str, tag: str, value: str) -> str:
    """The first <prefix:tag>…</prefix:tag> gets `value` as its content."""
    pattern = re.compile(rf"(<(\w+):{tag}>)[^<]*(</\2:{tag}>)")
    result, count = pattern.subn(lambda m: f"{m[1]}{value}{m[3]}", xml, count=1)
    if count != 1:
        raise ValueError(f"{tag} not in template")
    return result


def _header(xml: str, *, afzender, ontvanger, identificatie, dagtekening) -> str:
    xml = _set(xml, "Afzender", afzender)
    xml = _set(xml, "Ontvanger", ontvanger)
    xml = _set(xml, "Identificatie", identificatie)
    return _set(xml, "Dagtekening", dagtekening.isoformat())


def _products(xml: str, row: str, fill, producten) -> str:
    """Replace the <row> elements of the template by one per product."""
    pattern = re.compile(rf"([ \t]*)<(\w+):{row}>.*?</\2:{row}>\s*", re.DOTALL)
    rows = list(pattern.finditer(xml))
    template = rows[0].group(0)
    rendered = "".join(fill(template, product) for product in producten)
    return xml[: rows[0].start()] + rendered + xml[rows[-1].end() :]


def _product_common(row: str, p: Product) -> str:
    row = _set(row, "ToewijzingNummer", p.toewijzingsnummer)
    row = _set(row, "Categorie", p.categorie)
    return _set(row, "Code", p.code)


def toewijzing(
    *,
    identificatie: str,
    dagtekening: dt.date = dt.date(2025, 1, 6),
    bsn: str = BSN,
    producten: list[Product] | tuple[Product, ...] = ONE_PRODUCT,
    afzender: str = GEMEENTE,
    ontvanger: str = AANBIEDER,
) -> bytes:
    """A 301 as the gemeente sends it."""

    def fill(row: str, p: Product) -> str:
        row = _product_common(row, p)
        row = _set(row, "Toewijzingsdatum", dagtekening.isoformat())
        row = _set(row, "Ingangsdatum", p.ingangsdatum.isoformat())
        row = _set(row, "Einddatum", p.einddatum.isoformat())
        row = _set(row, "Volume", p.volume)
        row = _set(row, "Eenheid", p.eenheid)
        return _set(row, "Frequentie", p.frequentie)

    xml = _header(
        example("301"),
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening,
    )
    xml = _set(xml, "Bsn", bsn)
    return _products(xml, "ToegewezenProduct", fill, producten).encode()


def start_levering(
    *,
    identificatie: str,
    dagtekening: dt.date = dt.date(2025, 1, 14),
    bsn: str = BSN,
    producten: list[Product] | tuple[Product, ...] = ONE_PRODUCT,
    afzender: str = AANBIEDER,
    ontvanger: str = GEMEENTE,
) -> bytes:
    """A 305 as the aanbieder sends it."""

    def fill(row: str, p: Product) -> str:
        row = _product_common(row, p)
        row = _set(row, "ToewijzingIngangsdatum", p.ingangsdatum.isoformat())
        return _set(row, "Begindatum", p.begindatum.isoformat())

    xml = _header(
        example("305"),
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening,
    )
    xml = _set(xml, "Bsn", bsn)
    return _products(xml, "StartProduct", fill, producten).encode()


def stop_levering(
    *,
    identificatie: str,
    dagtekening: dt.date = dt.date(2026, 1, 5),
    bsn: str = BSN,
    producten: list[Product] | tuple[Product, ...] = ONE_PRODUCT,
    afzender: str = AANBIEDER,
    ontvanger: str = GEMEENTE,
) -> bytes:
    """A 307 as the aanbieder sends it."""

    def fill(row: str, p: Product) -> str:
        row = _product_common(row, p)
        row = _set(row, "ToewijzingIngangsdatum", p.ingangsdatum.isoformat())
        row = _set(row, "Begindatum", p.begindatum.isoformat())
        row = _set(row, "RedenBeeindiging", p.reden_beeindiging)
        return _set(row, "Einddatum", p.einddatum.isoformat())

    xml = _header(
        example("307"),
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening,
    )
    xml = _set(xml, "Bsn", bsn)
    return _products(xml, "StopProduct", fill, producten).encode()


def retour(
    code: str,
    *,
    heen_afzender: str,
    heen_ontvanger: str,
    heen_identificatie: str,
    heen_dagtekening: dt.date,
    identificatie: str,
    dagtekening: dt.date,
    retourcodes: list[str] | tuple[str, ...] = ("0200",),
) -> bytes:
    """A retour (302, 306, …) on the message with the given header: the header
    repeats the heenbericht's, and names the retour itself in IdentificatieRetour."""
    xml = example("306").replace("wmo306", f"wmo{code}")
    xml = _set(xml, "BerichtCode", BERICHTCODE[code])
    xml = _header(
        xml,
        afzender=heen_afzender,
        ontvanger=heen_ontvanger,
        identificatie=heen_identificatie,
        dagtekening=heen_dagtekening,
    )
    xml = _set(xml, "IdentificatieRetour", identificatie)
    xml = _set(xml, "DagtekeningRetour", dagtekening.isoformat())
    prefix = f"wmo{code}"
    codes = "".join(
        f"\n\t\t\t<{prefix}:RetourCode>{c}</{prefix}:RetourCode>" for c in retourcodes
    )
    xml = re.sub(
        rf"<{prefix}:RetourCodes>.*?</{prefix}:RetourCodes>",
        f"<{prefix}:RetourCodes>{codes}\n\t\t</{prefix}:RetourCodes>",
        xml,
        flags=re.DOTALL,
    )
    return xml.encode()


def ijw_toewijzing() -> bytes:
    """The 301 example in the iJw namespace: what an iJw message looks like to us."""
    return (
        example("301")
        .replace("iwmo/3_2/wmo301", "ijw/3_2/jw301")
        .replace("iwmo/3_2/basisschema", "ijw/3_2/basisschema")
        .encode()
    )
