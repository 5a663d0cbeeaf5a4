"""Bad input: every form gets malformed and hostile values, generated from the URLconf.

As a member of the *own* team holding every role (the owner, unlike the cross-team
sweep), the test opens every page, reads its forms (tests/fuzz.py) and posts to every
URL that accepts POST:

- an empty post, an all-hostile post per hostile value (each field a different one),
- per field: one hostile value on top of the otherwise-valid values of the page,
- for upload fields: files of the wrong type, disguised, empty, with hostile names.

Each answer is a redirect/204 (accepted), a 200 page (a form error must be Dutch) or
400/403/404/405 — never 500 or an exception. A refused post (an error shown, or
4xx) changes no table (checksums of every table except logs, sessions and
throttling). Accepted text is stored as sent: not truncated; control characters are
removed on the way in (wijkteam.middleware.StripControlCharactersMiddleware).

A URL that accepts POST but has no form on any page and no entry in FORMLESS fails
the suite: say how it is to be fuzzed.
"""

from __future__ import annotations

import collections
import os
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

import pytest

from bouwstenen.forms import GoalForm
from cases.casework.forms import CaseloadForm
from cases.persons.forms import PersonSearchForm
from tests import fuzz
from tests.sweep import PUBLIC, collect_samples, is_admin, url_for, url_patterns
from wijkteam.constants import Role
from wijkteam.middleware import strip_control_characters
from wijkteam.security_forms import TwoFactorCodeForm
from wijkteam.tests.factories import MembershipFactory

# URLs that accept POST without a form on a page: the fields to fuzz.
FORMLESS: dict[str, list[str]] = {
    # the button appears only for a failed job
    "export_retry": [],
    # a button on the document page, only for a document with a published version
    "bouwstenen:version_new": [],
    # the forms show only for a startdocument with goals
    "bouwstenen:development_plan": ["form", *GoalForm.base_fields, "goal"],
    # the page's form previews with GET; the POST form shows with a valid preview
    "cases:caseload_transfer": list(CaseloadForm.base_fields),
    # the team switcher shows only for a member of several teams
    "team_switch": ["team"],
    # the member page shows these forms for others than oneself (the fuzzer is the
    # sample member of its own team)
    "membership_role": ["role"],
    "membership_end": [],
    "member_deactivate": [],
    "member_reset_link": [],
    # the form shows only with a confirmed device
    "two_factor_verify": list(TwoFactorCodeForm.base_fields),
    # the desk's search posts from an htmx region inside the register form
    "cases:person_search": [*PersonSearchForm.base_fields, "person_choice", "voor"],
}
# Not fuzzed here: logging out ends the fuzzer's session (login: its own test below).
NOT_FUZZED = {"logout"}

ACCEPTED = {301, 302, 303, 204}
REFUSED = {400, 403, 404, 405}

HOSTILE_FILES = [
    ("foto.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # an image named .csv
    ("cijfers.csv", b"PK\x03\x04" + b"\x00" * 64),  # a spreadsheet named .csv
    ("cijfers.xlsx", b"Codering_3;Aantal inwoners\nGM0599;1\n"),
    ("../../etc/passwd.csv", b"root:x:0:0:root:/root:/bin/bash\n"),
    ("leeg.csv", b""),
    ("grenzen.geojson", b'{"type": "FeatureCollection", "features": [{"id": 1}]}'),
    ("grenzen.json", b"{" * 5000),
    ("<script>.csv", b"Codering_3;Aantal inwoners\n<script>;1\n"),
    ("cijfers.csv", b"Codering_3;Aantal inwoners\nGM0599;\x00\n"),
    ("cijfers.csv", b"\xff\xfe\x00G\x00M"),  # UTF-16
]


@pytest.fixture
def fuzzer(team, member):
    user = member(Role.TEAMLEIDER, team)
    for role in Role.values:
        if role != Role.TEAMLEIDER:
            MembershipFactory(user=user, team=team, role=role)
    return user


class Fuzzer:
    def __init__(self, client, user):
        self.client = client
        self.user = user
        self.tables = fuzz.watched_tables()
        self.failures: list[str] = []
        self.posts = 0
        self.statuses: dict[str, list[int]] = {}
        self.fingerprint_seconds = 0.0

    def fail(self, label: str, message: str) -> None:
        self.failures.append(f"{label}: {message}")

    def send(self, method: str, url: str, data: dict, label: str) -> None:
        self.posts += 1
        t0 = time.monotonic()
        before = fuzz.database_fingerprint(self.tables)
        self.fingerprint_seconds += time.monotonic() - t0
        try:
            with transaction.atomic():
                response = getattr(self.client, method)(url, data)
        except Exception as exc:  # noqa: BLE001 - every crash is a finding
            self.fail(label, f"{type(exc).__name__}: {str(exc)[:200]}")
            return
        changed = fuzz.changed_tables(before, fuzz.database_fingerprint(self.tables))
        status = response.status_code
        self.statuses.setdefault(label.split(" ")[1], []).append(status)
        if status >= 500:
            self.fail(label, f"status {status}")
            return
        if status in ACCEPTED:
            if response.get("Location", "").startswith(reverse("login")):
                self.fail(label, "sent to the login page (session lost)")
                self.client.force_login(self.user)
            if method == "post":
                self.check_stored(label, data, changed)
            return
        if status in REFUSED:
            if os.environ.get("FUZZ_DEBUG") and label.endswith(" geldig"):
                print(label, status, fuzz.shown_errors(response.content.decode()))
            if changed:
                self.fail(label, f"refused ({status}) but changed {changed}")
            return
        if status != 200:
            self.fail(label, f"unexpected status {status}")
            return
        html = response.content.decode()
        if os.environ.get("FUZZ_DEBUG") and label.endswith(" geldig"):  # noqa: SIM102
            print(label, fuzz.shown_errors(html))
        english = fuzz.english_messages(html)
        if english:
            self.fail(label, f"English message(s): {english[:3]}")
        errors = fuzz.shown_errors(html)
        if errors and changed:
            self.fail(label, f"error shown ({errors[0][:80]}) but changed {changed}")
        elif changed and method == "post":
            self.check_stored(label, data, changed)

    def check_stored(self, label: str, data: dict, changed: list[str]) -> None:
        """Text that was accepted is stored whole (control characters removed)."""
        if not changed:
            return
        for value in data.values():
            if not isinstance(value, str) or value not in (
                fuzz.OVERLONG,
                fuzz.CONTROL + fuzz.HTML_JS + fuzz.SQL,
                fuzz.HTML_JS + fuzz.SQL,
            ):
                continue
            expected = strip_control_characters(value)
            if fuzz.text_stored(changed, expected):
                continue
            if expected != value and fuzz.text_stored(changed, value):
                self.fail(label, "control characters stored")
            elif fuzz.text_stored_prefix(
                changed, expected[:30]
            ) or fuzz.text_stored_prefix(changed, value[:30]):
                self.fail(label, f"stored {fuzz.describe(value)} changed/truncated")


def discover(client, samples):
    """(URL name -> (path, [post forms])), [(path, get form)] from every page."""
    targets: dict[str, tuple[str, list[fuzz.Form]]] = {}
    get_forms: list[tuple[str, fuzz.Form]] = []
    for name, pattern in url_patterns():
        if name in PUBLIC or is_admin(name):
            continue  # the admin: Django's own forms, for superusers only
        path = url_for(name, pattern, samples)
        targets.setdefault(name, (path, []))
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        for form in fuzz.parse_forms(response.content.decode()):
            found = fuzz.url_name_of(form.action, path)
            if found is None:
                continue
            target, target_path = found
            if form.method == "get":
                get_forms.append((target_path, form))
            elif target not in NOT_FUZZED:
                targets[target] = (target_path, targets.get(target, ("", []))[1])
                targets[target][1].append(form)
    return targets, get_forms


def post_cases(form: fuzz.Form | None, names: list[str], sample_data: dict):
    """(label, data) of the posts for one form."""
    baseline = dict(form.baseline()) if form else {}
    options = {f.name: f.options for f in form.fields if f.options} if form else {}
    for key, value in sample_data.items():  # made to be valid: they win
        if form is None or (key in names and _fits(value, options.get(key))):
            baseline[key] = value
    uploads = [f.name for f in form.fields if f.kind == "file"] if form else []
    yield "leeg", {}
    for k, value in enumerate(fuzz.HOSTILE):
        data = {
            name: fuzz.HOSTILE[(i + k) % len(fuzz.HOSTILE)]
            for i, name in enumerate(names)
        }
        for upload in uploads:
            data[upload] = _file(k)
        yield f"alles vijandig #{k} ({fuzz.describe(value)})", data
    for name in names:
        for value in fuzz.PER_FIELD:
            data = dict(baseline)
            data[name] = value
            for upload in uploads:
                data[upload] = _file(0)
            yield f"{name}={fuzz.describe(value)}", data
    for upload in uploads:
        for k in range(len(HOSTILE_FILES)):
            data = dict(baseline)
            data[upload] = _file(k)
            yield f"{upload}={HOSTILE_FILES[k][0]!r}", data
    if not uploads:
        yield "geldig", baseline


def _fits(value, options: list[str] | None) -> bool:
    values = value if isinstance(value, list) else [value]
    return options is None or all(str(v) in options for v in values)


def _file(k: int) -> SimpleUploadedFile:
    name, content = HOSTILE_FILES[k % len(HOSTILE_FILES)]
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.mark.django_db
def test_every_form_answers_hostile_input_without_crashing_or_half_storing(
    client, team, fuzzer
):
    started = time.monotonic()
    samples = collect_samples(team, fuzzer)
    client.force_login(fuzzer)
    targets, get_forms = discover(client, samples)
    discovered = time.monotonic()
    run = Fuzzer(client, fuzzer)
    unfuzzable = []
    fuzzed = []
    for name, (path, forms) in sorted(targets.items()):
        if name in NOT_FUZZED:
            continue
        client.force_login(fuzzer)
        sample_data = samples[name].post_data if name in samples else {}
        if not forms:
            probe = client.post(path, {})
            if probe.status_code == 405:
                continue  # GET only
            if name not in FORMLESS:
                unfuzzable.append(name)
                continue
            forms_or_none = [None]
            names_of = {None: FORMLESS[name]}
        else:
            forms_or_none = forms[:1]  # the same form on several pages: once
            names_of = {id(f): f.names() for f in forms}
        fuzzed.append(name)
        for form in forms_or_none:
            names = names_of[id(form)] if form else names_of[None]
            names = [n for n in names if not (form and _is_file(form, n))]
            for label, data in post_cases(form, names, sample_data):
                run.send("post", path, data, f"POST {name} {label}")
    for path, form in get_forms:
        names = form.names()
        for k in range(len(fuzz.HOSTILE)):
            data = {
                n: fuzz.HOSTILE[(i + k) % len(fuzz.HOSTILE)]
                for i, n in enumerate(names)
            }
            run.send("get", path, data, f"GET {path} #{k}")
    if os.environ.get("FUZZ_DEBUG"):  # which answers each URL gave
        for key, answers in run.statuses.items():
            print(key, dict(collections.Counter(answers)))
    now = time.monotonic()
    print(
        f"fuzz: {len(fuzzed)} POST-URLs, {len(get_forms)} GET-forms, {run.posts} "
        f"requests; pages {discovered - started:.1f} s, posts {now - discovered:.1f} s "
        f"(checksums {run.fingerprint_seconds * 2:.1f} s)"
    )
    assert not run.failures, f"{len(run.failures)} findings:\n" + "\n".join(
        run.failures[:80]
    )
    assert not unfuzzable, (
        "These URLs accept POST but no page has a form for them: add them to "
        f"FORMLESS in tests/test_fuzz_forms.py with their fields: {unfuzzable}"
    )
    assert len(fuzzed) >= 10, fuzzed


def _is_file(form: fuzz.Form, name: str) -> bool:
    return any(f.name == name and f.kind == "file" for f in form.fields)


@pytest.mark.django_db
def test_login_answers_hostile_input_without_crashing(client):
    """Not logged in: the login form gets the hostile values as username and
    password (a few at a time: the throttle locks after five failures)."""
    url = reverse("login")
    html = client.get(url).content.decode()
    (form,) = [f for f in fuzz.parse_forms(html) if f.method == "post"]
    names = form.names()
    assert {"username", "password"} <= set(names)
    for k, value in enumerate(fuzz.HOSTILE):
        response = client.post(url, {"username": value, "password": value})
        assert response.status_code in (200, 403, 429), (k, response.status_code)
        assert not fuzz.english_messages(response.content.decode()), k


# --- the checks themselves can fail ------------------------------------------------


def test_english_messages_are_caught():
    english = '<span class="invalid-feedback"><strong>This field is required.</strong>'
    custom = '<div class="invalid-feedback">Please pick a team</div>'
    dutch = '<span class="invalid-feedback"><strong>Dit veld is verplicht.</strong>'
    assert fuzz.english_messages(english)
    assert fuzz.english_messages(custom)
    assert not fuzz.english_messages(dutch)
    assert any("Enter a valid date" in m for m in fuzz.ENGLISH_DEFAULTS)


@pytest.mark.django_db
def test_the_fingerprint_sees_a_stored_row(team):
    tables = fuzz.watched_tables()
    before = fuzz.database_fingerprint(tables)
    team.name = "Anders"
    team.save()
    changed = fuzz.changed_tables(before, fuzz.database_fingerprint(tables))
    assert changed == ["wijkteam_team"]
    assert fuzz.text_stored(changed, "Anders")
    assert fuzz.text_stored_prefix(changed, "And")
    assert not fuzz.text_stored(changed, "Andersom")


def test_a_page_s_forms_are_read_as_a_browser_sends_them():
    html = """<form method="post" action="/x/"><input name="csrfmiddlewaretoken"
      value="t"><input name="naam" value="Jan"><input name="leeg" placeholder=
      "dd-mm-jjjj"><select name="soort"><option value="">--</option><option
      value="a">A</option></select><textarea name="tekst">
regel</textarea><input type="radio" name="r" value="1"><input type="radio"
      name="r" value="2" checked><input type="checkbox" name="c" value="j">
      <button name="opslaan" value="ja">Opslaan</button></form>
      <form method="get"><input name="q"></form>"""
    post, get = fuzz.parse_forms(html)
    assert (post.method, post.action, get.method) == ("post", "/x/", "get")
    assert post.names() == ["naam", "leeg", "soort", "tekst", "r", "c", "opslaan"]
    assert post.baseline() == {
        "naam": "Jan",
        "leeg": "01-01-2030",
        "soort": "a",
        "tekst": "regel",
        "r": "2",
        "opslaan": "ja",
    }
