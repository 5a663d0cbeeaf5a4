"""The whole-run log scan (tests/log_scan.py) finds what it is there to find."""

import logging
import os
import subprocess
import sys
from pathlib import Path

from tests.log_scan import Collector, Secrets, leaks

ROOT = Path(__file__).resolve().parent.parent
BSN = "123456782"
SESSION = "k3v9q0w8e7r6t5y4u3i2o1p0a9s8d7f6"


def _logged(*messages, exc: Exception | None = None) -> list[str]:
    collector = Collector()
    logger = logging.getLogger("wijkteam.test_log_scan")
    logger.addHandler(collector)
    logger.propagate = False  # these leaks are on purpose: not for the run's scan
    try:
        for message in messages:
            logger.warning(message)
        if exc is not None:
            try:
                raise exc
            except type(exc):
                logger.exception("Internal Server Error: /casussen/1/")
    finally:
        logger.removeHandler(collector)
        logger.propagate = True
    return collector.lines


def test_a_bsn_in_exception_text_is_a_leak_but_a_redacted_message_is_not():
    secrets = Secrets(bsns={BSN})
    assert leaks(_logged(f"persoon met BSN {BSN} gezocht"), secrets) == []
    error = ValueError(f"Key (team_id, bsn)=(1, {BSN}) already exists.")
    found = leaks(_logged(exc=error), secrets)
    assert len(found) == 1 and found[0].startswith("BSN: ")
    assert BSN not in found[0]  # the report masks it


def test_a_session_id_and_a_password_are_leaks():
    secrets = Secrets(session_keys={SESSION})
    secrets.add_password("geheim-wachtwoord-123")
    secrets.add_password("demo")  # a word, not searched for
    lines = _logged(
        f"cookie {SESSION} gezien",
        "login met geheim-wachtwoord-123 mislukt",
        "demo_data geladen",
    )
    found = leaks(lines, secrets)
    assert [f.split(":")[0] for f in found] == ["session id", "password"]


def test_the_run_collects_the_secrets_it_makes(request, client, member, team):
    """The plugin is active in this run: a login adds its password and session id,
    and a person's BSN is collected when the person is saved."""
    from django.urls import reverse

    from cases.tests.factories import PersonFactory, valid_bsn
    from wijkteam.constants import Role

    scan = request.config.pluginmanager.get_plugin("log_scan")
    user = member(Role.WIJKTEAMLID, team)
    client.post(
        reverse("login"),
        {"username": user.username, "password": "geheim-wachtwoord-123"},
    )
    assert "geheim-wachtwoord-123" in scan.secrets.passwords
    assert client.cookies["sessionid"].value in scan.secrets.session_keys
    person = PersonFactory(team=team, bsn=valid_bsn(77))
    assert person.bsn in scan.secrets.bsns
    # Every access-log row written is searched too (its address and purpose).
    client.get(reverse("cases:person_detail", args=[person.pk]))
    path = reverse("cases:person_detail", args=[person.pk])
    assert scan.accesslog_rows[-1] == f"accesslog path={path} purpose=inwoner inzien"


def test_a_bsn_in_an_access_log_row_is_a_leak_a_typed_user_name_is_not():
    secrets = Secrets(bsns={BSN})
    rows = [f"accesslog path=/intake/?bsn={BSN} purpose=inwoner zoeken op bsn"]
    assert [f.split(":")[0] for f in leaks(rows, secrets)] == ["BSN"]
    assert (
        leaks(["accesslog path=/accounts/login/ purpose=inlogpoging als x"], secrets)
        == []
    )


def _run_leak_case(*, leak: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "LOG_SCAN_LEAK": "1" if leak else "0"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-q", "-p", "no:randomly",
         "tests/log_scan_cases/leak.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def test_a_leak_in_an_xdist_worker_fails_the_whole_run():
    """Each worker's captured lines reach the controller: the password is set in one
    test and logged in another, possibly on the other worker, and the run fails."""
    clean = _run_leak_case(leak=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "2 passed" in clean.stdout and ": 0 leaks" in clean.stdout

    leaked = _run_leak_case(leak=True)
    assert "2 passed" in leaked.stdout  # every test passed ...
    assert ": 1 leaks" in leaked.stdout and "LEAK password" in leaked.stdout
    assert leaked.returncode == 1  # ... and the run fails on the leak
    assert "lek-wachtwoord-4711" not in leaked.stdout  # masked in the report
