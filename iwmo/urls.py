from django.urls import path

from iwmo import views

app_name = "iwmo"

urlpatterns = [
    path("iwmo/import/", views.import_upload, name="import_upload"),
    path("iwmo/import/<int:pk>/", views.import_detail, name="import_detail"),
    path("iwmo/importhistorie/", views.import_history, name="import_history"),
]
