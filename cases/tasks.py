"""Thin Celery tasks: take ids, load, call a service."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from celery import shared_task

from cases.models import CaseAssignment
from cases.privacy.retention import retention_apply


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
    acks_late=True,
    reject_on_worker_lost=True,
)
def notify_regievoerder(assignment_id: int) -> str:
    """E-mail the new regievoerder once (guard: notified_at), no person data."""
    with transaction.atomic():
        assignment = (
            CaseAssignment.objects.select_for_update()
            .select_related("to_user", "case")
            .filter(pk=assignment_id, notified_at__isnull=True)
            .first()
        )
        if assignment is None:
            return "skipped"
        if assignment.to_user.email:
            send_mail(
                subject=f"U bent regievoerder van casus {assignment.case_id}",
                message=(
                    f"U bent regievoerder geworden van casus {assignment.case_id}. "
                    "Bekijk het onder 'Mijn casussen' in Wijkteam."
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[assignment.to_user.email],
            )
        assignment.notified_at = timezone.now()
        assignment.save(update_fields=["notified_at"])
    return "sent"


@shared_task(name="cases.apply_retention", soft_time_limit=1800, time_limit=1900)
def apply_retention() -> dict:
    """Celery beat, nightly: remove what has been kept long enough. Idempotent: a
    second run finds nothing to do."""
    report = retention_apply()
    return {kind: report.count(kind) for kind in report.KINDS} | {
        "skipped": len(report.skipped)
    }
