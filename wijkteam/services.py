"""Writes on users that touch more than one row: deactivation and two-factor setup."""

from __future__ import annotations

from binascii import unhexlify

from django.conf import settings
from django.db import transaction

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.models import User
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
