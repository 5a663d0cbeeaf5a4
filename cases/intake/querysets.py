from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone


class QuestionQuerySet(models.QuerySet):
    def of_team(self, team):
        return self.filter(team=team)

    def registered_on(self, day: dt.date):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
        return self.filter(
            registered_at__gte=start, registered_at__lt=start + dt.timedelta(days=1)
        )

    def for_lists(self):
        return self.select_related("person", "assigned_to", "voorziening")
