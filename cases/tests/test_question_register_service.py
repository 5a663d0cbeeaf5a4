import uuid

from django.core.exceptions import ValidationError

import pytest

from cases.intake.constants import IntakeOutcome, QuestionStatus
from cases.intake.services import question_register
from cases.models import Person, Question
from cases.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def register(team, by, **overrides):
    kwargs = {
        "team": team,
        "by": by,
        "idempotency_key": uuid.uuid4(),
        "channel": "inloop",
        "text": "Ik kan mijn huur niet betalen.",
        "outcome": IntakeOutcome.BEANTWOORD,
    }
    kwargs.update(overrides)
    return question_register(**kwargs)


def test_registers_with_new_person_and_writes_history(team, balie):
    question, created = register(
        team,
        balie,
        new_person={"first_name": "Gülsen", "last_name": "Kaya", "bsn": "111222333"},
        domains=["financien"],
    )
    assert created
    person = question.person
    assert person.team == team and person.search_name == "gulsen kaya"
    assert question.status == QuestionStatus.AFGEHANDELD
    assert question.domains == ["financien"]
    change = question.status_changes.get()
    assert change.to_status == QuestionStatus.AFGEHANDELD and change.by == balie


@pytest.mark.parametrize(
    ("assigned", "status"),
    [(False, QuestionStatus.WACHTRIJ), (True, QuestionStatus.GEPLAND)],
)
def test_vraagverheldering_goes_to_queue_or_appointment(
    team, balie, lid, assigned, status
):
    question, _ = register(
        team,
        balie,
        person=PersonFactory(team=team),
        outcome=IntakeOutcome.VRAAGVERHELDERING,
        assigned_to=lid if assigned else None,
    )
    assert question.status == status
    assert question.assigned_to == (lid if assigned else None)


def test_same_idempotency_key_twice_makes_one_question_and_one_person(team, balie):
    key = uuid.uuid4()
    first, created_first = register(
        team, balie, idempotency_key=key, new_person={"first_name": "Jan"}
    )
    second, created_second = register(
        team, balie, idempotency_key=key, new_person={"first_name": "Jan"}
    )
    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert Question.objects.count() == 1
    assert Person.objects.count() == 1


def test_invalid_new_person_saves_nothing(team, balie):
    with pytest.raises(ValidationError):
        register(team, balie, new_person={"first_name": "Jan", "bsn": "123456789"})
    assert Person.objects.count() == 0
    assert Question.objects.count() == 0


def test_person_of_another_team_is_refused(team, other_team, balie):
    with pytest.raises(ValueError):
        register(team, balie, person=PersonFactory(team=other_team))
    assert Question.objects.count() == 0


def test_anonymous_question_keeps_only_the_label(team, balie):
    question, _ = register(team, balie, anonymous_label="Mevrouw met rollator")
    assert question.person is None
    assert question.who == "Mevrouw met rollator"
