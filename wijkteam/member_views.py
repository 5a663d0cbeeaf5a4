"""Functioneel beheer: the beheerder manages the members of the current team here
(list, add with a role, change or end a role, deactivate an account, a link to
choose a new password). Everything goes through the one access check (permission
`team.manage`); another team's member or membership is 404. Rights beyond a role
(staff, superuser, groups, permissions) are for superusers in /admin/ only."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_POST

from wijkteam.access import current_team, get_object_for_user, require
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction, Role
from wijkteam.forms import MemberAddForm, MembershipRoleForm
from wijkteam.models import Membership, User
from wijkteam.services import (
    MemberError,
    member_account_check,
    member_add,
    membership_change_role,
    membership_end,
    password_reset_link_token,
    user_deactivate,
)


def get_member_for_user(request: HttpRequest, pk: int) -> User:
    """An account with a role (now or before) in the current team: 404 for anyone
    else, then 403 without `team.manage`."""
    team = current_team(request)
    try:
        user = User.objects.filter(memberships__team=team).distinct().get(pk=pk)
    except User.DoesNotExist:
        raise Http404 from None
    require(request, "team.manage", team)
    request.team = team
    return user


def get_membership_for_user(request: HttpRequest, pk: int) -> Membership:
    return get_object_for_user(
        request, Membership.objects.select_related("user", "team"), "team.manage", pk=pk
    )


def _list_page(request, form, status=200) -> HttpResponse:
    memberships = (
        Membership.objects.filter(team=request.team)
        .select_related("user")
        .order_by("-is_active", "user__last_name", "user__first_name", "role")
    )
    return render(
        request,
        "wijkteam/beheer/member_list.html",
        {"memberships": memberships, "form": form},
        status=status,
    )


@login_required
@require_GET
def member_list(request: HttpRequest) -> HttpResponse:
    team = current_team(request)
    require(request, "team.manage", team)
    request.team = team
    return _list_page(request, MemberAddForm())


@login_required
@require_POST
def member_add_view(request: HttpRequest) -> HttpResponse:
    team = current_team(request)
    require(request, "team.manage", team)
    request.team = team
    form = MemberAddForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form, status=400)
    try:
        membership, created = member_add(
            team=team, by=request.user, **form.cleaned_data
        )
    except MemberError as error:
        form.add_error("username", str(error))
        return _list_page(request, form, status=400)
    log_access(
        request,
        action=AccessAction.CHANGE,
        obj=membership,
        purpose=f"beheer: {membership.user.username} als "
        f"{membership.get_role_display().lower()} toegevoegd",
    )
    messages.success(
        request,
        f"{membership.user} is nu {membership.get_role_display().lower()} in dit team."
        + (" Maak een herstellink zodat die een wachtwoord kiest." if created else ""),
    )
    return redirect("member_detail", pk=membership.user_id)


@login_required
@require_GET
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_member_for_user(request, pk)
    try:
        member_account_check(user=member, team=request.team, by=request.user)
        account_refusal = ""
    except MemberError as error:
        account_refusal = str(error)
    memberships = member.memberships.filter(team=request.team).order_by(
        "-is_active", "role"
    )
    return render(
        request,
        "wijkteam/beheer/member_detail.html",
        {
            "member": member,
            "memberships": memberships,
            "role_form": MembershipRoleForm(),
            "roles": Role.choices,
            "account_refusal": account_refusal,
            "is_self": member == request.user,
            "reset_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )


def _done(request, member_pk: int, error: MemberError | None, success: str):
    if error is not None:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("member_detail", pk=member_pk)


@login_required
@require_POST
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for_user(request, pk)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["role"][0])
        return redirect("member_detail", pk=membership.user_id)
    old = membership.get_role_display().lower()
    try:
        membership_change_role(
            membership=membership, role=form.cleaned_data["role"], by=request.user
        )
    except MemberError as error:
        return _done(request, membership.user_id, error, "")
    new = Role(form.cleaned_data["role"]).label.lower()
    log_access(
        request,
        action=AccessAction.CHANGE,
        obj=membership,
        team=membership.team,
        purpose=f"beheer: rol van {membership.user.username} van {old} naar {new}",
    )
    return _done(request, membership.user_id, None, f"De rol is nu {new}.")


@login_required
@require_POST
def membership_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for_user(request, pk)
    try:
        membership_end(membership=membership, by=request.user)
    except MemberError as error:
        return _done(request, membership.user_id, error, "")
    role = membership.get_role_display().lower()
    log_access(
        request,
        action=AccessAction.CHANGE,
        obj=membership,
        team=membership.team,
        purpose=f"beheer: rol {role} van {membership.user.username} beëindigd",
    )
    return _done(request, membership.user_id, None, f"De rol {role} is beëindigd.")


@login_required
@require_POST
def member_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_member_for_user(request, pk)
    try:
        member_account_check(user=member, team=request.team, by=request.user)
    except MemberError as error:
        return _done(request, member.pk, error, "")
    ended = user_deactivate(user=member)
    log_access(
        request,
        action=AccessAction.CHANGE,
        obj=member,
        purpose=f"beheer: account {member.username} gedeactiveerd",
    )
    return _done(
        request,
        member.pk,
        None,
        f"Het account is gedeactiveerd; {ended} sessie(s) beëindigd.",
    )


@login_required
@require_POST
def member_reset_link(request: HttpRequest, pk: int) -> HttpResponse:
    """The link is shown once, on this answer to a POST, and never stored."""
    member = get_member_for_user(request, pk)
    try:
        uid, token = password_reset_link_token(
            user=member, team=request.team, by=request.user
        )
    except MemberError as error:
        return _done(request, member.pk, error, "")
    log_access(
        request,
        action=AccessAction.CHANGE,
        obj=member,
        purpose=f"beheer: herstellink voor {member.username} gemaakt",
    )
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return render(
        request,
        "wijkteam/beheer/member_reset_link.html",
        {"member": member, "link": request.build_absolute_uri(path)},
    )


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Public: the link from the beheerder. Choosing the password does not log in;
    the user logs in as usual, with the second factor."""

    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        log_access(
            self.request,
            action=AccessAction.CHANGE,
            obj=form.user,
            purpose=f"wachtwoord gekozen met herstellink: {form.user.username}",
        )
        messages.success(
            self.request, "Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen."
        )
        return response
