import datetime as dt

from django.utils import timezone

import pytest

from cases.casework.services import JournalLocked, journal_add, journal_edit
from cases.models import JOURNAL_EDIT_WINDOW, JournalEntry
from cases.tests.factories import CaseFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db


def add(case, by, days_ago=0, note="Huisbezoek gedaan."):
    return journal_add(
        case=case,
        by=by,
        contact_on=timezone.localdate() - dt.timedelta(days=days_ago),
        kind="huisbezoek",
        note=note,
    )


def test_adding_keeps_the_latest_contact_date(team, lid):
    case = CaseFactory(team=team)
    add(case, lid, days_ago=3)
    add(case, lid, days_ago=10)  # entered late, older contact
    case.refresh_from_db()
    assert case.last_contact_on == timezone.localdate() - dt.timedelta(days=3)


def test_author_may_edit_shortly_after(team, lid):
    entry = add(CaseFactory(team=team), lid)
    entry = journal_edit(entry=entry, by=lid, note="Huisbezoek met zus.")
    assert entry.note == "Huisbezoek met zus." and entry.edited_at is not None


def test_others_may_not_edit(team, lid, member):
    entry = add(CaseFactory(team=team), lid)
    with pytest.raises(JournalLocked):
        journal_edit(entry=entry, by=member(Role.TEAMLEIDER, team), note="Anders.")
    assert JournalEntry.objects.get().note == "Huisbezoek gedaan."


def test_after_the_window_the_note_is_final(team, lid):
    entry = add(CaseFactory(team=team), lid)
    JournalEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - JOURNAL_EDIT_WINDOW - dt.timedelta(seconds=1)
    )
    with pytest.raises(JournalLocked):
        journal_edit(entry=entry, by=lid, note="Te laat.")
    correction = journal_add(
        case=entry.case,
        by=lid,
        contact_on=entry.contact_on,
        kind="huisbezoek",
        note="Correctie: de zus was er ook.",
        corrects=entry,
    )
    assert correction.corrects == entry
    assert JournalEntry.objects.get(pk=entry.pk).note == "Huisbezoek gedaan."
