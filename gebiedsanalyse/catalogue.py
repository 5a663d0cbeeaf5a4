"""The indicator catalogue: which CBS figures a kwartiermaker needs, in Dutch.

CBS renames columns between years and between export styles: a StatLine CSV has
labels like "Bevolking/Aantal inwoners (aantal)", the OData feed has keys like
"AantalInwoners_5" (the number suffix changes per year), the Wijk- en Buurtkaart
has "aantal_inwoners". `normalise()` reduces all three to one name
("aantalinwoners"); each indicator lists the normalised names it is read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    theme: str
    names: tuple[str, ...]
    share_of: str = ""  # show also as a percentage of this indicator
    decimals: int = 0


INDICATORS: tuple[Indicator, ...] = (
    Indicator("inwoners", "Inwoners", "aantal", "Bevolking", ("aantalinwoners",)),
    Indicator("mannen", "Mannen", "aantal", "Bevolking", ("mannen",), "inwoners"),
    Indicator("vrouwen", "Vrouwen", "aantal", "Bevolking", ("vrouwen",), "inwoners"),
    Indicator(
        "leeftijd_0_15",
        "0 tot 15 jaar",
        "aantal",
        "Leeftijd",
        ("0tot15jaar",),
        "inwoners",
    ),
    Indicator(
        "leeftijd_15_25",
        "15 tot 25 jaar",
        "aantal",
        "Leeftijd",
        ("15tot25jaar",),
        "inwoners",
    ),
    Indicator(
        "leeftijd_25_45",
        "25 tot 45 jaar",
        "aantal",
        "Leeftijd",
        ("25tot45jaar",),
        "inwoners",
    ),
    Indicator(
        "leeftijd_45_65",
        "45 tot 65 jaar",
        "aantal",
        "Leeftijd",
        ("45tot65jaar",),
        "inwoners",
    ),
    Indicator(
        "leeftijd_65_plus",
        "65 jaar of ouder",
        "aantal",
        "Leeftijd",
        ("65jaarofouder",),
        "inwoners",
    ),
    Indicator(
        "herkomst_nederland",
        "Herkomstland Nederland",
        "aantal",
        "Herkomst",
        ("nederland",),
        "inwoners",
    ),
    Indicator(
        "herkomst_europa",
        "Herkomstland Europa (excl. Nederland)",
        "aantal",
        "Herkomst",
        ("europaexclusiefnederland",),
        "inwoners",
    ),
    Indicator(
        "herkomst_buiten_europa",
        "Herkomstland buiten Europa",
        "aantal",
        "Herkomst",
        ("buiteneuropa",),
        "inwoners",
    ),
    Indicator(
        "westers",
        "Westerse migratieachtergrond",
        "aantal",
        "Herkomst",
        ("westerstotaal",),
        "inwoners",
    ),
    Indicator(
        "niet_westers",
        "Niet-westerse migratieachtergrond",
        "aantal",
        "Herkomst",
        ("nietwesterstotaal",),
        "inwoners",
    ),
    Indicator(
        "huishoudens",
        "Huishoudens",
        "aantal",
        "Huishoudens",
        ("huishoudenstotaal", "aantalhuishoudens"),
    ),
    Indicator(
        "eenpersoonshuishoudens",
        "Eenpersoonshuishoudens",
        "aantal",
        "Huishoudens",
        ("eenpersoonshuishoudens",),
        "huishoudens",
    ),
    Indicator(
        "pct_eenpersoonshuishoudens",
        "Eenpersoonshuishoudens (percentage)",
        "%",
        "Huishoudens",
        ("percentageeenpersoonshuishoudens",),
    ),
    Indicator(
        "huishoudens_met_kinderen",
        "Huishoudens met kinderen",
        "aantal",
        "Huishoudens",
        ("huishoudensmetkinderen",),
        "huishoudens",
    ),
    Indicator(
        "pct_huishoudens_met_kinderen",
        "Huishoudens met kinderen (percentage)",
        "%",
        "Huishoudens",
        ("percentagehuishoudensmetkinderen",),
    ),
    Indicator(
        "eenouderhuishoudens",
        "Eenouderhuishoudens",
        "aantal",
        "Huishoudens",
        ("eenouderhuishoudens", "eenoudergezinnen"),
        "huishoudens",
    ),
    Indicator(
        "huishoudensgrootte",
        "Gemiddelde huishoudensgrootte",
        "personen",
        "Huishoudens",
        ("gemiddeldehuishoudensgrootte", "gemiddeldehuishoudsgrootte"),
        decimals=1,
    ),
    Indicator(
        "inkomen_per_inwoner",
        "Gemiddeld inkomen per inwoner",
        "x 1 000 euro",
        "Inkomen",
        ("gemiddeldinkomenperinwoner",),
        decimals=1,
    ),
    Indicator(
        "pct_laag_inkomen",
        "Huishoudens met een laag inkomen",
        "%",
        "Inkomen",
        ("huishoudensmeteenlaaginkomen",),
        decimals=1,
    ),
    Indicator(
        "pct_sociaal_minimum",
        "Huishoudens onder of rond sociaal minimum",
        "%",
        "Inkomen",
        ("huishonderofrondsociaalminimum",),
        decimals=1,
    ),
    Indicator(
        "bijstand",
        "Personen met bijstand",
        "aantal",
        "Uitkeringen",
        (
            "personenpersoortuitkeringbijstand",
            "aantalpersonenmeteenalgbijstandsuitkeringtot",
        ),
        "inwoners",
    ),
    Indicator(
        "ao_uitkering",
        "Personen met een AO-uitkering",
        "aantal",
        "Uitkeringen",
        ("personenpersoortuitkeringao", "aantalpersonenmeteenaouitkeringtotaal"),
        "inwoners",
    ),
    Indicator(
        "ww_uitkering",
        "Personen met een WW-uitkering",
        "aantal",
        "Uitkeringen",
        ("personenpersoortuitkeringww", "aantalpersonenmeteenwwuitkeringtotaal"),
        "inwoners",
    ),
    Indicator(
        "aow_uitkering",
        "Personen met AOW",
        "aantal",
        "Uitkeringen",
        ("personenpersoortuitkeringaow", "aantalpersonenmeteenaowuitkeringtotaal"),
        "inwoners",
    ),
    Indicator(
        "jeugdzorg",
        "Jongeren met jeugdzorg in natura",
        "aantal",
        "Zorg",
        ("jongerenmetjeugdzorginnatura",),
    ),
    Indicator(
        "wmo_clienten",
        "Wmo-cliënten",
        "aantal",
        "Zorg",
        ("wmoclienten",),
        "inwoners",
    ),
    Indicator(
        "woningvoorraad", "Woningvoorraad", "aantal", "Wonen", ("woningvoorraad",)
    ),
    Indicator(
        "woz_waarde",
        "Gemiddelde WOZ-waarde van woningen",
        "x 1 000 euro",
        "Wonen",
        ("gemiddeldewozwaardevanwoningen", "gemiddeldewoningwaarde"),
    ),
    Indicator(
        "pct_koopwoningen",
        "Koopwoningen",
        "%",
        "Wonen",
        ("koopwoningen", "percentagekoopwoningen"),
    ),
    Indicator(
        "pct_huurwoningen_corporatie",
        "Huurwoningen van een woningcorporatie",
        "%",
        "Wonen",
        ("inbezitwoningcorporatie", "perchuurwoningeninbezitwoningcorporaties"),
    ),
    Indicator(
        "bevolkingsdichtheid",
        "Bevolkingsdichtheid",
        "inwoners per km²",
        "Gebied",
        ("bevolkingsdichtheid", "bevolkingsdichtheidinwonersperkm2"),
    ),
)

BY_KEY: dict[str, Indicator] = {i.key: i for i in INDICATORS}
CHOICES = [(i.key, i.label) for i in INDICATORS]

# Region columns (not figures), by normalised name.
CODE_NAMES = ("codering", "buurtcode", "wijkcode", "gemeentecode")
NAME_NAMES = ("wijkenenbuurten", "buurtnaam", "wijknaam", "gemeentenaam")
# Columns every CBS file has that are not figures: read past them quietly.
IGNORED_NAMES = frozenset(
    {"id", "soortregio", "jaar", "jrstatcode", "perioden", "water"}
)
IGNORED_PREFIXES = ("indelingswijziging",)


def is_ignored(name: str) -> bool:
    """Region bookkeeping columns: read past them quietly."""
    return name in IGNORED_NAMES or name.startswith(IGNORED_PREFIXES)


_ALIAS: dict[str, str] = {
    name: indicator.key for indicator in INDICATORS for name in indicator.names
}
_SUFFIX = re.compile(r"_\d+$")
_UNIT = re.compile(r"\s*\([^()]*\)\s*$")
_NON_ALNUM = re.compile(r"[^0-9a-z]")


def normalise(column: str) -> str:
    """One name for a CBS column, whatever the export style or year.

    "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)" -> "0tot15jaar"
    "k_0Tot15Jaar_8" -> "0tot15jaar"; "aantal_inwoners" -> "aantalinwoners";
    "Regioaanduiding.Codering..code." (R's read.csv) -> "codering".
    """
    name = column.strip().strip('"')
    if "." in name and "/" not in name and " " not in name:
        return _normalise_dotted(name)
    name = name.split("/")[-1]
    name = _UNIT.sub("", name)
    name = _SUFFIX.sub("", name.strip())
    if name.startswith("k_"):
        name = name[2:]
    return _plain(name)


def _plain(name: str) -> str:
    name = name.lower().replace("ë", "e").replace("é", "e")
    return _NON_ALNUM.sub("", name)


def _normalise_dotted(name: str) -> str:
    """A StatLine label as R (read.csv, make.names) writes it: every '/', space and
    bracket became '.', so "Theme/Label (unit)" is "Theme.Label..unit.". The theme
    cannot be told from the label by the dots; it can by the capital letter (or
    digit) each part starts with. The longest tail that is a known name wins."""
    if name.endswith(".") and ".." in name:
        name = name.rsplit("..", 1)[0]  # the unit
    parts = [part for part in name.split(".") if part]
    for start, part in enumerate(parts):
        if start and not (part[:1].isupper() or part[:1].isdigit()):
            continue
        tail = _plain("".join(parts[start:]))
        if tail in KNOWN_NAMES or tail.startswith(IGNORED_PREFIXES):
            return tail
    return _plain("".join(parts))


def indicator_for(column: str) -> str | None:
    return _ALIAS.get(normalise(column))


KNOWN_NAMES = frozenset(_ALIAS) | set(CODE_NAMES) | set(NAME_NAMES) | IGNORED_NAMES
