"""Reading one message: every example validates; every refusal says why in Dutch."""

import datetime as dt
from pathlib import Path

import pytest

from iwmo import berichten, codelijsten
from iwmo.tests import builders

EXAMPLES = sorted(builders.EXAMPLES.glob("WMO3*.xml"))
READ = [p for p in EXAMPLES if p.stem != "WMO323"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_validates_against_its_xsd(path):
    root = berichten.parse(path.read_bytes())
    code = path.stem.removeprefix("WMO")
    berichten.validate(code, root)  # raises Geweigerd on any error


@pytest.mark.parametrize("path", READ, ids=lambda p: p.stem)
def test_every_example_the_import_reads_is_read(path):
    bericht = berichten.read(path.read_bytes())
    assert bericht.code == path.stem.removeprefix("WMO")
    assert bericht.identificatie and bericht.afzender and bericht.ontvanger


def test_a_toewijzing_is_read_with_its_header_client_and_products():
    data = builders.toewijzing(
        identificatie="T1",
        dagtekening=dt.date(2025, 1, 6),
        bsn="999900018",
        producten=[
            builders.Product(toewijzingsnummer="7", categorie="02", code="02A03"),
            builders.Product(toewijzingsnummer="8"),
        ],
    )
    bericht = berichten.read(data)
    assert (bericht.code, bericht.afzender, bericht.ontvanger) == (
        "301",
        "0384",
        "42420001",
    )
    assert (bericht.identificatie, bericht.dagtekening) == ("T1", dt.date(2025, 1, 6))
    assert bericht.inhoud["bsn"] == "999900018"
    first, second = bericht.inhoud["producten"]
    assert first["toewijzingsnummer"] == "7"
    assert (first["productcategorie"], first["productcode"]) == ("02", "02A03")
    assert (first["volume"], first["eenheid"], first["frequentie"]) == ("10", "04", "2")
    assert (first["ingangsdatum"], first["einddatum"]) == ("2025-01-06", "2025-12-31")
    assert second["toewijzingsnummer"] == "8"


def test_a_stop_levering_carries_its_reden_beeindiging():
    bericht = berichten.read(builders.stop_levering(identificatie="E1"))
    (product,) = bericht.inhoud["producten"]
    assert product["reden_beeindiging"] == "19"
    assert codelijsten.omschrijving("WMO588", "19") == "Levering volgens plan beeindigd"


def test_a_retour_names_itself_and_the_message_it_answers():
    data = builders.retour(
        "302",
        heen_afzender="0384",
        heen_ontvanger="42420001",
        heen_identificatie="T1",
        heen_dagtekening=dt.date(2025, 1, 6),
        identificatie="R1",
        dagtekening=dt.date(2025, 1, 7),
        retourcodes=["8848"],
    )
    bericht = berichten.read(data)
    assert bericht.is_retour
    assert (bericht.afzender, bericht.identificatie) == ("42420001", "R1")
    assert bericht.retour_van == ("301", "0384", "T1", dt.date(2025, 1, 6))
    assert bericht.inhoud["retourcodes"] == ["8848"]


def test_malformed_xml_names_the_line_and_column():
    data = builders.toewijzing(identificatie="T1").replace(
        b"</wmo301:Bsn>", b"</wmo301:Bsx>"
    )
    line = data[: data.index(b"</wmo301:Bsx>")].count(b"\n") + 1
    with pytest.raises(berichten.Geweigerd) as refused:
        berichten.read(data)
    assert str(refused.value).startswith(f"Geen geldige XML: regel {line}, kolom ")
    assert "sluittag past niet bij de openingstag" in str(refused.value)


def test_an_xsd_failure_names_the_line_element_and_rule():
    data = builders.toewijzing(identificatie="T1", bsn="12345")
    line = data[: data.index(b"<wmo301:Bsn>")].count(b"\n") + 1
    with pytest.raises(berichten.Geweigerd) as refused:
        berichten.read(data)
    text = str(refused.value)
    assert text.startswith("Voldoet niet aan WMO301.xsd: ")
    assert f"regel {line}, element Bericht/Client/Bsn" in text
    assert "[0-9]{9}" in text  # the rule: the BSN's pattern


def test_an_ijw_message_is_refused_as_such():
    with pytest.raises(berichten.Geweigerd) as refused:
        berichten.read(builders.ijw_toewijzing())
    assert str(refused.value) == (
        "Dit is een iJw-bericht; deze import leest alleen iWmo 3.2."
    )


def test_an_unknown_message_type_is_refused_by_name():
    with pytest.raises(berichten.Geweigerd) as refused:
        berichten.read((builders.EXAMPLES / "WMO323.xml").read_bytes())
    assert "Berichttype WMO323 wordt door deze import niet gelezen" in str(
        refused.value
    )


def test_xml_that_is_no_iwmo_message_is_refused():
    with pytest.raises(berichten.Geweigerd) as refused:
        berichten.read(b"<?xml version='1.0'?>\n<factuur/>")
    assert "Geen iWmo 3.2-bericht: het hoofdelement is factuur" in str(refused.value)


def test_a_doctype_is_refused_so_no_entity_is_expanded():
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(berichten.Geweigerd, match="DOCTYPE"):
        berichten.read(data)


def test_schemas_load_from_local_files_only():
    schema = berichten.schema("301")
    assert schema is berichten.schema("301")  # compiled once
    locations = {Path(s.url).name for s in schema.maps.iter_schemas() if s.url}
    assert {"WMO301.xsd", "basisschema.xsd"} <= locations
    assert all(
        s.url.startswith("file://") or s.url.startswith("/")
        for s in schema.maps.iter_schemas()
        if s.url and "XMLSchema" not in s.url and "xml.xsd" not in s.url
    )


def test_the_code_lists_read_as_code_to_words():
    assert codelijsten.omschrijving("WJ001", "0200") == (
        "Geen opmerking over deze berichtklasse"
    )
    assert codelijsten.omschrijving("WMO020", "02") == "Begeleiding"
    assert codelijsten.omschrijving("WJ756", "04") == "Uur"
    assert codelijsten.omschrijving("WMO757", "2") == "Per week"
    assert codelijsten.omschrijving("WJ001", "7777") == "7777 (onbekende code)"
