"""Inzageverzoek (AVG art. 15): everything the system holds about one person, as a
PDF. A registry of sections: each app contributes its own in the modules it lists as
`inzage_modules` on its AppConfig (wijkteam/registry.py; cases/privacy/inzage.py):

    @inzage_section("journaal", "Journaal van de casussen", order=60)
    def journal(subject: InzageSubject) -> list[Block]:
        return [Block(title=..., rows=[("Notitie", subject.redact(e.note))])]

A section receives the subject: the person, the ids of their households and
casussen, and `redact()`, which replaces the names and BSN of every *other* known
person (household members) by their relation ("[partner]"). A section must only
show records about the subject, and pass every free text through `redact()`.
Staff are shown by role and team, never by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from wijkteam.constants import AccessAction, AccessResult, Role
from wijkteam.models import AccessLogEntry, Team

MIN_NAME_LENGTH = 3  # shorter first names ("Jo") are too likely to hit ordinary words


@dataclass
class Block:
    """One record in a section: a heading and label/value rows, or a table
    (`columns` and `table`) for many small records.

    `compact` prints a long table as one line per record, its fields separated by
    " · " and the columns named once above the list. WeasyPrint lays out a table
    cell by cell: 2,000 access-log rows of 5 cells took most of the PDF's time, as
    lines a fifth of it (docs/performance.md, "Inzageverzoek PDF").
    """

    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    compact: bool = False


@dataclass(frozen=True)
class InzageSection:
    key: str
    title: str
    order: int
    collect: Callable[[InzageSubject], list[Block]]
    intro: str = ""


SECTIONS: dict[str, InzageSection] = {}


def inzage_section(key: str, title: str, *, order: int, intro: str = "") -> Callable:
    """Register a section (decorator). Re-registering a key replaces it."""

    def decorator(collect: Callable[[InzageSubject], list[Block]]):
        SECTIONS[key] = InzageSection(key, title, order, collect, intro)
        return collect

    return decorator


class Redactor:
    """Replaces other persons' names and BSN in free text by a label.

    Only *known* other persons can be recognised; a name of someone the system does
    not hold (a neighbour in a journal note) is not found. The beheerder reads the
    PDF before handing it over (docs/security.md, "Inzageverzoek").
    """

    def __init__(self, replacements: Iterable[tuple[str, str]], keep: Iterable[str]):
        keep_lower = {k.lower() for k in keep if k}
        pairs: dict[str, str] = {}
        for text, label in replacements:
            text = (text or "").strip()
            if len(text) < MIN_NAME_LENGTH or text.lower() in keep_lower:
                continue
            pairs.setdefault(text.lower(), label)
        # Longest first: "Kees van Dam" before "Kees".
        self._pairs = sorted(pairs.items(), key=lambda p: -len(p[0]))
        self._pattern = (
            re.compile(
                r"(?<!\w)("
                + "|".join(re.escape(t) for t, _ in self._pairs)
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if self._pairs
            else None
        )
        self._labels = dict(self._pairs)

    def __call__(self, text: Any) -> str:
        text = "" if text is None else str(text)
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._labels[m.group(1).lower()], text)


@dataclass
class InzageSubject:
    """The person the request is about, as the sections need them."""

    person: Any
    household_ids: list[int]
    case_ids: list[int]
    redact: Redactor
    # person id -> label such as "[partner]", for every other known person.
    others: dict[int, str] = field(default_factory=dict)


def collect_sections(subject: InzageSubject) -> list[dict]:
    """[{section, blocks}] in order; a section without blocks says so."""
    result = []
    for section in sorted(SECTIONS.values(), key=lambda s: (s.order, s.key)):
        result.append({"section": section, "blocks": section.collect(subject)})
    return result


def staff_label(role: str, team) -> str:
    """Staff by role and team, never by name."""
    roles = [Role(r).label for r in role.split(",") if r in Role.values]
    label = ", ".join(roles) or "medewerker"
    return f"{label} ({team.name})" if team else label


# --- the access log about the person (this app's own section) ----------------


@inzage_section(
    "toegangslog",
    "Wie uw gegevens heeft ingezien (toegangslog)",
    order=900,
    intro=(
        "Elke keer dat een medewerker uw gegevens inzag, zocht, afdrukte of "
        "exporteerde, is dat vastgelegd. Medewerkers staan hier met hun rol en team."
    ),
)
def access_log_section(subject: InzageSubject) -> list[Block]:
    # Tuples, not model instances: tens of thousands of rows, a handful of teams.
    rows = (
        AccessLogEntry.objects.filter(person_id=subject.person.pk)
        .order_by("at", "id")
        .values_list("at", "action", "role", "team_id", "purpose", "result")
    )
    teams = {team.pk: team for team in Team.objects.filter(pk__in=rows.values("team"))}
    table = [
        [
            timezone.localtime(at).strftime("%d-%m-%Y %H:%M"),
            AccessAction(action).label,
            staff_label(role, teams.get(team_id)),
            subject.redact(purpose),
            AccessResult(result).label,
        ]
        for at, action, role, team_id, purpose, result in rows
    ]
    if not table:
        return []
    return [
        Block(
            title=f"{len(table)} keer vastgelegd",
            columns=["Tijdstip", "Handeling", "Door", "Doel", "Resultaat"],
            table=table,
            compact=True,  # a resident known for years: tens of thousands of rows
        )
    ]
