"""Reusable reads: QuerySets that scope by team or user."""

from django.db import models


class DocumentQuerySet(models.QuerySet):
    def of_team(self, team):
        return self.filter(team=team)

    def with_latest_version(self):
        """Annotate the number and status of the latest version (one query)."""
        version_model = self.model._meta.get_field("versions").related_model
        latest = version_model.objects.filter(document=models.OuterRef("pk")).order_by(
            "-number"
        )
        return self.annotate(
            latest_number=models.Subquery(latest.values("number")[:1]),
            latest_status=models.Subquery(latest.values("status")[:1]),
        )
