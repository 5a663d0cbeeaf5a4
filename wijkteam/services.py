"""Writes on users that touch more than one row: deactivation, two-factor setup, and
the beheerder's management of the own team's members (docs/security.md, "Beheer
van medewerkers")."""

from __future__ import annotations

from binascii import unhexlify

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.models import Membership, Team, User
from wijkteam.security import end_sessions_of

TOTP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"


@transaction.atomic
def user_deactivate(*, user: User) -> int:
    """Deactivate the account and end all its sessions on the server at once.
    Returns the number of sessions ended."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    return end_sessions_of(user)


def totp_matches(key_hex: str, token: str) -> bool:
    """Check a code against a key that is not saved yet (during setup)."""
    token = (token or "").strip().replace(" ", "")
    if not token.isdigit():
        return False
    totp = TOTP(unhexlify(key_hex.encode()))
    return totp.verify(int(token), tolerance=1)


@transaction.atomic
def two_factor_setup_confirm(*, user: User, key_hex: str) -> tuple[TOTPDevice, list]:
    """Replace the user's devices by one confirmed TOTP device and a fresh set of
    recovery codes. Returns the device and the codes (shown once, never again)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, name=TOTP_DEVICE_NAME, key=key_hex, confirmed=True
    )
    recovery = StaticDevice.objects.create(
        user=user, name=RECOVERY_DEVICE_NAME, confirmed=True
    )
    codes = [StaticToken.random_token() for _ in range(settings.OTP_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=recovery, token=code) for code in codes]
    )
    return device, codes


# --- beheer of the own team's members ---------------------------------------


class MemberError(Exception):
    """A change the beheerder may not make; the message is shown as it is."""


def member_account_check(*, user: User, team: Team, by: User) -> None:
    """Account-wide changes (deactivate, password reset link) reach every team the
    account works in and its admin rights, so a team's beheerder may make them only
    for an account that works in that team alone and has no admin access."""
    if user == by:
        raise MemberError("Uw eigen account wijzigt een andere beheerder.")
    if user.is_staff or user.is_superuser:
        raise MemberError(
            "Dit account kan bij /admin/; alleen een superuser kan het wijzigen."
        )
    elsewhere = (
        Membership.objects.active().filter(user=user).exclude(team=team).exists()
    )
    if elsewhere:
        raise MemberError(
            "Dit account werkt ook in een ander team; vraag een superuser."
        )


def _not_oneself(membership: Membership, by: User) -> None:
    # No beheerder grants herself a role, or ends her own: four eyes.
    if membership.user_id == by.pk:
        raise MemberError("Uw eigen rollen wijzigt een andere beheerder.")


@transaction.atomic
def member_add(
    *,
    team: Team,
    by: User,
    username: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    moederorganisatie: str = "",
) -> tuple[Membership, bool]:
    """Give an account a role in the team; a new account (no password yet: the
    beheerder makes a reset link) when the user name is unknown. Returns the
    membership and whether the account is new."""
    user = User.objects.filter(username__iexact=username).first()
    created = user is None
    if created:
        if not first_name or not last_name:
            raise MemberError(
                "Dit account bestaat nog niet: vul voor- en achternaam in."
            )
        user = User(
            username=username, first_name=first_name, last_name=last_name, email=email
        )
        user.set_unusable_password()
        user.save()
    elif not user.is_active:
        raise MemberError(
            "Dit account is gedeactiveerd; alleen een superuser activeert het weer."
        )
    existing = (
        Membership.objects.select_for_update()
        .filter(user=user, team=team, role=role)
        .first()
    )
    if existing is not None:
        if existing.is_active:
            raise MemberError(f"{user} heeft deze rol al in dit team.")
        if existing.user_id == by.pk:
            raise MemberError("Uw eigen rollen wijzigt een andere beheerder.")
        existing.is_active = True
        existing.moederorganisatie = moederorganisatie or existing.moederorganisatie
        existing.save(update_fields=["is_active", "moederorganisatie"])
        return existing, False
    if user.pk == by.pk:
        raise MemberError("Uw eigen rollen wijzigt een andere beheerder.")
    membership = Membership.objects.create(
        user=user, team=team, role=role, moederorganisatie=moederorganisatie
    )
    return membership, created


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, by: User) -> None:
    _not_oneself(membership, by)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == role:
        return
    clash = Membership.objects.filter(
        user_id=membership.user_id, team_id=membership.team_id, role=role
    ).exists()
    if clash:
        raise MemberError("Deze medewerker heeft die rol al in dit team.")
    membership.role = role
    membership.is_active = True
    try:
        with transaction.atomic():
            membership.save(update_fields=["role", "is_active"])
    except IntegrityError:
        raise MemberError("Deze medewerker heeft die rol al in dit team.") from None


@transaction.atomic
def membership_end(*, membership: Membership, by: User) -> None:
    """The role ends now; the row stays (who had which role, for the access log)."""
    _not_oneself(membership, by)
    Membership.objects.filter(pk=membership.pk).update(is_active=False)


def password_reset_link_token(*, user: User, team: Team, by: User) -> tuple[str, str]:
    """(uidb64, token) for a link that lets the user choose a new password once,
    within PASSWORD_RESET_TIMEOUT; it stops working once the password changes or
    the user logs in. The second factor stays as it is."""
    member_account_check(user=user, team=team, by=by)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return uid, default_token_generator.make_token(user)
