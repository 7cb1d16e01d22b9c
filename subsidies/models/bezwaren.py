"""The Bezwaar (objection) against a beschikking and its lifecycle (DESIGN §4), top to bottom.

ingediend → in_behandeling → (hoorzitting) → gegrond | ongegrond | niet_ontvankelijk; ingetrokken while undecided.
Only `workflows.transitions.perform` calls the transitions; filing one is `services.bezwaren.dien_in`.

The terms, all through `workflows.termijnen` (Algemene termijnenwet included):
- on time (Awb 6:9): received on or before the beschikking's `bezwaartermijn_tot` (6:7, 6:8), or posted on or before
  it and received at most a week after it (6:9 lid 2);
- a late objection is niet-ontvankelijk unless the officer records why the lateness is excusable (6:11);
- decision term (7:10): 6 weeks, 12 with an advisory committee (7:13), counted from the day after the objection term
  ended; for a late objection from the day after it was received (our reading of the case law: the term cannot have
  run before the objection existed); postponable once by 6 weeks (7:10 lid 3), counted from the date last made known.
"""
import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from workflows import termijnen
from workflows.errors import InvalidInput
from workflows.lifecycle import Lifecycle, Onderdeel, condition

from .. import rollen
from ..validators import tekst
from .beschikkingen import Beschikking
from .documenten import Opgeslagen

BEZWAARTERMIJN_WEKEN = 6  # Awb 6:7
POSTTERMIJN_WEKEN = 1  # Awb 6:9 lid 2
BESLISTERMIJN_WEKEN = 6  # Awb 7:10 lid 1
BESLISTERMIJN_COMMISSIE_WEKEN = 12  # Awb 7:10 lid 1 with a committee of 7:13
VERDAGING_WEKEN = 6  # Awb 7:10 lid 3


class Status(models.TextChoices):
    INGEDIEND = "ingediend", _("ingediend")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    HOORZITTING = "hoorzitting", _("hoorzitting")
    GEGROND = "gegrond", _("gegrond")
    ONGEGROND = "ongegrond", _("ongegrond")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet-ontvankelijk")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


OPEN_STATUSSEN = [Status.INGEDIEND, Status.IN_BEHANDELING, Status.HOORZITTING]


class HorenAchterwege(models.TextChoices):
    """The grounds on which the objector need not be heard (Awb 7:3)."""

    KENNELIJK_NIET_ONTVANKELIJK = "a", _("het bezwaar is kennelijk niet-ontvankelijk (Awb 7:3 onder a)")
    KENNELIJK_ONGEGROND = "b", _("het bezwaar is kennelijk ongegrond (Awb 7:3 onder b)")
    GEEN_GEBRUIK = "c", _("de indiener wil niet worden gehoord (Awb 7:3 onder c)")
    NIET_GEREAGEERD = "d", _("de indiener reageerde niet op de uitnodiging (Awb 7:3 onder d)")
    VOLLEDIG_TEGEMOETGEKOMEN = "e", _("het bezwaar wordt volledig toegewezen (Awb 7:3 onder e)")


class Herziening(models.TextChoices):
    """What an upheld objection did to the contested decision (`services.bezwaren.herzie`)."""

    HEROVERWEGEN = "heroverwegen", _("aanvraag opnieuw in behandeling")
    HERZIEN = "herzien", _("herzien met een nieuw besluit")
    ZELF = "zelf", _("herroepen; het nieuwe besluit neemt de behandelaar")


def tijdig(termijn_tot: dt.date, ontvangen_op: dt.date, ter_post_op: dt.date | None = None,
           gelijkgestelde_dagen=()) -> bool:
    """Whether an objection was filed on time (Awb 6:9): received by the end of the term, or posted by then and
    received within a week after it (that week rolled by the Atw like every other term)."""
    if ontvangen_op <= termijn_tot:
        return True
    if ter_post_op is None or ter_post_op > termijn_tot:
        return False
    return ontvangen_op <= termijnen.termijn_einde(termijn_tot, weken=POSTTERMIJN_WEKEN,
                                                   gelijkgestelde_dagen=gelijkgestelde_dagen)


# Conditions: each carries the reason the user is shown when it does not hold.
@condition(
    "Dit bezwaar is te laat ingediend (Awb 6:7, 6:9). Verklaar het niet-ontvankelijk, of leg eerst vast waarom de "
    "termijnoverschrijding verschoonbaar is (Awb 6:11).",
    "This objection was filed late (Awb 6:7, 6:9). Declare it inadmissible, or first record why the lateness is "
    "excusable (Awb 6:11).",
    "bezwaar_te_laat",
)
def _ontvankelijk_qua_termijn(bezwaar) -> bool:
    return bezwaar.tijdig or bool(bezwaar.verschoonbaar_reden)


@condition("Dit bezwaar is op tijd ingediend; er valt geen termijnoverschrijding te verschonen.",
           "This objection was filed on time; there is no lateness to excuse.", "bezwaar_tijdig")
def _te_laat(bezwaar) -> bool:
    return not bezwaar.tijdig


@condition("De termijnoverschrijding is al verschoonbaar verklaard.", "The lateness has already been excused.",
           "al_verschoond")
def _nog_niet_verschoond(bezwaar) -> bool:
    return not bezwaar.verschoonbaar_reden


@condition(
    "De beslissing op dit bezwaar is al eens verdaagd; dat kan maar één keer met zes weken (Awb 7:10 lid 3). "
    "Verder uitstel kan alleen met instemming van de indiener (lid 4): 'Met instemming uitstellen'.",
    "The decision on this objection has already been postponed; that is possible once, by six weeks "
    "(Awb 7:10(3)). Further delay needs the objector's consent (7:10(4)).",
    "al_verdaagd",
)
def _nog_niet_verdaagd(bezwaar) -> bool:
    return not bezwaar.verdaagd


@condition("De indiener wordt al gehoord, of er is al vastgelegd waarom horen achterwege blijft.",
           "The objector is already being heard, or why the hearing is omitted has already been recorded.",
           "horen_al_geregeld")
def _horen_nog_open(bezwaar) -> bool:
    return bezwaar.hoorzitting_op is None and not bezwaar.horen_achterwege


class Bezwaar(Lifecycle):
    """An objection against one beschikking, from receipt to the decision on it.

    ingediend → in_behandeling → (hoorzitting) → gegrond | ongegrond | niet_ontvankelijk; the applicant can withdraw
    it (ingetrokken) while it is undecided. Each decision is a beschikking of soort bezwaarbeslissing; gegrond
    revokes the contested decision (Awb 7:11) and revises it through the request's or subsidie's own lifecycle.
    """

    Status = Status
    Herziening = Herziening
    HorenAchterwege = HorenAchterwege
    PUBLIEKE_STATUS = {
        Status.INGEDIEND: ("Ontvangen", "Received"),
        Status.IN_BEHANDELING: ("We bekijken uw bezwaar", "We are looking at your objection"),
        Status.HOORZITTING: ("U wordt gehoord", "You will be heard"),
        Status.GEGROND: ("U krijgt gelijk", "Your objection is upheld"),
        Status.ONGEGROND: ("Het besluit blijft staan", "The decision stands"),
        Status.NIET_ONTVANKELIJK: ("Niet inhoudelijk behandeld", "Not considered on its merits"),
        Status.INGETROKKEN: ("Ingetrokken", "Withdrawn"),
    }
    # Once filed, only documents (further grounds) can still be added, until the decision.
    wijzigbaar = {status: ("documenten",) for status in OPEN_STATUSSEN}

    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="bezwaren",
                                    verbose_name=_("bestreden beschikking"))
    gronden = models.TextField(_("gronden van het bezwaar"), **tekst(20_000))
    indiener = models.CharField(_("naam van de indiener"), max_length=200, blank=True,
                                help_text=_("Wie het bezwaarschrift ondertekende (Awb 6:5)."))
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                       verbose_name=_("ingediend of geregistreerd door"))
    op_papier = models.BooleanField(_("op papier ontvangen"), default=False,
                                    help_text=_("Door een behandelaar geregistreerd."))
    ontvangen_op = models.DateField(_("ontvangen op"))
    ter_post_op = models.DateField(_("ter post bezorgd op"), null=True, blank=True,
                                   help_text=_("Bij verzending per post (Awb 6:9 lid 2)."))
    tijdig = models.BooleanField(_("tijdig ingediend"), help_text=_("Awb 6:7–6:9, bij ontvangst vastgesteld."))
    verschoonbaar_reden = models.TextField(
        _("termijnoverschrijding verschoonbaar omdat"), blank=True, **tekst(5_000),
        help_text=_("Waarom een te laat bezwaar toch wordt behandeld (Awb 6:11)."))
    adviescommissie = models.BooleanField(_("adviescommissie"), default=False,
                                          help_text=_("Een commissie als bedoeld in Awb 7:13 adviseert."))
    uiterste_beslisdatum = models.DateField(_("uiterste beslisdatum"))
    verdaagd = models.BooleanField(_("verdaagd"), default=False)
    hoorzitting_op = models.DateField(_("hoorzitting op"), null=True, blank=True)
    horen_achterwege = models.CharField(_("niet gehoord, want"), max_length=1, choices=HorenAchterwege.choices,
                                        blank=True, help_text=_("De grond van Awb 7:3 om niet te horen."))
    horen_achterwege_reden = models.TextField(_("toelichting op niet horen"), blank=True, **tekst(5_000))
    uitgesteld_tot = models.DateField(
        _("met instemming uitgesteld tot"), null=True, blank=True,
        help_text=_("Verder uitstel van de beslissing met instemming van de indiener (Awb 7:10 lid 4)."))
    uitstel_instemming = models.TextField(_("instemming met uitstel"), blank=True, **tekst(5_000),
                                          help_text=_("Wanneer en hoe de indiener instemde (Awb 7:10 lid 4)."))
    behandelaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    herziening = models.CharField(_("herziening"), max_length=15, choices=Herziening.choices, blank=True,
                                  help_text=_("Bij een gegrond bezwaar: wat er met het bestreden besluit gebeurde."))
    beslissing = models.OneToOneField(Beschikking, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="beslist_bezwaar", verbose_name=_("beslissing op bezwaar"))
    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.INGEDIEND, protected=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ontvangen_op", "-pk"]
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        indexes = [models.Index(fields=["status", "uiterste_beslisdatum"], name="bezwaar_status_beslis_idx")]

    def __str__(self):
        return f"{self.nummer} tegen {self.beschikking}"

    @property
    def nummer(self) -> str:
        return f"BZ-{self.pk:06d}" if self.pk else "BZ-nieuw"

    @property
    def organisatie(self):
        """Whose objection it is: the organisation the contested decision was given to (permissions read this)."""
        return self.beschikking.aanvraag.organisatie

    @property
    def aanvraag(self):
        return self.beschikking.aanvraag

    # --- deadlines -----------------------------------------------------------------------------------------
    def bereken_termijnen(self) -> None:
        """Whether it is on time (6:9) and the decision date (7:10), on receipt; the postponement is added later."""
        dagen = termijnen.gelijkgestelde_dagen_uit_db()
        self.tijdig = tijdig(self.beschikking.bezwaartermijn_tot, self.ontvangen_op, self.ter_post_op, dagen)
        start = self.beschikking.bezwaartermijn_tot if self.tijdig else self.ontvangen_op
        weken = BESLISTERMIJN_COMMISSIE_WEKEN if self.adviescommissie else BESLISTERMIJN_WEKEN
        self.uiterste_beslisdatum = termijnen.termijn_einde(start, weken=weken, gelijkgestelde_dagen=dagen)
        if self.verdaagd:
            self.uiterste_beslisdatum = termijnen.termijn_einde(self.uiterste_beslisdatum, weken=VERDAGING_WEKEN,
                                                                gelijkgestelde_dagen=dagen)
        if self.uitgesteld_tot and self.uitgesteld_tot > self.uiterste_beslisdatum:
            self.uiterste_beslisdatum = self.uitgesteld_tot

    # --- transitions ---------------------------------------------------------------------------------------
    @transition(status, source=Status.INGEDIEND, target=Status.IN_BEHANDELING, permission=rollen.behandelaar,
                custom={"label": _("In behandeling nemen")})
    def in_behandeling_nemen(self, *, user, reden="", adviescommissie: bool | None = None):
        """The officer takes the objection; saying now whether an advisory committee advises sets the term."""
        self.behandelaar = user
        if adviescommissie is not None and adviescommissie != self.adviescommissie:
            self.adviescommissie = adviescommissie
            self.bereken_termijnen()

    @transition(status, source=OPEN_STATUSSEN, target=None, permission=rollen.behandelaar,
                conditions=[_te_laat, _nog_niet_verschoond],
                custom={"label": _("Termijnoverschrijding verschonen")})
    def termijnoverschrijding_verschonen(self, *, user, reden=""):
        """Record why a late objection is still considered: the objector cannot reasonably be blamed (Awb 6:11)."""
        if not reden.strip():
            raise InvalidInput("Leg vast waarom de termijnoverschrijding verschoonbaar is (Awb 6:11).",
                               "Record why the lateness is excusable (Awb 6:11).", code="reden_verplicht")
        self.verschoonbaar_reden = reden

    @transition(status, source=OPEN_STATUSSEN, target=None, permission=rollen.behandelaar,
                conditions=[_nog_niet_verdaagd], custom={"label": _("Beslissing verdagen")})
    def verdagen(self, *, user, reden=""):
        """Postpone the decision once by six weeks, with written notice and reasons, within the term (7:10 lid 3)."""
        from django.utils import timezone

        if not reden.strip():
            raise InvalidInput("Geef de reden van de verdaging.", "Give the reason for the postponement.",
                               code="reden_verplicht")
        if timezone.localdate() > self.uiterste_beslisdatum:
            raise InvalidInput("De beslistermijn is al verstreken; verdagen kan alleen binnen de termijn.",
                               "The decision term has already passed; it can only be postponed within it.",
                               code="termijn_verstreken")
        self.verdaagd = True
        self.bereken_termijnen()
        from ..services import meldingen

        meldingen.bezwaar_verdaagd(self, reden)

    @transition(status, source=Status.IN_BEHANDELING, target=Status.HOORZITTING, permission=rollen.behandelaar,
                custom={"label": _("Hoorzitting plannen")})
    def hoorzitting_plannen(self, *, user, reden="", hoorzitting_op: dt.date | None = None):
        """Invite the objector to be heard (Awb 7:2) on a working day from today on."""
        from django.utils import timezone

        if hoorzitting_op is None or hoorzitting_op < timezone.localdate() or not termijnen.is_werkdag(
                hoorzitting_op, termijnen.gelijkgestelde_dagen_uit_db()):
            raise InvalidInput("Kies voor de hoorzitting een werkdag vanaf vandaag.",
                               "Choose a working day from today on for the hearing.", code="datum_ongeldig",
                               details={"velden": ["hoorzitting_op"]})
        self.hoorzitting_op = hoorzitting_op

    @transition(status, source=Status.IN_BEHANDELING, target=None, permission=rollen.behandelaar,
                conditions=[_horen_nog_open], custom={"label": _("Niet horen")})
    def horen_achterwege_laten(self, *, user, reden="", horen_achterwege: str = ""):
        """Record why the objector is not heard before the decision, on a ground of Awb 7:3 with its explanation;
        otherwise the objector is invited to a hearing (7:2, `hoorzitting_plannen`)."""
        if horen_achterwege not in HorenAchterwege.values:
            raise InvalidInput(f"Kies een grond uit Awb 7:3: {', '.join(HorenAchterwege.values)}.",
                               f"Choose a ground of Awb 7:3: {', '.join(HorenAchterwege.values)}.",
                               code="grond_ongeldig", details={"velden": ["horen_achterwege"]})
        if not reden.strip():
            raise InvalidInput("Licht toe waarom de indiener niet wordt gehoord (Awb 7:3).",
                               "Explain why the objector is not heard (Awb 7:3).", code="reden_verplicht")
        self.horen_achterwege, self.horen_achterwege_reden = horen_achterwege, reden

    @transition(status, source=OPEN_STATUSSEN, target=None, permission=rollen.behandelaar,
                custom={"label": _("Met instemming uitstellen")})
    def uitstellen_met_instemming(self, *, user, reden="", uiterlijk: dt.date | None = None):
        """Put the decision off beyond the term, to a date the objector agreed to (Awb 7:10 lid 4); `reden` records
        when and how they consented. Possible more than once, each time with consent; moved off a weekend or
        holiday like every date an officer sets."""
        from ..services import meldingen

        if not reden.strip():
            raise InvalidInput("Leg vast wanneer en hoe de indiener met het uitstel instemde (Awb 7:10 lid 4).",
                               "Record when and how the objector consented to the delay (Awb 7:10(4)).",
                               code="reden_verplicht")
        from django.utils import timezone

        if uiterlijk is None or not self.uiterste_beslisdatum < uiterlijk <= timezone.localdate() + dt.timedelta(
                days=2 * 365):
            raise InvalidInput("Kies een datum na de huidige uiterste beslisdatum en binnen twee jaar.",
                               "Choose a date after the current decision date and within two years.",
                               code="datum_ongeldig", details={"velden": ["uiterlijk"]})
        nieuw = termijnen.gestelde_termijn(uiterlijk)
        self.uitgesteld_tot, self.uitstel_instemming = nieuw, reden
        self.bereken_termijnen()
        meldingen.bezwaar_verdaagd(self, reden, sleutel=f"bezwaar-uitgesteld-{self.pk}-{nieuw:%Y%m%d}")

    @transition(status, source=[Status.IN_BEHANDELING, Status.HOORZITTING], target=Status.GEGROND,
                permission=rollen.behandelaar, conditions=[_ontvankelijk_qua_termijn],
                custom={"label": _("Gegrond verklaren")})
    def gegrond_verklaren(self, *, user, reden="", bedrag: Decimal | None = None):
        """The objection succeeds: the contested decision is revoked (Awb 7:11) and revised through its own lifecycle
        (`services.bezwaren.herzie`); `bedrag` is the new amount when a verlening or vaststelling was too low."""
        from ..services import bezwaren

        bezwaren.beslis(self, Status.GEGROND, user, reden, bedrag=None if bedrag is None else Decimal(bedrag))

    @transition(status, source=[Status.IN_BEHANDELING, Status.HOORZITTING], target=Status.ONGEGROND,
                permission=rollen.behandelaar, conditions=[_ontvankelijk_qua_termijn],
                custom={"label": _("Ongegrond verklaren")})
    def ongegrond_verklaren(self, *, user, reden=""):
        """The objection fails: the contested decision stands, on the grounds given."""
        from ..services import bezwaren

        bezwaren.beslis(self, Status.ONGEGROND, user, reden)

    @transition(status, source=[Status.IN_BEHANDELING, Status.HOORZITTING], target=Status.NIET_ONTVANKELIJK,
                permission=rollen.behandelaar, custom={"label": _("Niet-ontvankelijk verklaren")})
    def niet_ontvankelijk_verklaren(self, *, user, reden=""):
        """Not considered on its merits: too late without excuse (6:7, 6:11), or another bar (6:6, 8:1)."""
        from ..services import bezwaren

        bezwaren.beslis(self, Status.NIET_ONTVANKELIJK, user, reden)

    @transition(status, source=OPEN_STATUSSEN, target=Status.INGETROKKEN, permission=rollen.aanvrager_of_behandelaar,
                custom={"label": _("Intrekken")})
    def intrekken(self, *, user, reden=""):
        """The objector withdraws it before the decision (an officer registers a withdrawal received on paper)."""
        from ..services import meldingen

        meldingen.bezwaar_ingetrokken(self)


class Bezwaardocument(Opgeslagen, Onderdeel):
    """A file with the grounds of an objection, checked and stored like a request's documents (`Opgeslagen`)."""

    onderdeel_van = "bezwaar"
    bezwaar = models.ForeignKey(Bezwaar, on_delete=models.CASCADE, related_name="documenten")

    class Meta:
        verbose_name = _("bezwaardocument")
        verbose_name_plural = _("bezwaardocumenten")
