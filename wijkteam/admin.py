"""The Django admin, for superusers and for staff keeping code lists.

Who works in which team, with which rights, decides who reads which residents'
data: users, teams, memberships, groups and permissions are managed here by
superusers only (a staff member's model permissions cannot open them, and Django's
`change_user` would let one tick `is_superuser`). A beheerder manages the people of
the own team in the app (/beheer/medewerkers/), through the one access check. The
access log is not in the admin: the app's viewer (/beheer/toegangslog/) shows one
team's rows and logs every reading.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.models import ExportJob, Membership, Team, User
from wijkteam.services import user_deactivate

admin.site.site_header = "Wijkteam — functioneel beheer"
admin.site.site_title = "Wijkteam beheer"
admin.site.index_title = "Beheer"


class SuperuserOnly:
    """Every view, change, add and delete of this admin for active superusers only."""

    def _superuser(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._superuser(request)

    def has_view_permission(self, request, obj=None):
        return self._superuser(request)

    def has_add_permission(self, request, *args):
        return self._superuser(request)

    def has_change_permission(self, request, obj=None):
        return self._superuser(request)

    def has_delete_permission(self, request, obj=None):
        return self._superuser(request)


class MembershipInline(SuperuserOnly, admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(SuperuserOnly, DjangoUserAdmin):
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
class TeamAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "gemeente", "location_name", "city"]
    search_fields = ["name", "gemeente"]
    inlines = [MembershipInline]


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SuperuserOnly, DjangoGroupAdmin):
    pass


# A device's page shows its secret (QR code): whoever reads it has the second
# factor of that account. A superuser deletes a lost device (docs/security.md).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(TOTPDevice)
class SuperuserTOTPDeviceAdmin(SuperuserOnly, TOTPDeviceAdmin):
    pass


@admin.register(StaticDevice)
class SuperuserStaticDeviceAdmin(SuperuserOnly, StaticDeviceAdmin):
    pass


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
