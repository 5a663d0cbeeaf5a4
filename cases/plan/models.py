"""The plan of a casus ("het plan is van de burger"): goals per leefgebied in the
resident's words, actions under a goal, and frozen versions.

Who owns a goal or does an action is kept as a name (`owner_name`, `who_name`),
filled by the services from the household member or team member chosen, so the
plan reads the same after someone leaves the household or the team, and the page
needs no joins to show it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.intake.constants import ZrmDomain
from cases.plan.constants import ActionWho, GoalOwner, GoalStatus, PlanStatus
from cases.plan.querysets import PlanActionQuerySet
from wijkteam.workflow import StatusHistory


class Plan(models.Model):
    """One per casus. `number` is the version being worked on: it is a concept until
    vastgesteld; the first change after that starts concept `number + 1`."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="plan"
    )
    number = models.PositiveIntegerField("versie", default=1)
    status = models.CharField(
        "status", max_length=12, choices=PlanStatus.choices, default=PlanStatus.CONCEPT
    )
    changed_at = models.DateTimeField("laatst gewijzigd", default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="gewijzigd door",
    )

    class Meta:
        verbose_name = "plan"
        verbose_name_plural = "plannen"

    def __str__(self) -> str:
        return f"Plan van {self.case}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    domain = models.CharField("leefgebied", max_length=40, choices=ZrmDomain.choices)
    text = models.TextField("doel in de woorden van de inwoner")
    owner_kind = models.CharField(
        "van wie is het doel", max_length=20, choices=GoalOwner.choices
    )
    owner_member = models.ForeignKey(
        "cases.HouseholdMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="lid van het huishouden",
    )
    owner_name = models.CharField("eigenaar", max_length=200)
    status = models.CharField(
        "status", max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN
    )
    start_on = models.DateField("startdatum", null=True, blank=True)
    target_on = models.DateField("streefdatum", null=True, blank=True)
    reached_on = models.DateField("behaald op", null=True, blank=True)
    created_at = models.DateTimeField("vastgelegd op", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "doel"
        verbose_name_plural = "doelen"

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.text[:60]}"


class PlanGoalStatusChange(StatusHistory):
    """Append-only history of a goal's status."""

    goal = models.ForeignKey(
        PlanGoal, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        "van", max_length=20, choices=GoalStatus.choices, blank=True
    )
    to_status = models.CharField("naar", max_length=20, choices=GoalStatus.choices)

    class Meta(StatusHistory.Meta):
        verbose_name = "statuswijziging doel"
        verbose_name_plural = "statuswijzigingen doelen"


class PlanAction(models.Model):
    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="actions")
    # The casus, kept on the action so the overdue signal is one indexed query.
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="plan_actions"
    )
    what = models.CharField("wat", max_length=300)
    who_kind = models.CharField("wie (soort)", max_length=20, choices=ActionWho.choices)
    who_member = models.ForeignKey(
        "cases.HouseholdMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="lid van het huishouden",
    )
    who_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_actions",
        verbose_name="teamlid",
    )
    who_name = models.CharField("wie", max_length=200)
    due_on = models.DateField("uiterlijk op", null=True, blank=True)
    done_on = models.DateField("gedaan op", null=True, blank=True)
    created_at = models.DateTimeField("vastgelegd op", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )

    objects = PlanActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "created_at", "id"]
        verbose_name = "actie"
        verbose_name_plural = "acties"
        indexes = [
            models.Index(
                fields=["case", "due_on"],
                condition=Q(done_on__isnull=True),
                name="plan_action_open_due",
            )
        ]

    def __str__(self) -> str:
        return self.what

    def is_overdue(self, today) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


class PlanVersion(models.Model):
    """A vastgesteld version: frozen. `content` is the snapshot of goals and actions
    (see `cases.plan.services.plan_snapshot`), readable without the live rows."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("versie")
    vastgesteld_at = models.DateTimeField("vastgesteld op", default=timezone.now)
    vastgesteld_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgesteld door",
    )
    agreed_with_resident = models.BooleanField("afgesproken met de inwoner")
    note = models.CharField("toelichting", max_length=500, blank=True)
    content = models.JSONField("inhoud")

    class Meta:
        ordering = ["number"]
        verbose_name = "planversie"
        verbose_name_plural = "planversies"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="plan_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"Versie {self.number} van {self.plan}"
