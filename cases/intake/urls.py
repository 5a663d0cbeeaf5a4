from django.urls import path

from cases.intake import views

urlpatterns = [
    path("intake/", views.intake_list, name="intake_list"),
    path("intake/nieuw/", views.question_register, name="question_register"),
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
]
