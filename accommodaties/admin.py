"""Beheer of the register and the MJOPs; budgets change status only through their actions."""
from django.contrib import admin

from subsidies.admin import ReadOnlyStatusAdmin
from workflows.admin import AuditedAdmin, OnderdeelInline, ReadOnlyAdmin, VasteVeldenForm, transition_action

from .models import (
    Accommodatie, Accommodatiegegevens, Exploitatiebegroting, Exploitatiepost, Onderhoudspost,
)


class OnderhoudspostInline(admin.TabularInline):
    """An item a request was submitted on shows read-only (Onderhoudspost.vaste_velden)."""

    model = Onderhoudspost
    form = VasteVeldenForm
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


class ExploitatiepostInline(OnderdeelInline):
    """The lines change only while the budget is a concept (Exploitatiebegroting.wijzigbaar)."""

    model = Exploitatiepost


@admin.register(Exploitatiebegroting)
class ExploitatiebegrotingAdmin(ReadOnlyStatusAdmin):
    list_display = ["accommodatie", "boekjaar", "status", "ingediend_op", "beoordeeld_op"]
    list_filter = ["status", "boekjaar"]
    search_fields = ["accommodatie__naam"]
    readonly_fields = ["ingediend_op", "beoordeeld_op", "beoordeeld_door", "motivering"]
    inlines = [ExploitatiepostInline]
    actions = [transition_action("indienen", "Indienen"), transition_action("goedkeuren", "Goedkeuren")]


@admin.register(Accommodatiegegevens)
class AccommodatiegegevensAdmin(ReadOnlyAdmin):
    """What the applicant sent with the request is shown, not edited."""

    list_display = ["aanvraag", "accommodatie"]
    search_fields = ["accommodatie__naam", "aanvraag__titel"]
