"""Small figures for the home page widgets (counts only, no person data)."""

from django import template
from django.utils import timezone

from cases.intake.constants import QuestionStatus
from cases.models import Case, CaseAssignment, Question

register = template.Library()


@register.simple_tag
def desk_today(team) -> dict:
    todays = Question.objects.of_team(team).registered_on(timezone.localdate())
    return {"count": todays.count()}


@register.simple_tag
def my_intake(user, team) -> dict:
    team_questions = Question.objects.of_team(team)
    return {
        "appointments": team_questions.filter(
            status=QuestionStatus.GEPLAND, assigned_to=user
        ).count(),
        "queue": team_questions.filter(status=QuestionStatus.WACHTRIJ).count(),
    }


@register.simple_tag
def my_cases(user, team) -> dict:
    mine = Case.objects.of_team(team).open().filter(regievoerder=user)
    return {
        "open": mine.count(),
        "new": CaseAssignment.objects.filter(
            case__team=team, to_user=user, seen_at__isnull=True
        ).count(),
    }
