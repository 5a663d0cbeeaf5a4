from django.urls import reverse

import pytest

from cases.models import CaseAssignment
from cases.tests.factories import CaseFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_balie_home_shows_todays_count_and_new_question(login, balie, team):
    QuestionFactory.create_batch(3, team=team)
    body = login(balie).get(reverse("home")).content.decode()
    assert reverse("cases:question_register") in body
    assert "Vragen van vandaag (3)" in body
    assert reverse("cases:intake_list") in body  # also in the menu


def test_wijkteamlid_home_shows_appointments_and_queue(login, lid, team):
    QuestionFactory(team=team, planned=True, assigned_to=lid)
    QuestionFactory.create_batch(2, team=team, queued=True)
    body = login(lid).get(reverse("home")).content.decode()
    assert "Mijn afspraken (1)" in body
    assert "Wachtrij van het team (2)" in body


def test_wijkteamlid_home_shows_new_casussen(login, lid, leader, team):
    case = CaseFactory(team=team, regievoerder=lid)
    CaseAssignment.objects.create(case=case, to_user=lid, by=leader)
    body = login(lid).get(reverse("home")).content.decode()
    assert "Mijn casussen (1, 1 nieuw)" in body
