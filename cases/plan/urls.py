from django.urls import path

from cases.plan import views

urlpatterns = [
    path("casussen/<int:pk>/plan/", views.plan_detail, name="plan"),
    path(
        "casussen/<int:pk>/plan/doelen/",
        views.plan_goal_add,
        name="plan_goal_add",
    ),
    path(
        "casussen/<int:pk>/plan/doelen/<int:goal_pk>/",
        views.plan_goal_edit,
        name="plan_goal_edit",
    ),
    path(
        "casussen/<int:pk>/plan/doelen/<int:goal_pk>/status/",
        views.plan_goal_status,
        name="plan_goal_status",
    ),
    path(
        "casussen/<int:pk>/plan/doelen/<int:goal_pk>/acties/",
        views.plan_action_add,
        name="plan_action_add",
    ),
    path(
        "casussen/<int:pk>/plan/acties/<int:action_pk>/",
        views.plan_action_edit,
        name="plan_action_edit",
    ),
    path(
        "casussen/<int:pk>/plan/acties/<int:action_pk>/gedaan/",
        views.plan_action_done,
        name="plan_action_done",
    ),
    path(
        "casussen/<int:pk>/plan/vaststellen/",
        views.plan_vaststellen_view,
        name="plan_vaststellen",
    ),
    path(
        "casussen/<int:pk>/plan/versies/<int:number>/",
        views.plan_version,
        name="plan_version",
    ),
]
