"""Question.buurt: the person's buurt, kept by triggers (migration 0012)."""

import pytest

from cases.models import Question
from cases.tests.factories import PersonFactory, QuestionFactory
from gebiedsanalyse.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def buurt_of(question):
    return Question.objects.values_list("buurt", flat=True).get(pk=question.pk)


def test_a_question_takes_its_persons_buurt(team):
    area = AreaFactory()
    question = QuestionFactory(team=team, person=PersonFactory(team=team, buurt=area))
    assert buurt_of(question) == area.pk


def test_anonymous_and_no_buurt_are_none(team):
    assert buurt_of(QuestionFactory(team=team, anonymous=True)) is None
    assert buurt_of(QuestionFactory(team=team)) is None


def test_the_buurt_follows_the_person(team):
    person = PersonFactory(team=team)
    question = QuestionFactory(team=team, person=person)
    area = AreaFactory()
    person.buurt = area
    person.save(update_fields=["buurt"])
    assert buurt_of(question) == area.pk
    question.save()  # a stale instance writes no stale buurt
    assert buurt_of(question) == area.pk
    area.delete()  # Person.buurt is SET_NULL
    assert buurt_of(question) is None


def test_another_person_moves_the_question(team):
    here, there = AreaFactory(), AreaFactory()
    question = QuestionFactory(team=team, person=PersonFactory(team=team, buurt=here))
    question.person = PersonFactory(team=team, buurt=there)
    question.save(update_fields=["person"])
    assert buurt_of(question) == there.pk
