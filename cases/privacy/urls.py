from django.urls import path

from cases.privacy import views

urlpatterns = [
    path("beheer/inzageverzoek/", views.inzage, name="inzage"),
]
