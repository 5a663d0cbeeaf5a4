from django.urls import path
from django.utils.module_loading import import_string

from gebiedsanalyse import views
from wijkteam.registry import declared

app_name = "gebiedsanalyse"

urlpatterns = [
    path("gebieden/", views.area_list, name="area_list"),
    path("gebieden/import/", views.cbs_upload, name="cbs_upload"),
    # Pages other apps add under gebieden/ (`area_urls` on their AppConfig: the
    # team's own figures, cases/figures/), before <str:code>/ would take them.
    *(p for path_ in declared("area_urls") for p in import_string(path_)),
    path(
        "gebieden/import/historie/",
        views.cbs_import_history,
        name="cbs_import_history",
    ),
    path("gebieden/werkgebied/", views.team_areas, name="team_areas"),
    path("gebieden/<str:code>/", views.area_detail, name="area_detail"),
    path("gebieden/<str:code>/cijfers.csv", views.area_csv, name="area_csv"),
    path("sociale-kaart/", views.place_list, name="place_list"),
    path("sociale-kaart/nieuw/", views.place_create, name="place_create"),
    path("sociale-kaart/<int:pk>/bewerken/", views.place_edit, name="place_edit"),
    path("hulpbronnen/", views.resource_list, name="resource_list"),
    path("hulpbronnen/nieuw/", views.resource_create, name="resource_create"),
    path("hulpbronnen/<int:pk>/bewerken/", views.resource_edit, name="resource_edit"),
    path("wijkanalyse/", views.wijkanalyse, name="wijkanalyse"),
    path("wijkanalyse/groepen/nieuw/", views.group_create, name="group_create"),
    path("wijkanalyse/groepen/<int:pk>/bewerken/", views.group_edit, name="group_edit"),
    path("wijkanalyse/acties/nieuw/", views.action_create, name="action_create"),
    path(
        "wijkanalyse/acties/<int:pk>/bewerken/", views.action_edit, name="action_edit"
    ),
    path(
        "wijkanalyse/bijeenkomsten/nieuw/",
        views.meeting_create,
        name="meeting_create",
    ),
    path(
        "wijkanalyse/bijeenkomsten/<int:pk>/bewerken/",
        views.meeting_edit,
        name="meeting_edit",
    ),
]
