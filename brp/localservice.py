"""A local BRP: answers Haal Centraal BRP Personen bevragen v2 from the official mock's
test data (`brp/data/test-data.json.gz`, see `brp/data/README.md`).

For demo mode (`make run` without BRP_URL) and for the tests, which reach it over real
HTTP on 127.0.0.1. It speaks the one operation the client uses, `POST
/haalcentraal/api/brp/personen`, for the three search types the desk needs, converts
the mock's GBA-like source records into the v2 response shape and honours `fields`.
Stdlib only, so it starts in a blink and needs nothing from Django.

    python -m brp.localservice --port 5010 [--api-key KEY]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import socket
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

from brp.localdata import ALWAYS, FIELDS, FIELDS_SEARCH, index, persoon, records, select

PATH = "/haalcentraal/api/brp/personen"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TYPES = (
    "RaadpleegMetBurgerservicenummer",
    "ZoekMetGeslachtsnaamEnGeboortedatum",
    "ZoekMetPostcodeEnHuisnummer",
)
BSN = re.compile(r"^[0-9]{9}$")
POSTCODE = re.compile(r"^[1-9][0-9]{3}[ ]?[A-Za-z]{2}$")
FIELD = re.compile(r"^[a-zA-Z0-9\._]{1,200}$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# --- the searches ----------------------------------------------------------------


class BadRequest(Exception):
    def __init__(self, name: str, code: str, reason: str) -> None:
        super().__init__(reason)
        self.param = {"name": name, "code": code, "reason": reason}


def _required(query: dict, name: str):
    if query.get(name) in (None, "", []):
        raise BadRequest(name, "required", "Parameter is verplicht.")
    return query[name]


def _alive(record: dict, query: dict) -> bool:
    return bool(query.get("inclusiefOverledenPersonen")) or "overlijden" not in record


def _name_matches(pattern: str, value: str | None) -> bool:
    pattern, value = pattern.casefold(), (value or "").casefold()
    if pattern.endswith("*"):
        return value.startswith(pattern[:-1])
    return value == pattern


def search(query: dict) -> list[dict]:
    kind = query.get("type")
    if kind not in TYPES:
        raise BadRequest("type", "value", "Waarde is geen geldige zoek type.")
    fields = _required(query, "fields")
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise BadRequest("fields", "array", "Parameter is geen lijst.")
    for f in fields:
        parts = f.split(".")
        if (
            not FIELD.match(f)
            or parts[0] not in FIELDS
            or (kind != TYPES[0] and parts[0] not in FIELDS_SEARCH)
            or any(part in ALWAYS for part in parts)
        ):
            raise BadRequest(
                "fields", "field", f"Parameter bevat een onbekend veld {f}."
            )
    if kind == "RaadpleegMetBurgerservicenummer":
        bsns = _required(query, "burgerservicenummer")
        if not isinstance(bsns, list) or len(bsns) > 20:
            raise BadRequest("burgerservicenummer", "array", "Maximaal 20 waarden.")
        for b in bsns:
            if not isinstance(b, str) or not BSN.match(b):
                raise BadRequest(
                    "burgerservicenummer", "pattern", "Waarde voldoet niet aan patroon."
                )
        found = [index()[b] for b in dict.fromkeys(bsns) if b in index()]
    elif kind == "ZoekMetGeslachtsnaamEnGeboortedatum":
        name = _required(query, "geslachtsnaam")
        born = _required(query, "geboortedatum")
        if not isinstance(born, str) or not ISO_DATE.match(born):
            raise BadRequest("geboortedatum", "date", "Waarde is geen geldige datum.")
        wanted = born.replace("-", "")
        found = [
            r
            for r in records()
            if (r.get("geboorte") or {}).get("datum") == wanted
            and _name_matches(name, r["naam"].get("geslachtsnaam"))
            and (
                not query.get("voorvoegsel")
                or _name_matches(query["voorvoegsel"], r["naam"].get("voorvoegsel"))
            )
            and _alive(r, query)
        ]
    else:
        postcode = _required(query, "postcode")
        huisnummer = _required(query, "huisnummer")
        if not isinstance(postcode, str) or not POSTCODE.match(postcode):
            raise BadRequest("postcode", "pattern", "Waarde voldoet niet aan patroon.")
        if not isinstance(huisnummer, int) or not 0 < huisnummer < 100000:
            raise BadRequest("huisnummer", "integer", "Waarde is geen geldig getal.")
        postcode = postcode.replace(" ", "").upper()
        found = []
        for r in records():
            v = r.get("verblijfplaats") or {}
            if (
                (v.get("postcode") or "").upper() == postcode
                and v.get("huisnummer") == str(huisnummer)
                and (
                    not query.get("huisletter")
                    or (v.get("huisletter") or "").casefold()
                    == query["huisletter"].casefold()
                )
                and (
                    not query.get("huisnummertoevoeging")
                    or (v.get("huisnummertoevoeging") or "").casefold()
                    == query["huisnummertoevoeging"].casefold()
                )
                and _alive(r, query)
            ):
                found.append(r)
    # Ages as the gemeente's clock says (Amsterdam), without Django's settings.
    today = datetime.now(tz=AMSTERDAM).date()
    return [select(persoon(r, index(), today), fields) for r in found]


# --- HTTP ------------------------------------------------------------------------


def problem(status: int, title: str, **extra) -> dict:
    return {
        "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
        "title": title,
        "status": status,
        "instance": PATH,
    } | extra


class Handler(BaseHTTPRequestHandler):
    server_version = "wijkteam-lokale-brp/1"
    protocol_version = "HTTP/1.1"
    api_key: str = ""
    api_key_header: str = "X-API-KEY"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes; with Nagle's algorithm and the
        # client's delayed ACK a kept-alive connection waits 40 ms for the body.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):  # noqa: A002 - stdlib's signature
        """Quiet: the tests and `make run` need no line per request."""

    def _send(self, status: int, body: dict, content_type: str) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802 - stdlib's name
        if self.path == "/healthz":
            self._send(200, {"status": "ok"}, "application/json")
        else:
            self._send(404, problem(404, "Niet gevonden."), "application/problem+json")

    def do_POST(self):  # noqa: N802 - stdlib's name
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path.split("?")[0] != PATH:
            self._send(404, problem(404, "Niet gevonden."), "application/problem+json")
            return
        if self.api_key and self.headers.get(self.api_key_header) != self.api_key:
            self._send(
                401,
                problem(401, "Niet correct geauthenticeerd.", code="authentication"),
                "application/problem+json",
            )
            return
        try:
            query = json.loads(raw or b"null")
            if not isinstance(query, dict):
                raise BadRequest("body", "object", "Body is geen object.")
            personen = search(query)
        except (ValueError, BadRequest) as exc:
            params = [exc.param] if isinstance(exc, BadRequest) else []
            self._send(
                400,
                problem(
                    400,
                    "Een of meerdere parameters zijn niet correct.",
                    code="paramsValidation",
                    invalidParams=params,
                ),
                "application/problem+json",
            )
            return
        self._send(
            200, {"type": query["type"], "personen": personen}, "application/json"
        )


def make_server(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    api_key: str = "",
    api_key_header: str = "X-API-KEY",
) -> ThreadingHTTPServer:
    """A server bound to host:port (0: a free port; read `server.server_port`)."""
    handler = type(
        "BoundHandler",
        (Handler,),
        {"api_key": api_key, "api_key_header": api_key_header},
    )
    records()  # load the data before the first request is timed
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve_in_thread(**kwargs) -> ThreadingHTTPServer:
    server = make_server(**kwargs)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Lokale BRP (Haal Centraal v2).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5010)
    parser.add_argument("--api-key", default="")
    parser.add_argument("--api-key-header", default="X-API-KEY")
    args = parser.parse_args(argv)
    server = make_server(
        args.host, args.port, api_key=args.api_key, api_key_header=args.api_key_header
    )
    print(
        f"Lokale BRP op http://{args.host}:{server.server_port}{PATH}",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
