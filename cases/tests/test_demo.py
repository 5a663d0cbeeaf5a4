from django.core.management import call_command

import pytest

from cases.intake.constants import IntakeOutcome, QuestionStatus
from cases.models import Case, Person, Question
from cases.persons.validators import is_valid_bsn
from wijkteam.models import Team

pytestmark = pytest.mark.django_db


def test_demo_morning_has_every_outcome_and_status_and_is_idempotent():
    call_command("demo_data", force=True)
    counts = (Question.objects.count(), Person.objects.count(), Case.objects.count())
    call_command("demo_data", force=True)
    assert (Question.objects.count(), Person.objects.count(), Case.objects.count()) == (
        counts
    )
    first = Team.objects.get(name="Wijkteam Feijenoord")
    questions = Question.objects.filter(team=first)
    assert questions.count() >= 12
    assert set(questions.values_list("outcome", flat=True)) == set(IntakeOutcome.values)
    assert set(questions.values_list("status", flat=True)) == set(QuestionStatus.values)
    bsns = [p.bsn for p in Person.objects.exclude(bsn="")]
    assert len(bsns) >= 3 and all(is_valid_bsn(b) for b in bsns)
    assert Question.objects.exclude(team=first).exists()
