from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wijkteam import beheer_views, export_views, member_views, two_factor_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/tweestaps/instellen/",
        two_factor_views.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "accounts/tweestaps/code/",
        two_factor_views.two_factor_verify,
        name="two_factor_verify",
    ),
    path("beheer/toegangslog/", beheer_views.accesslog_list, name="accesslog_list"),
    path(
        "beheer/toegangslog/export.csv",
        beheer_views.accesslog_csv,
        name="accesslog_csv",
    ),
    path(
        "beheer/toegangslog/opvallend/",
        beheer_views.accesslog_unusual,
        name="accesslog_unusual",
    ),
    # The beheerder manages the current team's members (wijkteam/member_views.py).
    path("beheer/medewerkers/", member_views.member_list, name="member_list"),
    path(
        "beheer/medewerkers/toevoegen/",
        member_views.member_add_view,
        name="member_add",
    ),
    path(
        "beheer/medewerkers/<int:pk>/",
        member_views.member_detail,
        name="member_detail",
    ),
    path(
        "beheer/medewerkers/<int:pk>/deactiveren/",
        member_views.member_deactivate,
        name="member_deactivate",
    ),
    path(
        "beheer/medewerkers/<int:pk>/herstellink/",
        member_views.member_reset_link,
        name="member_reset_link",
    ),
    path(
        "beheer/lidmaatschappen/<int:pk>/rol/",
        member_views.membership_role,
        name="membership_role",
    ),
    path(
        "beheer/lidmaatschappen/<int:pk>/beeindigen/",
        member_views.membership_end_view,
        name="membership_end",
    ),
    # Public: the link a beheerder made, to choose a new password once.
    path(
        "accounts/wachtwoord/<uidb64>/<token>/",
        member_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("team/", views.team_current, name="team_current"),
    path("team/kiezen/", views.switch_team, name="team_switch"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
    path(
        "exports/<slug:kind>/<int:object_id>/",
        export_views.export_start,
        name="export_start",
    ),
    path("exports/<uuid:token>/", export_views.export_status, name="export_status"),
    path(
        "exports/<uuid:token>/download/",
        export_views.export_download,
        name="export_download",
    ),
    path(
        "exports/<uuid:token>/opnieuw/",
        export_views.export_retry_view,
        name="export_retry",
    ),
    path("admin/", admin.site.urls),
    path("", include("cases.urls")),
    path("", include("gebiedsanalyse.urls")),
    path("", include("bouwstenen.urls")),
    path("", include("iwmo.urls")),
]

handler400 = "wijkteam.errors.bad_request"
if settings.OIDC_ENABLED:  # single sign-on (wijkteam/oidc.py), off by default
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "wijkteam.errors.forbidden"
handler404 = "wijkteam.errors.not_found"
