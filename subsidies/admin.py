"""Django admin for beheerders: configuration (regelingen, budgets, organisaties); statuses only via actions."""
from django.contrib import admin

from workflows.admin import AuditedAdmin, transition_action

from . import models


class PlafondInline(admin.TabularInline):
    model = models.Plafond
    extra = 0


@admin.register(models.Regeling)
class RegelingAdmin(AuditedAdmin):
    list_display = ["code", "naam", "begrotingspost", "verdeelmethode", "beslistermijn_weken", "max_bedrag",
                    "meerjarig", "actief"]
    list_filter = ["actief", "meerjarig", "verdeelmethode"]
    search_fields = ["code", "naam"]
    inlines = [PlafondInline]


@admin.register(models.Budget)
class BudgetAdmin(AuditedAdmin):
    list_display = ["begrotingspost", "boekjaar", "fondsbron", "bedrag"]
    list_filter = ["boekjaar", "fondsbron"]


for model in (models.Begrotingspost, models.Fondsbron, models.Gebied, models.Wijk):
    admin.site.register(model, AuditedAdmin)


class ContactpersoonInline(admin.TabularInline):
    model = models.Contactpersoon
    extra = 0


@admin.register(models.Organisatie)
class OrganisatieAdmin(AuditedAdmin):
    list_display = ["naam", "rechtsvorm", "kvk_nummer", "gebied"]
    list_filter = ["rechtsvorm", "gebied"]
    search_fields = ["naam", "kvk_nummer"]
    filter_horizontal = ["leden"]
    inlines = [ContactpersoonInline]


@admin.register(models.Belangenverklaring)
class BelangenverklaringAdmin(AuditedAdmin):
    list_display = ["medewerker", "organisatie", "verklaard_op"]


class ReadOnlyStatusAdmin(AuditedAdmin):
    """Status changes only through the transition actions, never by editing the field."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "status"]


class ReadOnlyInline(admin.TabularInline):
    """What the applicant sent is shown, not edited, in the admin."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BegrotingsregelInline(ReadOnlyInline):
    model = models.Begrotingsregel


class DocumentInline(ReadOnlyInline):
    model = models.Document


@admin.register(models.Aanvraag)
class AanvraagAdmin(ReadOnlyStatusAdmin):
    list_display = ["nummer", "titel", "organisatie", "regeling", "status", "gevraagd_bedrag", "uiterste_beslisdatum"]
    list_filter = ["status", "regeling"]
    search_fields = ["titel", "organisatie__naam"]
    readonly_fields = ["ontvangen_op", "volledig_op", "uiterste_beslisdatum", "behandelaar", "voorstel_uitkomst",
                       "voorstel_bedrag", "voorgesteld_door"]
    inlines = [BegrotingsregelInline, DocumentInline]
    actions = [
        transition_action("in_behandeling_nemen", "In behandeling nemen"),
        transition_action("volledig_verklaren", "Volledig verklaren"),
        transition_action("buiten_behandeling_stellen", "Buiten behandeling stellen"),
    ]


@admin.register(models.Subsidie)
class SubsidieAdmin(ReadOnlyStatusAdmin):
    list_display = ["aanvraag", "verleend_bedrag", "vastgesteld_bedrag", "status"]
    list_filter = ["status"]
    readonly_fields = ["aanvraag", "verleend_bedrag", "vastgesteld_bedrag", "verantwoordingsniveau"]
    actions = [transition_action("afsluiten", "Afsluiten")]


@admin.register(models.Betaling)
class BetalingAdmin(ReadOnlyStatusAdmin):
    list_display = ["subsidie", "soort", "bedrag", "gepland_op", "uitgevoerd_op", "status"]
    list_filter = ["status", "soort"]
    readonly_fields = ["subsidie", "verplichting", "soort", "bedrag"]
    actions = [transition_action("uitvoeren", "Uitgevoerd (betaald of ontvangen)")]


@admin.register(models.Beschikking)
class BeschikkingAdmin(admin.ModelAdmin):
    list_display = ["aanvraag", "soort", "bedrag", "verzonden_op", "bezwaartermijn_tot"]
    list_filter = ["soort"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
