"""Admin for functioneel beheer: which teams serve which areas; import history.

CBS figures are changed only by importing (the upload page or `import_cbs`), so
areas and figures are read-only here apart from the teams that serve an area.
"""

from django.contrib import admin

from gebiedsanalyse.models import Area, CbsImport


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "name", "level", "parent"]
    filter_horizontal = ["teams"]
    fields = ["code", "name", "level", "parent", "teams"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CbsImport)
class CbsImportAdmin(admin.ModelAdmin):
    list_display = ["at", "file_name", "year", "rows_read", "areas_created", "user"]
    readonly_fields = [f.name for f in CbsImport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
