"""What a BRP answer holds, as small plain dataclasses the desk and the casus use.

Parsed from the v2 response shape; nothing here is stored: only what a user takes
over ends up in a person record (see docs/brp.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from brp.constants import GEZAG_LABELS


def _date(value: dict | None) -> date | None:
    """A full date (`{"type": "Datum", "datum": "YYYY-MM-DD"}`); None when the BRP
    knows only the year or month, or nothing."""
    if not value or value.get("type") != "Datum":
        return None
    return date.fromisoformat(value["datum"])


def _date_text(value: dict | None) -> str:
    return (value or {}).get("langFormaat", "")


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Address:
    street: str = ""
    house_number: int | None = None
    house_letter: str = ""
    addition: str = ""
    postcode: str = ""
    city: str = ""
    # Abroad: the free address lines and the country.
    lines: tuple[str, ...] = ()
    country: str = ""

    @property
    def abroad(self) -> bool:
        return bool(self.country)

    def __str__(self) -> str:
        if self.lines:  # abroad, or the envelope's lines of a search hit
            return ", ".join([*self.lines, *([self.country] if self.country else [])])
        number = f"{self.house_number or ''}{self.house_letter}"
        if self.addition:
            number += f"-{self.addition}"
        return ", ".join(
            p
            for p in (_join(self.street, number), _join(self.postcode, self.city))
            if p
        )


@dataclass(frozen=True)
class Relative:
    """A partner, child or parent as the BRP lists them with the person."""

    bsn: str
    name: str
    birth_date: date | None


@dataclass(frozen=True)
class Gezag:
    """Who holds parental authority over a minor."""

    kind: str
    minor_bsn: str
    holders: tuple[Relative, ...]

    @property
    def label(self) -> str:
        return GEZAG_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class BrpPerson:
    bsn: str
    first_names: str
    prefix: str
    surname: str
    # As the BRP composes it for use (aanduidingNaamgebruik, with the partner's name).
    display_name: str
    birth_date: date | None
    birth_date_text: str
    age: int | None
    address: Address | None
    address_kind: str
    deceased: bool
    death_date_text: str
    in_onderzoek: bool
    geheimhouding: bool
    curatele: bool
    rni: bool
    opschorting: str  # the reason (e.g. "emigratie"), "" when not suspended
    partners: tuple[Relative, ...]
    children: tuple[Relative, ...]
    parents: tuple[Relative, ...]
    gezag: tuple[Gezag, ...]

    @property
    def abroad(self) -> bool:
        return self.address_kind == "VerblijfplaatsBuitenland" or bool(
            self.address and self.address.abroad
        )

    @property
    def is_minor(self) -> bool:
        return self.age is not None and self.age < 18

    @property
    def notices(self) -> list[str]:
        """What the desk must see about this person, in Dutch."""
        out = []
        if self.deceased:
            when = f" op {self.death_date_text}" if self.death_date_text else ""
            out.append(f"Overleden{when}")
        if self.geheimhouding:
            out.append("Geheimhouding: gegevens niet aan derden verstrekken")
        if self.curatele:
            out.append("Onder curatele")
        if self.in_onderzoek:
            out.append("Gegevens in onderzoek")
        if self.abroad:
            out.append("Woont in het buitenland")
        if self.rni:
            out.append("Ingeschreven in de RNI (niet-ingezetene)")
        if self.opschorting:
            out.append(f"Bijhouding opgeschort ({self.opschorting})")
        return out


def _own_name(naam: dict) -> tuple[str, str]:
    """(voorvoegsel + geslachtsnaam with a title, voorvoegsel + geslachtsnaam)."""
    titel = (naam.get("adellijkeTitelPredicaat") or {}).get("omschrijving", "")
    plain = _join(naam.get("voorvoegsel"), naam.get("geslachtsnaam"))
    return _join(titel.lower() or None, plain), plain


def compose_name(naam: dict, partner_naam: dict | None) -> str:
    """First names and the surname as aanduidingNaamgebruik says: E own, P partner's,
    V partner's before own, N own before partner's (joined with a hyphen)."""
    own_titled, own = _own_name(naam)
    partner = _join(
        (partner_naam or {}).get("voorvoegsel"),
        (partner_naam or {}).get("geslachtsnaam"),
    )
    code = (naam.get("aanduidingNaamgebruik") or {}).get("code", "E")
    if not partner or code == "E":
        surname = own_titled
    elif code == "P":
        surname = partner
    elif code == "V":
        surname = f"{partner}-{own}"
    else:  # N
        surname = f"{own_titled}-{partner}"
    return _join(naam.get("voornamen"), surname)


def _relative(item: dict) -> Relative:
    naam = item.get("naam") or {}
    return Relative(
        bsn=item.get("burgerservicenummer", ""),
        name=naam.get("volledigeNaam")
        or _join(
            naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam")
        ),
        birth_date=_date((item.get("geboorte") or {}).get("datum")),
    )


def _address(place: dict) -> Address | None:
    adres = place.get("verblijfadres")
    if not adres:
        return None
    if place.get("type") == "VerblijfplaatsBuitenland":
        return Address(
            lines=tuple(
                adres[k] for k in ("regel1", "regel2", "regel3") if adres.get(k)
            ),
            country=(adres.get("land") or {}).get("omschrijving", "onbekend land"),
        )
    return Address(
        street=adres.get("korteStraatnaam") or adres.get("officieleStraatnaam", ""),
        house_number=adres.get("huisnummer"),
        house_letter=adres.get("huisletter", ""),
        addition=adres.get("huisnummertoevoeging", ""),
        postcode=adres.get("postcode", ""),
        city=adres.get("woonplaats", ""),
    )


def _envelope(adressering: dict) -> Address | None:
    """A search hit has no verblijfplaats, only the address lines (adressering)."""
    lines = tuple(
        adressering[k]
        for k in ("adresregel1", "adresregel2", "adresregel3")
        if adressering.get(k)
    )
    if not lines:
        return None
    return Address(
        lines=lines, country=(adressering.get("land") or {}).get("omschrijving", "")
    )


def _gezag(item: dict) -> Gezag:
    holders = [*item.get("ouders", ())]
    for key in ("ouder", "derde"):
        if item.get(key):
            holders.append(item[key])
    holders += item.get("derden", ())
    return Gezag(
        kind=item.get("type", ""),
        minor_bsn=(item.get("minderjarige") or {}).get("burgerservicenummer", ""),
        holders=tuple(_relative(h) for h in holders),
    )


def _has_in_onderzoek(value) -> bool:
    if isinstance(value, dict):
        return bool(value.get("inOnderzoek")) or any(
            _has_in_onderzoek(v) for v in value.values()
        )
    if isinstance(value, list):
        return any(_has_in_onderzoek(v) for v in value)
    return False


def parse_person(data: dict) -> BrpPerson:
    """One item of `personen`; what `fields` left out is empty. Raises TypeError or
    ValueError on a shape that is not the v2 one (the client turns that into
    BrpUnavailable)."""
    if not isinstance(data, dict):
        raise TypeError("persoon is geen object")
    naam = data.get("naam") or {}
    partners = [p for p in data.get("partners") or [] if isinstance(p, dict)]
    current = [p for p in partners if not p.get("ontbindingHuwelijkPartnerschap")]
    partner_naam = (current or partners or [{}])[-1].get("naam")
    place = data.get("verblijfplaats") or {}
    overlijden = data.get("overlijden")
    # Only the person's own data counts: a relative's inOnderzoek is theirs.
    own = {k: v for k, v in data.items() if k not in ("partners", "kinderen", "ouders")}
    return BrpPerson(
        bsn=data.get("burgerservicenummer", ""),
        first_names=naam.get("voornamen", ""),
        prefix=naam.get("voorvoegsel", ""),
        surname=naam.get("geslachtsnaam", ""),
        display_name=compose_name(naam, partner_naam),
        birth_date=_date((data.get("geboorte") or {}).get("datum")),
        birth_date_text=_date_text((data.get("geboorte") or {}).get("datum")),
        age=data.get("leeftijd"),
        address=_address(place) or _envelope(data.get("adressering") or {}),
        address_kind=place.get("type", ""),
        deceased=bool(overlijden),
        death_date_text=_date_text((overlijden or {}).get("datum")),
        in_onderzoek=_has_in_onderzoek(own),
        geheimhouding=bool(data.get("geheimhoudingPersoonsgegevens")),
        curatele=bool(data.get("indicatieCurateleRegister")),
        rni=bool(data.get("rni")),
        opschorting=(
            ((data.get("opschortingBijhouding") or {}).get("reden") or {}).get(
                "omschrijving", "opgeschort"
            )
            if data.get("opschortingBijhouding")
            else ""
        ),
        partners=tuple(_relative(p) for p in partners),
        children=tuple(_relative(k) for k in data.get("kinderen") or []),
        parents=tuple(_relative(o) for o in data.get("ouders") or []),
        gezag=tuple(_gezag(g) for g in data.get("gezag") or []),
    )
