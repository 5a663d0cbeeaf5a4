from django.core import mail

import pytest

from cases.models import CaseAssignment
from cases.tasks import notify_regievoerder
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_sends_once_without_person_data(team, lid, balie):
    case = CaseFactory(team=team)
    assignment = CaseAssignment.objects.create(case=case, to_user=lid, by=balie)
    assert notify_regievoerder(assignment.pk) == "sent"
    assert notify_regievoerder(assignment.pk) == "skipped"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [lid.email]
    assert case.household.name not in message.body


def test_unknown_assignment_is_skipped():
    assert notify_regievoerder(999999) == "skipped"
