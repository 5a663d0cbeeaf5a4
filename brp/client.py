"""The one client for the BRP (Haal Centraal BRP Personen bevragen v2).

Timeouts, headers, certificates and errors live here and nowhere else. Every failure
— unreachable, too slow, 4xx, 5xx, an answer that is not the v2 shape — is one
`BrpUnavailable` with a Dutch message for the desk, raised within BRP_READ_TIMEOUT
seconds of asking, so the desk registers by hand without losing what it typed.
"""

from __future__ import annotations

import functools
import json
import logging
import ssl
import time
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone

import httpx

from brp.constants import FIELDS_DESK, FIELDS_SEARCH, SearchType
from brp.persons import BrpPerson, parse_person

UNAVAILABLE = (
    "De BRP is nu niet bereikbaar. Registreer de gegevens met de hand; "
    "wat u hebt ingevuld blijft staan."
)
TOO_SLOW = (
    "De BRP antwoordt niet op tijd. Registreer de gegevens met de hand; "
    "wat u hebt ingevuld blijft staan."
)
REFUSED = (
    "De BRP weigert de vraag (fout {status}). Registreer de gegevens met de hand "
    "en meld dit aan functioneel beheer."
)
SERVER_ERROR = (
    "De BRP heeft een storing (fout {status}). Registreer de gegevens met de hand; "
    "wat u hebt ingevuld blijft staan."
)
MALFORMED = (
    "De BRP gaf een onleesbaar antwoord. Registreer de gegevens met de hand en "
    "meld dit aan functioneel beheer."
)
NOT_CONFIGURED = (
    "Er is geen BRP-koppeling ingesteld. Registreer de gegevens met de hand."
)
MAX_ANSWER_BYTES = 5 * 1024 * 1024
logger = logging.getLogger(__name__)


class BrpUnavailable(Exception):
    """The BRP could not answer. `message` is for the user; `reason` for the log."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


@dataclass(frozen=True)
class BrpAnswer:
    search_type: str
    persons: list[BrpPerson]
    fetched_at: object = field(default_factory=timezone.now)


def _tls(client_cert: str, client_key: str, ca_bundle: str) -> ssl.SSLContext:
    """The gemeente's CA bundle (else certifi's, as httpx has it) and, for mutual
    TLS, our client certificate and key (PEM files)."""
    try:
        context = (
            ssl.create_default_context(cafile=ca_bundle)
            if ca_bundle
            else httpx.create_ssl_context()
        )
        if client_cert:
            context.load_cert_chain(client_cert, client_key or None)
    except (OSError, ssl.SSLError) as exc:
        # For beheer; the desk hears only that the BRP is unavailable.
        logger.error("BRP: certificaat of CA-bundel onleesbaar: %s", exc)
        raise BrpUnavailable(UNAVAILABLE, reason="tls_config") from exc
    return context


class BrpClient:
    def __init__(
        self,
        *,
        base_url: str,
        api_key: str = "",
        api_key_header: str = "X-API-KEY",
        doelbinding: str = "",
        verwerking: str = "",
        oin: str = "",
        connect_timeout: float = 2,
        read_timeout: float = 5,
        client_cert: str = "",
        client_key: str = "",
        ca_bundle: str = "",
    ) -> None:
        if not base_url:
            raise BrpUnavailable(NOT_CONFIGURED, reason="not_configured")
        self.url = base_url.rstrip("/") + "/personen"
        self.total = read_timeout
        self.headers = {
            "Accept": "application/json",
            "x-doelbinding": doelbinding,
            "x-verwerking": verwerking,
            "x-origin-oin": oin,
        }
        if api_key:
            self.headers[api_key_header] = api_key
        # Connecting may take connect_timeout; the first byte must come before the
        # total is spent, and the body is read against the same deadline (below).
        self.timeout = httpx.Timeout(
            connect=connect_timeout,
            read=max(read_timeout - connect_timeout, 0.1),
            write=connect_timeout,
            pool=connect_timeout,
        )
        # One connection pool per client, kept: building the TLS context and
        # connecting cost more than the lookup itself (docs/performance.md).
        self.http = httpx.Client(
            timeout=self.timeout, verify=_tls(client_cert, client_key, ca_bundle)
        )

    @classmethod
    def from_settings(cls) -> BrpClient:
        return _client_for(
            base_url=settings.BRP_URL,
            api_key=settings.BRP_API_KEY,
            api_key_header=settings.BRP_API_KEY_HEADER,
            doelbinding=settings.BRP_DOELBINDING,
            verwerking=settings.BRP_VERWERKING,
            oin=settings.BRP_OIN,
            connect_timeout=settings.BRP_CONNECT_TIMEOUT,
            read_timeout=settings.BRP_READ_TIMEOUT,
            client_cert=settings.BRP_CLIENT_CERT,
            client_key=settings.BRP_CLIENT_KEY,
            ca_bundle=settings.BRP_CA_BUNDLE,
        )

    def query(self, body: dict, *, user: str) -> BrpAnswer:
        """POST one search; the answer parsed, or BrpUnavailable."""
        deadline = time.monotonic() + self.total
        headers = self.headers | {"x-gebruiker": user}
        try:
            with self.http.stream(
                "POST", self.url, json=body, headers=headers
            ) as response:
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if time.monotonic() > deadline:
                        raise BrpUnavailable(TOO_SLOW, reason="timeout")
                    if size > MAX_ANSWER_BYTES:
                        raise BrpUnavailable(MALFORMED, reason="too_large")
                    chunks.append(chunk)
                status = response.status_code
        except httpx.TimeoutException as exc:
            raise BrpUnavailable(TOO_SLOW, reason="timeout") from exc
        except httpx.HTTPError as exc:  # refused, reset, DNS, TLS
            raise BrpUnavailable(UNAVAILABLE, reason="unreachable") from exc
        if 400 <= status < 500:
            raise BrpUnavailable(REFUSED.format(status=status), reason=f"http_{status}")
        if status != 200:
            raise BrpUnavailable(
                SERVER_ERROR.format(status=status), reason=f"http_{status}"
            )
        try:
            data = json.loads(b"".join(chunks))
            persons = [parse_person(p) for p in data["personen"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BrpUnavailable(MALFORMED, reason="malformed") from exc
        return BrpAnswer(search_type=body["type"], persons=persons)


@functools.lru_cache(maxsize=4)
def _client_for(**values) -> BrpClient:
    """The client for these settings, made once per process (per settings: a test
    that changes them gets its own)."""
    return BrpClient(**values)


def _client(client: BrpClient | None) -> BrpClient:
    return client or BrpClient.from_settings()


def raadpleeg_met_bsn(
    bsns: list[str],
    *,
    user: str,
    fields: list[str] = FIELDS_DESK,
    client: BrpClient | None = None,
) -> BrpAnswer:
    return _client(client).query(
        {"type": SearchType.BSN.value, "burgerservicenummer": bsns, "fields": fields},
        user=user,
    )


def zoek_met_geslachtsnaam_en_geboortedatum(
    surname: str,
    birth_date: date,
    *,
    user: str,
    prefix: str = "",
    include_deceased: bool = False,
    fields: list[str] = FIELDS_SEARCH,
    client: BrpClient | None = None,
) -> BrpAnswer:
    body = {
        "type": SearchType.NAME_AND_BIRTH_DATE.value,
        "geslachtsnaam": surname,
        "geboortedatum": birth_date.isoformat(),
        "fields": fields,
    }
    if prefix:
        body["voorvoegsel"] = prefix
    if include_deceased:
        body["inclusiefOverledenPersonen"] = True
    return _client(client).query(body, user=user)


def zoek_met_postcode_en_huisnummer(
    postcode: str,
    house_number: int,
    *,
    user: str,
    house_letter: str = "",
    addition: str = "",
    include_deceased: bool = False,
    fields: list[str] = FIELDS_SEARCH,
    client: BrpClient | None = None,
) -> BrpAnswer:
    body = {
        "type": SearchType.ADDRESS.value,
        "postcode": postcode.replace(" ", "").upper(),
        "huisnummer": house_number,
        "fields": fields,
    }
    if house_letter:
        body["huisletter"] = house_letter
    if addition:
        body["huisnummertoevoeging"] = addition
    if include_deceased:
        body["inclusiefOverledenPersonen"] = True
    return _client(client).query(body, user=user)
