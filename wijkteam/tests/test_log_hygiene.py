"""The application logs never contain a password, a session id or a BSN."""

import logging
import re

from django.urls import reverse

import pytest

from wijkteam.constants import Role
from wijkteam.logfilters import RedactFilter

PASSWORD = "geheim-wachtwoord-123"
WRONG = "Fout-wachtwoord-987"
BSN = "123456782"  # passes the elfproef
NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


@pytest.fixture
def user(member, team):
    return member(Role.WIJKTEAMLID, team, username="youssef")


def all_logged(caplog) -> str:
    return (
        "\n".join(
            f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records
        )
        + "\n"
        + caplog.text
    )


def test_login_failed_login_and_requests_leave_no_secrets_in_the_logs(
    client, user, caplog
):
    caplog.set_level(logging.DEBUG)
    client.post(reverse("login"), {"username": "youssef", "password": WRONG})
    client.post(reverse("login"), {"username": "youssef", "password": PASSWORD})
    session_id = client.cookies["sessionid"].value
    client.get(reverse("home"), {"bsn": BSN})
    client.get(reverse("accesslog_list"), {"person": BSN})  # 403 is logged
    client.get("/bestaat-niet/", {"bsn": BSN})  # 404 is logged
    client.post(reverse("logout"))

    logged = all_logged(caplog)
    assert caplog.records, "nothing was logged: the scan would prove nothing"
    assert "Forbidden" in logged or "Not Found" in logged
    assert PASSWORD not in logged
    assert WRONG not in logged
    assert session_id not in logged
    assert not NINE_DIGITS.search(logged), NINE_DIGITS.search(logged)


def test_the_console_handler_redacts_bsn_and_session_ids(settings):
    assert "redact" in settings.LOGGING["handlers"]["console"]["filters"]
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "Not Found: /personen/%s/ sessionid=%s",
        (BSN, "abc123xyz"), None,
    )  # fmt: skip
    assert RedactFilter().filter(record)
    message = record.getMessage()
    assert BSN not in message and "abc123xyz" not in message
    assert "[9 cijfers]" in message
    console = next(
        h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler
    )
    assert any(isinstance(f, RedactFilter) for f in console.filters)
