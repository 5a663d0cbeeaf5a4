"""The import service: stored once, retours mark what they answer, refusals go on."""

import datetime as dt
import shutil

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

import pytest

from iwmo import services, tasks
from iwmo.constants import ImportStatus, Richting, Uitkomst, Via
from iwmo.models import Bericht, BerichtImport
from iwmo.tests import builders
from iwmo.tests.factories import BerichtFactory

pytestmark = pytest.mark.django_db

HEEN = ["WMO301.xml", "WMO305.xml", "WMO307.xml", "WMO315.xml"]


def _files(*pairs):
    return [services.Bestand(name, data) for name, data in pairs]


def _examples(names=HEEN):
    return _files(*[(n, (builders.EXAMPLES / n).read_bytes()) for n in names])


def _outcomes(run):
    return {e["bestand"]: (e["uitkomst"], e["melding"]) for e in run.report}


def test_every_example_message_is_stored_with_its_header(team):
    run = services.import_files(bestanden=_examples(), via=Via.COMMANDO)
    assert (run.status, run.stored, run.duplicates, run.refused) == (
        ImportStatus.DONE, 4, 0, 0,
    )  # fmt: skip
    toewijzing = Bericht.objects.get(code="301")
    assert (toewijzing.afzender, toewijzing.ontvanger) == ("0384", "42420001")
    assert toewijzing.identificatie == "123456789012"
    assert toewijzing.dagtekening == dt.date(2023, 8, 13)
    assert toewijzing.bsn == "999900006"
    assert toewijzing.inhoud["producten"][0]["productcode"] == "01A01"
    assert toewijzing.xml.startswith("<?xml")
    assert len(toewijzing.sha256) == 64
    assert toewijzing.berichtimport == run


def test_a_reimport_stores_nothing_new_and_says_al_ontvangen():
    services.import_files(bestanden=_examples(), via=Via.COMMANDO)
    again = services.import_files(bestanden=_examples(), via=Via.COMMANDO)
    assert (again.stored, again.duplicates, again.refused) == (0, 4, 0)
    assert Bericht.objects.count() == 4
    for uitkomst, melding in _outcomes(again).values():
        assert uitkomst == Uitkomst.AL_ONTVANGEN
        assert melding.startswith("Al ontvangen op ")


def test_the_same_message_in_other_bytes_is_also_al_ontvangen():
    """Idempotent by header, not only by file hash: re-indented, the same message."""
    data = builders.toewijzing(identificatie="T1")
    services.import_files(bestanden=_files(("a.xml", data)), via=Via.COMMANDO)
    run = services.import_files(
        bestanden=_files(("b.xml", data.replace(b"\t", b"  "))), via=Via.COMMANDO
    )
    assert (run.stored, run.duplicates) == (0, 1)
    assert Bericht.objects.count() == 1


def test_twice_in_one_batch_is_stored_once():
    data = builders.toewijzing(identificatie="T1")
    run = services.import_files(
        bestanden=_files(("a.xml", data), ("kopie/a.xml", data)), via=Via.COMMANDO
    )
    assert (run.stored, run.duplicates) == (1, 1)


def test_a_bad_file_is_refused_and_the_batch_goes_on():
    good = builders.toewijzing(identificatie="T1")
    run = services.import_files(
        bestanden=_files(
            ("kapot.xml", b"<wmo301:Bericht"),
            ("ijw.xml", builders.ijw_toewijzing()),
            ("bsn.xml", builders.toewijzing(identificatie="T2", bsn="1")),
            ("goed.xml", good),
        ),
        via=Via.COMMANDO,
    )
    assert (run.stored, run.refused) == (1, 3)
    outcomes = _outcomes(run)
    assert outcomes["goed.xml"][0] == Uitkomst.OPGESLAGEN
    assert outcomes["kapot.xml"][1].startswith("Geweigerd: Geen geldige XML: regel 1")
    assert "iJw-bericht" in outcomes["ijw.xml"][1]
    assert "WMO301.xsd: regel 19, element Bericht/Client/Bsn" in outcomes["bsn.xml"][1]
    assert Bericht.objects.get().identificatie == "T1"


def _retour_on(sent, *, codes, identificatie="R1"):
    return builders.retour(
        "302",
        heen_afzender=sent.afzender,
        heen_ontvanger=sent.ontvanger,
        heen_identificatie=sent.identificatie,
        heen_dagtekening=sent.dagtekening,
        identificatie=identificatie,
        dagtekening=dt.date(2025, 1, 7),
        retourcodes=codes,
    )


def test_a_retour_accepts_a_toewijzing_we_sent():
    sent = BerichtFactory()
    run = services.import_files(
        bestanden=_files(("302.xml", _retour_on(sent, codes=["0200"]))),
        via=Via.COMMANDO,
    )
    assert run.stored == 1
    retour = Bericht.objects.get(code="302")
    assert retour.retour_van == sent
    assert retour.is_accepted is True
    assert sent.retour_status() == "goedgekeurd"
    (entry,) = run.report
    assert entry["melding"] == (
        f"Opgeslagen: {sent} is goedgekeurd "
        "(0200: Geen opmerking over deze berichtklasse)."
    )


def test_a_retour_rejects_with_the_retourcodes_in_words():
    sent = BerichtFactory()
    services.import_files(
        bestanden=_files(("302.xml", _retour_on(sent, codes=["8848", "9056"]))),
        via=Via.COMMANDO,
    )
    retour = Bericht.objects.get(code="302")
    assert retour.is_accepted is False
    assert retour.retourcodes_in_words == [
        "8848: Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen",
        "9056: Identificatie moet uniek zijn",
    ]
    assert sent.retour_status() == "afgekeurd"


def test_a_retour_for_an_unknown_message_is_refused():
    unknown = BerichtFactory.build(identificatie="ONBEKEND")
    run = services.import_files(
        bestanden=_files(("302.xml", _retour_on(unknown, codes=["0200"]))),
        via=Via.COMMANDO,
    )
    assert run.refused == 1
    assert run.report[0]["melding"] == (
        "Geweigerd: dit retourbericht WMO302 hoort bij WMO301 ONBEKEND van "
        "06-01-2025 van afzender 0384, en dat bericht is hier niet bekend."
    )
    assert not Bericht.objects.exists()


def test_a_heenbericht_and_its_retour_in_one_zip_find_each_other():
    data = builders.start_levering(identificatie="S1")
    retour = builders.retour(
        "306",
        heen_afzender=builders.AANBIEDER,
        heen_ontvanger=builders.GEMEENTE,
        heen_identificatie="S1",
        heen_dagtekening=dt.date(2025, 1, 14),
        identificatie="R306",
        dagtekening=dt.date(2025, 1, 15),
    )
    # The retour first in the zip: retours are stored after the messages.
    zipped = services.pack(_files(("306.xml", retour), ("305.xml", data)))
    run = services.import_files(bestanden=_files(("box.zip", zipped)), via=Via.COMMANDO)
    assert (run.stored, run.refused) == (2, 0)
    assert Bericht.objects.get(code="306").retour_van.identificatie == "S1"


def test_a_broken_zip_is_refused_by_name():
    run = services.import_files(
        bestanden=_files(("box.zip", b"PK\x03\x04 kapot")), via=Via.COMMANDO
    )
    assert run.refused == 1
    assert run.report[0]["bestand"] == "box.zip"
    assert run.report[0]["melding"].startswith("Geen leesbaar zip-bestand")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE iwmo_bericht SET bsn = '000000000'",
        "DELETE FROM iwmo_bericht",
        "TRUNCATE iwmo_bericht CASCADE",
    ],
)
def test_stored_messages_are_append_only_in_the_database(sql):
    BerichtFactory()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # The test's transaction holds the row's deferred foreign-key checks,
        # which TRUNCATE would otherwise refuse first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)
    assert Bericht.objects.get().bsn == builders.BSN


def test_a_queued_run_is_imported_once(django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr("iwmo.tasks.run_import.delay", sent.append)
    files = _files(("a.xml", builders.toewijzing(identificatie="T1")))
    with django_capture_on_commit_callbacks(execute=True):
        run = services.import_enqueue(bestanden=files, user=None)
    assert sent == [run.pk]
    assert (run.status, run.total) == (ImportStatus.QUEUED, 1)
    assert services.import_queued(berichtimport_id=run.pk) is True
    assert services.import_queued(berichtimport_id=run.pk) is False  # claimed once
    run.refresh_from_db()
    assert (run.status, run.stored, run.processed) == (ImportStatus.DONE, 1, 1)
    assert run.payload is None
    assert run.report[0]["bestand"] == "a.xml"


def test_the_command_imports_a_folder(tmp_path, capsys):

    box = tmp_path / "berichtenbox"
    (box / "2025").mkdir(parents=True)
    for name in HEEN:
        shutil.copy(builders.EXAMPLES / name, box / "2025" / name)
    (box / "2025" / "kapot.xml").write_bytes(b"<x>")
    call_command("import_iwmo", str(box))
    out, err = capsys.readouterr()
    assert "5 bestand(en), 4 opgeslagen, 0 al ontvangen, 1 geweigerd" in out
    assert "kapot.xml: Geweigerd: Geen geldige XML: regel 1" in err
    call_command("import_iwmo", str(box))
    assert "0 opgeslagen, 4 al ontvangen, 1 geweigerd" in capsys.readouterr().out
    assert BerichtImport.objects.count() == 2


def test_the_task_runs_a_queued_run_and_a_second_delivery_does_nothing(monkeypatch):
    monkeypatch.setattr("iwmo.tasks.run_import.delay", lambda pk: None)
    files = _files(("a.xml", builders.toewijzing(identificatie="T1")))
    run = services.import_enqueue(bestanden=files, user=None)
    assert tasks.run_import.apply(args=[run.pk]).get() is True
    assert tasks.run_import.apply(args=[run.pk]).get() is False
    run.refresh_from_db()
    assert (run.status, run.stored) == (ImportStatus.DONE, 1)


def test_an_imported_301_is_the_gemeentes_own_and_its_302_marks_it():
    """A 301 always goes gemeente -> aanbieder: in the import it is one we sent."""
    data = builders.toewijzing(identificatie="T1")
    services.import_files(bestanden=_files(("301.xml", data)), via=Via.COMMANDO)
    sent = Bericht.objects.get(code="301")
    assert sent.richting == Richting.VERZONDEN
    services.import_files(
        bestanden=_files(("302.xml", _retour_on(sent, codes=["8848"]))),
        via=Via.COMMANDO,
    )
    assert sent.retour_status() == "afgekeurd"
    assert Bericht.objects.get(code="302").richting == Richting.ONTVANGEN
    assert Bericht.objects.get(code="302").retour_van == sent


def test_a_retour_before_its_message_in_a_big_batch_waits_for_it(monkeypatch):
    """Chunks are written in turn; a retour whose message comes in a later chunk
    is tried again at the end of the batch instead of being refused."""
    monkeypatch.setattr(services, "CHUNK", 2)
    data = builders.start_levering(identificatie="S1")
    retour = builders.retour(
        "306",
        heen_afzender=builders.AANBIEDER,
        heen_ontvanger=builders.GEMEENTE,
        heen_identificatie="S1",
        heen_dagtekening=dt.date(2025, 1, 14),
        identificatie="R306",
        dagtekening=dt.date(2025, 1, 15),
    )
    orphan = _retour_on(BerichtFactory.build(identificatie="WEES"), codes=["0200"])
    run = services.import_files(
        bestanden=_files(
            ("1-306.xml", retour),
            ("2-wees.xml", orphan),
            ("3-leeg.xml", b""),
            ("4-305.xml", data),
        ),
        via=Via.COMMANDO,
    )
    assert (run.stored, run.refused, run.processed) == (2, 2, 4)
    assert [e["bestand"] for e in run.report] == [
        "1-306.xml", "2-wees.xml", "3-leeg.xml", "4-305.xml",
    ]  # fmt: skip
    assert run.report[0]["uitkomst"] == Uitkomst.OPGESLAGEN
    assert "niet bekend" in run.report[1]["melding"]
    assert Bericht.objects.get(code="306").retour_van.identificatie == "S1"
