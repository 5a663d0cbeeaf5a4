"""Loaded with `-p` before Django's settings: the suite runs with development-shaped
settings (plain http for the live server). Production settings are checked in
tests/test_settings.py in a subprocess with the production variables."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("CELERY_QUEUE", f"wijkteam-test-{os.getpid()}")
# Playwright's sync API keeps an event loop in the test thread; the ORM calls made by
# test code in that same thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Two-factor authentication is on everywhere else; tests that are about it switch it
# on (wijkteam/tests/test_two_factor.py), the rest log in with force_login.
os.environ.setdefault("OTP_ENFORCED", "false")
