"""Reusable reads: QuerySets that scope by team or user."""

from django.db import models

from wijkteam.access import team_ids_with


class AreaQuerySet(models.QuerySet):
    def search(self, query: str):
        query = query.strip()
        if not query:
            return self
        return self.filter(
            models.Q(name__icontains=query) | models.Q(code__iexact=query)
        )

    def buurten_of_team(self, team):
        """The buurten the team serves (Area.teams), by name."""
        return self.filter(level="buurt", teams=team).order_by("name", "code")


class TeamOwnedQuerySet(models.QuerySet):
    def for_team(self, team):
        return self.filter(team=team)

    def in_area(self, area):
        """Rows (with an `area`) in the area or an area below it: a wijk's page
        shows what lies in its buurten too, a gemeente's what lies in its wijken."""
        return self.filter(
            models.Q(area=area)
            | models.Q(area__parent=area)
            | models.Q(area__parent__parent=area)
        ).select_related("area")

    def visible_to(self, user, permission: str = "area.view"):
        return self.filter(team_id__in=team_ids_with(user, permission))
