"""Beheer of the register and the MJOPs; budgets change status only through their actions."""
from django.contrib import admin

from subsidies.admin import ReadOnlyStatusAdmin
from workflows.admin import AuditedAdmin, ReadOnlyAdmin, transition_action

from .models import (
    Accommodatie, Accommodatiegegevens, BegrotingStatus, Exploitatiebegroting, Exploitatiepost, Onderhoudspost,
)


class OnderhoudspostInline(admin.TabularInline):
    model = Onderhoudspost
    extra = 0


class ExploitatiebegrotingInline(admin.TabularInline):
    """The accommodation's budgets at a glance; each is opened and judged on its own page."""

    model = Exploitatiebegroting
    fields = ["boekjaar", "status", "ingediend_op", "beoordeeld_op"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Accommodatie)
class AccommodatieAdmin(AuditedAdmin):
    list_display = ["naam", "soort", "gebied", "wijk", "bestuur", "eigendom", "vloeroppervlak", "gebruikers_per_week"]
    list_filter = ["soort", "eigendom", "gebied"]
    search_fields = ["naam", "bestuur__naam", "straat"]
    inlines = [OnderhoudspostInline, ExploitatiebegrotingInline]


class ExploitatiepostInline(admin.TabularInline):
    """The lines change only while the budget is a concept."""

    model = Exploitatiepost
    extra = 0

    def _concept(self, obj) -> bool:
        return obj is None or obj.status == BegrotingStatus.CONCEPT

    def has_add_permission(self, request, obj=None):
        return self._concept(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._concept(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._concept(obj) and super().has_delete_permission(request, obj)


@admin.register(Exploitatiebegroting)
class ExploitatiebegrotingAdmin(ReadOnlyStatusAdmin):
    list_display = ["accommodatie", "boekjaar", "status", "ingediend_op", "beoordeeld_op"]
    list_filter = ["status", "boekjaar"]
    search_fields = ["accommodatie__naam"]
    readonly_fields = ["ingediend_op", "beoordeeld_op", "beoordeeld_door", "motivering"]
    inlines = [ExploitatiepostInline]

    def get_readonly_fields(self, request, obj=None):
        """A submitted budget is what was judged (and what an exploitatiesubsidie was checked against)."""
        vast = [] if obj is None or obj.status == BegrotingStatus.CONCEPT else ["accommodatie", "boekjaar", "toelichting"]
        return [*super().get_readonly_fields(request, obj), *vast]
    actions = [transition_action("indienen", "Indienen"), transition_action("goedkeuren", "Goedkeuren")]


@admin.register(Accommodatiegegevens)
class AccommodatiegegevensAdmin(ReadOnlyAdmin):
    """What the applicant sent with the request is shown, not edited."""

    list_display = ["aanvraag", "accommodatie"]
    search_fields = ["accommodatie__naam", "aanvraag__titel"]
