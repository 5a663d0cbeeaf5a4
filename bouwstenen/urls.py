from django.urls import path

from bouwstenen import views
from bouwstenen.constants import DocumentKind

app_name = "bouwstenen"

START = {"kind": DocumentKind.STARTDOCUMENT}
PLAN = {"kind": DocumentKind.PLAN_VAN_AANPAK}

urlpatterns = [
    path("startdocumenten/", views.document_list, START, name="startdocument_list"),
    path(
        "startdocumenten/nieuw/", views.document_create, START, name="startdocument_new"
    ),
    path("plannen-van-aanpak/", views.document_list, PLAN, name="plan_list"),
    path("plannen-van-aanpak/nieuw/", views.document_create, PLAN, name="plan_new"),
    path("documenten/<int:pk>/", views.document_detail, name="document_detail"),
    path(
        "documenten/<int:pk>/onderdelen/<int:number>/",
        views.section_edit,
        name="section_edit",
    ),
    path("documenten/<int:pk>/status/", views.version_status, name="version_status"),
    path("documenten/<int:pk>/nieuwe-versie/", views.version_new, name="version_new"),
    path(
        "documenten/<int:pk>/vergelijken/",
        views.version_compare,
        name="version_compare",
    ),
    path("documenten/<int:pk>/opmerkingen/", views.comment_add, name="comment_add"),
    path(
        "documenten/<int:pk>/ontwikkelingsplan/",
        views.development_plan,
        name="development_plan",
    ),
]
