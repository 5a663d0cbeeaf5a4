"""The client against the local BRP over real HTTP, and against servers that fail:
each failure is one BrpUnavailable with a Dutch message, well within 5 s."""

from __future__ import annotations

import socket
import time
from datetime import date

import pytest

from brp import client as brp
from brp.client import BrpClient, BrpUnavailable
from brp.constants import FIELDS_DESK, FIELDS_HOUSEHOLD


def only(answer):
    [person] = answer.persons
    return person


def test_lookup_by_bsn_parses_name_birth_date_and_address(brp_client):
    person = only(brp.raadpleeg_met_bsn(["999993653"], user="balie", client=brp_client))
    assert person.bsn == "999993653"
    assert person.display_name == "Suzanne Moulin"
    assert person.birth_date == date(1985, 12, 1)
    assert str(person.address) == "Boterdiep 31, 3077AW Rotterdam"
    assert person.notices == []


def test_the_name_follows_naamgebruik_with_voorvoegsel(brp_client):
    # aanduidingNaamgebruik V: the partner's name before her own.
    person = only(brp.raadpleeg_met_bsn(["999971116"], user="balie", client=brp_client))
    assert (person.prefix, person.surname) == ("van", "Kooijmans")
    assert person.display_name == "Carolien Hélène van der Breggen-van Kooijmans"


def test_unknown_bsn_is_an_empty_answer_not_an_error(brp_client):
    answer = brp.raadpleeg_met_bsn(["111222333"], user="balie", client=brp_client)
    assert answer.persons == []


def test_search_by_surname_and_birth_date(brp_client):
    answer = brp.zoek_met_geslachtsnaam_en_geboortedatum(
        "Moulin", date(1985, 12, 1), user="balie", client=brp_client
    )
    [hit] = answer.persons
    assert (hit.bsn, hit.display_name) == ("999993653", "Suzanne Moulin")
    # A search hit has the envelope's lines (adressering), not the verblijfplaats.
    assert str(hit.address) == "Boterdiep 31, 3077 AW  ROTTERDAM"


def test_search_by_address_lists_who_is_registered_there(brp_client):
    answer = brp.zoek_met_postcode_en_huisnummer(
        "2511 ca", 73, user="balie", client=brp_client
    )
    assert "999970124" in {p.bsn for p in answer.persons}


def test_the_household_fields_bring_partners_children_and_gezag(brp_client):
    parent = only(
        brp.raadpleeg_met_bsn(
            ["999970124"], user="lid", fields=FIELDS_HOUSEHOLD, client=brp_client
        )
    )
    assert [c.bsn for c in parent.children] == [
        "999970409",
        "999970161",
        "999970173",
        "999970185",
    ]
    assert [p.bsn for p in parent.partners] == ["999970136"]
    minor = only(
        brp.raadpleeg_met_bsn(
            ["999970045"], user="lid", fields=FIELDS_HOUSEHOLD, client=brp_client
        )
    )
    assert minor.is_minor
    [gezag] = minor.gezag
    assert gezag.label == "Gezamenlijk ouderlijk gezag"
    assert gezag.minor_bsn == "999970045"
    assert [h.bsn for h in gezag.holders] == ["999999126", "999999163"]
    assert [h.name for h in gezag.holders] == ["Manon Maasland", "Manfred Mann"]


def test_the_desk_fields_ask_no_children_or_gezag(brp_client):
    person = only(
        brp.raadpleeg_met_bsn(
            ["999970124"], user="balie", fields=FIELDS_DESK, client=brp_client
        )
    )
    assert person.children == () and person.gezag == () and person.parents == ()


@pytest.mark.parametrize(
    ("bsn", "flag", "notice"),
    [
        ("999970239", "deceased", "Overleden op 1 augustus 2020"),
        ("999970008", "in_onderzoek", "Gegevens in onderzoek"),
        (
            "100600220",
            "geheimhouding",
            "Geheimhouding: gegevens niet aan derden verstrekken",
        ),  # noqa: E501
        ("999970197", "curatele", "Onder curatele"),
        ("999990305", "rni", "Ingeschreven in de RNI (niet-ingezetene)"),
        ("999990305", "abroad", "Woont in het buitenland"),
        ("000009957", "opschorting", "Bijhouding opgeschort (emigratie)"),
    ],
)
def test_each_notice(brp_client, bsn, flag, notice):
    person = only(brp.raadpleeg_met_bsn([bsn], user="balie", client=brp_client))
    assert getattr(person, flag)
    assert notice in person.notices


def test_an_address_abroad_is_shown_with_its_lines(brp_client):
    person = only(brp.raadpleeg_met_bsn(["999990305"], user="balie", client=brp_client))
    assert str(person.address) == "Djordja Rajkovica 28, 21000 Novi Sad, Servië"


def test_headers_carry_key_protocolling_and_user(misbehaving):
    seen = {}

    def capture(handler):
        seen.update({k.lower(): v for k, v in handler.headers.items()})

    url = misbehaving(
        body=b'{"type": "RaadpleegMetBurgerservicenummer", "personen": []}',
        on_request=staticmethod(capture),
    )
    client = BrpClient(
        base_url=url,
        api_key="geheim",
        api_key_header="X-Gateway-Key",
        doelbinding="BRPACT-Wijkteam",
        verwerking="Sociaal domein@Intake",
        oin="00000001234567890000",
    )
    brp.raadpleeg_met_bsn(["999993653"], user="balie.noord", client=client)
    assert seen["x-gateway-key"] == "geheim"
    assert seen["x-doelbinding"] == "BRPACT-Wijkteam"
    assert seen["x-verwerking"] == "Sociaal domein@Intake"
    assert seen["x-origin-oin"] == "00000001234567890000"
    assert seen["x-gebruiker"] == "balie.noord"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fails(url, *, connect=1.0, read=2.0):
    client = BrpClient(base_url=url, connect_timeout=connect, read_timeout=read)
    start = time.monotonic()
    with pytest.raises(BrpUnavailable) as caught:
        brp.raadpleeg_met_bsn(["999993653"], user="balie", client=client)
    return caught.value, time.monotonic() - start


def test_unreachable(misbehaving):
    error, took = _fails(f"http://127.0.0.1:{_free_port()}/haalcentraal/api/brp")
    assert error.reason == "unreachable"
    assert error.message.startswith("De BRP is nu niet bereikbaar.")
    assert took < 5


def test_slow_past_the_read_timeout(misbehaving):
    error, took = _fails(misbehaving(delay=3.0), read=1.5)
    assert error.reason == "timeout"
    assert "niet op tijd" in error.message
    assert took < 2.5


def test_a_trickling_answer_is_cut_off_at_the_deadline(misbehaving):
    error, took = _fails(misbehaving(trickle=True), read=1.5)
    assert error.reason == "timeout"
    assert took < 2.5


def test_server_error(misbehaving):
    error, took = _fails(misbehaving(status=500, body=b"{}"))
    assert error.reason == "http_500"
    assert error.message.startswith("De BRP heeft een storing (fout 500).")
    assert took < 5


def test_refused_request(misbehaving):
    error, _ = _fails(misbehaving(status=400, body=b'{"status": 400}'))
    assert error.reason == "http_400"
    assert error.message.startswith("De BRP weigert de vraag (fout 400).")


def test_a_wrong_api_key_is_refused_by_the_local_brp(brp_base_url):
    error, _ = _fails(brp_base_url)  # no key: 401
    assert error.reason == "http_401"


@pytest.mark.parametrize(
    "body",
    [
        b"{niet json",
        b"[]",
        b'{"personen": ["tekst"]}',
        b'{"personen": [{"geboorte": {"datum": {"type": "Datum", "datum": "x"}}}]}',
        b'{"personen": null}',
    ],
)
def test_malformed_answer(misbehaving, body):
    error, _ = _fails(misbehaving(body=body))
    assert error.reason == "malformed"
    assert error.message.startswith("De BRP gaf een onleesbaar antwoord.")


def test_no_url_configured_is_unavailable_too():
    with pytest.raises(BrpUnavailable) as caught:
        BrpClient(base_url="")
    assert caught.value.reason == "not_configured"


def test_what_fields_left_out_is_empty_not_malformed(brp_client):
    person = only(
        brp.raadpleeg_met_bsn(
            ["999993653"], user="balie", fields=["geboorte.datum"], client=brp_client
        )
    )
    assert (person.bsn, person.display_name) == ("", "")
    assert person.birth_date == date(1985, 12, 1)
