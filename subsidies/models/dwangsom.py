"""Not deciding on time (Awb 4:17–4:20): the ingebrekestelling, the dwangsom it sets running, the statutory
amounts, and the payment of what is owed — top to bottom.

Ingebrekestelling: ontvangen → dwangsom_loopt → gestopt → vastgesteld; ontvangen → zonder_dwangsom when the
decision came within the two weeks. An applicant sends it from the portal (or an officer registers one received on
paper) through the Aanvraag's transition `in_gebreke_stellen`; the daily job `subsidies.bewaak_dwangsommen` moves
it on as the days pass; the behandelaar sets the amount by beschikking (4:18). What it amounts to on any day is
computed by `services.dwangsom.bereken`, never stored while it runs.
"""
import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from workflows.errors import InvalidInput
from workflows.lifecycle import Auditable, Lifecycle, condition, niet_meer_wijzigbaar

from .. import rollen
from ..bedragen import euro
from ..validators import BEDRAG_NIET_NEGATIEF, BEDRAG_POSITIEF
from .aanvragen import Aanvraag
from .begroting import MONEY
from .beschikkingen import Beschikking


class Dwangsomtarief(Auditable):
    """The amounts per day of Awb 4:17 lid 2 from a date on: € 23 for days 1–14, € 35 for 15–28, € 45 for 29–42.
    They are indexed by decree, so they are data: a beheerder adds a row with the date the new amounts apply from.
    A day of the dwangsom is paid at the amounts in force on that day (`services.dwangsom.bereken`)."""

    geldig_vanaf = models.DateField(_("geldig vanaf"), unique=True)
    eerste_schijf = models.DecimalField(_("per dag, dag 1–14"), validators=BEDRAG_POSITIEF, **MONEY)
    tweede_schijf = models.DecimalField(_("per dag, dag 15–28"), validators=BEDRAG_POSITIEF, **MONEY)
    derde_schijf = models.DecimalField(_("per dag, dag 29–42"), validators=BEDRAG_POSITIEF, **MONEY)
    bron = models.CharField(_("bron"), max_length=200, help_text=_("De wet of het besluit met deze bedragen."))

    class Meta:
        ordering = ["geldig_vanaf"]
        verbose_name = _("dwangsomtarief")
        verbose_name_plural = _("dwangsomtarieven")

    def __str__(self):
        bedragen = " / ".join(euro(bedrag) for bedrag in self.schijven)
        return f"Dwangsom vanaf {self.geldig_vanaf}: {bedragen}"

    @property
    def schijven(self) -> tuple:
        return self.eerste_schijf, self.tweede_schijf, self.derde_schijf

    def _in_werking(self) -> bool:
        geldig_vanaf = self._audit_snapshot.get("geldig_vanaf")
        return geldig_vanaf is not None and geldig_vanaf <= timezone.localdate()

    def vaste_velden(self) -> frozenset[str]:
        """Amounts in force have been owed by them: a new decree is a new row, never a change of this one."""
        return frozenset(f.name for f in self._meta.concrete_fields if not f.primary_key) if self._in_werking() else (
            frozenset())

    def controleer_verwijdering(self) -> None:
        if self._in_werking():
            raise niet_meer_wijzigbaar(self)


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen (twee weken lopen)")
    DWANGSOM_LOOPT = "dwangsom_loopt", _("dwangsom loopt")
    ZONDER_DWANGSOM = "zonder_dwangsom", _("beslist binnen twee weken, geen dwangsom")
    GESTOPT = "gestopt", _("gestopt, vast te stellen")
    VASTGESTELD = "vastgesteld", _("vastgesteld")


class Wijze(models.TextChoices):
    PORTAAL = "portaal", _("via het portaal")
    PAPIER = "papier", _("op papier ontvangen")


class GeenDwangsom(models.TextChoices):
    """The cases of Awb 4:17 lid 6 in which no dwangsom is owed: the officer judges them, the engine cannot."""

    ONREDELIJK_LAAT = "onredelijk_laat", _("onredelijk laat in gebreke gesteld (4:17 lid 6 a)")
    GEEN_BELANGHEBBENDE = "geen_belanghebbende", _("aanvrager is geen belanghebbende (4:17 lid 6 b)")
    KENNELIJK = "kennelijk", _("aanvraag kennelijk niet-ontvankelijk of kennelijk ongegrond (4:17 lid 6 c)")


def _stand(ingebrekestelling):
    from ..services.dwangsom import stand

    return stand(ingebrekestelling)


@condition("De twee weken na de ingebrekestelling lopen nog (Awb 4:17 lid 3).",
           "The two weeks after the notice of default have not passed yet (Awb 4:17(3)).", "twee_weken_lopen")
def _dwangsom_loopt(ingebrekestelling) -> bool:
    return _stand(ingebrekestelling).dagen > 0


@condition("Er is nog niet beslist, of het besluit kwam pas nadat de dwangsom begon te lopen.",
           "No decision yet, or it came after the penalty started to run.", "niet_binnen_twee_weken_beslist")
def _beslist_binnen_twee_weken(ingebrekestelling) -> bool:
    stand = _stand(ingebrekestelling)
    return stand.beslist_op is not None and stand.dagen == 0


@condition("De dwangsom loopt nog: er is niet beslist en de 42 dagen zijn niet voorbij (Awb 4:17 lid 1).",
           "The penalty is still running: no decision yet and the 42 days have not passed (Awb 4:17(1)).",
           "dwangsom_loopt_nog")
def _gestopt(ingebrekestelling) -> bool:
    return _stand(ingebrekestelling).afgelopen


class Ingebrekestelling(Lifecycle):
    """A notice of default (ingebrekestelling, Awb 4:17) on a request not decided on time.

    ontvangen → dwangsom_loopt (from the day after two weeks have passed) → gestopt (decided, withdrawn, or 42 days
    run) → vastgesteld (the amount set by beschikking, Awb 4:18); ontvangen → zonder_dwangsom when the decision
    came within the two weeks.
    """

    Status = Status
    PUBLIEKE_STATUS = {
        Status.ONTVANGEN: ("Ontvangen; de gemeente heeft nog twee weken", "Received; the municipality has two weeks"),
        Status.DWANGSOM_LOOPT: ("De dwangsom loopt", "The penalty is running"),
        Status.ZONDER_DWANGSOM: ("Op tijd beslist na uw ingebrekestelling", "Decided in time after your notice"),
        Status.GESTOPT: ("De dwangsom loopt niet meer; wij stellen het bedrag vast",
                         "The penalty has stopped; we will set the amount"),
        Status.VASTGESTELD: ("Bedrag vastgesteld", "Amount set"),
    }

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="ingebrekestellingen")
    ontvangen_op = models.DateField(_("ontvangen op"))
    beslistermijn_tot = models.DateField(
        _("beslistermijn verstreken na"),
        help_text=_("De uiterste beslisdatum toen de ingebrekestelling binnenkwam (Awb 4:17 lid 3)."))
    wijze = models.CharField(_("ontvangen"), max_length=10, choices=Wijze.choices)
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    laatste_dag = models.DateField(_("laatste dag van de dwangsom"), null=True, blank=True)
    geen_dwangsom = models.CharField(_("geen dwangsom, want"), max_length=20, choices=GeenDwangsom.choices, blank=True)
    vastgesteld_bedrag = models.DecimalField(_("vastgesteld bedrag"), null=True, blank=True,
                                             validators=BEDRAG_NIET_NEGATIEF, **MONEY)
    beschikking = models.OneToOneField(Beschikking, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="ingebrekestelling")
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN, protected=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = _("ingebrekestelling")
        verbose_name_plural = _("ingebrekestellingen")
        constraints = [
            # One dwangsom per request (at most 42 days, 4:17 lid 1): a second notice starts nothing new.
            models.UniqueConstraint(fields=["aanvraag"], name="een_ingebrekestelling_per_aanvraag"),
            models.CheckConstraint(condition=models.Q(ontvangen_op__gt=models.F("beslistermijn_tot")),
                                   name="ingebrekestelling_na_beslistermijn"),
        ]

    def __str__(self):
        return f"Ingebrekestelling {self.aanvraag.nummer} ({self.ontvangen_op})"

    @property
    def organisatie(self):
        return self.aanvraag.organisatie

    # --- transitions: the first three the daily job performs (as `systeem`), or an officer ------------------------
    @transition(status, source=Status.ONTVANGEN, target=Status.DWANGSOM_LOOPT, permission=rollen.behandelaar_of_systeem,
                conditions=[_dwangsom_loopt], custom={"label": _("Dwangsom loopt")})
    def dwangsom_starten(self, *, user, reden=""):
        """Two weeks have passed since receipt without a decision: from today the dwangsom accrues (4:17 lid 3)."""
        from ..services import meldingen

        meldingen.dwangsom_loopt(self, _stand(self))

    @transition(status, source=Status.ONTVANGEN, target=Status.ZONDER_DWANGSOM,
                permission=rollen.behandelaar_of_systeem, conditions=[_beslist_binnen_twee_weken],
                custom={"label": _("Afsluiten: binnen twee weken beslist")})
    def zonder_dwangsom_afsluiten(self, *, user, reden=""):
        """The decision came within the two weeks: no dwangsom was forfeited, so there is nothing to set (4:18)."""

    @transition(status, source=Status.DWANGSOM_LOOPT, target=Status.GESTOPT, permission=rollen.behandelaar_of_systeem,
                conditions=[_gestopt], custom={"label": _("Dwangsom gestopt")})
    def dwangsom_stoppen(self, *, user, reden=""):
        """The decision was made (or the request withdrawn), or 42 days have run: the last day is fixed, and with it
        the two weeks within which the amount must be set (4:18)."""
        from ..services import meldingen

        stand = _stand(self)
        self.laatste_dag = stand.laatste_dag
        meldingen.dwangsom_gestopt(self, stand)

    @transition(status, source=Status.GESTOPT, target=Status.VASTGESTELD, permission=rollen.behandelaar,
                custom={"label": _("Dwangsom vaststellen")})
    def dwangsom_vaststellen(self, *, user, reden="", geen_dwangsom: str = ""):
        """Set the amount owed by beschikking (Awb 4:18), with the bezwaar clause, and record it as a payment
        obligation. With `geen_dwangsom`, a ground of 4:17 lid 6, the beschikking says no dwangsom is owed, and why."""
        from ..services.dwangsom import stel_vast

        if geen_dwangsom and geen_dwangsom not in GeenDwangsom.values:
            raise InvalidInput(f"Kies een grond uit Awb 4:17 lid 6: {', '.join(GeenDwangsom.values)}.",
                               f"Choose a ground of Awb 4:17(6): {', '.join(GeenDwangsom.values)}.",
                               code="grond_ongeldig", details={"velden": ["geen_dwangsom"]})
        if geen_dwangsom and not reden.strip():
            raise InvalidInput("Motiveer waarom geen dwangsom verschuldigd is.",
                               "Give the grounds why no penalty is owed.", code="reden_verplicht")
        stel_vast(self, user, reden=reden, grond=geen_dwangsom)


class Dwangsombetaling(Lifecycle):
    """What the municipality owes the applicant by a dwangsom beschikking (4:18). Paid from the general funds, not
    from the regeling's budget: it is no subsidy, commits no `Verplichting` and never touches a ceiling."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        UITGEVOERD = "uitgevoerd", _("uitgevoerd")

    PUBLIEKE_STATUS = {Status.GEPLAND: ("Wordt betaald", "To be paid"), Status.UITGEVOERD: ("Betaald", "Paid")}
    wijzigbaar = {Status.GEPLAND: ("gepland_op",)}

    ingebrekestelling = models.OneToOneField(Ingebrekestelling, on_delete=models.PROTECT, related_name="betaling")
    bedrag = models.DecimalField(_("bedrag"), validators=BEDRAG_POSITIEF, **MONEY)
    gepland_op = models.DateField(_("gepland op"))
    uitgevoerd_op = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND, protected=True)

    class Meta:
        ordering = ["gepland_op", "pk"]
        verbose_name = _("dwangsombetaling")
        verbose_name_plural = _("dwangsombetalingen")
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="dwangsombetaling_positief")]

    def __str__(self):
        return f"Dwangsom {self.ingebrekestelling.aanvraag.nummer}: {euro(self.bedrag)}"

    @property
    def organisatie(self):
        return self.ingebrekestelling.aanvraag.organisatie

    @transition(status, source=Status.GEPLAND, target=Status.UITGEVOERD, permission=rollen.behandelaar,
                custom={"label": _("Uitgevoerd")})
    def uitvoeren(self, *, user, reden="", uitgevoerd_op: dt.date | None = None):
        """Record that the money was paid: today, or a day of the past year."""
        vandaag = timezone.localdate()
        if uitgevoerd_op is not None and not vandaag - dt.timedelta(days=365) <= uitgevoerd_op <= vandaag:
            raise InvalidInput("De datum van uitvoering ligt in het afgelopen jaar, niet in de toekomst.",
                               "The date of execution lies within the past year, not in the future.",
                               code="datum_ongeldig", details={"velden": ["uitgevoerd_op"]})
        self.uitgevoerd_op = uitgevoerd_op or vandaag
