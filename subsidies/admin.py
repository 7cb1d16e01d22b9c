"""Django admin for beheerders: configuration (regelingen, budgets, organisaties); statuses only via actions."""
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from workflows.admin import AuditedAdmin, ReadOnlyAdmin, VasteVeldenForm, transition_action

from workflows.context import acting_as

from . import models
from .bedragen import euro
from .services import brieven, dwangsom


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


class DwangsomFilter(admin.SimpleListFilter):
    """Requests by where their ingebrekestelling stands (Awb 4:17): the ones that cost money now come first."""

    title = "dwangsom"
    parameter_name = "dwangsom"

    def lookups(self, request, model_admin):
        return models.Ingebrekestelling.Status.choices

    def queryset(self, request, queryset):
        return queryset.filter(ingebrekestellingen__status=self.value()) if self.value() else queryset


def risico(ingebrekestelling) -> str:
    """The running risk in one line: owed so far, and tomorrow; once stopped, the 4:18 date."""
    if ingebrekestelling is None:
        return "—"
    stand = dwangsom.stand(ingebrekestelling)
    if ingebrekestelling.vastgesteld_bedrag is not None:
        return f"vastgesteld {euro(ingebrekestelling.vastgesteld_bedrag)}"
    if stand.afgelopen:
        return (f"{euro(stand.bedrag)} ({stand.dagen} dagen); vaststellen uiterlijk "
                f"{stand.vaststellen_uiterlijk:%d-%m-%Y}")
    if stand.dagen:
        return f"{euro(stand.bedrag)}, morgen {euro(stand.bedrag_morgen)}"
    return f"loopt vanaf {stand.eerste_dag:%d-%m-%Y}"


@admin.register(models.Aanvraag)
class AanvraagAdmin(ReadOnlyStatusAdmin):
    list_display = ["nummer", "titel", "organisatie", "regeling", "status", "gevraagd_bedrag", "uiterste_beslisdatum",
                    "dwangsomrisico"]
    list_filter = ["status", "regeling", DwangsomFilter]
    search_fields = ["titel", "organisatie__naam"]
    readonly_fields = ["ontvangen_op", "na_aanvraagtermijn", "volledig_op", "uiterste_beslisdatum", "behandelaar",
                       "voorstel_uitkomst", "voorstel_bedrag", "voorstel_voorwaarden", "voorgesteld_door"]
    inlines = [BegrotingsregelInline, JaarbedragInline, DocumentInline]
    actions = [
        transition_action("in_behandeling_nemen", "In behandeling nemen"),
        transition_action("volledig_verklaren", "Volledig verklaren"),
        transition_action("buiten_behandeling_stellen", "Buiten behandeling stellen"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("ingebrekestellingen__aanvraag__beschikkingen")

    @admin.display(description="dwangsom (Awb 4:17)")
    def dwangsomrisico(self, aanvraag):
        return risico(next(iter(aanvraag.ingebrekestellingen.all()), None))


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
    list_display = ["aanvraag", "soort", "boekjaar", "bedrag", "verzonden_op", "rechtsmiddel", "bezwaartermijn_tot",
                    "brief"]
    list_filter = ["soort", "rechtsmiddel"]
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


@admin.register(models.Dwangsomtarief)
class DwangsomtariefAdmin(AuditedAdmin):
    """The amounts per day of Awb 4:17 lid 2; a new decree is a new row from its date (days after it are paid at
    the new amounts)."""

    list_display = ["geldig_vanaf", "eerste_schijf", "tweede_schijf", "derde_schijf", "bron"]


@admin.register(models.Ingebrekestelling)
class IngebrekestellingAdmin(ReadOnlyStatusAdmin):
    """Notices of default and the running risk of their dwangsom. They are made by the request's action
    `in_gebreke_stellen` (portal, API); the daily job starts and stops them; the behandelaar sets the amount."""

    list_display = ["aanvraag", "ontvangen_op", "wijze", "status", "dwangsomrisico"]
    list_filter = ["status", "wijze"]
    search_fields = ["aanvraag__titel", "aanvraag__organisatie__naam"]
    readonly_fields = ["aanvraag", "ontvangen_op", "beslistermijn_tot", "wijze", "ingediend_door", "laatste_dag",
                       "geen_dwangsom", "vastgesteld_bedrag", "beschikking", "dwangsomrisico"]
    actions = [transition_action("dwangsom_vaststellen", "Dwangsom vaststellen (beschikking, Awb 4:18)")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("aanvraag").prefetch_related("aanvraag__beschikkingen")

    def has_add_permission(self, request):
        return False  # it comes with the request's action in_gebreke_stellen

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="dwangsom")
    def dwangsomrisico(self, ingebrekestelling):
        return risico(ingebrekestelling)


@admin.register(models.Dwangsombetaling)
class DwangsombetalingAdmin(ReadOnlyStatusAdmin):
    """Payments of dwangsommen set by beschikking, from the general funds (not a regeling's budget)."""

    list_display = ["ingebrekestelling", "bedrag", "gepland_op", "uitgevoerd_op", "status"]
    list_filter = ["status"]
    readonly_fields = ["ingebrekestelling", "bedrag"]
    actions = [transition_action("uitvoeren", "Uitgevoerd (betaald)")]

    def has_add_permission(self, request):
        return False  # it comes with the dwangsom beschikking

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Reservemutatie)
class ReservemutatieAdmin(ReadOnlyAdmin):
    list_display = ["subsidie", "boekjaar", "soort", "bedrag", "saldo_na", "geboekt_op"]
    list_filter = ["soort", "boekjaar"]


@admin.register(models.Beeindiging)
class BeeindigingAdmin(ReadOnlyAdmin):
    list_display = ["subsidie", "grond", "laatste_boekjaar", "gesubsidieerde_jaren", "compensatie", "besloten_op"]
    list_filter = ["grond"]


class BezwaardocumentInline(ReadOnlyInline):
    model = models.Bezwaardocument
    fields = ["omschrijving", "oorspronkelijke_naam", "content_type", "grootte", "sha256", "toegevoegd_op"]
    readonly_fields = fields


@admin.register(models.Bezwaar)
class BezwaarAdmin(ReadOnlyStatusAdmin):
    """Objections with their terms (6:9 on time, 7:10 decision date). An officer registers one received on paper here
    (through `services.bezwaren.dien_in`, which computes the terms); after that only the actions change it."""

    list_display = ["nummer", "beschikking", "status", "ontvangen_op", "tijdig", "adviescommissie",
                    "uiterste_beslisdatum", "verdaagd", "behandelaar"]
    list_filter = ["status", "tijdig", "adviescommissie", "verdaagd"]
    search_fields = ["beschikking__aanvraag__titel", "beschikking__aanvraag__organisatie__naam", "indiener"]
    readonly_fields = ["ingediend_door", "op_papier", "tijdig", "verschoonbaar_reden", "uiterste_beslisdatum",
                       "verdaagd", "uitgesteld_tot", "uitstel_instemming", "hoorzitting_op", "horen_achterwege",
                       "horen_achterwege_reden", "behandelaar", "beslissing", "herziening"]
    raw_id_fields = ["beschikking"]
    inlines = [BezwaardocumentInline]
    actions = [transition_action("in_behandeling_nemen", "In behandeling nemen")]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        from .services.bezwaren import dien_in

        nieuw = dien_in(obj.beschikking, request.user, gronden=obj.gronden, indiener=obj.indiener,
                        ontvangen_op=obj.ontvangen_op, ter_post_op=obj.ter_post_op,
                        adviescommissie=obj.adviescommissie)
        obj.pk, obj._state = nieuw.pk, nieuw._state  # the admin goes on with the row that was saved
