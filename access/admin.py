from django.contrib import admin, messages

from . import services
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only apart from revoking, which goes through the service (and so the audit trail)."""

    list_display = ["prefix", "gebruiker", "aangemaakt_op", "verloopt_op", "ingetrokken_op", "laatst_gebruikt_op"]
    list_filter = ["ingetrokken_op"]
    search_fields = ["prefix", "gebruiker__username"]
    actions = ["intrekken"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Geselecteerde tokens intrekken")
    def intrekken(self, request, queryset):
        aantal = services.intrekken(queryset, door=request.user)
        self.message_user(request, f"{aantal} token(s) ingetrokken.", messages.SUCCESS)
