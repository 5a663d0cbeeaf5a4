# Fixtures shared by every test folder (tests/ and each app's tests/).
pytest_plugins = ["tests.fixtures"]

# Hashing with PBKDF2 takes about 0.25 s a password on the development machine, and
# most tests make users. The suite hashes with MD5; production settings keep PBKDF2
# (wijkteam/settings.py is not touched, tests/test_settings.py checks it).
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config):
    from django.conf import settings
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm

    settings.PASSWORD_HASHERS = FAST_HASHERS
    get_hashers.cache_clear()
    get_hashers_by_algorithm.cache_clear()

    # The logs of the whole run, every xdist worker's included, are searched for
    # BSNs, passwords and session ids at the end (tests/log_scan.py).
    from tests.log_scan import LogScan

    config.pluginmanager.register(LogScan(), "log_scan")


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`--dist loadgroup`) the browser tests and the tests with a
    live Celery worker run one after another in one worker process: two Chromiums
    and two Celery workers side by side would only fight over the two cores."""
    import pytest

    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("worker"):
            item.add_marker(pytest.mark.xdist_group("live"))
