"""Reading one iWmo message: parse, recognise, validate against its XSD, extract.

Pure functions on bytes, no database: the import service (services.py) decides what
to store. Every refusal is a `Geweigerd` with a Dutch sentence that names the line
and the rule, so beheer can tell the sender what to fix.

The XSDs are local files (xsd/); `allow="local"` makes xmlschema refuse anything
that is not a file next to them, so loading a schema never touches the network.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.parsers import expat

import xmlschema

from iwmo.constants import IJW_MARKER, IMPORTABLE, NAMESPACE_PREFIX, RETOUR_OF

XSD_FOLDER = Path(__file__).resolve().parent / "xsd"
NAMESPACE = re.compile(
    re.escape(NAMESPACE_PREFIX) + r"wmo(?P<code>\d{3})/schema$"
)  # …/iwmo/3_2/wmo301/schema
# One message is a few kB; a file this large is not a message.
MAX_MESSAGE_BYTES = 5 * 1024 * 1024
MAX_ERRORS_SHOWN = 3


class Geweigerd(Exception):
    """The file is not an iWmo 3.2 message we read; the text says why, in Dutch."""


@dataclass
class Bericht:
    """One valid message, read."""

    code: str  # "301"
    afzender: str
    ontvanger: str
    identificatie: str
    dagtekening: dt.date
    inhoud: dict = field(default_factory=dict)
    # For a retour: the message it answers.
    retour_van: tuple[str, str, str, dt.date] | None = None  # code, afzender, id, dag

    @property
    def is_retour(self) -> bool:
        return self.code in RETOUR_OF


# --- parsing -----------------------------------------------------------------


class _Element(ET.Element):
    """An ElementTree element that knows its line, so that xmlschema's errors
    carry `sourceline` without lxml."""

    __slots__ = ("sourceline", "__dict__")


def _qname(name: str) -> str:
    return "{" + name if "}" in name else name


def _refuse_doctype(*_args) -> None:
    # iWmo messages have no DTD; one here can only be an entity trick.
    raise Geweigerd("Het bestand bevat een DOCTYPE-declaratie; die is niet toegestaan.")


def parse(data: bytes) -> _Element:
    """The element tree, with a line on every element. Malformed XML: Geweigerd
    with the parser's line and column."""
    builder = ET.TreeBuilder(element_factory=_Element)
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name, attrs):
        element = builder.start(_qname(name), {_qname(k): v for k, v in attrs.items()})
        element.sourceline = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_qname(name))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise Geweigerd(
            f"Geen geldige XML: regel {exc.lineno}, kolom {exc.offset + 1}: "
            f"{_expat_dutch(expat.ErrorString(exc.code))}."
        ) from None
    return builder.close()


_EXPAT_DUTCH = {
    "mismatched tag": "sluittag past niet bij de openingstag",
    "no element found": "het bestand is leeg of houdt te vroeg op",
    "not well-formed (invalid token)": "ongeldig teken",
    "unclosed token": "niet afgesloten",
    "junk after document element": "tekst na het laatste element",
    "syntax error": "syntaxfout",
    "unbound prefix": "onbekend namespace-voorvoegsel",
}


def _expat_dutch(reason: str) -> str:
    return _EXPAT_DUTCH.get(reason, reason)


# --- recognising and validating ----------------------------------------------


def message_code(root: ET.Element) -> str:
    """ "301" from the root's namespace; Geweigerd for anything else."""
    namespace, _, local = (
        root.tag[1:].partition("}") if root.tag[0] == "{" else ("", "", root.tag)
    )
    if IJW_MARKER in namespace:
        raise Geweigerd("Dit is een iJw-bericht; deze import leest alleen iWmo 3.2.")
    match = NAMESPACE.match(namespace)
    if match is None or local != "Bericht":
        seen = f"{{{namespace}}}{local}" if namespace else local
        raise Geweigerd(
            f"Geen iWmo 3.2-bericht: het hoofdelement is {seen}, verwacht een "
            f"Bericht in namespace {NAMESPACE_PREFIX}wmo<nummer>/schema."
        )
    code = match["code"]
    if code not in IMPORTABLE and code not in RETOUR_OF:
        raise Geweigerd(
            f"Berichttype WMO{code} wordt door deze import niet gelezen "
            f"(wel: {', '.join(sorted(IMPORTABLE | set(RETOUR_OF)))})."
        )
    return code


@cache
def schema(code: str) -> xmlschema.XMLSchema:
    """Each XSD is compiled once per process (a few tenths of a second each)."""
    return xmlschema.XMLSchema(
        str(XSD_FOLDER / f"WMO{code}.xsd"), allow="local", defuse="always"
    )


def validate(code: str, root: ET.Element) -> None:
    errors = []
    for error in schema(code).iter_errors(root):
        errors.append(error)
        if len(errors) > MAX_ERRORS_SHOWN:
            break
    if not errors:
        return
    parts = [_xsd_error_dutch(error) for error in errors[:MAX_ERRORS_SHOWN]]
    more = " (en meer)" if len(errors) > MAX_ERRORS_SHOWN else ""
    raise Geweigerd(f"Voldoet niet aan WMO{code}.xsd: " + "; ".join(parts) + more + ".")


def _xsd_error_dutch(error) -> str:
    line = getattr(error, "sourceline", None)
    where = f"regel {line}" if line else "plaats onbekend"
    path = _without_namespaces(getattr(error, "path", None) or "").strip("/")
    element = f", element {path}" if path else ""
    return f"{where}{element}: {_reason_dutch(error.reason or error.message)}"


def _without_namespaces(text: str) -> str:
    # Only {uri} (with a colon), so a pattern's "{9}" stays.
    return re.sub(r"\{[a-z]+:[^}]*\}", "", text)


# xmlschema's reasons for the rules a message breaks most, in Dutch; any other
# reason is shown as xmlschema words it, after "regel:".
_REASONS = [
    (
        r"value doesn't match any pattern of \[(.+)\]",
        "de waarde past niet in het patroon {0}",
    ),
    (r"value must be one of \[(.+)\]", "de waarde moet een van deze zijn: {0}"),
    (
        r"value length cannot be greater than (\d+)",
        "de waarde mag hoogstens {0} tekens lang zijn",
    ),
    (
        r"value length cannot be lesser than (\d+)",
        "de waarde moet minstens {0} tekens lang zijn",
    ),
    (
        r"Unexpected child with tag '([^']+)' at position (\d+)",
        "onverwacht element {0} (op plaats {1})",
    ),
    (
        r"The content of element '([^']+)' is not complete\. Tag '([^']+)' expected",
        "element {0} is niet compleet: {1} ontbreekt",
    ),
    (r"invalid value '([^']*)' for xs:(\w+)", "'{0}' is geen geldige {1}"),
    (
        r"Invalid datetime string '([^']*)' for .*Date",
        "'{0}' is geen geldige datum (het bericht schrijft jjjj-mm-dd)",
    ),
    (r"month must be in 1\.\.12", "de maand moet tussen 1 en 12 liggen"),
    (r"day is out of range for month", "die dag bestaat niet in die maand"),
    (
        r"character data between child elements not allowed",
        "tekst tussen de elementen is niet toegestaan",
    ),
]


def _reason_dutch(reason: str) -> str:
    reason = _without_namespaces(reason).replace("iwmo:", "")
    for pattern, dutch in _REASONS:
        match = re.search(pattern, reason)
        if match:
            return dutch.format(*match.groups())
    return f"regel: {reason}"


# --- extracting ----------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: ET.Element | None, *names: str) -> str:
    for name in names:
        found = element
        for part in name.split("/"):
            found = _child(found, part)
        if found is not None and found.text:
            return found.text.strip()
    return ""


# Product rows have a <Product> child; these are their fields, by local name, with
# the names each message type uses for the same thing.
PRODUCT_FIELDS = {
    "toewijzingsnummer": ("ToewijzingNummer",),
    "referentie": ("ReferentieAanbieder",),
    "productcategorie": ("Product/Categorie",),
    "productcode": ("Product/Code",),
    "volume": ("Omvang/Volume",),
    "eenheid": ("Omvang/Eenheid",),
    "frequentie": ("Omvang/Frequentie",),
    "ingangsdatum": (
        "Ingangsdatum",
        "ToewijzingIngangsdatum",
        "GewensteIngangsdatum",
        "BeschikkingIngangsdatum",
    ),
    "einddatum": ("Einddatum", "ToewijzingEinddatum"),
    "begindatum": ("Begindatum",),
    "reden_beeindiging": ("RedenBeeindiging",),
    "reden_wijziging": ("RedenWijziging",),
}


def _products(root: ET.Element) -> list[dict]:
    rows = []
    for element in root.iter():
        if _child(element, "Product") is None:
            continue
        row = {"soort": _local(element.tag)}
        for key, names in PRODUCT_FIELDS.items():
            value = _text(element, *names)
            if value:
                row[key] = value
        rows.append(row)
    return rows


def _retourcodes(root: ET.Element) -> list[str]:
    return [
        element.text.strip()
        for element in root.iter()
        if _local(element.tag) == "RetourCode" and element.text
    ]


def extract(code: str, root: ET.Element) -> Bericht:
    header = _child(root, "Header")
    client = _child(root, "Client")
    inhoud: dict = {"bsn": _text(client, "Bsn"), "producten": _products(root)}
    bericht = Bericht(
        code=code,
        afzender=_text(header, "Afzender"),
        ontvanger=_text(header, "Ontvanger"),
        identificatie=_text(header, "BerichtIdentificatie/Identificatie"),
        dagtekening=dt.date.fromisoformat(
            _text(header, "BerichtIdentificatie/Dagtekening")
        ),
        inhoud=inhoud,
    )
    if bericht.is_retour:
        # A retour repeats the header of the message it answers (afzender, ontvanger,
        # BerichtIdentificatie) and names itself in IdentificatieRetour and
        # DagtekeningRetour; it is sent by the original's ontvanger.
        inhoud["retourcodes"] = list(dict.fromkeys(_retourcodes(root)))
        bericht.retour_van = (
            RETOUR_OF[code],
            bericht.afzender,
            bericht.identificatie,
            bericht.dagtekening,
        )
        bericht.afzender, bericht.ontvanger = bericht.ontvanger, bericht.afzender
        bericht.identificatie = _text(header, "IdentificatieRetour")
        bericht.dagtekening = dt.date.fromisoformat(_text(header, "DagtekeningRetour"))
    return bericht


def read(data: bytes) -> Bericht:
    """Parse, recognise, validate and extract one message, or raise Geweigerd."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise Geweigerd("Het bestand is te groot voor één iWmo-bericht.")
    if not data.strip():
        raise Geweigerd("Het bestand is leeg.")
    root = parse(data)
    code = message_code(root)
    validate(code, root)
    return extract(code, root)
