from django.urls import path

from cases.network import views

urlpatterns = [
    # Netwerk en achterdeur: netwerk, verwijzingen, toekenningen,
    # zorgaanbieders.
    path("casussen/<int:pk>/netwerk/", views.case_network, name="case_network"),
    path(
        "casussen/<int:pk>/netwerk/nieuw/",
        views.network_add,
        name="network_add",
    ),
    path(
        "casussen/<int:pk>/netwerk/<int:entry_pk>/beeindigen/",
        views.network_end,
        name="network_end",
    ),
    path(
        "casussen/<int:pk>/netwerk/<int:entry_pk>/wijzigen/",
        views.network_edit,
        name="network_edit",
    ),
    path(
        "casussen/<int:pk>/verwijzingen/nieuw/",
        views.referral_add,
        name="referral_add",
    ),
    path(
        "casussen/<int:pk>/verwijzingen/wachttijd/",
        views.referral_waiting_time,
        name="referral_waiting_time",
    ),
    path(
        "casussen/<int:pk>/verwijzingen/<int:referral_pk>/status/",
        views.referral_status,
        name="referral_status",
    ),
    path(
        "casussen/<int:pk>/toekenningen/nieuw/",
        views.allocation_add,
        name="allocation_add",
    ),
    path(
        "casussen/<int:pk>/toekenningen/<int:allocation_pk>/status/",
        views.allocation_status,
        name="allocation_status",
    ),
    path("toekenningen/", views.allocation_list, name="allocation_list"),
    path("beheer/zorgaanbieders/", views.provider_list, name="provider_list"),
    path(
        "beheer/zorgaanbieders/<int:pk>/",
        views.provider_detail,
        name="provider_detail",
    ),
    path(
        "beheer/zorgaanbieders/<int:pk>/producten/nieuw/",
        views.product_add_view,
        name="product_add",
    ),
    path(
        "beheer/zorgaanbieders/<int:pk>/producten/<int:product_pk>/",
        views.product_update_view,
        name="product_update",
    ),
    path(
        "beheer/zorgaanbieders/<int:pk>/producten/<int:product_pk>/wachttijd/",
        views.waiting_time_add,
        name="waiting_time_add",
    ),
]
