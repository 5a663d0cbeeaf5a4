"""The iWmo import: files in, messages stored once, every refusal said in Dutch.

Ways in: `import_files` (the command, small uploads: in this process) and
`import_enqueue` + `import_queued` (large uploads: a Celery worker). Both end in
`_process`, which works in chunks so that 10,000 messages stay fast:

1. hash every file; one query per chunk finds the hashes already stored, and those
   files are "al ontvangen" without being parsed or validated (a re-import costs a
   hash and a lookup per file);
2. parse, recognise and validate the rest (berichten.read; schemas are cached);
3. one query per chunk finds headers already stored (the same message in another
   file: also "al ontvangen");
4. the new messages are written with one INSERT per chunk in a savepoint. Each row
   stands alone: if the chunk fails (another import stored one of them a moment
   ago), it is written again message by message, each in its own transaction, so
   one message never takes another with it;
5. retours last, so a 301 and its 302 in the same chunk find each other; a retour
   whose message is in a later chunk waits for the end of the batch.

A refused file never stops the batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

# tasks imports this module too; both only use each other's attributes at call time.
from iwmo import berichten, tasks
from iwmo.constants import SENT_BY_GEMEENTE, ImportStatus, Richting, Uitkomst, Via
from iwmo.models import Bericht, BerichtImport

logger = logging.getLogger(__name__)

CHUNK = 500
# A zip from a message box holds thousands of small files, not millions.
MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024
TWICE = "Hetzelfde {} staat twee keer in deze import; één keer opgeslagen."


@dataclass
class Bestand:
    """One file to import: its name as the user knows it, and its bytes."""

    name: str
    data: bytes | None
    # Set when the file could not even be read (a broken zip): refused as such.
    fout: str = ""


# --- files in ----------------------------------------------------------------------


def from_zip(data: bytes, name: str) -> Iterator[Bestand]:
    """The files inside a zip, named "archief.zip/map/WMO301.xml"."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        yield Bestand(name, None, f"Geen leesbaar zip-bestand ({exc}).")
        return
    members = [m for m in members if not m.filename.startswith("__MACOSX/")]
    total = sum(m.file_size for m in members)
    if len(members) > MAX_ZIP_MEMBERS or total > MAX_ZIP_TOTAL_BYTES:
        yield Bestand(
            name,
            None,
            f"Het zip-bestand is te groot: hoogstens {MAX_ZIP_MEMBERS} bestanden en "
            f"{MAX_ZIP_TOTAL_BYTES // (1024 * 1024)} MB uitgepakt.",
        )
        return
    for member in members:
        inner = f"{name}/{member.filename}"
        if member.file_size > berichten.MAX_MESSAGE_BYTES:
            yield Bestand(inner, None, "Het bestand is te groot voor één iWmo-bericht.")
            continue
        try:
            content = archive.read(member)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            yield Bestand(inner, None, f"Niet uit te pakken ({exc}).")
            continue
        if is_zip(content):
            yield Bestand(inner, None, "Een zip in een zip wordt niet gelezen.")
            continue
        yield Bestand(inner, content)


def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def expand(bestanden: Iterable[Bestand]) -> Iterator[Bestand]:
    """Zips opened, other files as they are."""
    for bestand in bestanden:
        if bestand.data is not None and is_zip(bestand.data):
            yield from from_zip(bestand.data, bestand.name)
        else:
            yield bestand


def from_paths(paths: Iterable[str | Path]) -> Iterator[Bestand]:
    """Files, folders (every file below, sorted, hidden ones left out) and zips, as
    a gemeente's message box drops them."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.parts)
            )
        else:
            files = [path]
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                yield Bestand(str(file), None, f"Niet te lezen ({exc.strerror}).")
                continue
            yield from expand([Bestand(str(file), data)])


def _unpack(payload: bytes) -> Iterator[Bestand]:
    """The uploads `pack` put on a run, as uploaded (a zip among them stays a zip)."""
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        for member in archive.infolist():
            yield Bestand(member.filename, archive.read(member))


def pack(bestanden: Iterable[Bestand]) -> bytes:
    """Uploaded files as one zip, kept on the import run until the worker reads it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for bestand in bestanden:
            archive.writestr(bestand.name, bestand.data or b"")
    return buffer.getvalue()


# --- the import run ----------------------------------------------------------------


def import_files(*, bestanden: Iterable[Bestand], user=None, via: str) -> BerichtImport:
    """Import in this process; returns the finished run."""
    bestanden = list(expand(bestanden))
    run = BerichtImport.objects.create(
        started_by=user,
        via=via,
        status=ImportStatus.RUNNING,
        file_names=[b.name for b in bestanden][:1000],
        total=len(bestanden),
    )
    _process(run, bestanden)
    return run


def import_enqueue(*, bestanden: list[Bestand], user) -> BerichtImport:
    """A run for the worker: the files packed onto it, the task sent on commit."""
    expanded = list(expand(bestanden))
    run = BerichtImport.objects.create(
        started_by=user,
        via=Via.PAGINA,
        status=ImportStatus.QUEUED,
        file_names=[b.name for b in bestanden][:1000],
        total=len(expanded),
        payload=pack(bestanden),
    )
    transaction.on_commit(lambda: tasks.run_import.delay(run.pk))
    return run


def import_queued(*, berichtimport_id: int) -> bool:
    """The worker's side. Claims the run with a conditional UPDATE, so a task
    delivered twice imports once. False when there was nothing to claim."""
    claimed = BerichtImport.objects.filter(
        pk=berichtimport_id, status=ImportStatus.QUEUED
    ).update(status=ImportStatus.RUNNING)
    if claimed != 1:
        return False
    run = BerichtImport.objects.get(pk=berichtimport_id)
    try:
        bestanden = list(expand(_unpack(bytes(run.payload or b""))))
        _process(run, bestanden)
    except Exception as exc:
        logger.exception("iWmo-import %s mislukt", berichtimport_id)
        BerichtImport.objects.filter(pk=run.pk).update(
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            error=f"De import is afgebroken ({type(exc).__name__}).",
            payload=None,
        )
        raise
    return True


def _process(run: BerichtImport, bestanden: list[Bestand]) -> None:
    report: list[dict | None] = []
    # Retours whose message is not stored (yet): it may come later in the batch.
    waiting: list[tuple[int, Bestand, str, berichten.Bericht]] = []
    for start in range(0, len(bestanden), CHUNK):
        chunk = bestanden[start : start + CHUNK]
        entries = _process_chunk(run, chunk, start, waiting)
        report.extend(entries)
        _add_counts(run, entries, processed=len(chunk))
    if waiting:
        entries: dict[int, dict] = {}
        _store(
            run,
            [bestand for _, bestand, _, _ in waiting],
            {j: digest for j, (_, _, digest, _) in enumerate(waiting)},
            {j: bericht for j, (_, _, _, bericht) in enumerate(waiting)},
            entries,
        )
        for j, (position, _, _, _) in enumerate(waiting):
            report[position] = entries[j]
        _add_counts(run, list(entries.values()), processed=0)
    # The uploaded files go in the same UPDATE that says "done": nobody sees a
    # finished run that still holds them.
    BerichtImport.objects.filter(pk=run.pk).update(
        status=ImportStatus.DONE,
        finished_at=timezone.now(),
        report=report,
        payload=None,
    )
    run.refresh_from_db()


def _add_counts(run, entries: list[dict | None], *, processed: int) -> None:
    counts = _count([entry for entry in entries if entry is not None])
    BerichtImport.objects.filter(pk=run.pk).update(
        processed=F("processed") + processed,
        stored=F("stored") + counts[Uitkomst.OPGESLAGEN],
        duplicates=F("duplicates") + counts[Uitkomst.AL_ONTVANGEN],
        refused=F("refused") + counts[Uitkomst.GEWEIGERD],
    )


def _count(entries: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(Uitkomst.values, 0)
    for entry in entries:
        counts[entry["uitkomst"]] += 1
    return counts


def _entry(bestand: Bestand, uitkomst: str, melding: str, bericht="") -> dict:
    return {
        "bestand": bestand.name,
        "uitkomst": uitkomst,
        "melding": melding,
        "bericht": bericht,
    }


def _label(code: str, identificatie: str, dagtekening: dt.date) -> str:
    return f"WMO{code} {identificatie} van {dagtekening:%d-%m-%Y}"


def _al_ontvangen(received_at) -> str:
    when = timezone.localtime(received_at)
    return f"Al ontvangen op {when:%d-%m-%Y} om {when:%H:%M}; niet opnieuw opgeslagen."


def _process_chunk(run, chunk: list[Bestand], start: int, waiting) -> list[dict | None]:
    """The chunk's report entries in file order; None for a retour put in
    `waiting` (its message is not stored yet)."""
    entries: dict[int, dict] = {}
    hashes = {
        i: hashlib.sha256(b.data).hexdigest()
        for i, b in enumerate(chunk)
        if b.data is not None
    }
    known = dict(
        Bericht.objects.filter(sha256__in=set(hashes.values())).values_list(
            "sha256", "received_at"
        )
    )
    read: dict[int, berichten.Bericht] = {}
    seen_hashes: set[str] = set()
    for i, bestand in enumerate(chunk):
        if bestand.data is None:
            entries[i] = _entry(bestand, Uitkomst.GEWEIGERD, bestand.fout)
            continue
        digest = hashes[i]
        if digest in known:
            entries[i] = _entry(
                bestand, Uitkomst.AL_ONTVANGEN, _al_ontvangen(known[digest])
            )
            continue
        if digest in seen_hashes:
            entries[i] = _entry(
                bestand,
                Uitkomst.AL_ONTVANGEN,
                TWICE.format("bestand"),
            )
            continue
        seen_hashes.add(digest)
        try:
            read[i] = berichten.read(bestand.data)
        except berichten.Geweigerd as exc:
            entries[i] = _entry(bestand, Uitkomst.GEWEIGERD, f"Geweigerd: {exc}")

    heen = {i: b for i, b in read.items() if not b.is_retour}
    retouren = {i: b for i, b in read.items() if b.is_retour}
    _store(run, chunk, hashes, heen, entries)
    deferred: list[tuple[int, berichten.Bericht]] = []
    _store(run, chunk, hashes, retouren, entries, deferred)
    for i, bericht in deferred:
        waiting.append((start + i, chunk[i], hashes[i], bericht))
        entries[i] = None
    return [entries[i] for i in range(len(chunk))]


def _header_key(b) -> tuple:
    return (b.code, b.afzender, b.identificatie, b.dagtekening)


def _stored_headers(keys: Iterable[tuple]) -> dict[tuple, Bericht]:
    """The stored messages with these headers, in one query."""
    keys = list(set(keys))
    if not keys:
        return {}
    condition = Q()
    for code, afzender, identificatie, dagtekening in keys:
        condition |= Q(
            code=code,
            afzender=afzender,
            identificatie=identificatie,
            dagtekening=dagtekening,
        )
    found = Bericht.objects.filter(condition).only(
        "pk", "code", "afzender", "identificatie", "dagtekening", "received_at"
    )
    return {_header_key(b): b for b in found}


def _store(
    run, chunk, hashes, read: dict[int, berichten.Bericht], entries, deferred=None
) -> None:
    """Write the new messages of `read`. A retour whose message is unknown goes to
    `deferred` when given (tried again at the end of the batch), else is refused."""
    if not read:
        return
    existing = _stored_headers(_header_key(b) for b in read.values())
    referred = _stored_headers(b.retour_van for b in read.values() if b.retour_van)
    rows: dict[int, Bericht] = {}
    in_chunk: set[tuple] = set()
    for i, bericht in read.items():
        bestand = chunk[i]
        key = _header_key(bericht)
        label = _label(bericht.code, bericht.identificatie, bericht.dagtekening)
        if key in existing:
            entries[i] = _entry(
                bestand,
                Uitkomst.AL_ONTVANGEN,
                _al_ontvangen(existing[key].received_at),
                label,
            )
            continue
        if key in in_chunk:
            entries[i] = _entry(
                bestand,
                Uitkomst.AL_ONTVANGEN,
                TWICE.format("bericht"),
                label,
            )
            continue
        retour_van = None
        if bericht.retour_van is not None:
            retour_van = referred.get(bericht.retour_van)
            if retour_van is None and deferred is not None:
                deferred.append((i, bericht))
                continue
            if retour_van is None:
                code, afzender, identificatie, dagtekening = bericht.retour_van
                entries[i] = _entry(
                    bestand,
                    Uitkomst.GEWEIGERD,
                    f"Geweigerd: dit retourbericht WMO{bericht.code} hoort bij "
                    f"{_label(code, identificatie, dagtekening)} van afzender "
                    f"{afzender}, en dat bericht is hier niet bekend.",
                    label,
                )
                continue
        in_chunk.add(key)
        rows[i] = Bericht(
            code=bericht.code,
            richting=Richting.VERZONDEN
            if bericht.code in SENT_BY_GEMEENTE
            else Richting.ONTVANGEN,
            afzender=bericht.afzender,
            ontvanger=bericht.ontvanger,
            identificatie=bericht.identificatie,
            dagtekening=bericht.dagtekening,
            xml=bestand.data.decode("utf-8", errors="replace"),
            sha256=hashes[i],
            inhoud=bericht.inhoud,
            bsn=bericht.inhoud.get("bsn", "")[:9],
            retour_van=retour_van,
            imported_by=run.started_by,
            berichtimport=run,
        )
    try:
        with transaction.atomic():
            Bericht.objects.bulk_create(rows.values())
    except IntegrityError:
        # Another import stored one of these meanwhile: one transaction each.
        for i, row in rows.items():
            try:
                with transaction.atomic():
                    row.pk = None
                    row.save(force_insert=True)
            except IntegrityError:
                rows[i] = None
                entries[i] = _entry(
                    chunk[i],
                    Uitkomst.AL_ONTVANGEN,
                    "Al ontvangen (zojuist door een andere import); niet opnieuw "
                    "opgeslagen.",
                    _label(row.code, row.identificatie, row.dagtekening),
                )
    for i, row in rows.items():
        if row is None:
            continue
        entries[i] = _entry(chunk[i], Uitkomst.OPGESLAGEN, _melding(row), str(row))


def _melding(row: Bericht) -> str:
    if not row.is_retour:
        return "Opgeslagen."
    verdict = "goedgekeurd" if row.is_accepted else "afgekeurd"
    words = "; ".join(row.retourcodes_in_words) or "geen retourcodes"
    return f"Opgeslagen: {row.retour_van} is {verdict} ({words})."
