from django.db import models
from django.utils import timezone

from cases.plan.constants import GoalStatus


class PlanActionQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Not done, due date past, under a goal that still runs, in an open casus
        (the partial index plan_action_open_due covers the first two)."""
        today = today or timezone.localdate()
        return self.filter(
            done_on__isnull=True,
            due_on__lt=today,
            goal__status__in=[GoalStatus.OPEN, GoalStatus.BEZIG],
        ).exclude(case__status="afgesloten")
