from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone


class CaseQuerySet(models.QuerySet):
    def of_team(self, team):
        return self.filter(team=team)

    def open(self):
        return self.exclude(status="afgesloten")

    def for_lists(self):
        return self.select_related("household", "regievoerder")

    def unassigned_longer_than(self, days: int):
        limit = timezone.now() - dt.timedelta(days=days)
        return self.open().filter(regievoerder__isnull=True, opened_at__lt=limit)

    def without_contact_for(self, weeks: int):
        """Open casussen whose last contact is N weeks or longer ago (a casus
        starts with the date of its opening conversation as last contact)."""
        limit = timezone.localdate() - dt.timedelta(weeks=weeks)
        # Same condition as the partial index case_open_last_contact.
        return self.exclude(status="afgesloten").filter(last_contact_on__lte=limit)
