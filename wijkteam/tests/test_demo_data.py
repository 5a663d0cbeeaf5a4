from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from wijkteam.constants import Role
from wijkteam.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from wijkteam.models import Membership, Team, User


def _row_counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.mark.django_db
def test_demo_data_is_complete_and_idempotent(settings):
    settings.DEMO_MODE = True
    call_command("demo_data")
    first = _row_counts()
    call_command("demo_data")
    assert _row_counts() == first
    assert Team.objects.count() >= 3
    for team in Team.objects.all():
        roles = set(Membership.objects.filter(team=team).values_list("role", flat=True))
        assert roles | {Role.GEMEENTEBEHEERDER} == set(Role.values), team
    # The gemeente-wide role (CBS import) is held once: by the demo's beheerder.
    assert list(
        Membership.objects.filter(role=Role.GEMEENTEBEHEERDER).values_list(
            "user__username", "team__name"
        )
    ) == [("beheerder", "Wijkteam Feijenoord")]
    first_team = Team.objects.get(name="Wijkteam Feijenoord")
    for username in DEMO_ACCOUNTS:
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
    assert (
        Membership.objects.filter(user__username="wijkteamlid2", role=Role.WIJKTEAMLID)
        .exclude(team=first_team)
        .exists()
    )
    for username in (
        "balie",
        "wijkteamlid",
        "teamleider",
        "kwartiermaker",
        "beheerder",
    ):
        assert Membership.objects.filter(
            user__username=username, team=first_team
        ).exists()


@pytest.mark.django_db
def test_demo_data_refuses_in_production_mode(settings):
    settings.DEBUG = False
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo"):
        call_command("demo_data")
    assert not User.objects.exists()
