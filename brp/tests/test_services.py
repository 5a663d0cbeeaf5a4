"""brp_lookup and the searches: the 11-proef first, then one access-log row per
query (found, not found, failed), the BSN as the subject and never in a log line."""

from __future__ import annotations

import logging
from datetime import date

from django.test import RequestFactory

import pytest

from brp.services import (
    INVALID_BSN,
    NOT_FOUND,
    Outcome,
    brp_lookup,
    brp_search_by_address,
    brp_search_by_name,
)
from wijkteam.constants import AccessAction, AccessResult, Role
from wijkteam.models import AccessLogEntry


@pytest.fixture
def desk_request(member, team):
    user = member(Role.BALIE, team, username="balie.noord")
    request = RequestFactory().post("/intake/brp/", REMOTE_ADDR="10.1.2.3")
    request.user = user
    request.session = {}
    return request


def rows():
    return list(AccessLogEntry.objects.order_by("id"))


def test_found_writes_one_row_with_the_bsn_as_subject(
    brp_settings, desk_request, team, caplog
):
    caplog.set_level(logging.DEBUG)
    lookup = brp_lookup(request=desk_request, bsn="999993653")
    assert lookup.outcome == Outcome.FOUND
    assert lookup.person.display_name == "Suzanne Moulin"
    [row] = rows()
    assert row.action == AccessAction.BRP_QUERY
    assert (row.object_type, row.object_id) == ("brp.bsn", "999993653")
    assert row.person_id is None
    assert row.purpose == "BRP op BSN: gevonden"
    assert (row.username, row.team, row.result) == (
        "balie.noord",
        team,
        AccessResult.OK,
    )
    assert "999993653" not in caplog.text


def test_not_found_is_a_message_and_a_row(brp_settings, desk_request):
    lookup = brp_lookup(request=desk_request, bsn="111222333")
    assert (lookup.outcome, lookup.message) == (Outcome.NOT_FOUND, NOT_FOUND)
    assert lookup.message == "Niet gevonden in de BRP."
    [row] = rows()
    assert (row.object_id, row.purpose) == ("111222333", "BRP op BSN: niet gevonden")


def test_a_failed_query_is_logged_with_its_reason(brp_settings, desk_request, caplog):
    brp_settings.BRP_API_KEY = "fout"
    lookup = brp_lookup(request=desk_request, bsn="999993653")
    assert lookup.outcome == Outcome.UNAVAILABLE
    assert lookup.message.startswith("De BRP weigert de vraag")
    [row] = rows()
    assert (row.object_id, row.purpose) == (
        "999993653",
        "BRP op BSN: mislukt (http_401)",
    )
    assert "BRP-bevraging mislukt: http_401" in caplog.text
    assert "999993653" not in caplog.text


def test_no_brp_configured_is_unavailable_and_logged(settings, desk_request):
    settings.BRP_URL = ""
    lookup = brp_lookup(request=desk_request, bsn="999993653")
    assert lookup.outcome == Outcome.UNAVAILABLE
    assert "geen BRP-koppeling" in lookup.message
    assert rows()[0].purpose == "BRP op BSN: mislukt (not_configured)"


def test_a_bsn_failing_the_11_proef_is_not_asked(brp_settings, desk_request):
    lookup = brp_lookup(request=desk_request, bsn="123456789")
    assert (lookup.outcome, lookup.message) == (Outcome.INVALID, INVALID_BSN)
    assert rows() == []


def test_the_bsn_is_normalised_first(brp_settings, desk_request):
    assert brp_lookup(request=desk_request, bsn="9999.93.653").outcome == Outcome.FOUND


def test_search_by_name_logs_a_row_per_person_answered(brp_settings, desk_request):
    lookup = brp_search_by_name(
        request=desk_request, surname="Moulin", birth_date=date(1985, 12, 1)
    )
    assert [p.bsn for p in lookup.persons] == ["999993653"]
    [row] = rows()
    assert row.object_id == "999993653"
    assert row.purpose == "BRP op geslachtsnaam en geboortedatum: gevonden"


def test_search_that_finds_nobody_still_writes_a_row(brp_settings, desk_request):
    lookup = brp_search_by_address(
        request=desk_request, postcode="9999ZZ", house_number=1
    )
    assert lookup.outcome == Outcome.NOT_FOUND
    [row] = rows()
    assert (row.object_type, row.object_id) == ("", "")
    assert row.purpose == "BRP op postcode en huisnummer: niet gevonden"


def test_search_by_address_logs_everyone_answered(brp_settings, desk_request):
    lookup = brp_search_by_address(
        request=desk_request, postcode="2511CA", house_number=73
    )
    assert lookup.outcome == Outcome.FOUND
    assert {r.object_id for r in rows()} == {p.bsn for p in lookup.persons}
