from django.urls import path

from cases import (
    views,
    views_casework,
    views_corrections,
    views_inzage,
    views_measuring,
    views_network,
    views_plan,
    views_providers,
)

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
    path("beheer/inzageverzoek/", views_inzage.inzage, name="inzage"),
    path("werkbak/", views_casework.werkbak, name="werkbak"),
    path("werkbak/uren/", views_casework.contract_hours, name="contract_hours"),
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
    # metingen and moreel beraad (issue 5)
    path("casussen/<int:pk>/metingen/", views_measuring.metingen, name="metingen"),
    path("casussen/<int:pk>/metingen/zrm/", views_measuring.zrm_add, name="zrm_add"),
    path(
        "casussen/<int:pk>/metingen/ladder/",
        views_measuring.ladder_add,
        name="ladder_add",
    ),
    path(
        "casussen/<int:pk>/moreel-beraad/",
        views_measuring.moreel_beraad,
        name="moreel_beraad",
    ),
    # corrections after saving (issue 5)
    path(
        "casussen/<int:pk>/metingen/zrm/<int:assessment_pk>/corrigeren/",
        views_corrections.zrm_correct,
        name="zrm_correct",
    ),
    path(
        "casussen/<int:pk>/metingen/zrm/<int:assessment_pk>/intrekken/",
        views_corrections.zrm_withdraw,
        name="zrm_withdraw",
    ),
    path(
        "casussen/<int:pk>/metingen/ladder/<int:measurement_pk>/corrigeren/",
        views_corrections.ladder_correct,
        name="ladder_correct",
    ),
    path(
        "casussen/<int:pk>/metingen/ladder/<int:measurement_pk>/intrekken/",
        views_corrections.ladder_withdraw,
        name="ladder_withdraw",
    ),
    path(
        "casussen/<int:pk>/moreel-beraad/<int:record_pk>/wijzigen/",
        views_corrections.moreel_beraad_edit,
        name="moreel_beraad_edit",
    ),
    # Netwerk en achterdeur (issue 5): netwerk, verwijzingen, toekenningen,
    # zorgaanbieders.
    path("casussen/<int:pk>/netwerk/", views_network.case_network, name="case_network"),
    path(
        "casussen/<int:pk>/netwerk/nieuw/",
        views_network.network_add,
        name="network_add",
    ),
    path(
        "casussen/<int:pk>/netwerk/<int:entry_pk>/beeindigen/",
        views_network.network_end,
        name="network_end",
    ),
    path(
        "casussen/<int:pk>/netwerk/<int:entry_pk>/wijzigen/",
        views_network.network_edit,
        name="network_edit",
    ),
    path(
        "casussen/<int:pk>/verwijzingen/nieuw/",
        views_network.referral_add,
        name="referral_add",
    ),
    path(
        "casussen/<int:pk>/verwijzingen/wachttijd/",
        views_network.referral_waiting_time,
        name="referral_waiting_time",
    ),
    path(
        "casussen/<int:pk>/verwijzingen/<int:referral_pk>/status/",
        views_network.referral_status,
        name="referral_status",
    ),
    path(
        "casussen/<int:pk>/toekenningen/nieuw/",
        views_network.allocation_add,
        name="allocation_add",
    ),
    path(
        "casussen/<int:pk>/toekenningen/<int:allocation_pk>/status/",
        views_network.allocation_status,
        name="allocation_status",
    ),
    path("toekenningen/", views_network.allocation_list, name="allocation_list"),
    path("beheer/zorgaanbieders/", views_providers.provider_list, name="provider_list"),
    path(
        "beheer/zorgaanbieders/<int:pk>/",
        views_providers.provider_detail,
        name="provider_detail",
    ),
    path(
        "beheer/zorgaanbieders/<int:pk>/producten/nieuw/",
        views_providers.product_add_view,
        name="product_add",
    ),
    path(
        "beheer/zorgaanbieders/<int:pk>/producten/<int:product_pk>/",
        views_providers.product_update_view,
        name="product_update",
    ),
    path(
        "beheer/zorgaanbieders/<int:pk>/producten/<int:product_pk>/wachttijd/",
        views_providers.waiting_time_add,
        name="waiting_time_add",
    ),
    # plan (issue 5)
    path("casussen/<int:pk>/plan/", views_plan.plan_detail, name="plan"),
    path(
        "casussen/<int:pk>/plan/doelen/",
        views_plan.plan_goal_add,
        name="plan_goal_add",
    ),
    path(
        "casussen/<int:pk>/plan/doelen/<int:goal_pk>/",
        views_plan.plan_goal_edit,
        name="plan_goal_edit",
    ),
    path(
        "casussen/<int:pk>/plan/doelen/<int:goal_pk>/status/",
        views_plan.plan_goal_status,
        name="plan_goal_status",
    ),
    path(
        "casussen/<int:pk>/plan/doelen/<int:goal_pk>/acties/",
        views_plan.plan_action_add,
        name="plan_action_add",
    ),
    path(
        "casussen/<int:pk>/plan/acties/<int:action_pk>/",
        views_plan.plan_action_edit,
        name="plan_action_edit",
    ),
    path(
        "casussen/<int:pk>/plan/acties/<int:action_pk>/gedaan/",
        views_plan.plan_action_done,
        name="plan_action_done",
    ),
    path(
        "casussen/<int:pk>/plan/vaststellen/",
        views_plan.plan_vaststellen_view,
        name="plan_vaststellen",
    ),
    path(
        "casussen/<int:pk>/plan/versies/<int:number>/",
        views_plan.plan_version,
        name="plan_version",
    ),
]
