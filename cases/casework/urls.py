from django.urls import path

from cases.casework import views

urlpatterns = [
    path("werkbak/", views.werkbak, name="werkbak"),
    path("werkbak/uren/", views.contract_hours, name="contract_hours"),
    path("werkbak/signalen/", views.signal_settings, name="signal_settings"),
    path(
        "werkbak/overdragen/",
        views.caseload_transfer,
        name="caseload_transfer",
    ),
    path("casussen/", views.case_list, name="case_list"),
    path("casussen/<int:pk>/", views.case_detail, name="case_detail"),
    path(
        "casussen/<int:pk>/regievoerder/",
        views.case_assign_view,
        name="case_assign",
    ),
    path("casussen/<int:pk>/status/", views.case_status_view, name="case_status"),
    path(
        "casussen/<int:pk>/leden/",
        views.household_member_add_view,
        name="household_member_add",
    ),
    path(
        "casussen/<int:pk>/journaal/",
        views.journal_add_view,
        name="journal_add",
    ),
    path(
        "casussen/<int:pk>/journaal/<int:entry_pk>/",
        views.journal_edit_view,
        name="journal_edit",
    ),
]
