"""Demo data of this app, called by `manage.py demo_data` (idempotent)."""


def load(context) -> None:
    """Nothing yet."""
