from django.contrib import admin, messages

from workflows.admin import ReadOnlyAdmin

from . import services
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Read-only apart from revoking, which goes through the service (and so the audit trail)."""

    list_display = ["prefix", "gebruiker", "aangemaakt_op", "verloopt_op", "ingetrokken_op", "laatst_gebruikt_op"]
    list_filter = ["ingetrokken_op"]
    search_fields = ["prefix", "gebruiker__username"]
    actions = ["intrekken"]

    @admin.action(description="Geselecteerde tokens intrekken")
    def intrekken(self, request, queryset):
        aantal = services.intrekken(queryset, door=request.user)
        self.message_user(request, f"{aantal} token(s) ingetrokken.", messages.SUCCESS)
