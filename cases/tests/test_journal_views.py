import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.models import JournalEntry
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db
DATA = {
    "contact_on": "20-11-2026",
    "kind": "huisbezoek",
    "initiated_by": "wijkteam",
    "present": "Moeder en zoon",
    "note": "Thuis gesproken over school.",
}


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid)


def add_url(case):
    return reverse("cases:journal_add", kwargs={"pk": case.pk})


def edit_url(entry):
    return reverse(
        "cases:journal_edit", kwargs={"pk": entry.case_id, "entry_pk": entry.pk}
    )


def test_anonymous_goes_to_login(client, case):
    assert client.post(add_url(case), DATA)["Location"].startswith(reverse("login"))
    assert not JournalEntry.objects.exists()


def test_get_on_add_is_405(login, lid, case):
    assert login(lid).get(add_url(case)).status_code == 405


def test_other_team_is_404(login, outsider, case):
    assert login(outsider).post(add_url(case), DATA).status_code == 404


def test_balie_is_403(login, balie, case):
    assert login(balie).post(add_url(case), DATA).status_code == 403
    assert not JournalEntry.objects.exists()


def test_add_entry_appears_on_the_casus(login, lid, case):
    client = login(lid)
    response = client.post(add_url(case), DATA)
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert entry.author == lid and entry.contact_on == dt.date(2026, 11, 20)
    body = client.get(response["Location"]).content.decode()
    assert "Thuis gesproken over school." in body
    assert edit_url(entry) in body


def test_bad_input_is_400_and_nothing_saved(login, lid, case):
    response = login(lid).post(add_url(case), {**DATA, "note": "", "kind": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Schrijf een notitie." in body and "Kies de soort contact." in body
    assert not JournalEntry.objects.exists()


def test_author_edits_within_the_window(login, lid, case):
    entry = JournalEntry.objects.create(
        case=case, kind="telefoon", note="Gebeld.", author=lid
    )
    client = login(lid)
    assert client.get(edit_url(entry)).status_code == 200
    client.post(edit_url(entry), {**DATA, "note": "Gebeld met moeder."})
    entry.refresh_from_db()
    assert entry.note == "Gebeld met moeder."


def test_after_the_window_or_for_others_it_is_final(login, lid, leader, case):
    entry = JournalEntry.objects.create(
        case=case, kind="telefoon", note="Gebeld.", author=lid
    )
    response = login(leader).post(edit_url(entry), {**DATA, "note": "Anders."})
    assert response.status_code == 302
    JournalEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=2)
    )
    login(lid).post(edit_url(entry), {**DATA, "note": "Te laat."})
    entry.refresh_from_db()
    assert entry.note == "Gebeld."


def test_entry_of_another_casus_is_404(login, lid, team, case):
    other_case = CaseFactory(team=team)
    entry = JournalEntry.objects.create(
        case=other_case, kind="telefoon", note="Gebeld.", author=lid
    )
    wrong = reverse("cases:journal_edit", kwargs={"pk": case.pk, "entry_pk": entry.pk})
    assert login(lid).get(wrong).status_code == 404
