from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from wijkteam import exports


@shared_task(name="wijkteam.ping", soft_time_limit=5, time_limit=10)
def ping() -> str:
    """Answer 'pong'; the health check sends it to see that a worker runs."""
    return "pong"


@shared_task(name="wijkteam.requeue_stale_exports", soft_time_limit=30, time_limit=60)
def requeue_stale_exports() -> int:
    """Celery beat, every minute: exports left running by a lost worker go back to
    the queue."""
    return len(exports.export_requeue_stale())


@shared_task(
    bind=True,
    name="wijkteam.render_export",
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=3,
    soft_time_limit=90,
    time_limit=120,
)
def render_export(self, job_id: int) -> str:
    """Render one ExportJob. Safe to run twice: the service claims the job with a
    conditional UPDATE (queued -> running) and does nothing when that touches no row,
    which is why acks_late + reject_on_worker_lost are allowed here."""
    try:
        return exports.export_render(job_id=job_id)
    except SoftTimeLimitExceeded:
        exports.export_fail(job_id=job_id, error="Het maken van de PDF duurde te lang.")
        return "failed"
    except exports.TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            exports.export_fail(job_id=job_id, error=f"Tijdelijke fout: {exc}")
            return "failed"
        raise self.retry(
            exc=exc, countdown=min(2 ** (self.request.retries + 1), 60)
        ) from exc
