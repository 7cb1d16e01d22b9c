"""Admin for beheerders: themes, gebiedsteams; initiatives, advice and reach shown, statuses only via actions."""
from django.contrib import admin

from subsidies.admin import ReadOnlyInline, ReadOnlyStatusAdmin
from workflows.admin import AuditedAdmin, transition_action

from . import models


@admin.register(models.Thema)
class ThemaAdmin(AuditedAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]


@admin.register(models.Dimensie)
class DimensieAdmin(AuditedAdmin):
    list_display = ["naam", "code", "volgorde"]

    def has_add_permission(self, request):
        return False  # the six dimensions of positieve gezondheid are fixed

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Gebiedsteam)
class GebiedsteamAdmin(AuditedAdmin):
    list_display = ["naam", "gebied", "email"]


class DoelInline(ReadOnlyInline):
    model = models.Doel


class AdviesInline(ReadOnlyInline):
    model = models.Adviesaanvraag
    fields = ["adviseur", "gebiedsteam", "status", "termijn_tot", "advies", "uitgebracht_op"]


@admin.register(models.Initiatief)
class InitiatiefAdmin(AuditedAdmin):
    list_display = ["aanvraag", "doelgroep", "locatie", "verwachte_deelnemers"]
    list_filter = ["aanvraag__regeling__familie", "aanvraag__gebied", "themas", "dimensies"]
    search_fields = ["aanvraag__titel", "aanvraag__organisatie__naam"]
    filter_horizontal = ["themas", "dimensies"]
    readonly_fields = ["aanvraag"]
    inlines = [DoelInline]


@admin.register(models.Adviesaanvraag)
class AdviesaanvraagAdmin(ReadOnlyStatusAdmin):
    list_display = ["aanvraag", "adviseur_naam", "status", "termijn_tot", "uitgebracht_op"]
    list_filter = ["status"]
    readonly_fields = ["aanvraag", "adviseur", "gebiedsteam", "gevraagd_op", "gevraagd_door", "advies",
                       "uitgebracht_op", "uitgebracht_door"]
    actions = [transition_action("verlopen", "Termijn verlopen")]


class ResultaatInline(ReadOnlyInline):
    model = models.Resultaat


@admin.register(models.Bereik)
class BereikAdmin(AuditedAdmin):
    list_display = ["subsidie", "boekjaar", "deelnemers", "vrijwilligers"]
    list_filter = ["boekjaar"]
    readonly_fields = ["subsidie", "boekjaar", "gemeld_door"]
    inlines = [ResultaatInline]
