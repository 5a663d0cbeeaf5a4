"""Sessions, login throttling and the second factor: the parts that run on every
request. The promises and the tests that prove them are listed in docs/security.md.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from django_otp import user_has_device

from wijkteam.accesslog import client_ip, log_access
from wijkteam.constants import AccessAction, AccessResult
from wijkteam.demo import PEOPLE
from wijkteam.models import Membership, UserSession

LOGIN_AT_KEY = "wijkteam_login_at"


# --- sessions -------------------------------------------------------------------


@receiver(user_logged_in, dispatch_uid="wijkteam.security.record_login")
def record_login(sender, request, user, **kwargs) -> None:
    """At every login: note the time (for the absolute limit) and which session is
    the user's (so that deactivation can end it)."""
    session = request.session
    session[LOGIN_AT_KEY] = int(time.time())
    if session.session_key is None:
        session.save()
    UserSession.objects.update_or_create(
        session_id=session.session_key, defaults={"user": user}
    )
    if _is_admin_login(request):
        log_access(request, action=AccessAction.LOGIN, purpose="inloggen (beheer)")


@receiver(user_login_failed, dispatch_uid="wijkteam.security.log_admin_failure")
def log_admin_login_failure(sender, credentials, request=None, **kwargs) -> None:
    """Our LoginView logs its own attempts; the admin's login page is logged here.
    A locked-out attempt is logged by lockout_response."""
    if _is_admin_login(request) and not getattr(request, "axes_locked_out", False):
        username = str(credentials.get("username", ""))[:100]
        log_access(
            request,
            action=AccessAction.LOGIN_FAILED,
            purpose=f"inlogpoging (beheer) als {username}",
            result=AccessResult.DENIED,
        )


def _is_admin_login(request) -> bool:
    path = getattr(request, "path", "") or ""
    return path == reverse("admin:login")


def session_expired(request: HttpRequest) -> bool:
    started = request.session.get(LOGIN_AT_KEY)
    if not isinstance(started, int):
        return True  # a session from before this rule: start again
    return time.time() - started > settings.SESSION_ABSOLUTE_SECONDS


class AbsoluteSessionTimeoutMiddleware:
    """Ends a session 12 hours (SESSION_ABSOLUTE_SECONDS) after login, however
    active the user is. The idle limit is Django's own (SESSION_COOKIE_AGE with
    SESSION_SAVE_EVERY_REQUEST)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and session_expired(request):
            log_access(
                request,
                action=AccessAction.LOGOUT,
                purpose="sessie beëindigd: maximale duur bereikt",
            )
            logout(request)
            messages.info(
                request, "Uw sessie is verlopen. Log opnieuw in om verder te werken."
            )
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class DeniedAccessLogMiddleware:
    """NEN 7513 asks for refused attempts too. The one access check answers with
    Http404 (another team's object, or none at all) or PermissionDenied (the role
    lacks the right); a view does the same for a child object that is not the
    casus's. Each such refusal of a signed-in user is written to the access log as
    one row with result "geweigerd" before Django renders the 404/403 page. A typo in
    the address (no view matched) is not an attempt at anyone's data and is not
    logged."""

    REASONS = {
        Http404: "niet gevonden of van een ander team",
        PermissionDenied: "rol zonder dit recht",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        for kind, reason in self.REASONS.items():
            if isinstance(exception, kind):
                match = request.resolver_match
                view = match.view_name if match else ""
                log_access(
                    request,
                    action=AccessAction.VIEW
                    if request.method in ("GET", "HEAD")
                    else AccessAction.CHANGE,
                    purpose=f"geweigerd ({view}): {reason}",
                    result=AccessResult.DENIED,
                )
        return None  # Django renders the 404/403 page as before


def end_sessions_of(user) -> int:
    """Delete every database session of the user. Returns how many."""
    keys = UserSession.objects.filter(user=user).values("session_id")
    _, per_model = Session.objects.filter(session_key__in=keys).delete()
    return per_model.get(Session._meta.label, 0)


# --- two-factor authentication ----------------------------------------------------


def needs_two_factor(user) -> bool:
    """True for a user with a role that sees personal data (OTP_REQUIRED_ROLES), in
    any team, and for every account that can reach /admin/ (staff, superusers):
    a superuser made with `createsuperuser` has no membership at all. Demo accounts
    in demo mode are exempt (docs/security.md)."""
    if not settings.OTP_ENFORCED or not user.is_authenticated:
        return False
    if settings.DEMO_MODE and is_demo_account(user):
        return False
    if user.is_staff or user.is_superuser:
        return True
    cached = getattr(user, "_wijkteam_needs_2fa", None)
    if cached is None:
        cached = (
            Membership.objects.active()
            .filter(user=user, role__in=settings.OTP_REQUIRED_ROLES)
            .exists()
        )
        user._wijkteam_needs_2fa = cached
    return cached


DEMO_USERNAMES = frozenset(person[0] for people in PEOPLE for person in people)


def is_demo_account(user) -> bool:
    return user.get_username() in DEMO_USERNAMES


def two_factor_exempt_paths() -> tuple[str, ...]:
    return (
        reverse("login"),
        reverse("logout"),
        reverse("healthz"),
        reverse("two_factor_setup"),
        reverse("two_factor_verify"),
        settings.STATIC_URL,
    )


class TwoFactorMiddleware:
    """A user who needs a second factor and has not given one this session is sent
    to set it up (no device yet) or to enter a code; only login, logout, static
    files, the health check and the 2FA pages themselves are reachable before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and needs_two_factor(user)
            and not request.path.startswith(two_factor_exempt_paths())
        ):
            target = (
                "two_factor_verify"
                if user_has_device(user, confirmed=True)
                else "two_factor_setup"
            )
            return redirect_to_login(request.get_full_path(), reverse(target))
        return self.get_response(request)


# --- login throttling (django-axes) -----------------------------------------------


def axes_client_ip(request: HttpRequest) -> str | None:
    """The same address the access log records."""
    return client_ip(request)


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """Axes calls this for an attempt on a locked username + IP: log it, and tell
    the user in Dutch, without saying whether the password was right."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    log_access(
        request,
        action=AccessAction.LOGIN_FAILED,
        purpose=f"geblokkeerd na te veel pogingen: {username[:100]}",
        result=AccessResult.DENIED,
    )
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
