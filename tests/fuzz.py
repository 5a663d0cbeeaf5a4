"""Tools for the bad-input test (tests/test_fuzz_forms.py).

- `parse_forms(html)`: the forms on a page (stdlib HTMLParser), with the values a
  browser would send as they stand: the otherwise-valid baseline for a hostile post.
- `HOSTILE`: malformed and hostile values (overlong, control characters, HTML/JS, SQL,
  invalid dates, negative and huge ids, wrong types).
- `database_fingerprint()`: one checksum per table (all tables except logs, sessions
  and throttling), to prove a refused post stored nothing.
- `english_messages(html)`: Django's default English error messages, and English
  words in the shown errors, that should have been Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django import forms as django_forms
from django.core import validators
from django.db import connection
from django.urls import Resolver404, resolve
from django.utils import translation

# --- forms on a page ----------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False
    checked: bool = False
    placeholder: str = ""


@dataclass
class Form:
    method: str
    action: str  # as written in the page ("" = the page itself)
    fields: list[Field] = field(default_factory=list)

    def names(self) -> list[str]:
        seen: list[str] = []
        for f in self.fields:
            if f.name not in seen and f.name != "csrfmiddlewaretoken":
                seen.append(f.name)
        return seen

    def is_upload(self) -> bool:
        return any(f.kind == "file" for f in self.fields)

    def baseline(self) -> dict[str, object]:
        """What a browser sends: values as they stand; a select without a chosen
        option sends its first non-empty one, unchecked boxes send nothing."""
        data: dict[str, list[str]] = {}
        radios: dict[str, list[Field]] = {}
        for f in self.fields:
            if f.name == "csrfmiddlewaretoken" or f.kind in ("submit", "button"):
                continue
            if f.kind == "file":
                continue
            if f.kind == "radio":
                radios.setdefault(f.name, []).append(f)
                continue
            if f.kind == "checkbox":
                if f.checked:
                    data.setdefault(f.name, []).append(f.value or "on")
                continue
            if f.kind == "select":
                chosen = f.value if f.value is not None else ""
                if not chosen:
                    chosen = next((o for o in f.options if o), "")
                data.setdefault(f.name, []).append(chosen)
                continue
            data.setdefault(f.name, []).append(f.value or plausible(f))
        for name, group in radios.items():
            checked = [f for f in group if f.checked] or group[:1]
            data[name] = [checked[0].value]
        for f in self.fields:  # a submit button with a name (several actions)
            if f.kind == "submit" and f.name and f.name not in data:
                data[f.name] = [f.value]
        return {k: v[0] if len(v) == 1 else v for k, v in data.items()}


def plausible(f: Field) -> str:
    """A value a person might type in an empty field, so that the baseline passes
    and a hostile value in one other field is judged on its own."""
    name = f.name.lower()
    if f.kind in ("hidden", "password") or "bsn" in name:
        return ""
    if f.kind == "number" or "number" in name or "nummer" in name:
        return "12"
    if f.kind == "date":
        return "2030-01-01"
    if "uu:mm" in f.placeholder or name.endswith("_at"):
        return "01-01-2030 10:00"
    if "jjjj" in f.placeholder or name.endswith(("_on", "date", "datum")):
        return "01-01-2030"
    if "email" in name:
        return "fuzz@example.nl"
    if "phone" in name or "telefoon" in name:
        return "0612345678"
    if "postcode" in name:
        return "3072AB"
    if name.endswith("code"):
        return "GM0599"
    return "Fuzztekst"


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._option: str | None = None
        self._option_selected = False
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            method = (a.get("method") or "get").lower()
            action = a.get("hx-post") or a.get("action") or ""
            if a.get("hx-post"):
                method = "post"
            self._form = Form(method, action)
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            self._form.fields.append(
                Field(
                    a["name"],
                    kind,
                    a.get("value", ""),
                    checked="checked" in a,
                    placeholder=a.get("placeholder", ""),
                )
            )
        elif tag == "button" and a.get("name"):
            self._form.fields.append(Field(a["name"], "submit", a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = Field(a["name"], "select", None, multiple="multiple" in a)
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = a.get("value")
            self._option_selected = "selected" in a
            self._option_text = ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = Field(a["name"], "textarea", "")
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        elif self._option is not None or (
            self._select is not None and hasattr(self, "_option_text")
        ):
            self._option_text = getattr(self, "_option_text", "") + data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option" and self._select is not None:
            value = self._option
            if value is None:
                value = getattr(self, "_option_text", "").strip()
            self._select.options.append(value)
            if self._option_selected and not self._select.value:
                self._select.value = value
            self._option = None
            self._option_text = ""
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the first newline after <textarea>.
            if self._textarea.value.startswith("\n"):
                self._textarea.value = self._textarea.value[1:]
            self._textarea = None


def parse_forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def url_name_of(action: str, page_path: str) -> tuple[str, str] | None:
    """(URL name, path) the form posts to, or None when outside the app."""
    path = urlsplit(action).path or page_path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name, path


# --- hostile values -------------------------------------------------------------

OVERLONG = "Lang" + "x" * 20_000
CONTROL = "voor\x01\x02\x07\x08\x0b\x0c\x1b[31m\x7fna"
NUL = "a\x00b"
HTML_JS = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)>{{ 7*7 }}"
SQL = "'; DROP TABLE wijkteam_team; -- \" OR 1=1 /*"
HOSTILE: list[object] = [
    OVERLONG,
    CONTROL + NUL,
    HTML_JS + SQL,
    "31-02-2024",  # invalid dates
    "2024-13-45T25:61",
    "-1",  # negative and impossible ids
    "99999999999999999999999",
    "NaN",  # wrong types
    ["a", "b", "-1"],  # several values for one field
    "\u202egnp.exe\u200b😀",  # right-to-left override, zero-width space, emoji
    " ",
]
# Per field, on top of otherwise-valid values: the ones that must either be refused
# with an error or stored exactly as sent (NUL and odd ids come with HOSTILE).
PER_FIELD: list[object] = [OVERLONG, CONTROL + HTML_JS + SQL]


def describe(value: object) -> str:
    text = repr(value)
    return text if len(text) < 60 else text[:40] + f"…({len(text)} tekens)"


# --- the database before and after ----------------------------------------------

# Logs, sessions and throttling may change on any request; the rest may not change
# when a post is refused.
UNWATCHED = re.compile(
    r"^(django_session|django_migrations|axes_.*|wijkteam_accesslogentry|"
    r"wijkteam_usersession|django_celery_.*|django_admin_log)$"
)


def watched_tables() -> list[str]:
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
    return sorted(n for n in names if not UNWATCHED.match(n))


# Columns a page may write when it is shown (e.g. an assignment marked as seen by
# its regievoerder): not a half-stored post.
SHOWN_MARKERS = {"cases_caseassignment": ["seen_at"]}


def database_fingerprint(tables: list[str]) -> dict[str, str]:
    """table -> md5 over its rows (order-independent), in one query."""
    qn = connection.ops.quote_name

    def row(name):
        ignored = SHOWN_MARKERS.get(name)
        if not ignored:
            return "t::text"
        keys = ",".join(f"'{column}'" for column in ignored)
        return f"(to_jsonb(t) - ARRAY[{keys}])::text"

    parts = [
        f"SELECT {i}, coalesce(md5(string_agg(md5({row(name)}), '' ORDER BY "
        f"md5({row(name)}))), '-') FROM {qn(name)} t"
        for i, name in enumerate(tables)
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        rows = cursor.fetchall()
    return {tables[i]: digest for i, digest in rows}


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(t for t in after if before.get(t) != after[t])


def text_stored(tables: list[str], sent: str) -> bool:
    """Whether `sent` (or `sent` stripped of surrounding whitespace, as Django's
    CharField does) is stored whole in a text column of one of `tables`."""
    return _stored(tables, "{col} = ANY(%s)", [list({sent, sent.strip()})])


def text_stored_prefix(tables: list[str], start: str) -> bool:
    """Whether some text column starts with `start` (a changed or cut-off copy)."""
    return _stored(tables, "left({col}, %s) = %s", [len(start), start])


def _stored(tables: list[str], condition: str, params: list) -> bool:
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE "
                "table_name = %s AND data_type IN ('text', 'character varying')",
                [table],
            )
            columns = [row[0] for row in cursor.fetchall()]
            for column in columns:
                where = condition.format(col=qn(column))
                cursor.execute(
                    f"SELECT 1 FROM {qn(table)} WHERE {where} LIMIT 1", params
                )
                if cursor.fetchone():
                    return True
            # Text inside JSON columns (e.g. a structured document)
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE "
                "table_name = %s AND data_type IN ('json', 'jsonb')",
                [table],
            )
            for (column,) in cursor.fetchall():
                where = condition.format(col="kv.value")
                cursor.execute(
                    f"SELECT 1 FROM {qn(table)} t, jsonb_each_text(CASE WHEN "
                    f"jsonb_typeof(t.{qn(column)}::jsonb) = 'object' THEN "
                    f"t.{qn(column)}::jsonb ELSE '{{}}'::jsonb END) kv "
                    f"WHERE {where} LIMIT 1",
                    params,
                )
                if cursor.fetchone():
                    return True
    return False


# --- are the errors Dutch? -------------------------------------------------------


def _english_defaults() -> list[str]:
    """The fixed start of every English default message of Django's form fields
    and validators ("This field is required", "Enter a valid date", …)."""
    messages: set[str] = set()
    with translation.override("en"):
        for cls in _subclasses(django_forms.Field):
            for klass in reversed(cls.__mro__):
                for message in getattr(klass, "default_error_messages", {}).values():
                    messages.add(str(message))
        for name in dir(validators):
            obj = getattr(validators, name)
            message = getattr(obj, "message", None)
            if message:
                messages.add(str(message))
        from django.db import models

        for cls in _subclasses(models.Field):
            for message in getattr(cls, "default_error_messages", {}).values():
                messages.add(str(message))
    starts = set()
    for message in messages:
        start = re.split(r"%\(|\{", message)[0].strip()
        if len(start) >= 12:
            starts.add(start)
    return sorted(starts)


def _subclasses(cls):
    seen = [cls]
    for sub in cls.__subclasses__():
        seen.extend(_subclasses(sub))
    return seen


ENGLISH_DEFAULTS: list[str] = []
# Words that occur in English messages and are not Dutch words.
ENGLISH_WORDS = re.compile(
    r"\b(the|this|field|please|enter|must|should|required|valid|invalid|value|"
    r"select|choice|ensure|characters|number|allowed|cannot|does not|is not|"
    r"exists|error|failed)\b",
    re.IGNORECASE,
)
ERROR_BLOCK = re.compile(
    r'<(?:span|div|p|li|ul)[^>]*class="[^"]*(?:invalid-feedback|errorlist|'
    r'alert-danger|text-danger)[^"]*"[^>]*>(.*?)</(?:span|div|p|li|ul)>',
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")


def shown_errors(html: str) -> list[str]:
    return [
        " ".join(TAG.sub(" ", block).split())
        for block in ERROR_BLOCK.findall(html)
        if TAG.sub("", block).strip()
    ]


def english_messages(html: str) -> list[str]:
    if not ENGLISH_DEFAULTS:
        ENGLISH_DEFAULTS.extend(_english_defaults())
    found = [m for m in ENGLISH_DEFAULTS if m in html]
    for error in shown_errors(html):
        if ENGLISH_WORDS.search(error):
            found.append(error)
    return found
