"""The Django admin: users, teams, memberships, groups and permissions for superusers
only, whatever model permissions a staff member holds; no access log in it."""

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse

import pytest

from wijkteam.constants import Role
from wijkteam.demo import _beheer_group
from wijkteam.models import AccessLogEntry, Membership, User
from wijkteam.tests.factories import UserFactory
from wijkteam.tests.factories_security import TOTPDeviceFactory

# What the demo's "Functioneel beheer" group used to hold: enough for a beheerder
# to add a membership in another team and to tick is_superuser.
OLD_BEHEER_PERMISSIONS = [
    "add_user", "change_user", "view_user", "add_team", "change_team", "view_team",
    "add_membership", "change_membership", "delete_membership", "view_membership",
    "view_accesslogentry",
]  # fmt: skip


@pytest.fixture
def staff_beheerder(member, team):
    """A beheerder with admin access and every permission the demo once gave."""
    user = member(Role.BEHEERDER, team, username="fatma", is_staff=True)
    user.groups.add(_beheer_group())
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wijkteam", codename__in=OLD_BEHEER_PERMISSIONS
        )
    )
    return user


def test_a_staff_beheerder_cannot_grant_herself_superuser_or_another_team(
    client, staff_beheerder, other_team
):
    client.force_login(staff_beheerder)
    url = reverse("admin:wijkteam_user_change", args=[staff_beheerder.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "username": "fatma", "is_active": "on", "is_staff": "on",
            "is_superuser": "on", "date_joined_0": "01-01-2026",
            "date_joined_1": "09:00:00",
            "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
            "memberships-0-team": other_team.pk, "memberships-0-role": "wijkteamlid",
            "memberships-0-is_active": "on",
        },
    )  # fmt: skip
    assert response.status_code == 403
    staff_beheerder.refresh_from_db()
    assert not staff_beheerder.is_superuser
    assert not Membership.objects.filter(team=other_team).exists()


@pytest.mark.parametrize(
    "name",
    [
        "admin:wijkteam_user_changelist",
        "admin:wijkteam_user_add",
        "admin:wijkteam_team_changelist",
        "admin:wijkteam_team_add",
        "admin:auth_group_changelist",
    ],
)
def test_a_staff_beheerder_cannot_open_users_teams_or_groups(
    client, staff_beheerder, name
):
    client.force_login(staff_beheerder)
    assert client.get(reverse(name)).status_code == 403


def test_a_staff_beheerder_cannot_open_another_team_s_user_or_its_password(
    client, staff_beheerder, member, other_team
):
    other = member(Role.WIJKTEAMLID, other_team)
    client.force_login(staff_beheerder)
    for name in ("admin:wijkteam_user_change", "admin:auth_user_password_change"):
        url = reverse(name, args=[other.pk])
        assert client.get(url).status_code == 403, name
        data = {"password1": "x" * 20, "password2": "x" * 20}
        assert client.post(url, data).status_code == 403, name
    other.refresh_from_db()
    assert other.check_password("geheim-wachtwoord-123")


def test_a_staff_member_cannot_read_another_s_second_factor(
    client, staff_beheerder, member, other_team
):
    """A device's page shows its secret: whoever reads it holds the second factor."""
    device = TOTPDeviceFactory(user=member(Role.WIJKTEAMLID, other_team))
    staff_beheerder.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__startswith="otp_")
    )
    client.force_login(staff_beheerder)
    for url in (
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_config", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]),
        reverse("admin:otp_static_staticdevice_changelist"),
    ):
        assert client.get(url).status_code == 403, url


def test_the_admin_index_lists_none_of_them_for_staff(client, staff_beheerder):
    client.force_login(staff_beheerder)
    body = client.get(reverse("admin:index")).content.decode()
    for label in ("Gebruikers", "Teams", "Groepen", "Toegangslog"):
        assert f">{label}<" not in body, label


def test_a_superuser_still_manages_users_and_teams(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name in ("admin:wijkteam_user_changelist", "admin:wijkteam_team_changelist"):
        assert client.get(reverse(name)).status_code == 200, name


def test_the_access_log_is_not_in_the_admin():
    """It showed every team's rows, and reading it wrote no access-log row; the
    app's viewer (/beheer/toegangslog/) is scoped to one team and logged."""
    assert AccessLogEntry not in admin.site._registry
    with pytest.raises(NoReverseMatch):
        reverse("admin:wijkteam_accesslogentry_changelist")


@pytest.mark.django_db
def test_the_demo_beheer_group_holds_no_user_team_or_membership_rights():
    codenames = set(_beheer_group().permissions.values_list("codename", flat=True))
    assert not codenames & set(OLD_BEHEER_PERMISSIONS)
    assert User.objects.count() == 0
