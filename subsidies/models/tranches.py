"""The multi-year path (Awb afdeling 4.2.8): one Jaartranche per boekjaar of a structural subsidie, top to bottom.

gepland → definitief (the council adopted that year's budget; begrotingsvoorbehoud, Awb 4:34) → werkplan_ingediend →
lopend → verantwoord → vastgesteld (vaststelling per boekjaar, 4:73); vervallen when the budget is not made available
or the subsidie ends early. Beside it: the egalisatiereserve ledger (4:72) and the ending of structural funding
(4:50, 4:51).
"""
import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from workflows import termijnen
from workflows.context import remembered
from workflows.errors import InvalidInput
from workflows.lifecycle import Auditable, Lifecycle, condition

from .. import rollen
from ..bedragen import euro
from ..validators import JsonOmvang, tekst
from .begroting import MONEY, Begrotingsjaar
from .subsidies import Subsidie, Verplichting

VOORBEHOUD_WEKEN = 4  # Awb 4:34: the condition can be invoked within four weeks after the budget's adoption


class Status(models.TextChoices):
    GEPLAND = "gepland", _("gepland (onder begrotingsvoorbehoud)")
    DEFINITIEF = "definitief", _("definitief")
    WERKPLAN_INGEDIEND = "werkplan_ingediend", _("werkplan ingediend")
    LOPEND = "lopend", _("lopend")
    VERANTWOORD = "verantwoord", _("jaarverantwoording ingediend")
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    VERVALLEN = "vervallen", _("vervallen")


OPEN_TRANCHE_STATUSSEN = [Status.GEPLAND, Status.DEFINITIEF, Status.WERKPLAN_INGEDIEND, Status.LOPEND,
                          Status.VERANTWOORD]


def begroting_vastgesteld_op(boekjaar: int) -> dt.date | None:
    vastgesteld_op = remembered(("begroting_vastgesteld_op", boekjaar), lambda: Begrotingsjaar.objects.filter(
        boekjaar=boekjaar).values_list("vastgesteld_op", flat=True).first())
    return vastgesteld_op if vastgesteld_op and vastgesteld_op <= timezone.localdate() else None


def voorbehoud_tot(vastgesteld_op: dt.date) -> dt.date:
    """The last day the begrotingsvoorbehoud can be invoked; after it the tranche is definitive (Awb 4:34)."""
    return termijnen.termijn_einde(vastgesteld_op, weken=VOORBEHOUD_WEKEN,
                                   gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())


@condition("De raad heeft de begroting voor dit boekjaar nog niet vastgesteld.",
           "The council has not yet adopted the budget for this year.", "begroting_niet_vastgesteld")
def _begroting_vastgesteld(tranche) -> bool:
    return begroting_vastgesteld_op(tranche.boekjaar) is not None


@condition("Het begrotingsvoorbehoud kan alleen binnen vier weken na vaststelling van de begroting worden "
           "ingeroepen (Awb 4:34); daarna is de tranche definitief.",
           "The budget condition can only be invoked within four weeks after the budget was adopted (Awb 4:34); "
           "after that the tranche is definitive.", "voorbehoudstermijn_verstreken")
def _binnen_voorbehoudstermijn(tranche) -> bool:
    vastgesteld_op = begroting_vastgesteld_op(tranche.boekjaar)
    return vastgesteld_op is not None and timezone.localdate() <= voorbehoud_tot(vastgesteld_op)


@condition("De jaarverantwoording kan pas na afloop van het boekjaar.",
           "The annual report can only be sent after the year has ended.", "boekjaar_loopt_nog")
def _boekjaar_voorbij(tranche) -> bool:
    return timezone.localdate().year > tranche.boekjaar


# Four-eyes (DESIGN §5) on what withdraws or lowers a year's funding: above the threshold a beslisser who did not
# handle the request decides. Letting a year lapse puts its whole amount at stake; a lower vaststelling or the
# begrotingsvoorbehoud the reduction, known only from the action's input (their services call `toets`).
def _aanvraag(tranche):
    return tranche.subsidie.aanvraag


vier_ogen_vervallen = rollen.VierOgen(lambda tranche: tranche.bedrag, "behandelaar", "het bedrag van het jaar", _aanvraag)
vier_ogen_verlaging = rollen.VierOgen(lambda tranche: None, "behandelaar", "de verlaging", _aanvraag)


def _reden_verplicht(reden: str, nl: str, en: str) -> None:
    if not reden.strip():
        raise InvalidInput(nl, en, code="reden_verplicht")


class Jaartranche(Lifecycle):
    """One boekjaar of a multi-year subsidie, with its own budget condition, werkplan, report and settlement.

    gepland → definitief (the council adopted the year's budget; Awb 4:34) → werkplan_ingediend → lopend →
    verantwoord → vastgesteld (Awb 4:73); within four weeks after adoption the begrotingsvoorbehoud can lower the
    tranche or let it lapse (vervallen); an ending of the subsidie lets later tranches lapse.
    """

    Status = Status
    PUBLIEKE_STATUS = {
        Status.GEPLAND: ("Gepland, onder voorbehoud van de begroting", "Planned, subject to the council's budget"),
        Status.DEFINITIEF: ("Zeker; wij wachten op uw werkplan", "Confirmed; we are waiting for your work plan"),
        Status.WERKPLAN_INGEDIEND: ("Werkplan ontvangen", "Work plan received"),
        Status.LOPEND: ("Loopt", "Running"),
        Status.VERANTWOORD: ("Jaarverantwoording ontvangen", "Annual report received"),
        Status.VASTGESTELD: ("Bedrag voor dit jaar vastgesteld", "Amount for this year settled"),
        Status.VERVALLEN: ("Vervallen", "Lapsed"),
    }
    lock_with = ("verplichting",)  # its amount and condition move with the tranche's
    # The amounts follow from the beschikking, indexation and the voorbehoud; only the deadlines can be moved, and
    # the yearly jobs note when they asked for the werkplan and the report and when it was late (save_fields).
    wijzigbaar = dict.fromkeys(OPEN_TRANCHE_STATUSSEN, (
        "werkplan_uiterlijk", "verantwoording_uiterlijk", "werkplan_gevraagd_op", "verantwoording_gevraagd_op",
        "te_laat_gemeld_op",
    ))

    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="tranches")
    verplichting = models.OneToOneField(Verplichting, on_delete=models.PROTECT, related_name="tranche")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    basisbedrag = models.DecimalField(_("bedrag in de beschikking"), **MONEY)
    bedrag = models.DecimalField(_("bedrag voor dit jaar"), **MONEY, help_text=_("Na indexatie of verlaging."))
    afbouw = models.BooleanField(
        _("afbouw"), default=False, help_text=_("Voortgezet tijdens de opzegtermijn, ook boven het plafond (Awb 4:51).")
    )
    werkplan = models.TextField(_("werkplan"), blank=True, **tekst(20_000))
    doelen = models.JSONField(
        _("doelen"), default=list, blank=True, validators=[JsonOmvang()],
        help_text=_("Per kernactiviteit: [{\"kernactiviteit\", \"doel\", \"indicator\", \"streefwaarde\"}]."),
    )
    werkplan_uiterlijk = models.DateField(_("werkplan uiterlijk"), null=True, blank=True)
    werkplan_gevraagd_op = models.DateField(_("werkplan gevraagd op"), null=True, blank=True)
    verantwoording_uiterlijk = models.DateField(_("jaarverantwoording uiterlijk"))
    verantwoording_gevraagd_op = models.DateField(_("jaarverantwoording gevraagd op"), null=True, blank=True)
    te_laat_gemeld_op = models.DateField(_("te late verantwoording gemeld op"), null=True, blank=True)
    vastgesteld_bedrag = models.DecimalField(_("vastgesteld bedrag"), null=True, blank=True, **MONEY)
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND, protected=True)

    class Meta:
        ordering = ["subsidie_id", "boekjaar"]
        unique_together = [("subsidie", "boekjaar")]
        verbose_name = _("jaartranche")
        verbose_name_plural = _("jaartranches")
        indexes = [models.Index(fields=["boekjaar", "status"]), models.Index(fields=["status", "verantwoording_uiterlijk"])]
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="tranche_niet_negatief")]

    def __str__(self):
        return f"Tranche {self.boekjaar} van {self.subsidie}"

    @property
    def organisatie(self):
        return self.subsidie.organisatie

    @property
    def voorwaardelijk(self) -> bool:
        return self.status == Status.GEPLAND

    # --- transitions ---------------------------------------------------------------------------------------
    @transition(status, source=Status.GEPLAND, target=RETURN_VALUE(Status.DEFINITIEF, Status.WERKPLAN_INGEDIEND),
                permission=rollen.behandelaar_of_systeem, conditions=[_begroting_vastgesteld],
                custom={"label": _("Definitief maken")})
    def definitief_maken(self, *, user, reden=""):
        """The budget is adopted: the commitment is no longer conditional; indexation for the year is applied.
        The first year's werkplan came with the request: that tranche goes on to werkplan_ingediend."""
        from ..services.meerjarig import maak_definitief

        maak_definitief(self)
        return Status.WERKPLAN_INGEDIEND if self.werkplan.strip() else Status.DEFINITIEF

    @transition(status, source=Status.GEPLAND, target=RETURN_VALUE(Status.DEFINITIEF, Status.VERVALLEN),
                permission=rollen.beslisser, conditions=[_begroting_vastgesteld, _binnen_voorbehoudstermijn],
                custom={"label": _("Begrotingsvoorbehoud inroepen")})
    def voorbehoud_inroepen(self, *, user, reden="", bedrag: Decimal | None = None):
        """The council did not make (all) money available: lower the tranche, or let it lapse at € 0 (Awb 4:34)."""
        from ..services.meerjarig import roep_voorbehoud_in

        _reden_verplicht(reden, "Zeg welk besluit van de raad tot de verlaging leidt.",
                         "Say which council decision leads to the reduction.")
        return roep_voorbehoud_in(self, user, bedrag, reden)

    @transition(status, source=Status.GEPLAND, target=None,
                permission=rollen.aanvrager_of_behandelaar, custom={"label": _("Werkplan indienen")})
    @transition(status, source=Status.DEFINITIEF, target=Status.WERKPLAN_INGEDIEND,
                permission=rollen.aanvrager_of_behandelaar, custom={"label": _("Werkplan indienen")})
    def werkplan_indienen(self, *, user, reden="", werkplan: str = "", doelen: list | None = None):
        """The recipient's plan for the year: what it will do and, per kernactiviteit, which results it aims at.
        It is due before the year (Awb 4:60), so often before the budget is adopted: a tranche still under the
        voorbehoud keeps it and goes on to werkplan_ingediend once definitive."""
        from ..services.meerjarig import controleer_doelen

        if not werkplan.strip():
            raise InvalidInput("Beschrijf in het werkplan wat u dit jaar gaat doen.",
                               "Describe in the work plan what you will do this year.", code="werkplan_leeg",
                               details={"velden": ["werkplan"]})
        self.werkplan, self.doelen = werkplan, controleer_doelen(doelen or [])

    @transition(status, source=Status.WERKPLAN_INGEDIEND, target=Status.DEFINITIEF, permission=rollen.behandelaar,
                custom={"label": _("Werkplan terugsturen")})
    def werkplan_terugsturen(self, *, user, reden=""):
        from ..services import meldingen

        _reden_verplicht(reden, "Zeg wat er aan het werkplan moet veranderen.", "Say what the work plan needs.")
        meldingen.gevraagd(self, "werkplan_terugsturen",
                           f"Uw werkplan voor {self.boekjaar} moet nog worden aangepast: {reden}",
                           f"Your work plan for {self.boekjaar} needs changes: {reden}", self.werkplan_uiterlijk)

    @transition(status, source=Status.WERKPLAN_INGEDIEND, target=Status.LOPEND, permission=rollen.behandelaar,
                custom={"label": _("Werkplan goedkeuren")})
    def werkplan_goedkeuren(self, *, user, reden=""):
        """The year runs: the payment run pays its advances on the subsidie's schedule."""

    @transition(status, source=Status.LOPEND, target=Status.VERANTWOORD, permission=rollen.aanvrager_of_behandelaar,
                conditions=[_boekjaar_voorbij], custom={"label": _("Jaarverantwoording indienen")})
    def jaarverantwoording_indienen(self, *, user, reden="", activiteitenverslag: str = "",
                                    werkelijke_kosten: Decimal | None = None, eigen_inkomsten: Decimal | None = None,
                                    accountantsverklaring: bool = False, resultaten: list | None = None):
        """The report on the year (Awb 4:74): activities, costs and own income, results per goal."""
        from ..services.jaarvaststelling import ontvang_jaarverantwoording

        ontvang_jaarverantwoording(self, user, activiteitenverslag=activiteitenverslag,
                                   werkelijke_kosten=werkelijke_kosten, eigen_inkomsten=eigen_inkomsten,
                                   accountantsverklaring=accountantsverklaring, resultaten=resultaten or [])

    @transition(status, source=Status.VERANTWOORD, target=Status.LOPEND, permission=rollen.behandelaar,
                custom={"label": _("Jaarverantwoording terugsturen")})
    def verantwoording_terugsturen(self, *, user, reden=""):
        from ..services import meldingen

        _reden_verplicht(reden, "Zeg wat er aan de jaarverantwoording ontbreekt.", "Say what the report is missing.")
        meldingen.gevraagd(
            self, "verantwoording_terugsturen",
            f"Uw jaarverantwoording over {self.boekjaar} is nog niet compleet. Dit ontbreekt: {reden}",
            f"Your annual report on {self.boekjaar} is not complete yet. This is missing: {reden}",
            self.verantwoording_uiterlijk)

    @transition(status, source=Status.VERANTWOORD, target=Status.VASTGESTELD, permission=rollen.behandelaar,
                custom={"label": _("Jaar vaststellen")})
    def vaststellen(self, *, user, reden="", bedrag: Decimal | None = None):
        """Vaststelling for this boekjaar (Awb 4:73) via the egalisatiereserve (4:72); a large reduction: four eyes.

        A reduction above the regeling's four-eyes threshold is decided by a beslisser who did not handle the request."""
        from ..services.jaarvaststelling import stel_jaar_vast

        stel_jaar_vast(self, user, None if bedrag is None else Decimal(bedrag), reden)

    @transition(status, source=[Status.GEPLAND, Status.DEFINITIEF, Status.WERKPLAN_INGEDIEND, Status.LOPEND,
                                Status.VERANTWOORD], target=Status.VERVALLEN,
                permission=rollen.behandelaar, custom={"label": _("Laten vervallen"), "guard": vier_ogen_vervallen})
    def vervallen(self, *, user, reden=""):
        """The year will not be funded (the subsidie ends or is withdrawn); its commitment returns to the budget."""
        from ..services.meerjarig import laat_vervallen

        _reden_verplicht(reden, "Zeg waarom dit jaar vervalt.", "Say why this year lapses.")
        laat_vervallen(self, user)


class Reservemutatie(Auditable):
    """One line of a subsidie's egalisatiereserve (Awb 4:72): additions, withdrawals and the settlement at the end."""

    class Soort(models.TextChoices):
        DOTATIE = "dotatie", _("toevoeging (overschot)")
        ONTTREKKING = "onttrekking", _("onttrekking (tekort)")
        TERUGVORDERING = "terugvordering", _("terugvordering bij de eindafrekening")
        VRIJVAL = "vrijval", _("vrijval naar de ontvanger bij de eindafrekening")

    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="reservemutaties")
    tranche = models.ForeignKey(Jaartranche, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), **MONEY, help_text=_("Positief voegt toe, negatief onttrekt."))
    saldo_na = models.DecimalField(_("saldo na deze mutatie"), **MONEY)
    toelichting = models.CharField(_("toelichting"), max_length=300)
    geboekt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subsidie_id", "pk"]
        verbose_name = _("reservemutatie")
        verbose_name_plural = _("egalisatiereserve")
        constraints = [models.CheckConstraint(condition=models.Q(saldo_na__gte=0), name="reserve_niet_negatief")]

    def __str__(self):
        return f"{self.get_soort_display()} {self.boekjaar}: {euro(self.bedrag)}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("A ledger line is never changed; book a correcting line instead.")
        super().save(*args, **kwargs)


class Beeindiging(Auditable):
    """The decision to end structural funding: its ground, the notice term and the phase-out (Awb 4:50, 4:51)."""

    class Grond(models.TextChoices):
        BEEINDIGING = "4:51", _("beëindiging of weigering van voortzetting (Awb 4:51)")
        GEWIJZIGDE_OMSTANDIGHEDEN = "4:50", _("intrekking wegens veranderde omstandigheden (Awb 4:50)")

    subsidie = models.OneToOneField(Subsidie, on_delete=models.PROTECT, related_name="beeindiging")
    grond = models.CharField(_("grond"), max_length=5, choices=Grond.choices)
    laatste_boekjaar = models.PositiveSmallIntegerField(_("laatste gesubsidieerde boekjaar"))
    gesubsidieerde_jaren = models.PositiveSmallIntegerField(
        _("aaneengesloten gesubsidieerde jaren"), help_text=_("Vanaf drie jaar is een redelijke termijn nodig (Awb 4:51).")
    )
    compensatie = models.DecimalField(
        _("compensatie"), default=Decimal("0.00"), **MONEY,
        help_text=_("Vergoeding van schade door de intrekking (Awb 4:50 lid 2)."),
    )
    motivering = models.TextField(_("motivering"))
    besloten_op = models.DateField(_("besloten op"))
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("beëindiging")
        verbose_name_plural = _("beëindigingen")
        constraints = [models.CheckConstraint(condition=models.Q(compensatie__gte=0), name="compensatie_niet_negatief")]

    def __str__(self):
        return f"Beëindiging {self.subsidie} na {self.laatste_boekjaar}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("A beëindiging is a decision and never changed; take a new decision instead.")
        super().save(*args, **kwargs)
