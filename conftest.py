# Fixtures shared by every test folder (tests/ and each app's tests/).
pytest_plugins = ["tests.fixtures"]


def pytest_configure(config):
    # Issue 8: the logs of the whole run are searched for BSNs, passwords and
    # session ids at the end (tests/log_scan.py).
    from tests.log_scan import LogScan

    config.pluginmanager.register(LogScan(), "log_scan")
