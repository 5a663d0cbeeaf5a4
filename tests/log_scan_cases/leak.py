"""Run by tests/test_log_scan.py in a pytest of its own, under pytest-xdist: with
LOG_SCAN_LEAK=1 one of these tests writes a password it set into a log line. Not
collected by the suite itself (the name does not match test_*.py)."""

import logging
import os

from wijkteam.models import User

PASSWORD = "lek-wachtwoord-4711"


def test_sets_a_password():
    User(username="lek").set_password(PASSWORD)


def test_logs_a_line():
    secret = PASSWORD if os.environ.get("LOG_SCAN_LEAK") == "1" else "niets geheims"
    logging.getLogger("wijkteam.log_scan_case").warning("inloggen met %s", secret)
