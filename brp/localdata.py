"""The official BRP mock's test data (`brp/data/test-data.json.gz`) in the v2
response shape: the mock's GBA-like source records converted, and `fields` applied.
Used by the local BRP (brp/localservice.py); stdlib only."""

from __future__ import annotations

import gzip
import json
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "test-data.json.gz"
# The top-level fields a client may ask for (spec: `fields` items).
FIELDS = {
    "aNummer",
    "adressering",
    "burgerservicenummer",
    "datumEersteInschrijvingGBA",
    "datumInschrijvingInGemeente",
    "europeesKiesrecht",
    "geboorte",
    "gemeenteVanInschrijving",
    "geslacht",
    "gezag",
    "immigratie",
    "indicatieCurateleRegister",
    "kinderen",
    "leeftijd",
    "naam",
    "nationaliteiten",
    "ouders",
    "overlijden",
    "partners",
    "uitsluitingKiesrecht",
    "verblijfplaats",
    "verblijfstitel",
}
# A search (Zoek…) answers a limited person (spec: PersoonBeperkt): only these.
FIELDS_SEARCH = {
    "adressering",
    "burgerservicenummer",
    "geboorte",
    "geslacht",
    "leeftijd",
    "naam",
}
# Notices the API adds by itself whenever they apply, whatever `fields` says; asking
# for them is a 400 (spec: `fields`). `inOnderzoek` also travels with what it
# qualifies, at any depth.
ALWAYS = (
    "geheimhoudingPersoonsgegevens",
    "inOnderzoek",
    "opschortingBijhouding",
    "rni",
    "verificatie",
)
MONTHS = [
    *("januari", "februari", "maart", "april", "mei", "juni", "juli"),
    *("augustus", "september", "oktober", "november", "december"),
]


def datum(raw: str | None) -> dict | None:
    """GBA date `YYYYMMDD` (`00` for unknown parts) as the spec's AbstractDatum."""
    if not raw:
        return None
    year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    if year == 0:
        return {"type": "DatumOnbekend", "onbekend": True, "langFormaat": "onbekend"}
    if month == 0:
        return {"type": "JaarDatum", "jaar": year, "langFormaat": str(year)}
    if day == 0:
        return {
            "type": "JaarMaandDatum",
            "jaar": year,
            "maand": month,
            "langFormaat": f"{MONTHS[month - 1]} {year}",
        }
    return {
        "type": "Datum",
        "datum": f"{year:04d}-{month:02d}-{day:02d}",
        "langFormaat": f"{day} {MONTHS[month - 1]} {year}",
    }


def _in_onderzoek(src: dict) -> dict | None:
    onderzoek = src.get("inOnderzoek")
    if not onderzoek:
        return None
    return {"datumIngangOnderzoek": datum(onderzoek.get("datumIngangOnderzoek"))}


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def naam(src: dict) -> dict:
    voornamen = (src.get("voornamen") or "").strip()
    titel = src.get("adellijkeTitelPredicaat")
    parts = [voornamen, src.get("voorvoegsel"), src.get("geslachtsnaam")]
    return _clean(
        {
            "voornamen": voornamen,
            "adellijkeTitelPredicaat": titel,
            "voorvoegsel": src.get("voorvoegsel"),
            "geslachtsnaam": src.get("geslachtsnaam"),
            "voorletters": " ".join(f"{v[0]}." for v in voornamen.split()).replace(
                ". ", "."
            )
            or None,
            "volledigeNaam": " ".join(p for p in parts if p),
            "aanduidingNaamgebruik": src.get("aanduidingNaamgebruik"),
            "inOnderzoek": _in_onderzoek(src),
        }
    )


def geboorte(src: dict | None) -> dict | None:
    if not src:
        return None
    return _clean(
        {
            "datum": datum(src.get("datum")),
            "land": src.get("land"),
            "plaats": src.get("plaats"),
            "inOnderzoek": _in_onderzoek(src),
        }
    )


def leeftijd(raw: str | None, today: date) -> int | None:
    if not raw or raw[4:] == "0000" or raw[:4] == "0000":
        return None
    born = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]) or 1)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def verblijfplaats(src: dict) -> dict | None:
    if not src:
        return None
    common = {
        "datumVan": datum(
            src.get("datumAanvangAdreshouding")
            or src.get("datumAanvangAdresBuitenland")
            or src.get("datumIngangGeldigheid")
        ),
        "inOnderzoek": _in_onderzoek(src),
    }
    if "land" in src:
        adres = {k: src.get(k) for k in ("regel1", "regel2", "regel3", "land")}
        return _clean(
            {"type": "VerblijfplaatsBuitenland", "verblijfadres": _clean(adres)}
            | common
        )
    if src.get("straat"):
        adres = {
            "officieleStraatnaam": src.get("naamOpenbareRuimte") or src["straat"],
            "korteStraatnaam": src["straat"],
            "huisnummer": int(src["huisnummer"]) if src.get("huisnummer") else None,
            "huisletter": src.get("huisletter"),
            "huisnummertoevoeging": src.get("huisnummertoevoeging"),
            "aanduidingBijHuisnummer": src.get("aanduidingBijHuisnummer"),
            "postcode": src.get("postcode"),
            "woonplaats": src.get("woonplaats"),
        }
        return _clean(
            {
                "type": "Adres",
                "verblijfadres": _clean(adres),
                "functieAdres": src.get("functieAdres"),
                "adresseerbaarObjectIdentificatie": src.get(
                    "adresseerbaarObjectIdentificatie"
                ),
                "nummeraanduidingIdentificatie": src.get(
                    "nummeraanduidingIdentificatie"
                ),
            }
            | common
        )
    if src.get("locatiebeschrijving"):
        return _clean(
            {
                "type": "Locatie",
                "verblijfadres": {"locatiebeschrijving": src["locatiebeschrijving"]},
            }
            | common
        )
    return _clean({"type": "VerblijfplaatsOnbekend"} | common)


def adressering(src: dict) -> dict | None:
    """The address lines as the BRP writes them on an envelope (only the lines: the
    aanhef and aanschrijfwijze are not needed here)."""
    if "land" in src:
        lines = {
            k.replace("regel", "adresregel"): src.get(k)
            for k in ("regel1", "regel2", "regel3")
        }
        return _clean(lines | {"land": src["land"]})
    if not src.get("straat"):
        return None
    number = f"{src.get('huisnummer', '')}{src.get('huisletter', '')}"
    if src.get("huisnummertoevoeging"):
        number += f"-{src['huisnummertoevoeging']}"
    postcode, city = src.get("postcode") or "", src.get("woonplaats") or ""
    if len(postcode) == 6:
        postcode = f"{postcode[:4]} {postcode[4:]}"
    return _clean(
        {
            "adresregel1": f"{src['straat']} {number}".strip(),
            "adresregel2": f"{postcode}  {city.upper()}".strip(),
        }
    )


def _related(src: dict) -> dict:
    return _clean(
        {
            "burgerservicenummer": src.get("burgerservicenummer"),
            "naam": naam(src.get("naam") or {}),
            "geboorte": geboorte(src.get("geboorte")),
            "geslacht": src.get("geslacht"),
            "inOnderzoek": _in_onderzoek(src),
        }
    )


def partners(src: list[dict]) -> list[dict]:
    """Current partners; with none, the last one that ended (as the v2 API does)."""
    current = [p for p in src if not p.get("ontbindingHuwelijkPartnerschap")]
    chosen = (
        current
        or sorted(
            src,
            key=lambda p: p["ontbindingHuwelijkPartnerschap"].get("datum") or "",
        )[-1:]
    )
    out = []
    for p in chosen:
        aangaan = p.get("aangaanHuwelijkPartnerschap") or {}
        ontbinding = p.get("ontbindingHuwelijkPartnerschap") or {}
        out.append(
            _clean(
                _related(p)
                | {
                    "soortVerbintenis": p.get("soortVerbintenis"),
                    "aangaanHuwelijkPartnerschap": _clean(
                        {
                            "datum": datum(aangaan.get("datum")),
                            "land": aangaan.get("land"),
                            "plaats": aangaan.get("plaats"),
                        }
                    ),
                    "ontbindingHuwelijkPartnerschap": _clean(
                        {"datum": datum(ontbinding.get("datum"))}
                    ),
                }
            )
        )
    return out


def _gezag_persoon(bsn: str | None, index: dict[str, dict]) -> dict:
    record = index.get(bsn or "")
    # The spec requires a name; a holder not in the data is "onbekend" here.
    volledige = naam(record["naam"])["volledigeNaam"] if record else "onbekend"
    return _clean({"burgerservicenummer": bsn, "naam": {"volledigeNaam": volledige}})


def gezag(
    src: list[dict], own_bsn: str, index: dict[str, dict], today: date
) -> list[dict]:
    """The mock leaves out the minor when it is the person themself (e.g.
    GezagNietTeBepalen on a minor's own record); the spec requires it."""
    out = []
    for g in src:
        # Renamed in spec 2.x; the mock's data still has the old name.
        kind = (
            "GezamenlijkOuderlijkGezag"
            if g["type"] == "TweehoofdigOuderlijkGezag"
            else g["type"]
        )
        item: dict = {"type": kind}
        minor = (g.get("minderjarige") or {}).get("burgerservicenummer") or own_bsn
        if minor:
            m = _gezag_persoon(minor, index)
            record = index.get(minor)
            if record:
                m["leeftijd"] = leeftijd(
                    (record.get("geboorte") or {}).get("datum"), today
                )
            item["minderjarige"] = _clean(m)
        if "ouders" in g:
            item["ouders"] = [
                _gezag_persoon(o.get("burgerservicenummer"), index) for o in g["ouders"]
            ]
        if "ouder" in g:
            item["ouder"] = _gezag_persoon(g["ouder"].get("burgerservicenummer"), index)
        if "derde" in g:
            item["derde"] = {"type": "BekendeDerde"} | _gezag_persoon(
                g["derde"].get("burgerservicenummer"), index
            )
        if "derden" in g:
            item["derden"] = [
                {"type": "BekendeDerde"}
                | _gezag_persoon(d.get("burgerservicenummer"), index)
                for d in g["derden"]
            ]
        out.append(item)
    return out


def persoon(src: dict, index: dict[str, dict], today: date) -> dict:
    """One source record in the v2 response shape (all fields; `select` trims)."""
    born = (src.get("geboorte") or {}).get("datum")
    onderzoek = src.get("persoonInOnderzoek")
    overlijden = src.get("overlijden")
    opschorting = src.get("opschortingBijhouding")
    return _clean(
        {
            "aNummer": src.get("aNummer"),
            "burgerservicenummer": src["burgerservicenummer"],
            "geslacht": src.get("geslacht"),
            "naam": naam(src["naam"]),
            "geboorte": geboorte(src.get("geboorte")),
            "leeftijd": leeftijd(born, today),
            "verblijfplaats": verblijfplaats(src.get("verblijfplaats") or {}),
            "adressering": adressering(src.get("verblijfplaats") or {}),
            "gemeenteVanInschrijving": src.get("gemeenteVanInschrijving"),
            "datumInschrijvingInGemeente": datum(
                src.get("datumInschrijvingInGemeente")
            ),
            "nationaliteiten": [
                _clean(
                    {
                        "type": "Nationaliteit",
                        "nationaliteit": n.get("nationaliteit"),
                        "redenOpname": n.get("redenOpname"),
                    }
                )
                for n in src.get("nationaliteiten") or []
                if n.get("nationaliteit")
            ],
            "partners": partners(src.get("partners") or []),
            "kinderen": [_related(k) for k in src.get("kinderen") or []],
            "ouders": [
                _related(o) | _clean({"ouderAanduiding": o.get("ouderAanduiding")})
                for o in src.get("ouders") or []
            ],
            "gezag": gezag(
                src.get("gezag") or [], src["burgerservicenummer"], index, today
            ),
            "overlijden": _clean(
                {
                    "datum": datum(overlijden.get("datum")),
                    "land": overlijden.get("land"),
                    "plaats": overlijden.get("plaats"),
                    "inOnderzoek": _in_onderzoek(overlijden),
                }
            )
            if overlijden
            else None,
            "opschortingBijhouding": _clean(
                {
                    "reden": opschorting.get("reden"),
                    "datum": datum(opschorting["datum"]),
                }
            )
            if opschorting
            else None,
            # The source holds the GBA code (1-7); the v2 API answers a boolean.
            "geheimhoudingPersoonsgegevens": True
            if str(src.get("geheimhoudingPersoonsgegevens") or "0") != "0"
            else None,
            "indicatieCurateleRegister": True
            if src.get("indicatieCurateleRegister")
            else None,
            "rni": src.get("rni"),
            "inOnderzoek": {
                "datumIngangOnderzoekPersoon": datum(onderzoek["datumIngangOnderzoek"]),
                "burgerservicenummer": True,
            }
            if onderzoek
            else None,
        }
    )


def select(person: dict, fields: list[str]) -> dict:
    """Only the fields asked for (dot paths: `naam.voornamen`, `kinderen.naam`), plus
    the notices the API always adds. `inOnderzoek` travels with what it qualifies."""
    tree: dict = {}
    for path in fields:
        parts = path.split(".")
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            if child is True:
                break
            node = node.setdefault(part, {})
        else:
            node[parts[-1]] = True
    for key in ALWAYS:
        tree.setdefault(key, True)

    def prune(value, spec):
        if spec is True:
            return value
        if isinstance(value, list):
            return [prune(v, spec) for v in value]
        if isinstance(value, dict):
            return {
                k: prune(v, spec[k]) if k in spec else v
                for k, v in value.items()
                if k in spec or k in ("type", "inOnderzoek")
            }
        return value

    out = {}
    for key, spec in tree.items():
        if key in person:
            out[key] = prune(person[key], spec)
    return out


@cache
def records() -> tuple[dict[str, dict], ...]:
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        return tuple(json.load(f))


@cache
def index() -> dict[str, dict]:
    return {r["burgerservicenummer"]: r for r in records()}
