"""A big batch on a real Celery worker and real Redis: queued, claimed, imported."""

import time

import pytest

from iwmo import services
from iwmo.constants import ImportStatus
from iwmo.models import BerichtImport
from iwmo.tests import builders


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_imports_a_queued_zip(celery_worker):
    messages = [
        (f"box/{n}.xml", builders.start_levering(identificatie=f"W{n}"))
        for n in range(60)
    ]
    messages.append(("box/kapot.xml", b"<x>"))
    upload = services.pack([services.Bestand(n, d) for n, d in messages])
    # Autocommit: on_commit sends the task at once.
    run = services.import_enqueue(
        bestanden=[services.Bestand("box.zip", upload)], user=None
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.is_finished:
            break
        time.sleep(0.2)
    assert run.status == ImportStatus.DONE, run.error
    assert (run.total, run.processed, run.stored, run.refused) == (61, 61, 60, 1)
    assert run.payload is None
    refused = [e for e in run.report if e["uitkomst"] == "geweigerd"]
    assert refused[0]["bestand"] == "box.zip/box/kapot.xml"
    assert BerichtImport.objects.count() == 1
