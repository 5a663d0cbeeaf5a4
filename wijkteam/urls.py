from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wijkteam import beheer_views, export_views, two_factor_views, views

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
]

handler400 = "wijkteam.errors.bad_request"
if settings.OIDC_ENABLED:  # single sign-on (wijkteam/oidc.py), off by default
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "wijkteam.errors.forbidden"
handler404 = "wijkteam.errors.not_found"
