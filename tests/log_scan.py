"""The application logs hold no BSN, password or session id — checked over
the captured logs of the *whole* test run, not one scenario.

A pytest plugin (registered in conftest.py). During the run it
- captures every log line as the console handler would write it (the settings'
  format and `RedactFilter`), tracebacks included: a database error that quotes a
  BSN arrives as exception text, which the filter does not touch;
- adds the address (path with query string) and purpose of every access-log row
  written, which outlive the retention that removes the person;
- collects the secrets the run makes: every password that is set or checked (8
  characters or more; the demo password "demo" is a word), every session id saved,
  and every BSN stored on a person.
At the end each captured line is searched for those secrets. A leak fails the run
(exit status 1) and is reported with the secret masked.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import pytest

from wijkteam.logfilters import RedactFilter

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"  # settings.LOGGING "plain"
NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
SESSION_KEY = re.compile(r"(?<![0-9a-z])[0-9a-z]{32}(?![0-9a-z])")
MIN_PASSWORD = 8


@dataclass
class Secrets:
    passwords: set[str] = field(default_factory=set)
    session_keys: set[str] = field(default_factory=set)
    bsns: set[str] = field(default_factory=set)

    def add_password(self, raw) -> None:
        if isinstance(raw, str) and len(raw) >= MIN_PASSWORD:
            self.passwords.add(raw)


class Collector(logging.Handler):
    """Keeps each record as the console handler would write it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter(FORMAT))
        self.redact = RedactFilter()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        copy = logging.makeLogRecord(record.__dict__)  # the others see the original
        self.redact.filter(copy)
        self.lines.append(self.format(copy))


def leaks(lines: list[str], secrets: Secrets) -> list[str]:
    """Each line that holds a secret, with what kind of secret it is."""
    found = []
    for line in lines:
        kinds = []
        if any(b in secrets.bsns for b in NINE_DIGITS.findall(line)):
            kinds.append("BSN")
        if any(k in secrets.session_keys for k in SESSION_KEY.findall(line)):
            kinds.append("session id")
        if any(p in line for p in secrets.passwords):
            kinds.append("password")
        if kinds:
            found.append(f"{', '.join(kinds)}: {mask(line, secrets)[:300]}")
    return found


def mask(line: str, secrets: Secrets) -> str:
    for secret in (*secrets.passwords, *secrets.session_keys, *secrets.bsns):
        line = line.replace(secret, "*" * len(secret))
    return line


class LogScan:
    def __init__(self) -> None:
        self.secrets = Secrets()
        self.collector = Collector()
        self.missing: list[str] = []  # xdist workers that sent no scan
        # Access-log rows are searched for BSNs and session ids; not for passwords:
        # a failed login records the user name typed, and the fuzzer types the same
        # hostile strings as user names and passwords.
        self.accesslog_rows: list[str] = []

    @pytest.hookimpl(trylast=True)
    def pytest_sessionstart(self, session) -> None:
        from django.contrib.auth.base_user import AbstractBaseUser
        from django.contrib.sessions.models import Session
        from django.db.models.signals import post_save

        secrets = self.secrets
        set_password, check_password = (
            AbstractBaseUser.set_password,
            AbstractBaseUser.check_password,
        )

        def set_and_remember(user, raw_password):
            secrets.add_password(raw_password)
            return set_password(user, raw_password)

        def check_and_remember(user, raw_password):
            secrets.add_password(raw_password)
            return check_password(user, raw_password)

        AbstractBaseUser.set_password = set_and_remember
        AbstractBaseUser.check_password = check_and_remember

        def session_saved(sender, instance, **kwargs):
            secrets.session_keys.add(instance.session_key)

        def person_saved(sender, instance, **kwargs):
            if getattr(instance, "bsn", ""):
                secrets.bsns.add(instance.bsn)

        # Every access-log row passes through accesslog._common, whichever function
        # writes it: its address and purpose are searched like a log line (they
        # outlive the retention that removes the person).
        from wijkteam import accesslog

        common = accesslog._common
        rows = self.accesslog_rows

        def common_and_remember(request, **kwargs):
            columns = common(request, **kwargs)
            rows.append(
                f"accesslog path={columns['path']} purpose={columns['purpose']}"
            )
            return columns

        accesslog._common = common_and_remember

        post_save.connect(session_saved, sender=Session, weak=False)
        post_save.connect(person_saved, sender="cases.Person", weak=False)
        logging.getLogger().addHandler(self.collector)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        logging.getLogger().removeHandler(self.collector)
        s = self.secrets
        workeroutput = getattr(session.config, "workeroutput", None)
        if workeroutput is not None:
            # An xdist worker: its lines and secrets go to the controller, which
            # searches all of them (a password set in one worker may be logged in
            # another) and fails the run; a worker's own exit status is not the run's.
            workeroutput["log_scan"] = {
                "lines": self.collector.lines,
                "accesslog_rows": self.accesslog_rows,
                "bsns": sorted(s.bsns),
                "session_keys": sorted(s.session_keys),
                "passwords": sorted(s.passwords),
            }
            return
        without_passwords = Secrets(bsns=s.bsns, session_keys=s.session_keys)
        found = (
            leaks(self.collector.lines, s)
            + leaks(self.accesslog_rows, without_passwords)
            + self.missing
        )
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"log scan: {len(self.collector.lines)} log lines and "
                f"{len(self.accesslog_rows)} access-log rows searched for "
                f"{len(s.bsns)} BSNs, {len(s.session_keys)} session ids and "
                f"{len(s.passwords)} passwords: {len(found)} leaks"
            )
            for line in found[:20]:
                reporter.write_line(f"  LEAK {line}", red=True)
        if found and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node, error) -> None:
        """Controller side of pytest-xdist: take in each worker's lines and secrets."""
        output = getattr(node, "workeroutput", {}).get("log_scan")
        if output is None:
            # A worker that died cannot vouch for its logs: that fails the run too.
            self.missing.append(f"worker {node.gateway.id}: geen logscan ontvangen")
            return
        self.collector.lines += output["lines"]
        self.accesslog_rows += output["accesslog_rows"]
        self.secrets.bsns.update(output["bsns"])
        self.secrets.session_keys.update(output["session_keys"])
        self.secrets.passwords.update(output["passwords"])
