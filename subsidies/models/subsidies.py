"""The Subsidie (the award) and its lifecycle after verlening, top to bottom (DESIGN §4), with its commitments.

One-off: verleend → (bevoorschot) → verantwoording_gevraagd → verantwoording_ingediend → vastgesteld → afgesloten;
small amounts are vastgesteld directly at verlening; ingetrokken (Awb 4:48) from any state before vaststelling.
Structural (multi-year): the subsidie stays verleend while its jaartranches (models/tranches.py) run one boekjaar
each; it can be ended early (beeindigen, Awb 4:50/4:51) and gets its eindafrekening once every year is settled.
A Subsidie holds one Verplichting per boekjaar.
"""
import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from workflows import termijnen
from workflows.context import transitie_loopt
from workflows.errors import InvalidInput
from workflows.lifecycle import Auditable, Lifecycle, condition, niet_meer_wijzigbaar

from .. import families, rollen
from ..bedragen import euro
from ..validators import BEDRAG_NIET_NEGATIEF, JsonOmvang, tekst
from .aanvragen import Aanvraag
from .begroting import MONEY, Budget
from .beschikkingen import Beschikking, laatste_herroepen
from .documenten import Opgeslagen
from .regelingen import Plafond, Verantwoordingsniveau, Voorschotschema

ZERO = Decimal("0.00")


class Status(models.TextChoices):
    VERLEEND = "verleend", _("verleend")
    BEVOORSCHOT = "bevoorschot", _("voorschot verleend")
    VERANTWOORDING_GEVRAAGD = "verantwoording_gevraagd", _("verantwoording gevraagd")
    VERANTWOORDING_INGEDIEND = "verantwoording_ingediend", _("verantwoording ingediend")
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    AFGESLOTEN = "afgesloten", _("afgesloten")
    INGETROKKEN = "ingetrokken", _("ingetrokken")





@condition("Dit is een meerjarige subsidie: dit gaat per jaartranche.",
           "This is a multi-year subsidy: this is done per yearly tranche.", "meerjarig")
def _eenmalig(subsidie) -> bool:
    return not subsidie.structureel


@condition("Dit kan alleen bij een meerjarige subsidie.", "Only possible for a multi-year subsidy.", "niet_meerjarig")
def _structureel(subsidie) -> bool:
    return subsidie.structureel


@condition("Nog niet elk jaar is vastgesteld of vervallen.", "Not every year has been settled or has lapsed.",
           "jaren_open")
def _alle_jaren_afgerond(subsidie) -> bool:
    return not subsidie.tranches.exclude(status__in=["vastgesteld", "vervallen"]).exists()


@condition("Deze subsidie is al beëindigd.", "This subsidy has already been ended.", "al_beeindigd")
def _niet_beeindigd(subsidie) -> bool:
    return not hasattr(subsidie, "beeindiging")


@condition("Bij dit bedrag wordt direct vastgesteld; een verantwoording is niet nodig.",
           "This amount is settled directly; no report is needed.", "geen_verantwoording_nodig")
def _verantwoording_nodig(subsidie) -> bool:
    return subsidie.verantwoordingsniveau != Verantwoordingsniveau.DIRECT


@condition("Alleen subsidies tot de grens voor directe vaststelling worden direct vastgesteld.",
           "Only subsidies up to the direct-settlement limit are settled directly.", "verantwoording_nodig")
def _direct_vast_te_stellen(subsidie) -> bool:
    return subsidie.verantwoordingsniveau == Verantwoordingsniveau.DIRECT


@condition("Er staan nog betalingen open, of betaald en vastgesteld verschillen nog.",
           "Payments are still open, or paid and settled amounts still differ.", "saldo_open")
def _verrekend(subsidie) -> bool:
    return not subsidie.betalingen.filter(status="gepland").exists() and subsidie.saldo() == ZERO


@condition("Er is niets te verrekenen, of de betaling of terugvordering staat al gepland.",
           "Nothing is left to settle, or its payment or recovery is already planned.", "niets_te_verrekenen")
def _saldo_zonder_geplande_betaling(subsidie) -> bool:
    return not subsidie.betalingen.filter(status="gepland").exists() and subsidie.saldo() != ZERO


VERJARING_MAANDEN = 60  # Awb 4:49 lid 3, 4:57 lid 4: five years after the vaststelling was made known


def vaststelling_onherroepelijk_sinds(subsidie) -> dt.date | None:
    """The day after which the subsidie's latest vaststelling can no longer be changed to the recipient's
    disadvantage nor money be recovered (five years after it was made known: its Beschikking.verzonden_op);
    None while it has no vaststelling or the five years are still running."""
    verzonden_op = subsidie.aanvraag.beschikkingen.filter(soort=Beschikking.Soort.VASTSTELLING).order_by(
        "-verzonden_op").values_list("verzonden_op", flat=True).first()
    if verzonden_op is None:
        return None
    einde = termijnen.termijn_einde(verzonden_op, maanden=VERJARING_MAANDEN,
                                    gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())
    return einde if einde < timezone.localdate() else None


VIJF_JAAR = ("De vaststelling is meer dan vijf jaar geleden bekendgemaakt. Daarna kan zij niet meer in het nadeel "
             "van de ontvanger worden gewijzigd en kan niets meer worden teruggevorderd (Awb 4:49 lid 3, 4:57 lid 4).",
             "The vaststelling was made known more than five years ago. After that it can no longer be changed to the "
             "recipient's disadvantage and nothing can be recovered (Awb 4:49(3), 4:57(4)).", "vijf_jaar_verstreken")


@condition(*VIJF_JAAR)
def _binnen_vijf_jaar(subsidie) -> bool:
    """Guards every transition that changes a vaststelling to the recipient's disadvantage or recovers money."""
    return vaststelling_onherroepelijk_sinds(subsidie) is None


@condition(*VIJF_JAAR)
def _geen_verjaarde_terugvordering(subsidie) -> bool:
    """Planning the settlement again: a payment to the recipient always, a recovery only within the five years."""
    return subsidie.saldo() > ZERO or vaststelling_onherroepelijk_sinds(subsidie) is None


def _herroepen(soort: str, wat_nl: str, wat_en: str):
    """Condition: the subsidie's latest decision of `soort` was revoked on bezwaar, so it is revised (Awb 7:11)."""

    @condition(f"Alleen als een bezwaar tegen {wat_nl} gegrond is verklaard, wordt die herzien (Awb 7:11).",
               f"Only when an objection against {wat_en} was upheld is it revised (Awb 7:11).", "niet_herroepen")
    def herroepen(subsidie) -> bool:
        return laatste_herroepen(subsidie.aanvraag, [soort])

    return herroepen


_verlening_herroepen = _herroepen(Beschikking.Soort.VERLENING, "de verlening", "the award")
_vaststelling_herroepen = _herroepen(Beschikking.Soort.VASTSTELLING, "de vaststelling", "the settlement")
_intrekking_herroepen = _herroepen(Beschikking.Soort.INTREKKING, "de intrekking", "the withdrawal")


@condition("De subsidie is al vastgesteld na een verantwoording: herzie de vaststelling, niet de verlening (maak "
           "bezwaar tegen de vaststelling).",
           "The subsidy was already settled after a report: revise the settlement, not the award (object to the "
           "settlement).", "al_vastgesteld")
def _niet_of_direct_vastgesteld(subsidie) -> bool:
    """A verlening is revised before its vaststelling, or together with it when it was settled directly."""
    return subsidie.vastgesteld_bedrag is None or subsidie.verantwoordingsniveau == Verantwoordingsniveau.DIRECT


def _verleend(subsidie) -> Decimal:
    return subsidie.verleend_bedrag


# Four-eyes (DESIGN §5): a withdrawal above the threshold, and a vaststelling that lowers the award by more than it,
# are decided by a beslisser who did not handle the request. For the vaststelling the amount at stake is the
# reduction (what the recipient loses); it is only known from the action's input, so `stel_vast` applies it.
vier_ogen_intrekking = rollen.VierOgen(_verleend, "behandelaar", "het verleende bedrag", lambda s: s.aanvraag)
vier_ogen_verlaging = rollen.VierOgen(lambda subsidie: None, "behandelaar", "de verlaging", lambda s: s.aanvraag)


def netto_betaald(betalingen) -> Decimal:
    """Paid out minus recovered over `betalingen`, counting planned ones too (of a subsidie, or of one boekjaar)."""
    rows = betalingen.exclude(status="geannuleerd").values("soort").annotate(totaal=Sum("bedrag")).order_by()
    totals = {row["soort"]: row["totaal"] for row in rows}
    uit = sum((totals.get(s, ZERO) for s in (Betaling.Soort.VOORSCHOT, Betaling.Soort.SALDO)), ZERO)
    return uit - totals.get(Betaling.Soort.TERUGVORDERING, ZERO)


class Subsidie(Lifecycle):
    """The award after verlening, up to vaststelling and closing.

    verleend → (bevoorschot) → verantwoording_gevraagd → verantwoording_ingediend → vastgesteld → afgesloten; amounts
    up to the direct-settlement limit are vastgesteld at verlening; ingetrokken (Awb 4:48) before vaststelling.
    """

    Status = Status
    PUBLIEKE_STATUS = {
        Status.VERLEEND: ("Toegekend", "Granted"),
        Status.BEVOORSCHOT: ("Toegekend, voorschot betaald", "Granted, advance paid"),
        Status.VERANTWOORDING_GEVRAAGD: ("Wij vragen uw verantwoording", "Please send your report"),
        Status.VERANTWOORDING_INGEDIEND: ("Verantwoording ontvangen", "Report received"),
        Status.VASTGESTELD: ("Definitief bedrag vastgesteld", "Final amount settled"),
        Status.AFGESLOTEN: ("Afgerond", "Closed"),
        Status.INGETROKKEN: ("Ingetrokken", "Withdrawn"),
    }
    # What the beschikking fixed stays; only the date a requested report is due can be moved.
    wijzigbaar = {Status.VERANTWOORDING_GEVRAAGD: ("verantwoording_uiterlijk",)}

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="subsidie")
    verleend_bedrag = models.DecimalField(_("verleend bedrag"), **MONEY)
    vastgesteld_bedrag = models.DecimalField(_("vastgesteld bedrag"), null=True, blank=True, **MONEY)
    verantwoordingsniveau = models.CharField(max_length=30, choices=Verantwoordingsniveau.choices)
    verantwoording_uiterlijk = models.DateField(_("verantwoording uiterlijk"), null=True, blank=True)
    structureel = models.BooleanField(_("meerjarig (structureel)"), default=False)
    eerste_boekjaar = models.PositiveSmallIntegerField(_("eerste boekjaar"), default=0)
    laatste_boekjaar = models.PositiveSmallIntegerField(_("laatste boekjaar"), default=0)
    indexeren = models.BooleanField(
        _("indexatie"), default=False, help_text=_("Jaarbedragen volgen de loon- en prijscompensatie per boekjaar.")
    )
    voorschotschema = models.CharField(_("voorschotten"), max_length=12, choices=Voorschotschema.choices,
                                       default=Voorschotschema.PER_KWARTAAL)
    egalisatiereserve = models.BooleanField(_("egalisatiereserve"), default=False)
    reserve_max_percentage = models.DecimalField(
        _("egalisatiereserve ten hoogste (% van de jaarsubsidie)"), max_digits=5, decimal_places=2,
        default=Decimal("10.00"),
    )
    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.VERLEEND, protected=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("subsidie")
        verbose_name_plural = _("subsidies")

    def __str__(self):
        return f"Subsidie {self.aanvraag.nummer}"

    @property
    def organisatie(self):
        return self.aanvraag.organisatie

    @property
    def regeling(self):
        return self.aanvraag.regeling

    def netto_betaald(self) -> Decimal:
        """Paid out minus recovered, counting planned payments too: what the recipient ends up with."""
        return netto_betaald(self.betalingen.all())

    def saldo(self) -> Decimal:
        """What is still owed to (+) or by (−) the recipient after vaststelling."""
        return (self.vastgesteld_bedrag if self.vastgesteld_bedrag is not None else self.verleend_bedrag) - (
            self.netto_betaald()
        )

    # --- transitions ---------------------------------------------------------------------------------------
    @transition(status, source=[Status.VERLEEND, Status.BEVOORSCHOT], target=Status.BEVOORSCHOT,
                permission=rollen.behandelaar, conditions=[_eenmalig, _verantwoording_nodig],
                custom={"label": _("Voorschot betalen")})
    def voorschot_betalen(self, *, user, reden="", bedrag: Decimal | None = None):
        """Schedule an advance; all advances together never exceed the award (Awb 4:95)."""
        bedrag = Decimal(bedrag or 0)
        ruimte = self.verleend_bedrag - self.netto_betaald()
        if not ZERO < bedrag <= ruimte:
            raise InvalidInput(
                f"Een voorschot is groter dan € 0 en ten hoogste het nog niet bevoorschotte deel ({euro(ruimte)}).",
                f"An advance is above € 0 and at most the part not yet advanced ({euro(ruimte, 'en')}).",
                code="bedrag_ongeldig",
            )
        Betaling.objects.create(subsidie=self, verplichting=self.verplichtingen.first(),
                                soort=Betaling.Soort.VOORSCHOT, bedrag=bedrag, gepland_op=timezone.localdate())

    @transition(status, source=[Status.VERLEEND, Status.BEVOORSCHOT], target=Status.VERANTWOORDING_GEVRAAGD,
                permission=rollen.behandelaar, conditions=[_eenmalig, _verantwoording_nodig],
                custom={"label": _("Verantwoording vragen")})
    def verantwoording_vragen(self, *, user, reden="", uiterlijk: dt.date | None = None):
        """Ask the recipient for the report its tier requires, by a date (moved off a weekend or holiday)."""
        from ..services import meldingen

        vandaag = timezone.localdate()
        if uiterlijk is None or not vandaag < uiterlijk <= vandaag + dt.timedelta(days=2 * 365):
            raise InvalidInput("Geef een datum na vandaag en binnen twee jaar waarop de verantwoording binnen moet zijn.",
                               "Give a date after today and within two years by which the report is due.",
                               code="termijn_ongeldig", details={"velden": ["uiterlijk"]})
        self.verantwoording_uiterlijk = termijnen.gestelde_termijn(uiterlijk)
        meldingen.gevraagd(
            self, "verantwoording_vragen",
            "Stuur ons uw verantwoording over de subsidie: wat u hebt gedaan en wat het heeft gekost.",
            "Please send us your report on the subsidy: what you did and what it cost.", self.verantwoording_uiterlijk)

    @transition(status, source=Status.VERANTWOORDING_GEVRAAGD, target=Status.VERANTWOORDING_INGEDIEND,
                permission=rollen.aanvrager_of_behandelaar, custom={"label": _("Verantwoording indienen")})
    def verantwoording_indienen(self, *, user, reden="", activiteitenverslag: str = "",
                                werkelijke_kosten: Decimal | None = None, accountantsverklaring: bool = False):
        """The report the tier asks for: activities always; costs; an accountant's statement above the limit. The
        documents added for it (Verantwoordingsdocument) go with it."""
        from ..services.documenten import koppel_aan
        from ..services.jaarvaststelling import controleer_verantwoording

        controleer_verantwoording(self.verantwoordingsniveau, activiteitenverslag=activiteitenverslag,
                                  werkelijke_kosten=werkelijke_kosten, accountantsverklaring=accountantsverklaring)
        families.controleer_verantwoording(self, self.eerste_boekjaar)
        verantwoording = Verantwoording(subsidie=self, activiteitenverslag=activiteitenverslag,
                                        werkelijke_kosten=werkelijke_kosten,
                                        accountantsverklaring=accountantsverklaring, ingediend_door=user)
        verantwoording.controleer_velden()
        verantwoording.save()
        koppel_aan(verantwoording)  # the documents added for it

    @transition(status, source=Status.VERANTWOORDING_INGEDIEND, target=Status.VERANTWOORDING_GEVRAAGD,
                permission=rollen.behandelaar, custom={"label": _("Verantwoording terugsturen")})
    def verantwoording_terugsturen(self, *, user, reden=""):
        """The report is incomplete: ask again, saying what is missing."""
        from ..services import meldingen

        if not reden.strip():
            raise InvalidInput("Zeg wat er aan de verantwoording ontbreekt.", "Say what the report is missing.",
                               code="reden_verplicht")
        meldingen.gevraagd(self, "verantwoording_terugsturen",
                           f"Uw verantwoording is nog niet compleet. Dit ontbreekt: {reden}",
                           f"Your report is not complete yet. This is missing: {reden}", self.verantwoording_uiterlijk)

    @transition(status, source=Status.VERANTWOORDING_INGEDIEND, target=Status.VASTGESTELD, permission=rollen.behandelaar,
                custom={"label": _("Vaststellen")})
    def vaststellen(self, *, user, reden="", bedrag: Decimal | None = None):
        """Settle the final amount (Awb 4:46): lower only with grounds; by more than the threshold, four eyes.

        A reduction above the regeling's four-eyes threshold is decided by a beslisser who did not handle the request."""
        from ..services.vaststelling import stel_vast

        stel_vast(self, Decimal(bedrag) if bedrag is not None else self.verleend_bedrag, user, reden)

    @transition(status, source=Status.VERLEEND, target=Status.VASTGESTELD, permission=rollen.behandelaar,
                conditions=[_eenmalig, _direct_vast_te_stellen], custom={"label": _("Direct vaststellen")})
    def direct_vaststellen(self, *, user, reden=""):
        """Small amounts are settled at verlening; the check is a sample afterwards."""
        from ..services.vaststelling import stel_vast

        stel_vast(self, self.verleend_bedrag, user, reden or "Direct vastgesteld bij verlening.")

    @transition(status, source=Status.VERLEEND, target=None, permission=rollen.behandelaar,
                conditions=[_structureel, _niet_beeindigd], custom={"label": _("Beëindigen")})
    def beeindigen(self, *, user, reden="", grond: str = "", einde_boekjaar: int | None = None,
                   afbouw: dict | None = None, compensatie: Decimal | None = None):
        """End structural funding after `einde_boekjaar`: a notice term and phase-out after 3+ years (Awb 4:51), or
        withdrawal for changed circumstances with compensation (4:50). Later years lapse; phase-out years are added."""
        from ..services.meerjarig import beeindig

        beeindig(self, user, grond=grond, einde_boekjaar=einde_boekjaar, afbouw=afbouw,
                 compensatie=compensatie, reden=reden)

    @transition(status, source=Status.VERLEEND, target=Status.VASTGESTELD, permission=rollen.behandelaar,
                conditions=[_structureel, _alle_jaren_afgerond, _binnen_vijf_jaar],
                custom={"label": _("Eindafrekening")})
    def eindafrekening(self, *, user, reden=""):
        """Every year is settled: recover the subsidised share of the egalisatiereserve and settle the total (4:72)."""
        from ..services.jaarvaststelling import maak_eindafrekening

        maak_eindafrekening(self, user, reden)

    @transition(status, source=Status.VASTGESTELD, target=None, permission=rollen.behandelaar,
                conditions=[_saldo_zonder_geplande_betaling, _geen_verjaarde_terugvordering],
                custom={"label": _("Verrekening opnieuw plannen")})
    def verrekening_plannen(self, *, user, reden=""):
        """Plan the saldo payment or recovery again, e.g. after a cancelled one."""
        from ..services.vaststelling import verreken

        verreken(self)

    @transition(status, source=Status.VASTGESTELD, target=Status.AFGESLOTEN, permission=rollen.behandelaar,
                conditions=[_verrekend], custom={"label": _("Afsluiten")})
    def afsluiten(self, *, user, reden=""):
        """Close once everything is paid or recovered."""

    @transition(status, source=[Status.VERLEEND, Status.BEVOORSCHOT, Status.VERANTWOORDING_GEVRAAGD,
                                Status.VERANTWOORDING_INGEDIEND], target=Status.INGETROKKEN, permission=rollen.beslisser,
                conditions=[_binnen_vijf_jaar], custom={"label": _("Intrekken"), "guard": vier_ogen_intrekking})
    def intrekken(self, *, user, reden=""):
        """Withdraw the award (Awb 4:48): the commitment is released and what was paid is recovered."""
        from ..services.vaststelling import trek_in

        if not reden.strip():
            raise InvalidInput("Een intrekking moet gemotiveerd worden.", "A withdrawal needs its grounds.",
                               code="reden_verplicht")
        trek_in(self, user, reden)

    # --- revision after an upheld bezwaar (Awb 7:11; services.bezwaren.herzie) -------------------------------
    @transition(status, source=[Status.VERLEEND, Status.BEVOORSCHOT, Status.VERANTWOORDING_GEVRAAGD,
                                Status.VERANTWOORDING_INGEDIEND, Status.VASTGESTELD, Status.AFGESLOTEN],
                target=RETURN_VALUE(Status.VERLEEND, Status.BEVOORSCHOT, Status.VERANTWOORDING_GEVRAAGD,
                                    Status.VERANTWOORDING_INGEDIEND, Status.VASTGESTELD),
                permission=rollen.behandelaar, conditions=[_eenmalig, _verlening_herroepen, _niet_of_direct_vastgesteld],
                custom={"label": _("Verlening herzien")})
    def verlening_herzien(self, *, user, reden="", bedrag: Decimal | None = None):
        """The award was too low: a new verlening of the higher amount, the difference committed on the budget; one
        settled directly is settled again at the new amount and the difference paid."""
        from ..services.verlening import herzie_verlening

        return herzie_verlening(self, bedrag, user, reden)

    @transition(status, source=[Status.VASTGESTELD, Status.AFGESLOTEN], target=Status.VASTGESTELD,
                permission=rollen.behandelaar, conditions=[_eenmalig, _vaststelling_herroepen],
                custom={"label": _("Vaststelling herzien")})
    def vaststelling_herzien(self, *, user, reden="", bedrag: Decimal | None = None):
        """The settlement was too low: a new vaststelling, and the settlement planned again (an extra payment, or a
        lower recovery)."""
        from ..services.vaststelling import herzie_vaststelling

        herzie_vaststelling(self, bedrag, user, reden)

    @transition(status, source=Status.INGETROKKEN, target=RETURN_VALUE(Status.VERLEEND, Status.BEVOORSCHOT),
                permission=rollen.behandelaar, conditions=[_eenmalig, _intrekking_herroepen],
                custom={"label": _("Intrekking ongedaan maken")})
    def intrekking_herroepen(self, *, user, reden=""):
        """The withdrawal is revoked: the award stands again with its commitment, its recovery is cancelled."""
        from ..services.vaststelling import herroep_intrekking

        return herroep_intrekking(self, user, reden)


class Verplichting(Auditable):
    """The budget commitment of one award in one boekjaar; lowered (never deleted) when budget is released."""

    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="verplichtingen")
    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="verplichtingen")
    plafond = models.ForeignKey(Plafond, on_delete=models.PROTECT, null=True, blank=True, related_name="verplichtingen")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    oorspronkelijk_bedrag = models.DecimalField(_("oorspronkelijk verplicht"), **MONEY)
    bedrag = models.DecimalField(_("verplicht bedrag"), **MONEY)
    vastgesteld_bedrag = models.DecimalField(_("vastgesteld"), null=True, blank=True, **MONEY)
    voorwaardelijk = models.BooleanField(
        _("voorwaardelijk"), default=False, help_text=_("Onder begrotingsvoorbehoud (Awb 4:34).")
    )

    class Meta:
        ordering = ["boekjaar"]
        unique_together = [("subsidie", "boekjaar")]
        verbose_name = _("verplichting")
        verbose_name_plural = _("verplichtingen")
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="verplichting_niet_negatief")]

    def __str__(self):
        return f"Verplichting {self.subsidie.aanvraag.nummer} {self.boekjaar}: {euro(self.bedrag)}"



class Betaling(Lifecycle):
    """A payment to (voorschot, saldo) or a recovery from (terugvordering) the recipient."""

    class Soort(models.TextChoices):
        VOORSCHOT = "voorschot", _("voorschot")
        SALDO = "saldo", _("(na)betaling na vaststelling")
        TERUGVORDERING = "terugvordering", _("terugvordering")

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        UITGEVOERD = "uitgevoerd", _("uitgevoerd")
        GEANNULEERD = "geannuleerd", _("geannuleerd")

    PUBLIEKE_STATUS = {
        Status.GEPLAND: ("Gepland", "Scheduled"),
        Status.UITGEVOERD: ("Uitgevoerd", "Done"),
        Status.GEANNULEERD: ("Geannuleerd", "Cancelled"),
    }
    # Who, from which commitment, what and how much are fixed; a planned payment can still be moved in time.
    wijzigbaar = {Status.GEPLAND: ("gepland_op",)}

    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="betalingen")
    verplichting = models.ForeignKey(Verplichting, on_delete=models.PROTECT, related_name="betalingen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), **MONEY)
    gepland_op = models.DateField(_("gepland op"))
    uitgevoerd_op = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    termijn = models.PositiveSmallIntegerField(
        _("voorschottermijn"), null=True, blank=True, help_text=_("Het nummer in het voorschotschema van het jaar.")
    )
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND, protected=True)

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="betaling_positief"),
            # A payment run can run twice or crash halfway: a scheduled advance exists at most once.
            models.UniqueConstraint(fields=["verplichting", "termijn"], condition=models.Q(termijn__isnull=False),
                                    name="voorschottermijn_eenmaal"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.subsidie.aanvraag.nummer}: {euro(self.bedrag)}"

    @property
    def organisatie(self):
        return self.subsidie.organisatie

    @transition(status, source=Status.GEPLAND, target=Status.UITGEVOERD, permission=rollen.behandelaar,
                custom={"label": _("Uitgevoerd")})
    def uitvoeren(self, *, user, reden="", uitgevoerd_op: dt.date | None = None):
        """Record that the money was paid out, or the recovered money came in: today, or a day of the past year."""
        vandaag = timezone.localdate()
        if uitgevoerd_op is not None and not vandaag - dt.timedelta(days=365) <= uitgevoerd_op <= vandaag:
            raise InvalidInput("De datum van uitvoering ligt in het afgelopen jaar, niet in de toekomst.",
                               "The date of execution lies within the past year, not in the future.",
                               code="datum_ongeldig", details={"velden": ["uitgevoerd_op"]})
        self.uitgevoerd_op = uitgevoerd_op or vandaag

    @transition(status, source=Status.GEPLAND, target=Status.GEANNULEERD, permission=rollen.behandelaar,
                custom={"label": _("Annuleren")})
    def annuleren(self, *, user, reden=""):
        if not reden.strip():
            raise InvalidInput("Zeg waarom de betaling vervalt.", "Say why the payment is cancelled.",
                               code="reden_verplicht")


class Verantwoording(Auditable):
    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="verantwoordingen")
    activiteitenverslag = models.TextField(_("activiteitenverslag"), **tekst(20_000))
    werkelijke_kosten = models.DecimalField(_("werkelijke kosten"), validators=BEDRAG_NIET_NEGATIEF, **MONEY)
    accountantsverklaring = models.BooleanField(_("accountantsverklaring bijgevoegd"), default=False)
    ingediend_op = models.DateTimeField(auto_now_add=True)
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tranche = models.ForeignKey("subsidies.Jaartranche", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="verantwoordingen", help_text=_("Bij een meerjarige subsidie: het boekjaar."))
    eigen_inkomsten = models.DecimalField(_("eigen inkomsten en andere bijdragen"), default=ZERO,
                                          validators=BEDRAG_NIET_NEGATIEF, **MONEY)
    resultaten = models.JSONField(_("resultaten per doel"), default=list, blank=True, validators=[JsonOmvang()])

    class Meta:
        ordering = ["ingediend_op", "pk"]
        verbose_name = _("verantwoording")
        verbose_name_plural = _("verantwoordingen")
        constraints = [models.CheckConstraint(condition=models.Q(werkelijke_kosten__gte=0, eigen_inkomsten__gte=0),
                                              name="verantwoording_niet_negatief")]

    def __str__(self):
        return f"Verantwoording {self.subsidie.aanvraag.nummer}"


class Verantwoordingsdocument(Opgeslagen, Auditable):
    """A file sent with a verantwoording — the financial report, the accountant's statement, photos — checked and
    stored like a request's documents (`Opgeslagen`). It is added while the report is being written (to the
    subsidie, and for a multi-year one to the year's tranche), tied to the Verantwoording when that is sent, and
    fixed from then on."""

    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="verantwoordingsdocumenten")
    tranche = models.ForeignKey("subsidies.Jaartranche", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", help_text=_("Bij een meerjarige subsidie: het boekjaar."))
    verantwoording = models.ForeignKey(Verantwoording, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="documenten")

    class Meta:
        ordering = ["toegevoegd_op", "pk"]
        verbose_name = _("document bij de verantwoording")
        verbose_name_plural = _("documenten bij de verantwoording")

    @property
    def organisatie(self):
        return self.subsidie.organisatie

    def _verstuurd(self) -> bool:
        return self._audit_snapshot.get("verantwoording_id") is not None

    def vaste_velden(self) -> frozenset[str]:
        return frozenset(f.name for f in self._meta.concrete_fields) if self._verstuurd() else frozenset()

    def controleer_verwijdering(self) -> None:
        if self._verstuurd() and not transitie_loopt():
            raise niet_meer_wijzigbaar(self)
