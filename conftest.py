# Fixtures shared by every test folder (tests/ and each app's tests/).
pytest_plugins = ["tests.fixtures"]
