from django.urls import path

from cases.persons import views

urlpatterns = [
    path("intake/personen/zoeken/", views.person_search, name="person_search"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
]
