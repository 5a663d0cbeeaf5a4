"""Two-factor devices for tests: a confirmed authenticator app and recovery codes."""

from binascii import unhexlify

import factory
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory

from wijkteam.tests.factories import UserFactory


class TOTPDeviceFactory(DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator-app"
    confirmed = True

    class Params:
        unconfirmed = factory.Trait(confirmed=False)


class StaticDeviceFactory(DjangoModelFactory):
    class Meta:
        model = StaticDevice
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = "Herstelcodes"
    confirmed = True

    @factory.post_generation
    def codes(self, create, extracted, **kwargs):
        for code in extracted or ["herstel0001", "herstel0002"]:
            StaticToken.objects.create(device=self, token=code)


def current_code(key_hex: str) -> str:
    return f"{TOTP(unhexlify(key_hex.encode())).token():06d}"
