from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.network.constants import (
    AllocationStatus,
    ReferralStatus,
)


class ReferralQuerySet(models.QuerySet):
    def waiting_over_norm(self, today=None):
        """Not started yet and asked longer ago than the norm allows."""
        today = today or timezone.localdate()
        return self.filter(status=ReferralStatus.GEVRAAGD, due_on__lt=today)

    def started_late(self):
        return self.filter(started_on__gt=models.F("due_on"))

    def breaching(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            Q(status=ReferralStatus.GEVRAAGD, due_on__lt=today)
            | Q(started_on__gt=models.F("due_on"))
        )


class AllocationQuerySet(models.QuerySet):
    def running(self, today=None):
        """Toegekend and not past its end date."""
        today = today or timezone.localdate()
        return self.filter(status=AllocationStatus.TOEGEKEND).filter(
            Q(end_on__isnull=True) | Q(end_on__gte=today)
        )


class NetworkEntryQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gte=today))
