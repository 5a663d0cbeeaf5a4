"""Open casussen per team, regievoerder and status: a counter table kept by a
database trigger on cases_case (migration 0008_open_case_count), so the werkbak
reads the workload per member from a few rows instead of aggregating every open
casus. Every write to a casus (services, admin, bulk SQL) keeps it right, because
the database does it; the application never writes it.
"""

from django.db import models


class OpenCaseCount(models.Model):
    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    # The regievoerder's user id; 0 for casussen without regievoerder (a plain
    # number, so the unique key needs no NULL handling).
    regievoerder_key = models.BigIntegerField("regievoerder")
    status = models.CharField("status", max_length=20)
    count = models.IntegerField("aantal", default=0)

    class Meta:
        verbose_name = "teller open casussen"
        verbose_name_plural = "tellers open casussen"
        constraints = [
            models.UniqueConstraint(
                fields=["team", "regievoerder_key", "status"],
                name="open_case_count_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.team_id}/{self.regievoerder_key}/{self.status}: {self.count}"
