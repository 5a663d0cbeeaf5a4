from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from wijkteam.models import AccessLogEntry, ExportJob, Membership, Team, User
from wijkteam.services import user_deactivate

admin.site.site_header = "Wijkteam — functioneel beheer"
admin.site.site_title = "Wijkteam beheer"
admin.site.index_title = "Beheer"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    actions = ["deactivate"]

    @admin.action(
        description="Account deactiveren en alle sessies beëindigen",
        permissions=["change"],
    )
    def deactivate(self, request, queryset):
        ended = sum(user_deactivate(user=user) for user in queryset)
        self.message_user(
            request,
            f"{queryset.count()} account(s) gedeactiveerd, "
            f"{ended} sessie(s) beëindigd.",
            messages.SUCCESS,
        )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "gemeente", "location_name", "city"]
    search_fields = ["name", "gemeente"]
    inlines = [MembershipInline]


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the access log is append-only."""

    list_display = ["at", "username", "role", "team", "action", "person_id", "result"]
    list_filter = ["action", "result", "team"]
    search_fields = ["username", "person_id", "purpose"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    """Read-only: jobs are made by the export service and the worker."""

    list_display = [
        "title",
        "kind",
        "version",
        "status",
        "requested_by",
        "requested_at",
    ]
    list_filter = ["status", "kind"]
    readonly_fields = [f.name for f in ExportJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
