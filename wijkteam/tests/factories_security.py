"""Two-factor devices for tests: a confirmed authenticator app and recovery codes."""

from binascii import unhexlify
from unittest import mock

import factory
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory

from wijkteam.constants import AccessAction, AccessResult
from wijkteam.models import AccessLogEntry
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


class AccessLogEntryFactory(DjangoModelFactory):
    """A row of the access log. `at` is honoured although the field is auto_now_add
    (the clock is set while the row is written)."""

    class Meta:
        model = AccessLogEntry

    user = factory.SubFactory(UserFactory)
    username = factory.LazyAttribute(lambda o: o.user.username if o.user else "")
    role = "wijkteamlid"
    action = AccessAction.VIEW
    person_id = factory.Sequence(lambda n: 1000 + n)
    purpose = "casus"
    path = "/casussen/1/"
    ip_address = "10.0.0.1"
    at = None

    class Params:
        denied = factory.Trait(result=AccessResult.DENIED)
        failed_login = factory.Trait(
            user=None,
            team=None,
            action=AccessAction.LOGIN_FAILED,
            person_id=None,
            result=AccessResult.DENIED,
        )

    @classmethod
    def _create(cls, model_class, *args, at=None, **kwargs):
        if at is None:
            return super()._create(model_class, *args, **kwargs)
        with mock.patch("django.utils.timezone.now", return_value=at):
            return super()._create(model_class, *args, **kwargs)
