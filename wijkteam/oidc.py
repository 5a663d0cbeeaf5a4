"""Optional single sign-on with OpenID Connect (mozilla-django-oidc), for gemeenten
with Azure AD or Keycloak. Off unless OIDC_ENABLED=true (see settings.py).

Only people who already have an account may log in: a user is matched by e-mail
address, else by user name (the claim named by OIDC_USERNAME_CLAIM), and must be
active. Nobody is created; teams and roles stay managed in the application. Two-
factor authentication of the application still applies after single sign-on,
unless OTP_REQUIRED_ROLES is emptied because the identity provider enforces it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.urls import reverse

from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction, AccessResult

UNKNOWN_USER_MESSAGE = (
    "Inloggen met uw organisatieaccount is niet gelukt: er is in Wijkteam geen "
    "actief account met uw e-mailadres of gebruikersnaam. Vraag functioneel beheer "
    "om een account; uw rol en team worden in Wijkteam toegekend."
)


def _username_claim() -> str:
    return getattr(settings, "OIDC_USERNAME_CLAIM", "preferred_username")


class ExistingUserBackend(OIDCAuthenticationBackend):
    """Logs in an existing, active user; never creates one."""

    def filter_users_by_claims(self, claims):
        users = get_user_model().objects.filter(is_active=True)
        email = (claims.get("email") or "").strip()
        if email:
            by_email = users.filter(email__iexact=email)
            if by_email.exists():
                return by_email
        username = (claims.get(_username_claim()) or "").strip()
        if username:
            return users.filter(username__iexact=username)
        return users.none()

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("email") or claims.get(_username_claim()))

    def create_user(self, claims):
        return None  # accounts are made by functioneel beheer, never on first login


class CallbackView(OIDCAuthenticationCallbackView):
    """The return from the identity provider, logged like every login."""

    @property
    def failure_url(self) -> str:
        return reverse("login")

    def login_failure(self):
        messages.error(self.request, UNKNOWN_USER_MESSAGE)
        log_access(
            self.request,
            action=AccessAction.LOGIN_FAILED,
            purpose="inlogpoging via single sign-on",
            result=AccessResult.DENIED,
        )
        return super().login_failure()

    def login_success(self):
        response = super().login_success()
        log_access(
            self.request,
            action=AccessAction.LOGIN,
            purpose="inloggen via single sign-on",
        )
        return response
