from django.contrib import admin

from imports.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Uploads and what their import did: read only (uploaded and confirmed on the import page)."""

    list_display = ("filename", "kind", "operation", "created_by", "status", "created_at", "imported_at")
    list_filter = ("kind", "status")
    search_fields = ("filename", "created_by__username")
    exclude = ("content",)  # people's details, kept only until the import

    def has_add_permission(self, request):
        return False  # uploaded on the import page, by an officer of the operation

    def has_change_permission(self, request, obj=None):
        return False
