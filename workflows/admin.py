"""Admin for the trail (read-only) and the calendar data, plus the helpers domain admins use for transitions."""
from django.contrib import admin, messages

from .context import acting_as
from .errors import DomainError
from .models import AuditRecord, GelijkgesteldeDag
from .transitions import perform


def transition_action(actie: str, label: str):
    """An admin action that runs `actie` through the one transition service on each selected object."""

    def run(modeladmin, request, queryset):
        done = 0
        for obj in queryset:
            try:
                perform(obj, actie, request.user, reden=f"Via beheer: {label}")
                done += 1
            except DomainError as refusal:
                modeladmin.message_user(request, f"{obj}: {refusal.nl}", messages.ERROR)
        if done:
            modeladmin.message_user(request, f"{label}: {done} uitgevoerd.", messages.SUCCESS)

    run.__name__ = f"actie_{actie}"
    run.short_description = label
    return run


class AuditedAdmin(admin.ModelAdmin):
    """Attributes admin saves to the logged-in user in the audit trail; status fields stay read-only."""

    def save_model(self, request, obj, form, change):
        with acting_as(request.user):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with acting_as(request.user):
            super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        with acting_as(request.user):
            super().delete_model(request, obj)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what was decided or booked: shown, never added, changed or removed by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = ["volgnummer", "tijdstip", "actor_weergave", "object_weergave", "actie", "handeling",
                    "van_status", "naar_status"]
    list_filter = ["actie", "object_type"]
    search_fields = ["object_weergave", "actor_weergave", "toelichting"]


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(AuditedAdmin):
    list_display = ["datum", "omschrijving", "bron"]
