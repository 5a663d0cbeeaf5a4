"""Added to the gebiedsanalyse namespace under gebieden/ (`area_urls` on
CasesConfig): the team's own figures per buurt are read from its casework."""

from django.urls import path

from cases.figures import views

urlpatterns = [
    path("gebieden/teamcijfers/", views.team_figures, name="team_figures"),
]
