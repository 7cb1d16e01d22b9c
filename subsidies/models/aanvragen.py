"""The Aanvraag and its lifecycle (DESIGN §4), top to bottom.

concept → ingediend → in_behandeling ⇄ aanvulling_gevraagd → in_beoordeling → besluit_voorgesteld →
verleend | geweigerd | buiten_behandeling; ingetrokken by the applicant before the decision.
Only `workflows.transitions.perform` calls the transitions; each names who may perform it and its conditions.
Its parts have modules of their own: the applicant's budget (`aanvraagbegroting.py`) and the aanvullingen
(`aanvullingen.py`).
"""
import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from workflows import termijnen
from workflows.errors import InvalidInput, NotPermitted
from workflows.lifecycle import ALLE, Lifecycle, condition

from .. import rollen
from ..bedragen import euro
from ..rollen import mag_behandelen
from ..validators import BEDRAG_POSITIEF, PERIODE, JsonOmvang, tekst
from .begroting import MONEY
from .gebieden import Gebied, Wijk
from .organisaties import Organisatie
from .regelingen import Regeling


class Status(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("aanvulling gevraagd")
    IN_BEOORDELING = "in_beoordeling", _("in beoordeling")
    BESLUIT_VOORGESTELD = "besluit_voorgesteld", _("besluit voorgesteld")
    VERLEEND = "verleend", _("verleend")
    GEWEIGERD = "geweigerd", _("geweigerd")
    BUITEN_BEHANDELING = "buiten_behandeling", _("buiten behandeling gesteld")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


OPEN_STATUSSEN = [
    Status.INGEDIEND, Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD, Status.IN_BEOORDELING,
    Status.BESLUIT_VOORGESTELD,
]


class Uitkomst(models.TextChoices):
    VERLENEN = "verlenen", _("verlenen")
    WEIGEREN = "weigeren", _("weigeren")


# Conditions: each carries the reason the user is shown when it does not hold.
@condition("Stel eerst een besluit tot verlenen voor.", "Propose an award first.", "geen_voorstel_verlenen")
def _voorstel_is_verlenen(aanvraag) -> bool:
    return aanvraag.voorstel_uitkomst == Uitkomst.VERLENEN


@condition("Stel eerst een besluit tot weigeren voor.", "Propose a refusal first.", "geen_voorstel_weigeren")
def _voorstel_is_weigeren(aanvraag) -> bool:
    return aanvraag.voorstel_uitkomst == Uitkomst.WEIGEREN


BUITEN_BEHANDELING_WEKEN = 4  # Awb 4:5 lid 4: made known within four weeks after the term passed unused


def laatste_dag_buiten_behandeling(aanvulling) -> dt.date:
    """The last day a request can be put buiten behandeling for this aanvulling (Awb 4:5 lid 4)."""
    return termijnen.termijn_einde(aanvulling.termijn_tot, weken=BUITEN_BEHANDELING_WEKEN,
                                   gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())


@condition(
    "De termijn voor de aanvulling loopt nog; buiten behandeling stellen kan pas daarna (Awb 4:5).",
    "The term for supplying the information has not yet passed (Awb 4:5).",
    "aanvullingstermijn_loopt",
)
def _aanvullingstermijn_verstreken(aanvraag) -> bool:
    open_aanvulling = aanvraag.open_aanvulling
    return open_aanvulling is not None and open_aanvulling.termijn_tot < timezone.localdate()


@condition(
    "De aanvullingstermijn is meer dan vier weken geleden verstreken. Buiten behandeling stellen kan niet meer "
    "(Awb 4:5 lid 4): beoordeel de aanvraag zoals hij is, en verleen of weiger.",
    "The term for supplying the information passed more than four weeks ago. The request can no longer be left "
    "unconsidered (Awb 4:5(4)): assess it as it is, and grant or refuse.",
    "buiten_behandeling_te_laat",
)
def _binnen_vier_weken_na_aanvullingstermijn(aanvraag) -> bool:
    open_aanvulling = aanvraag.open_aanvulling
    return open_aanvulling is not None and timezone.localdate() <= laatste_dag_buiten_behandeling(open_aanvulling)


@condition(
    "De beslistermijn is al eens verdaagd; dat kan maar één keer (Awb 4:14 lid 3).",
    "The decision term can be extended only once (Awb 4:14(3)).",
    "al_verdaagd",
)
def _nog_niet_verdaagd(aanvraag) -> bool:
    return aanvraag.verdaagd_weken == 0


HERZIENBARE_BESLUITEN = ("weigering", "buiten_behandeling")  # Beschikking.Soort values heroverwegen undoes


@condition(
    "Alleen als een bezwaar tegen de weigering of buitenbehandelingstelling gegrond is verklaard, gaat de aanvraag "
    "terug in behandeling (Awb 7:11).",
    "Only when an objection against the refusal or the decision not to consider was upheld does the request go back "
    "for review (Awb 7:11).",
    "niet_herroepen",
)
def _besluit_herroepen(aanvraag) -> bool:
    """The request's last refusal (or buitenbehandelingstelling) was revoked by a decision on bezwaar."""
    from .beschikkingen import laatste_herroepen

    return laatste_herroepen(aanvraag, HERZIENBARE_BESLUITEN)


@condition(
    "De beslistermijn is nog niet verstreken. Een ingebrekestelling kan pas daarna (Awb 4:17).",
    "The decision term has not passed yet. A notice of default is only possible after it (Awb 4:17).",
    "beslistermijn_loopt",
)
def _beslistermijn_verstreken(aanvraag) -> bool:
    return aanvraag.uiterste_beslisdatum is not None and aanvraag.uiterste_beslisdatum < timezone.localdate()


@condition("Voor deze aanvraag is al een ingebrekestelling ontvangen.",
           "A notice of default has already been received for this request.", "al_in_gebreke_gesteld")
def _nog_niet_in_gebreke_gesteld(aanvraag) -> bool:
    return not aanvraag.ingebrekestellingen.exists()


# Four-eyes above the regeling's threshold: a beslisser who did not make the proposal decides an award (on the
# amount proposed) and a refusal (on the amount asked: what the applicant loses).
_vier_ogen = rollen.VierOgen(lambda aanvraag: aanvraag.voorstel_bedrag, "voorgesteld_door", "het voorgestelde bedrag")
_vier_ogen_weigering = rollen.VierOgen(lambda aanvraag: aanvraag.gevraagd_bedrag, "voorgesteld_door",
                                       "het gevraagde bedrag")


class Aanvraag(Lifecycle):
    """A subsidy request, from draft to decision.

    concept → ingediend → in_behandeling ⇄ aanvulling_gevraagd → in_beoordeling → besluit_voorgesteld →
    verleend | geweigerd | buiten_behandeling; the applicant can withdraw it (ingetrokken) before the decision.
    Four-eyes: above the regeling's threshold a beslisser who did not make the proposal decides (verlenen, weigeren).
    """

    Status = Status
    PUBLIEKE_STATUS = {
        Status.CONCEPT: ("Nog niet verstuurd", "Not sent yet"),
        Status.INGEDIEND: ("Ontvangen", "Received"),
        Status.IN_BEHANDELING: ("We bekijken uw aanvraag", "We are looking at your application"),
        Status.AANVULLING_GEVRAAGD: ("We wachten op informatie van u", "We are waiting for information from you"),
        Status.IN_BEOORDELING: ("We beoordelen uw aanvraag", "We are assessing your application"),
        Status.BESLUIT_VOORGESTELD: ("Er wordt een besluit genomen", "A decision is being made"),
        Status.VERLEEND: ("Toegekend", "Granted"),
        Status.GEWEIGERD: ("Afgewezen", "Refused"),
        Status.BUITEN_BEHANDELING: ("Niet in behandeling genomen", "Not considered"),
        Status.INGETROKKEN: ("Ingetrokken", "Withdrawn"),
    }
    # The applicant writes the draft; once sent it is what is decided on (Awb 4:5): only documents can still be
    # added, when an aanvulling was asked. Its lines and the family's data follow under their related names.
    wijzigbaar = {Status.CONCEPT: ALLE, Status.AANVULLING_GEVRAAGD: ("documenten",)}

    regeling = models.ForeignKey(Regeling, on_delete=models.PROTECT, related_name="aanvragen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="aanvragen")
    titel = models.CharField(_("titel"), max_length=200, blank=True)
    omschrijving = models.TextField(_("wat gaat u doen, en voor wie?"), blank=True, **tekst(10_000))
    gevraagd_bedrag = models.DecimalField(_("gevraagd bedrag"), null=True, blank=True, validators=BEDRAG_POSITIEF,
                                          **MONEY)
    periode_van = models.DateField(_("begindatum"), null=True, blank=True, validators=PERIODE)
    periode_tot = models.DateField(_("einddatum"), null=True, blank=True, validators=PERIODE)
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    werkplan = models.TextField(
        _("werkplan voor het eerste jaar"), blank=True, **tekst(20_000),
        help_text=_("Bij een meerjarige aanvraag: wat u het eerste jaar gaat doen en wat u wilt bereiken."),
    )
    voortzetting_van = models.ForeignKey(
        "subsidies.Subsidie", on_delete=models.PROTECT, null=True, blank=True, related_name="vervolgaanvragen",
        verbose_name=_("voortzetting van"), help_text=_("De lopende subsidie die deze aanvraag zonder onderbreking voortzet."),
    )
    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.CONCEPT, protected=True)

    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ontvangen_op = models.DateField(_("ontvangen op"), null=True, blank=True)
    na_aanvraagtermijn = models.BooleanField(
        _("na de aanvraagtermijn ingediend"), default=False,
        help_text=_("Binnen de ene nieuwe termijn die een te late aanvraag krijgt (Awb 4:60, nadere regels)."),
    )
    volledig_op = models.DateTimeField(
        _("volledig op"), null=True, blank=True,
        help_text=_("Het moment waarop de aanvraag volledig werd; telt voor de volgorde van binnenkomst."),
    )
    uiterste_beslisdatum = models.DateField(_("uiterste beslisdatum"), null=True, blank=True)
    verdaagd_weken = models.PositiveSmallIntegerField(_("verdaagd (weken)"), default=0)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    voorstel_uitkomst = models.CharField(max_length=10, choices=Uitkomst.choices, blank=True)
    voorstel_bedrag = models.DecimalField(null=True, blank=True, validators=BEDRAG_POSITIEF, **MONEY)
    voorstel_motivering = models.TextField(blank=True, **tekst(5_000))
    voorstel_voorwaarden = models.JSONField(
        default=dict, blank=True, validators=[JsonOmvang(max_items=10, max_tekens=1_000)], help_text=_("Meerjarig: indexatie, voorschotschema en egalisatiereserve van het voorstel.")
    )
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    audit_exclude = ("gewijzigd_op",)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [
            models.Index(fields=["regeling", "status", "volledig_op"]),
            # The officer's queue, by deadline, with the key as tie-breaker (docs/benchmarks.md, "Queue").
            models.Index(fields=["uiterste_beslisdatum", "id"], name="aanvraag_beslisdatum_idx"),
            models.Index(fields=["status", "uiterste_beslisdatum", "id"], name="aanvraag_status_beslis_idx"),
            models.Index(fields=["uiterste_beslisdatum", "id"], condition=models.Q(status__in=OPEN_STATUSSEN),
                         name="aanvraag_open_wachtrij_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gevraagd_bedrag__isnull=True) | models.Q(gevraagd_bedrag__gt=0),
                name="aanvraag_bedrag_positief",
            )
        ]

    def __str__(self):
        return f"{self.nummer} {self.titel}".strip()

    @property
    def nummer(self) -> str:
        return f"SB-{self.pk:06d}" if self.pk else "SB-nieuw"

    @property
    def boekjaar(self) -> int | None:
        return self.periode_van.year if self.periode_van else None

    @property
    def boekjaren(self) -> list[int]:
        """The boekjaren a request covers; one for a one-off request, each year of the period for a multi-year one."""
        if not (self.periode_van and self.periode_tot):
            return []
        return list(range(self.periode_van.year, self.periode_tot.year + 1))

    @property
    def open_aanvulling(self):
        """The aanvulling the request waits for; only while its status says so (one left unanswered after
        `verder_zonder_aanvulling` is no longer open)."""
        if self.status != Status.AANVULLING_GEVRAAGD:
            return None
        return self.aanvullingen.filter(ontvangen_op__isnull=True).order_by("-gevraagd_op", "-pk").first()

    # --- deadlines -----------------------------------------------------------------------------------------
    def herbereken_uiterste_beslisdatum(self) -> None:
        """Decision term from receipt, plus any extension, plus every aanvulling's suspension (Awb 4:13–4:15)."""
        self.uiterste_beslisdatum = termijnen.termijn_einde(
            self.ontvangen_op,
            weken=self.regeling.beslistermijn_weken + self.verdaagd_weken,
            opschortingen=[a.opschorting for a in self.aanvullingen.all()],
            gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db(),
        )

    def voorgesteld_volgens_regels(self) -> Decimal:
        """What the family's rules propose (a formula, an approved deficit), at most the amount asked."""
        from .. import families

        familie = families.van(self)
        voorstel = familie.voorstel(self) if familie is not None and familie.voorstel is not None else None
        return self.gevraagd_bedrag if voorstel is None else min(voorstel, self.gevraagd_bedrag)

    def clean(self):
        """What makes even a draft impossible, whichever door it comes through; what a complete request needs, and
        the regeling's own limits on amount and dates, are checked at submission (services/intake.py)."""
        errors = {}
        if self.periode_van and self.periode_tot and self.periode_tot < self.periode_van:
            errors["periode_tot"] = _("De einddatum ligt vóór de begindatum. / The end date is before the start date.")
        elif self.regeling_id and self.regeling.meerjarig and len(self.boekjaren) > self.regeling.max_boekjaren:
            errors["periode_tot"] = _(
                "U kunt voor ten hoogste %(max)d boekjaren aanvragen; de periode beslaat er %(jaren)d. / You can apply "
                "for at most %(max)d years; the period covers %(jaren)d."
            ) % {"max": self.regeling.max_boekjaren, "jaren": len(self.boekjaren)}
        if self.wijk_id and self.gebied_id and self.wijk.gebied_id != self.gebied_id:
            errors["wijk"] = _("Deze wijk hoort niet bij het gekozen gebied. / This wijk is not in the chosen gebied.")
        if errors:
            raise ValidationError(errors)

    def ontbrekende_gegevens(self) -> list[str]:
        required = ["titel", "omschrijving", "gevraagd_bedrag", "periode_van", "periode_tot"]
        return [name for name in required if getattr(self, name) in (None, "")]

    # --- transitions ---------------------------------------------------------------------------------------
    @transition(status, source=Status.CONCEPT, target=Status.INGEDIEND,
                permission=rollen.aanvrager_of_behandelaar, custom={"label": _("Indienen")})
    def indienen(self, *, user, reden="", ontvangen_op: dt.date | None = None):
        """Submit. Staff registering a paper request give its real date of receipt."""
        from ..services.intake import controleer_indiening

        if ontvangen_op is not None and not mag_behandelen(user, self.organisatie):
            raise NotPermitted(
                "Alleen een behandelaar registreert een papieren aanvraag met een eigen ontvangstdatum.",
                "Only an officer registers a paper request with its own date of receipt.",
            )
        today = timezone.localdate()
        self.ontvangen_op = ontvangen_op or today
        controleer_indiening(self)
        self.ingediend_door = user
        self.volledig_op = timezone.now() if ontvangen_op is None else timezone.make_aware(
            dt.datetime.combine(ontvangen_op, dt.time.min)
        )
        self.herbereken_uiterste_beslisdatum()
        from ..services import meldingen
        from ..services.intake import ingediende_inhoud, inhoud_hash

        inhoud = ingediende_inhoud(self)  # the record of this transition holds what was submitted, and its hash
        self.audit_bijlagen = {"ingediende_inhoud": inhoud, "inhoud_sha256": inhoud_hash(inhoud)}
        meldingen.ontvangst(self)

    @transition(status, source=Status.INGEDIEND, target=Status.IN_BEHANDELING, permission=rollen.behandelaar,
                custom={"label": _("In behandeling nemen")})
    def in_behandeling_nemen(self, *, user, reden=""):
        """The officer takes the request and becomes its behandelaar."""
        self.behandelaar = user

    @transition(status, source=Status.IN_BEHANDELING, target=Status.AANVULLING_GEVRAAGD, permission=rollen.behandelaar,
                custom={"label": _("Aanvulling vragen")})
    def aanvulling_vragen(self, *, user, reden="", termijn_tot: dt.date | None = None):
        """Ask for missing information with a deadline; the decision term is suspended meanwhile (Awb 4:15)."""
        today = timezone.localdate()
        if not reden.strip():
            raise InvalidInput("Beschrijf welke informatie ontbreekt.", "Describe which information is missing.",
                               code="reden_verplicht")
        if termijn_tot is None or not today < termijn_tot <= today + dt.timedelta(days=365):
            raise InvalidInput(
                "Geef een termijn voor de aanvulling die na vandaag en binnen een jaar ligt (Awb 4:5).",
                "Give a deadline for the information after today and within a year (Awb 4:5).",
                code="termijn_ongeldig",
            )
        from ..services import brieven, meldingen
        from .aanvullingen import Aanvulling

        aanvulling = Aanvulling.objects.create(aanvraag=self, gevraagd_op=today, omschrijving=reden,
                                               termijn_tot=termijnen.gestelde_termijn(termijn_tot), gevraagd_door=user)
        self.herbereken_uiterste_beslisdatum()
        meldingen.aanvulling_gevraagd(aanvulling)
        brieven.plan(aanvulling)

    @transition(status, source=Status.AANVULLING_GEVRAAGD, target=Status.IN_BEHANDELING,
                permission=rollen.aanvrager_of_behandelaar, custom={"label": _("Aanvulling ontvangen")})
    def aanvulling_ontvangen(self, *, user, reden="", ontvangen_op: dt.date | None = None):
        """The request is complete again: the suspension ends, and its place in the queue is now."""
        if ontvangen_op is not None and not mag_behandelen(user, self.organisatie):
            raise NotPermitted(
                "Alleen een behandelaar registreert een aanvulling met een eigen ontvangstdatum.",
                "Only an officer registers an aanvulling with its own date of receipt.",
            )
        aanvulling = self.open_aanvulling
        aanvulling.ontvangen_op = ontvangen_op or timezone.localdate()
        if aanvulling.ontvangen_op < aanvulling.gevraagd_op or aanvulling.ontvangen_op > timezone.localdate():
            raise InvalidInput("De ontvangstdatum ligt niet tussen het verzoek en vandaag.",
                               "The date of receipt is not between the request and today.", code="datum_ongeldig")
        aanvulling.save()
        self.volledig_op = timezone.now()
        self.herbereken_uiterste_beslisdatum()
        from ..services import meldingen

        meldingen.aanvulling_ontvangen(aanvulling)

    @transition(status, source=Status.AANVULLING_GEVRAAGD, target=Status.BUITEN_BEHANDELING,
                permission=rollen.behandelaar,
                conditions=[_aanvullingstermijn_verstreken, _binnen_vier_weken_na_aanvullingstermijn],
                custom={"label": _("Buiten behandeling stellen")})
    def buiten_behandeling_stellen(self, *, user, reden=""):
        """Do not consider the request: the aanvulling did not come in time (Awb 4:5), and at most four weeks after
        its term passed (4:5 lid 4); after that the request is assessed as it is."""
        from ..services.beschikkingen import maak_beschikking

        maak_beschikking(self, "buiten_behandeling", beslisser=user,
                         motivering=reden or "De gevraagde aanvulling is niet binnen de termijn ontvangen (Awb 4:5).")

    @transition(status, source=Status.AANVULLING_GEVRAAGD, target=Status.IN_BEHANDELING,
                permission=rollen.behandelaar, conditions=[_aanvullingstermijn_verstreken],
                custom={"label": _("Verder zonder aanvulling")})
    def verder_zonder_aanvulling(self, *, user, reden=""):
        """The term passed unused and the request is assessed as it is (required four weeks after the term,
        Awb 4:5 lid 4). The suspension ended when the term passed (4:15); the aanvulling stays unanswered."""

    @transition(status, source=[Status.INGEDIEND, Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD,
                                Status.IN_BEOORDELING, Status.BESLUIT_VOORGESTELD],
                target=None, permission=rollen.behandelaar, conditions=[_nog_niet_verdaagd],
                custom={"label": _("Beslistermijn verdagen")})
    def beslistermijn_verdagen(self, *, user, reden="", weken: int | None = None):
        """Extend the decision term once, with notice before it ends (Awb 4:14 lid 3)."""
        if not weken or not 1 <= int(weken) <= 8 or not reden.strip():
            raise InvalidInput("Geef het aantal weken (1 tot en met 8) en de reden van de verdaging.",
                               "Give the number of weeks (1 to 8) and the reason for the extension.")
        if timezone.localdate() > self.uiterste_beslisdatum:
            raise InvalidInput("De beslistermijn is al verstreken; verdagen kan alleen binnen de termijn.",
                               "The decision term has already passed; it can only be extended within it.",
                               code="termijn_verstreken")
        self.verdaagd_weken = int(weken)
        self.herbereken_uiterste_beslisdatum()
        from ..services import meldingen

        meldingen.verdaagd(self, reden)

    @transition(status, source=Status.IN_BEHANDELING, target=Status.IN_BEOORDELING, permission=rollen.behandelaar,
                custom={"label": _("Volledig verklaren")})
    def volledig_verklaren(self, *, user, reden=""):
        """The file is complete: on to the assessment."""
        if self.behandelaar_id is None:
            self.behandelaar = user

    @transition(status, source=Status.IN_BEOORDELING, target=Status.BESLUIT_VOORGESTELD, permission=rollen.behandelaar,
                custom={"label": _("Besluit voorstellen")})
    def besluit_voorstellen(self, *, user, reden="", uitkomst: str = "", bedrag: Decimal | None = None,
                            jaarbedragen: dict | None = None, voorwaarden: dict | None = None):
        """Propose to award (with an amount, per boekjaar when multi-year) or to refuse, with grounds."""
        if uitkomst not in Uitkomst.values:
            raise InvalidInput("Kies 'verlenen' of 'weigeren'.", "Choose 'verlenen' or 'weigeren'.",
                               code="uitkomst_ongeldig")
        if not reden.strip():
            raise InvalidInput("Motiveer het voorstel.", "Give the grounds for the proposal.", code="reden_verplicht")
        if uitkomst == Uitkomst.VERLENEN and self.regeling.meerjarig:
            from ..services.meerjarig import stel_meerjarig_voor

            bedrag = stel_meerjarig_voor(self, jaarbedragen, voorwaarden)
        elif uitkomst == Uitkomst.VERLENEN:
            bedrag = Decimal(bedrag if bedrag is not None else self.voorgesteld_volgens_regels())
            if not Decimal("0") < bedrag <= min(self.gevraagd_bedrag, self.regeling.max_bedrag):
                raise InvalidInput(
                    f"Het bedrag moet groter zijn dan € 0 en ten hoogste het gevraagde bedrag "
                    f"({euro(self.gevraagd_bedrag)}) en het maximum van de regeling "
                    f"({euro(self.regeling.max_bedrag)}).",
                    f"The amount must be above € 0 and at most the amount requested "
                    f"({euro(self.gevraagd_bedrag, 'en')}) and the scheme's maximum "
                    f"({euro(self.regeling.max_bedrag, 'en')}).",
                    code="bedrag_ongeldig",
                )
        self.voorstel_uitkomst, self.voorstel_bedrag = uitkomst, bedrag if uitkomst == Uitkomst.VERLENEN else None
        self.voorstel_motivering, self.voorgesteld_door = reden, user
        vier_ogen = _vier_ogen if uitkomst == Uitkomst.VERLENEN else _vier_ogen_weigering
        if vier_ogen.bedrag(self) > self.regeling.vier_ogen_drempel:
            from ..services import meldingen

            meldingen.voorstel_ter_beslissing(self)

    @transition(status, source=Status.BESLUIT_VOORGESTELD, target=Status.IN_BEOORDELING, permission=rollen.behandelaar,
                custom={"label": _("Voorstel terugsturen")})
    def voorstel_terugsturen(self, *, user, reden=""):
        """Send the proposal back for another look, with the reason."""
        if not reden.strip():
            raise InvalidInput("Zeg waarom het voorstel terug gaat.", "Say why the proposal is sent back.",
                               code="reden_verplicht")
        self._voorstel_wissen()

    def _voorstel_wissen(self) -> None:
        self.voorstel_uitkomst, self.voorstel_bedrag, self.voorstel_motivering = "", None, ""
        self.voorstel_voorwaarden = {}
        for jaarbedrag in self.jaarbedragen.exclude(voorstel_bedrag=None):
            jaarbedrag.voorstel_bedrag = None
            jaarbedrag.save()

    @transition(status, source=Status.BESLUIT_VOORGESTELD, target=RETURN_VALUE(Status.VERLEEND, Status.GEWEIGERD),
                permission=rollen.behandelaar, conditions=[_voorstel_is_verlenen],
                custom={"label": _("Verlenen"), "guard": _vier_ogen})
    def verlenen(self, *, user, reden=""):
        """Award. Commits the budget under a row lock; refuses to the extent the ceiling is reached (Awb 4:25)."""
        from ..services.verlening import verleen

        return verleen(self, user, reden)

    @transition(status, source=Status.BESLUIT_VOORGESTELD, target=Status.GEWEIGERD, permission=rollen.behandelaar,
                conditions=[_voorstel_is_weigeren], custom={"label": _("Weigeren"), "guard": _vier_ogen_weigering})
    def weigeren(self, *, user, reden="", einde_boekjaar: int | None = None, afbouw: dict | None = None):
        """Refuse, on the proposal's grounds. Refusing to continue 3+ years of funding needs a notice term (Awb 4:51)."""
        from ..services.beschikkingen import maak_beschikking
        from ..services.meerjarig import weiger_voortzetting

        if self.voortzetting_van_id:
            weiger_voortzetting(self, user, einde_boekjaar=einde_boekjaar, afbouw=afbouw)
        maak_beschikking(self, "weigering", beslisser=user, motivering=self.voorstel_motivering)

    @transition(status, source=Status.GEWEIGERD, target=Status.IN_BEOORDELING, permission=rollen.behandelaar,
                conditions=[_besluit_herroepen], custom={"label": _("Heroverwegen")})
    @transition(status, source=Status.BUITEN_BEHANDELING, target=Status.IN_BEHANDELING,
                permission=rollen.behandelaar, conditions=[_besluit_herroepen], custom={"label": _("Heroverwegen")})
    def heroverwegen(self, *, user, reden=""):
        """A bezwaar against the refusal (or buitenbehandelingstelling) was upheld and that decision revoked (Awb
        7:11): the request is assessed again and decided anew through the normal path (a refused one goes back to
        assessment, one not considered back to review). The old decision and proposal stay in the file."""
        self._voorstel_wissen()
        self.voorgesteld_door, self.behandelaar = None, user

    @transition(status, source=OPEN_STATUSSEN, target=None, permission=rollen.aanvrager_of_behandelaar,
                conditions=[_beslistermijn_verstreken, _nog_niet_in_gebreke_gesteld],
                custom={"label": _("In gebreke stellen")})
    def in_gebreke_stellen(self, *, user, reden="", ontvangen_op: dt.date | None = None):
        """The decision term passed without a decision: the applicant gives notice of default (Awb 4:17), from the
        portal, or an officer registers one received on paper with its date of receipt. Two weeks later the
        dwangsom starts (models/dwangsom.py)."""
        from ..models.dwangsom import Wijze
        from ..services.dwangsom import maak_ingebrekestelling

        if ontvangen_op is not None and not mag_behandelen(user, self.organisatie):
            raise NotPermitted(
                "Alleen een behandelaar registreert een ingebrekestelling op papier met een eigen ontvangstdatum.",
                "Only an officer registers a paper notice of default with its own date of receipt.",
            )
        vandaag = timezone.localdate()
        if ontvangen_op is not None and not self.uiterste_beslisdatum < ontvangen_op <= vandaag:
            raise InvalidInput(
                "De ontvangstdatum ligt na de uiterste beslisdatum en niet na vandaag. Een ingebrekestelling van "
                "vóór het einde van de beslistermijn telt niet.",
                "The date of receipt is after the decision deadline and not after today. A notice sent before the "
                "decision term ended does not count.", code="datum_ongeldig", details={"velden": ["ontvangen_op"]})
        wijze = Wijze.PAPIER if ontvangen_op is not None or not rollen.is_lid(user, self.organisatie) else (
            Wijze.PORTAAL)
        maak_ingebrekestelling(self, user, ontvangen_op=ontvangen_op or vandaag, wijze=wijze)

    @transition(status, source=[Status.CONCEPT, *OPEN_STATUSSEN], target=Status.INGETROKKEN,
                permission=rollen.aanvrager,
                custom={"label": _("Intrekken")})
    def intrekken(self, *, user, reden=""):
        """The applicant withdraws the request before a decision."""
