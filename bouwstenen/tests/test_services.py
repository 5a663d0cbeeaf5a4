"""The write paths: document_create, section_save, version_change_status,
version_start_new (the views' tests cover the happy paths through HTTP)."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from bouwstenen import services
from bouwstenen.models import Answer, Section
from bouwstenen.tests.factories import DocumentFactory


def test_section_save_is_all_or_nothing(document, kwartiermaker, monkeypatch):
    section = Section.objects.get(document_kind="startdocument", number=2)
    calls = {"n": 0}
    original = Answer.objects.update_or_create

    def fail_on_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("schijf vol")
        return original(*args, **kwargs)

    monkeypatch.setattr(Answer.objects, "update_or_create", fail_on_second)
    with pytest.raises(RuntimeError):
        services.section_save(
            document=document,
            section=section,
            answers={"breedte": ("a", []), "diepte-inzet": ("b", [])},
            user=kwartiermaker,
        )
    assert not Answer.objects.exists()


def test_section_save_ignores_choices_of_other_questions(document, kwartiermaker):
    section = Section.objects.get(document_kind="startdocument", number=3)
    services.section_save(
        document=document,
        section=section,
        answers={"model": ("", ["integraal", "schuldhulp"])},
        user=kwartiermaker,
    )
    assert list(Answer.objects.get().choices.values_list("code", flat=True)) == [
        "integraal"
    ]


def test_change_status_locks_the_version_row(document, kwartiermaker):
    version = document.versions.get()
    with CaptureQueriesContext(connection) as queries:
        services.version_change_status(
            version=version, to_status="ter_bespreking", user=kwartiermaker
        )
    assert any("FOR UPDATE" in q["sql"] for q in queries.captured_queries)


def test_only_the_latest_version_changes_status(team, kwartiermaker):
    document = DocumentFactory(team=team, vastgesteld=True)
    services.version_start_new(document=document, user=kwartiermaker)
    old = document.versions.get(number=1)
    old.status = "ter_bespreking"  # pretend a stale page
    with pytest.raises(ValidationError):
        services.version_change_status(
            version=old, to_status="concept", user=kwartiermaker
        )
    old.refresh_from_db()
    assert old.status == "vastgesteld"


def test_unknown_status_is_refused(document, kwartiermaker):
    with pytest.raises(ValidationError):
        services.version_change_status(
            version=document.versions.get(), to_status="archief", user=kwartiermaker
        )
