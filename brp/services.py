"""Asking the BRP on behalf of a user: check the input, ask, and log every query.

Every query writes access-log rows (action `brp_query`) before its answer is
returned — found, not found, or failed — with the BSN as the subject in the
record columns (`object_type` "brp.bsn", `object_id` the BSN), never in a log line
(docs/security.md, "BRP"). A search by name or address logs one row per person the
BRP answered with, or one row without a subject when it answered nobody.

Nothing of the answer is stored: the caller gets plain dataclasses for this request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from brp import client as brp_client
from brp.client import BrpClient, BrpUnavailable
from brp.constants import FIELDS_DESK, FIELDS_SEARCH, SearchType
from brp.persons import BrpPerson
from cases.persons.validators import is_valid_bsn, normalize_bsn
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction

NOT_FOUND = "Niet gevonden in de BRP."
INVALID_BSN = (
    "Dit is geen geldig BSN: het moet uit 9 cijfers bestaan en de 11-proef "
    "doorstaan. Controleer het nummer."
)
SUBJECT_TYPE = "brp.bsn"
logger = logging.getLogger(__name__)


class Outcome:
    FOUND = "found"
    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"
    INVALID = "invalid"


@dataclass(frozen=True)
class BrpLookup:
    """What the desk shows: the persons, or a Dutch message why there are none."""

    outcome: str
    persons: list[BrpPerson] = field(default_factory=list)
    message: str = ""
    fetched_at: object = field(default_factory=timezone.now)

    @property
    def person(self) -> BrpPerson | None:
        return self.persons[0] if self.persons else None


def _log(request, *, search: str, outcome: str, bsns: list[str], detail: str = ""):
    labels = {
        Outcome.FOUND: "gevonden",
        Outcome.NOT_FOUND: "niet gevonden",
        Outcome.UNAVAILABLE: "mislukt",
    }
    label = SearchType(search).label
    purpose = f"BRP {label[0].lower()}{label[1:]}: {labels[outcome]}"
    if detail:
        purpose += f" ({detail})"
    for bsn in dict.fromkeys(bsns) or [None]:
        log_access(
            request,
            action=AccessAction.BRP_QUERY,
            purpose=purpose,
            subject=(SUBJECT_TYPE, bsn) if bsn else None,
        )


def _ask(request, *, search: str, call, asked_bsns: list[str]) -> BrpLookup:
    try:
        answer = call()
    except BrpUnavailable as exc:
        # For beheer: how often and why; the BSN stays in the access log only.
        logger.warning("BRP-bevraging mislukt: %s", exc.reason)
        _log(
            request,
            search=search,
            outcome=Outcome.UNAVAILABLE,
            bsns=asked_bsns,
            detail=exc.reason,
        )
        return BrpLookup(Outcome.UNAVAILABLE, message=exc.message)
    found = [p.bsn for p in answer.persons]
    if not answer.persons:
        _log(request, search=search, outcome=Outcome.NOT_FOUND, bsns=asked_bsns)
        return BrpLookup(Outcome.NOT_FOUND, message=NOT_FOUND)
    _log(request, search=search, outcome=Outcome.FOUND, bsns=asked_bsns or found)
    return BrpLookup(
        Outcome.FOUND, persons=answer.persons, fetched_at=answer.fetched_at
    )


def _user(request: HttpRequest) -> str:
    return request.user.get_username() if request.user.is_authenticated else ""


def brp_lookup(
    *,
    request: HttpRequest,
    bsn: str,
    fields: list[str] = FIELDS_DESK,
    client: BrpClient | None = None,
) -> BrpLookup:
    """One resident by BSN. A BSN that fails the 11-proef is not asked (and not
    logged: nothing was looked up); one the BRP does not know is `not_found`."""
    bsn = normalize_bsn(bsn)
    if not is_valid_bsn(bsn):
        return BrpLookup(Outcome.INVALID, message=INVALID_BSN)
    return _ask(
        request,
        search=SearchType.BSN,
        asked_bsns=[bsn],
        call=lambda: brp_client.raadpleeg_met_bsn(
            [bsn], user=_user(request), fields=fields, client=client
        ),
    )


def brp_search_by_name(
    *,
    request: HttpRequest,
    surname: str,
    birth_date: date,
    prefix: str = "",
    fields: list[str] = FIELDS_SEARCH,
    client: BrpClient | None = None,
) -> BrpLookup:
    return _ask(
        request,
        search=SearchType.NAME_AND_BIRTH_DATE,
        asked_bsns=[],
        call=lambda: brp_client.zoek_met_geslachtsnaam_en_geboortedatum(
            surname,
            birth_date,
            prefix=prefix,
            user=_user(request),
            fields=fields,
            client=client,
        ),
    )


def brp_search_by_address(
    *,
    request: HttpRequest,
    postcode: str,
    house_number: int,
    house_letter: str = "",
    addition: str = "",
    fields: list[str] = FIELDS_SEARCH,
    client: BrpClient | None = None,
) -> BrpLookup:
    return _ask(
        request,
        search=SearchType.ADDRESS,
        asked_bsns=[],
        call=lambda: brp_client.zoek_met_postcode_en_huisnummer(
            postcode,
            house_number,
            house_letter=house_letter,
            addition=addition,
            user=_user(request),
            fields=fields,
            client=client,
        ),
    )
