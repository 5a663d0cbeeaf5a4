"""Loaded with `-p` before Django's settings: the suite runs with development-shaped
settings (plain http for the live server). Production settings are checked in
tests/test_settings.py in a subprocess with the production variables."""

import os

os.environ.setdefault("DEBUG", "true")
# A queue of this process's own: under pytest-xdist every worker process has its own
# database, so its live Celery worker must not take another process's tasks. Set, not
# defaulted: xdist workers inherit the controller's environment.
os.environ["CELERY_QUEUE"] = f"wijkteam-test-{os.getpid()}"
# Playwright's sync API keeps an event loop in the test thread; the ORM calls made by
# test code in that same thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Two-factor authentication is on everywhere else; tests that are about it switch it
# on (wijkteam/tests/test_two_factor.py), the rest log in with force_login.
os.environ.setdefault("OTP_ENFORCED", "false")
