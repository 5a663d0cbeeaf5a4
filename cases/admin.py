"""Admin for functioneel beheer: the code list of voorliggende voorzieningen."""

from django.contrib import admin

from cases.models import CaseSettings, Voorziening


@admin.register(Voorziening)
class VoorzieningAdmin(admin.ModelAdmin):
    list_display = ["name", "contact", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


@admin.register(CaseSettings)
class CaseSettingsAdmin(admin.ModelAdmin):
    list_display = ["team", "no_contact_weeks", "unassigned_days"]
