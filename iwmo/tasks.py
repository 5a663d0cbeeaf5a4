"""Thin Celery tasks: take an id, call a service."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from iwmo import services
from iwmo.constants import ImportStatus
from iwmo.models import BerichtImport


@shared_task(
    name="iwmo.run_import",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=240,
    time_limit=270,
)
def run_import(berichtimport_id: int) -> bool:
    """Import the files of one queued run. Safe to deliver twice: the service claims
    the run with a conditional UPDATE (queued -> running) and does nothing when that
    touches no row, which is why acks_late + reject_on_worker_lost are allowed.
    No retries: a failed run says so on its page and beheer uploads again (the
    messages already stored are then "al ontvangen")."""
    try:
        return services.import_queued(berichtimport_id=berichtimport_id)
    except SoftTimeLimitExceeded:
        BerichtImport.objects.filter(
            pk=berichtimport_id, status=ImportStatus.RUNNING
        ).update(status=ImportStatus.FAILED, error="De import duurde te lang.")
        return False
