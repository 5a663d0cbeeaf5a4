from django.urls import path

from cases import views, views_casework

app_name = "cases"

urlpatterns = [
    path("intake/", views.intake_list, name="intake_list"),
    path("intake/nieuw/", views.question_register, name="question_register"),
    path("intake/personen/zoeken/", views.person_search, name="person_search"),
    path("intake/vragen/<int:pk>/", views.question_detail, name="question_detail"),
    path(
        "intake/vragen/<int:pk>/inplannen/",
        views.question_plan_view,
        name="question_plan",
    ),
    path(
        "intake/vragen/<int:pk>/vraagverheldering/",
        views.vraagverheldering,
        name="vraagverheldering",
    ),
    path("afspraken/", views.my_appointments, name="my_appointments"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("werkbak/", views_casework.werkbak, name="werkbak"),
    path(
        "werkbak/overdragen/",
        views_casework.caseload_transfer,
        name="caseload_transfer",
    ),
    path("casussen/", views_casework.case_list, name="case_list"),
    path("casussen/<int:pk>/", views_casework.case_detail, name="case_detail"),
    path(
        "casussen/<int:pk>/regievoerder/",
        views_casework.case_assign_view,
        name="case_assign",
    ),
    path(
        "casussen/<int:pk>/status/", views_casework.case_status_view, name="case_status"
    ),
    path(
        "casussen/<int:pk>/leden/",
        views_casework.household_member_add_view,
        name="household_member_add",
    ),
    path(
        "casussen/<int:pk>/journaal/",
        views_casework.journal_add_view,
        name="journal_add",
    ),
    path(
        "casussen/<int:pk>/journaal/<int:entry_pk>/",
        views_casework.journal_edit_view,
        name="journal_edit",
    ),
]
