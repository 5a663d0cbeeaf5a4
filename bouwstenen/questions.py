"""The kernvragen as data: migration 0002 loads them once; `ensure_key_questions`
puts them back where a database was emptied without migrating (a `flush`, as
transactional tests do), so demo data and the pages keep their questions."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps as django_apps
from django.db import transaction

from bouwstenen.models import Section


@transaction.atomic
def ensure_key_questions() -> bool:
    """Load the seed questions if there are none. True if they were loaded."""
    if Section.objects.exists():
        return False
    migration = import_module("bouwstenen.migrations.0002_kernvragen")
    migration.load(django_apps, None)
    return True
