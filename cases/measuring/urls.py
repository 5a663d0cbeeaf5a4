from django.urls import path

from cases.measuring import views

urlpatterns = [
    # metingen and moreel beraad
    path("casussen/<int:pk>/metingen/", views.metingen, name="metingen"),
    path("casussen/<int:pk>/metingen/zrm/", views.zrm_add, name="zrm_add"),
    path(
        "casussen/<int:pk>/metingen/ladder/",
        views.ladder_add,
        name="ladder_add",
    ),
    path(
        "casussen/<int:pk>/moreel-beraad/",
        views.moreel_beraad,
        name="moreel_beraad",
    ),
    # corrections after saving
    path(
        "casussen/<int:pk>/metingen/zrm/<int:assessment_pk>/corrigeren/",
        views.zrm_correct,
        name="zrm_correct",
    ),
    path(
        "casussen/<int:pk>/metingen/zrm/<int:assessment_pk>/intrekken/",
        views.zrm_withdraw,
        name="zrm_withdraw",
    ),
    path(
        "casussen/<int:pk>/metingen/ladder/<int:measurement_pk>/corrigeren/",
        views.ladder_correct,
        name="ladder_correct",
    ),
    path(
        "casussen/<int:pk>/metingen/ladder/<int:measurement_pk>/intrekken/",
        views.ladder_withdraw,
        name="ladder_withdraw",
    ),
    path(
        "casussen/<int:pk>/moreel-beraad/<int:record_pk>/wijzigen/",
        views.moreel_beraad_edit,
        name="moreel_beraad_edit",
    ),
]
