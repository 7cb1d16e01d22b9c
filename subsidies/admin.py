"""Django admin for beheerders: configuration (regelingen, budgets, organisaties); statuses only via actions."""
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from workflows.admin import AuditedAdmin, ReadOnlyAdmin, VasteVeldenForm, transition_action

from workflows.context import acting_as

from . import models
from .services import brieven


class PlafondInline(admin.TabularInline):
    """A published ceiling shows what Plafond.vaste_velden fixed read-only."""

    model = models.Plafond
    form = VasteVeldenForm
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


@admin.register(models.Begrotingsjaar)
class BegrotingsjaarAdmin(AuditedAdmin):
    """The council's adoption date (begrotingsvoorbehoud, Awb 4:34) and the indexation per boekjaar."""

    list_display = ["boekjaar", "vastgesteld_op", "indexatie_percentage"]


for model in (models.Begrotingspost, models.Fondsbron, models.Gebied, models.Wijk):
    admin.site.register(model, AuditedAdmin)


class ContactpersoonInline(admin.TabularInline):
    model = models.Contactpersoon
    extra = 0


class UitnodigingInline(admin.TabularInline):
    """Who was invited to act for the organisation, and what became of it; members send and withdraw them in the
    portal (services/organisaties.py), so here they are read only."""

    model = models.Uitnodiging
    fields = ["email", "uitgenodigd_door", "uitgenodigd_op", "verloopt_op", "geaccepteerd_op", "geaccepteerd_door",
              "ingetrokken_op"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.Organisatie)
class OrganisatieAdmin(AuditedAdmin):
    list_display = ["naam", "rechtsvorm", "kvk_nummer", "gebied"]
    list_filter = ["rechtsvorm", "gebied"]
    search_fields = ["naam", "kvk_nummer"]
    filter_horizontal = ["leden"]
    inlines = [ContactpersoonInline, UitnodigingInline]


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


class JaarbedragInline(ReadOnlyInline):
    model = models.Jaarbedrag


class DocumentInline(ReadOnlyInline):
    """Each file through the download view, which checks who asks; the private folder has no URL of its own."""

    model = models.Document
    fields = ["omschrijving", "download", "content_type", "grootte", "sha256", "toegevoegd_op"]
    readonly_fields = fields

    @admin.display(description="bestand")
    def download(self, document):
        return format_html('<a href="{}">{}</a>', reverse("document-download", args=[document.pk]),
                           document.oorspronkelijke_naam or document.omschrijving)


@admin.register(models.Aanvraag)
class AanvraagAdmin(ReadOnlyStatusAdmin):
    list_display = ["nummer", "titel", "organisatie", "regeling", "status", "gevraagd_bedrag", "uiterste_beslisdatum"]
    list_filter = ["status", "regeling"]
    search_fields = ["titel", "organisatie__naam"]
    readonly_fields = ["ontvangen_op", "na_aanvraagtermijn", "volledig_op", "uiterste_beslisdatum", "behandelaar",
                       "voorstel_uitkomst", "voorstel_bedrag", "voorstel_voorwaarden", "voorgesteld_door"]
    inlines = [BegrotingsregelInline, JaarbedragInline, DocumentInline]
    actions = [
        transition_action("in_behandeling_nemen", "In behandeling nemen"),
        transition_action("volledig_verklaren", "Volledig verklaren"),
        transition_action("buiten_behandeling_stellen", "Buiten behandeling stellen"),
    ]


class VerantwoordingsdocumentInline(DocumentInline):
    """The files sent with the verantwoording (or being added for it), through their own download view."""

    model = models.Verantwoordingsdocument
    fields = ["omschrijving", "download", "tranche", "verantwoording", "content_type", "grootte", "sha256",
              "toegevoegd_op"]
    readonly_fields = fields

    @admin.display(description="bestand")
    def download(self, document):
        return format_html('<a href="{}">{}</a>', reverse("verantwoordingsdocument-download", args=[document.pk]),
                           document.oorspronkelijke_naam or document.omschrijving)


class TrancheInline(ReadOnlyInline):
    model = models.Jaartranche
    fields = ["boekjaar", "bedrag", "vastgesteld_bedrag", "afbouw", "status", "verantwoording_uiterlijk"]
    show_change_link = True


@admin.register(models.Subsidie)
class SubsidieAdmin(ReadOnlyStatusAdmin):
    list_display = ["aanvraag", "verleend_bedrag", "vastgesteld_bedrag", "structureel", "status"]
    list_filter = ["status", "structureel"]
    readonly_fields = ["aanvraag", "verleend_bedrag", "vastgesteld_bedrag", "verantwoordingsniveau", "structureel",
                       "eerste_boekjaar", "laatste_boekjaar", "indexeren", "voorschotschema", "egalisatiereserve",
                       "reserve_max_percentage"]
    inlines = [TrancheInline, VerantwoordingsdocumentInline]
    actions = [transition_action("afsluiten", "Afsluiten"), transition_action("eindafrekening", "Eindafrekening")]


@admin.register(models.Jaartranche)
class JaartrancheAdmin(ReadOnlyStatusAdmin):
    """A boekjaar of a structural subsidie. Amounts follow from the beschikking, indexation and the voorbehoud;
    only the deadlines are the beheerder's to move."""

    list_display = ["subsidie", "boekjaar", "bedrag", "vastgesteld_bedrag", "status", "verantwoording_uiterlijk"]
    list_filter = ["status", "boekjaar", "afbouw"]
    search_fields = ["subsidie__aanvraag__titel", "subsidie__aanvraag__organisatie__naam"]
    readonly_fields = ["subsidie", "verplichting", "boekjaar", "basisbedrag", "bedrag", "afbouw", "werkplan", "doelen",
                       "werkplan_gevraagd_op", "verantwoording_gevraagd_op", "te_laat_gemeld_op", "vastgesteld_bedrag"]
    actions = [transition_action("definitief_maken", "Definitief maken (begroting vastgesteld)"),
               transition_action("werkplan_goedkeuren", "Werkplan goedkeuren")]

    def has_add_permission(self, request):
        return False  # a tranche comes with the verlening

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Betaling)
class BetalingAdmin(ReadOnlyStatusAdmin):
    list_display = ["subsidie", "soort", "bedrag", "gepland_op", "uitgevoerd_op", "status"]
    list_filter = ["status", "soort"]
    readonly_fields = ["subsidie", "verplichting", "soort", "bedrag"]
    actions = [transition_action("uitvoeren", "Uitgevoerd (betaald of ontvangen)")]


class BriefInline(ReadOnlyInline):
    """The letters made of the decision, each through the API's download (which checks who asks)."""

    model = models.Brief
    fields = ["soort", "taal", "sjabloon", "download", "grootte", "sha256", "aangemaakt_op"]
    readonly_fields = fields

    @admin.display(description="bestand")
    def download(self, brief):
        return brief_link(brief)


def brief_link(brief):
    onderwerp = "beschikking" if brief.beschikking_id else "aanvulling"
    return format_html('<a href="{}?taal={}">{}</a>', reverse(f"{onderwerp}-brief", args=[brief.onderwerp.pk]),
                       brief.taal, brief.bestandsnaam)


@admin.register(models.Beschikking)
class BeschikkingAdmin(ReadOnlyAdmin):
    list_display = ["aanvraag", "soort", "boekjaar", "bedrag", "verzonden_op", "bezwaartermijn_tot", "brief"]
    list_filter = ["soort"]
    inlines = [BriefInline]

    @admin.display(description="brief")
    def brief(self, beschikking):
        """The letter in the organisation's language; made on the first download if it is not there yet."""
        return format_html('<a href="{}">PDF</a>', reverse("beschikking-brief", args=[beschikking.pk]))


@admin.register(models.Brief)
class BriefAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "soort", "taal", "sjabloon", "grootte", "aangemaakt_op", "download"]
    list_filter = ["soort", "taal"]
    list_select_related = ["beschikking__aanvraag", "aanvulling__aanvraag", "sjabloon"]
    fields = ["soort", "taal", "beschikking", "aanvulling", "sjabloon", "download", "grootte", "sha256",
              "aangemaakt_op"]
    readonly_fields = fields

    @admin.display(description="bestand")
    def download(self, brief):
        return brief_link(brief)


@admin.register(models.Briefsjabloon)
class BriefsjabloonAdmin(AuditedAdmin):
    """A beheerder edits a letter template here. Saving a changed text makes a new version (the old one stays: the
    letters it made point at it); the newest active version is used. A version is never removed."""

    list_display = ["soort", "taal", "versie", "actief", "aangemaakt_op"]
    list_filter = ["soort", "taal", "actief"]
    fields = ["soort", "taal", "versie", "onderwerp", "tekst", "actief"]

    def get_readonly_fields(self, request, obj=None):
        return ["soort", "taal", "versie"] if obj else ["versie"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change and {"onderwerp", "tekst"} & set(form.changed_data):
            with acting_as(request.user):
                nieuw = brieven.nieuwe_versie(obj)
            obj.pk = nieuw.pk  # the admin goes on to the new version's page
            self.message_user(request, f"Opgeslagen als versie {nieuw.versie}; versie {nieuw.versie - 1} blijft "
                                       "bewaard bij de brieven die ermee zijn gemaakt.")
            return
        super().save_model(request, obj, form, change)


@admin.register(models.Reservemutatie)
class ReservemutatieAdmin(ReadOnlyAdmin):
    list_display = ["subsidie", "boekjaar", "soort", "bedrag", "saldo_na", "geboekt_op"]
    list_filter = ["soort", "boekjaar"]


@admin.register(models.Beeindiging)
class BeeindigingAdmin(ReadOnlyAdmin):
    list_display = ["subsidie", "grond", "laatste_boekjaar", "gesubsidieerde_jaren", "compensatie", "besloten_op"]
    list_filter = ["grond"]
