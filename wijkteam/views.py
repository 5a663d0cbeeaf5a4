from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

import redis
from celery.exceptions import TimeoutError as CeleryTimeout

from wijkteam.access import (
    SESSION_TEAM_KEY,
    current_team,
    get_object_for_user,
    roles_by_team,
    roles_in,
)
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction, AccessResult, Role
from wijkteam.forms import LoginForm
from wijkteam.models import Membership, Team
from wijkteam.registry import home_panel
from wijkteam.tasks import ping

WORKER_PING_TIMEOUT = 3.0


def greeting(hour: int) -> str:
    if hour < 6:
        return "Goedenacht"
    if hour < 12:
        return "Goedemorgen"
    if hour < 18:
        return "Goedemiddag"
    return "Goedenavond"


class LoginView(auth_views.LoginView):
    """Django's login, in Dutch, with every attempt in the access log."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        log_access(self.request, action=AccessAction.LOGIN, purpose="inloggen")
        return response

    def form_invalid(self, form):
        if getattr(self.request, "axes_locked_out", False):
            # django-axes answers with the lockout page, which logs the attempt.
            return super().form_invalid(form)
        log_access(
            self.request,
            action=AccessAction.LOGIN_FAILED,
            purpose=f"inlogpoging als {form.data.get('username', '')[:100]}",
            result=AccessResult.DENIED,
        )
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            log_access(request, action=AccessAction.LOGOUT, purpose="uitloggen")
        return super().post(request, *args, **kwargs)


def _home_panel(role: Role) -> str:
    """The role's panel: the app's that serves the role, else the core's own."""
    return home_panel(role.value) or f"wijkteam/home/{role.value}.html"


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    team = current_team(request)
    roles = [Role(r) for r in sorted(roles_in(request.user, team))]
    return render(
        request,
        "wijkteam/home.html",
        {
            "team": team,
            "greeting": greeting(timezone.localtime().hour),
            "role_sections": [
                {"role": role, "template": _home_panel(role)} for role in roles
            ],
        },
    )


@login_required
@require_GET
def team_current(request: HttpRequest) -> HttpResponse:
    team = current_team(request)
    if team is None:
        return redirect("home")
    return redirect("team_detail", pk=team.pk)


@login_required
@require_GET
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = get_object_for_user(request, Team, "team.view", team_field="", pk=pk)
    members = (
        Membership.objects.active()
        .filter(team=team)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name")
    )
    return render(
        request, "wijkteam/team_detail.html", {"team": team, "members": members}
    )


@login_required
@require_POST
def switch_team(request: HttpRequest) -> HttpResponse:
    try:
        team_id = int(request.POST.get("team", ""))
    except ValueError:
        team_id = None
    if team_id not in roles_by_team(request.user):
        messages.error(request, "U bent geen lid van dat team.")
        return redirect("home")
    request.session[SESSION_TEAM_KEY] = team_id
    return redirect("home")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, Redis and a Celery worker, each 'ok' or an error word. No data.

    Kubernetes probes ask less, so that one failing part does not restart or
    unroute every web pod: `?probe=live` only says the process answers, and
    `?probe=ready` checks the database and Redis but not the worker (pages work
    without one; exports wait for it).
    """
    probe = request.GET.get("probe")
    if probe == "live":
        return JsonResponse({"status": "ok"})
    status = {"database": "ok", "redis": "ok", "worker": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        status["database"] = "error"
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
    except Exception:
        status["redis"] = "error"
    if probe == "ready":
        del status["worker"]
    elif status["redis"] == "ok":
        try:
            result = ping.apply_async(expires=WORKER_PING_TIMEOUT)
            if result.get(timeout=WORKER_PING_TIMEOUT) != "pong":
                status["worker"] = "error"
            result.forget()
        except CeleryTimeout:
            status["worker"] = "timeout"
        except Exception:
            status["worker"] = "error"
    else:
        status["worker"] = "unknown"
    healthy = all(value == "ok" for value in status.values())
    status["status"] = "ok" if healthy else "error"
    return JsonResponse(status, status=200 if healthy else 503)
