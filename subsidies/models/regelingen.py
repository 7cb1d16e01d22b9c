"""Regelingen (subsidy schemes) and their ceilings per boekjaar — all configuration, no code per scheme year."""
import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Auditable

from .. import families
from ..bedragen import euro
from ..validators import BEDRAG_NIET_NEGATIEF, BEDRAG_POSITIEF, BOEKJAAR, PERCENTAGE, PERIODE, JsonOmvang, tekst

from .begroting import MONEY, Begrotingspost, Budget, Fondsbron, controleer_niet_onder_verplicht
from .organisaties import Rechtsvorm


class Verdeelmethode(models.TextChoices):
    VOLGORDE_VAN_BINNENKOMST = "volgorde", _("volgorde van binnenkomst")
    TENDER = "tender", _("tender")


class Verantwoordingsniveau(models.TextChoices):
    """What the recipient must report before vaststelling; set per regeling by amount (DESIGN §5)."""

    DIRECT = "direct", _("direct vastgesteld bij verlening")
    ACTIVITEITENVERSLAG = "activiteitenverslag", _("activiteitenverslag")
    ACCOUNTANTSVERKLARING = "accountantsverklaring", _("financieel verslag met accountantsverklaring")


class Voorschotschema(models.TextChoices):
    """How the advances of a yearly tranche are spread over the boekjaar; the beschikking fixes it per subsidie."""

    MAANDELIJKS = "maandelijks", _("per maand")
    PER_KWARTAAL = "kwartaal", _("per kwartaal")
    PER_HALFJAAR = "halfjaar", _("per halfjaar")
    JAARLIJKS = "jaarlijks", _("in één keer aan het begin van het jaar")

    @property
    def termijnen(self) -> int:
        return {"maandelijks": 12, "kwartaal": 4, "halfjaar": 2, "jaarlijks": 1}[self.value]


class Regeling(Auditable):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True, **tekst(10_000))
    juridische_grondslag = models.CharField(_("juridische grondslag"), max_length=300, blank=True)
    begrotingspost = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="regelingen")
    fondsbron = models.ForeignKey(Fondsbron, on_delete=models.PROTECT, related_name="regelingen")
    verdeelmethode = models.CharField(
        _("verdeelmethode"), max_length=10, choices=Verdeelmethode.choices,
        default=Verdeelmethode.VOLGORDE_VAN_BINNENKOMST,
    )
    beslistermijn_weken = models.PositiveSmallIntegerField(
        _("beslistermijn (weken)"), default=8, help_text=_("Zonder eigen termijn geldt 8 weken (Awb 4:13).")
    )
    min_bedrag = models.DecimalField(_("minimumbedrag"), default=Decimal("0"), validators=BEDRAG_NIET_NEGATIEF, **MONEY)
    max_bedrag = models.DecimalField(_("maximumbedrag"), validators=BEDRAG_POSITIEF, **MONEY)
    toegestane_rechtsvormen = models.JSONField(
        _("wie mag aanvragen"), default=list, validators=[JsonOmvang(max_items=10, max_tekens=1_000)],
        help_text=_("Rechtsvormen die mogen aanvragen, bijv. [\"stichting\", \"vereniging\", \"initiatiefgroep\"]."),
    )
    gedeeltelijk_verlenen = models.BooleanField(
        _("gedeeltelijk verlenen bij plafond"), default=False,
        help_text=_("Bij een bijna bereikt plafond het resterende bedrag verlenen in plaats van weigeren."),
    )
    grens_direct_vaststellen = models.DecimalField(
        _("direct vaststellen tot en met"), default=Decimal("5000"), validators=BEDRAG_NIET_NEGATIEF, **MONEY
    )
    grens_accountantsverklaring = models.DecimalField(
        _("accountantsverklaring boven"), default=Decimal("125000"), validators=BEDRAG_NIET_NEGATIEF, **MONEY
    )
    vier_ogen_drempel = models.DecimalField(
        _("vier-ogendrempel"), default=Decimal("25000"), validators=BEDRAG_NIET_NEGATIEF, **MONEY,
        help_text=_("Boven dit bedrag beslist een beslisser die het voorstel niet zelf deed."),
    )
    meerjarig = models.BooleanField(_("meerjarig (structureel)"), default=False)
    max_boekjaren = models.PositiveSmallIntegerField(_("maximaal aantal boekjaren"), default=1)
    per_boekjaar = models.BooleanField(
        _("subsidie per boekjaar"), default=False,
        help_text=_("Jaarlijkse subsidie (Awb afdeling 4.2.8): aanvragen vóór het boekjaar. Meerjarig geldt altijd als "
                    "per boekjaar."),
    )
    aanvraag_uiterlijk_dag = models.PositiveSmallIntegerField(_("aanvragen uiterlijk: dag"), null=True, blank=True)
    aanvraag_uiterlijk_maand = models.PositiveSmallIntegerField(
        _("aanvragen uiterlijk: maand"), null=True, blank=True,
        help_text=_("Dag en maand in het jaar vóór het boekjaar. Leeg: 13 weken vóór het boekjaar (Awb 4:60)."),
    )
    herkansing_weken = models.PositiveSmallIntegerField(
        _("nieuwe termijn voor te late aanvragen (weken)"), default=4,
        help_text=_("Een te late aanvraag kan nog één keer, tot zoveel weken na de gewone termijn (nadere regels)."),
    )
    verantwoording_maanden = models.PositiveSmallIntegerField(
        _("jaarverantwoording binnen (maanden na het boekjaar)"), default=6,
        help_text=_("Zonder eigen termijn: binnen zes maanden na afloop van het boekjaar (Awb 4:74)."),
    )
    voorschotschema = models.CharField(
        _("voorschotten"), max_length=12, choices=Voorschotschema.choices, default=Voorschotschema.PER_KWARTAAL
    )
    egalisatiereserve = models.BooleanField(
        _("egalisatiereserve"), default=False,
        help_text=_("Overschotten en tekorten per jaar gaan via een egalisatiereserve (Awb 4:72)."),
    )
    reserve_max_percentage = models.DecimalField(
        _("egalisatiereserve ten hoogste (% van de jaarsubsidie)"), max_digits=5, decimal_places=2,
        default=Decimal("10.00"), validators=PERCENTAGE,
    )
    open_vanaf = models.DateField(_("aanvragen vanaf"), null=True, blank=True, validators=PERIODE)
    open_tot = models.DateField(_("aanvragen tot en met"), null=True, blank=True, validators=PERIODE)
    actief = models.BooleanField(_("actief"), default=True)
    familie = models.CharField(
        _("soort aanvraag"), max_length=40, blank=True,
        help_text=_("De aanvraagfamilie die eigen gegevens en regels meebrengt (leeg: alleen de algemene gegevens)."),
    )
    per_gebied = models.BooleanField(
        _("budget en plafond per gebied"), default=False,
        help_text=_("Aanvragen gaan ten laste van het budget van het gebied waar de activiteit plaatsvindt."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")
        constraints = [
            models.CheckConstraint(condition=models.Q(min_bedrag__lte=models.F("max_bedrag")), name="regeling_min_max"),
            models.CheckConstraint(condition=models.Q(min_bedrag__gte=0), name="regeling_min_niet_negatief"),
        ]

    def __str__(self):
        return self.naam

    def vaste_velden(self) -> frozenset[str]:
        """A published ceiling (Awb 4:27) draws on the regeling's begrotingspost and fondsbron: they stay."""
        if self.pk is None or not self.plafonds.filter(gepubliceerd_op__isnull=False).exists():
            return frozenset()
        return frozenset({"begrotingspost", "fondsbron"})

    def clean(self):
        super().clean()
        unknown = set(self.toegestane_rechtsvormen or []) - set(Rechtsvorm.values)
        if unknown:
            raise ValidationError({"toegestane_rechtsvormen": f"Onbekende rechtsvorm(en): {', '.join(sorted(unknown))}"})
        if self.meerjarig and self.max_boekjaren < 2:
            raise ValidationError({"max_boekjaren": _("Een meerjarige regeling loopt minstens 2 boekjaren.")})
        if self.familie and families.zoek(self.familie) is None:
            raise ValidationError({"familie": _("Onbekende soort aanvraag.")})
        if bool(self.aanvraag_uiterlijk_dag) != bool(self.aanvraag_uiterlijk_maand):
            raise ValidationError({"aanvraag_uiterlijk_dag": _("Vul dag én maand in, of laat beide leeg.")})
        if self.open_vanaf and self.open_tot and self.open_tot < self.open_vanaf:
            raise ValidationError({"open_tot": _("Het einde ligt vóór het begin. / The end is before the start.")})
        if self.aanvraag_uiterlijk_dag:
            try:
                dt.date(2023, self.aanvraag_uiterlijk_maand, self.aanvraag_uiterlijk_dag)  # not a leap year
            except ValueError:
                raise ValidationError({"aanvraag_uiterlijk_dag": _("Deze dag bestaat niet in elk jaar.")}) from None

    @property
    def boekjaarregels(self) -> bool:
        """Whether Awb afdeling 4.2.8 (subsidie per boekjaar) applies: yearly and multi-year schemes."""
        return self.per_boekjaar or self.meerjarig

    def aanvraag_uiterlijk(self, boekjaar: int) -> dt.date:
        """The last day to apply for `boekjaar`: the regeling's own date, else 13 weeks before it (Awb 4:60)."""
        if self.aanvraag_uiterlijk_dag and self.aanvraag_uiterlijk_maand:
            return dt.date(boekjaar - 1, self.aanvraag_uiterlijk_maand, self.aanvraag_uiterlijk_dag)
        return dt.date(boekjaar, 1, 1) - dt.timedelta(weeks=13)

    def verantwoordingsniveau(self, bedrag: Decimal) -> str:
        if bedrag <= self.grens_direct_vaststellen:
            return Verantwoordingsniveau.DIRECT
        if bedrag > self.grens_accountantsverklaring:
            return Verantwoordingsniveau.ACCOUNTANTSVERKLARING
        return Verantwoordingsniveau.ACTIVITEITENVERSLAG

    def is_open(self, dag) -> bool:
        return self.actief and (self.open_vanaf is None or self.open_vanaf <= dag) and (
            self.open_tot is None or dag <= self.open_tot
        )


class Plafond(Auditable):
    """The subsidieplafond of a regeling for one boekjaar. It binds only from publication on (Awb 4:27)."""

    regeling = models.ForeignKey(Regeling, on_delete=models.PROTECT, related_name="plafonds")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"), validators=BOEKJAAR)
    bedrag = models.DecimalField(_("bedrag"), validators=BEDRAG_NIET_NEGATIEF, **MONEY)
    gepubliceerd_op = models.DateField(_("gepubliceerd op"), null=True, blank=True, validators=PERIODE)
    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="plafonds")
    gebied = models.ForeignKey(
        "subsidies.Gebied", on_delete=models.PROTECT, null=True, blank=True, related_name="plafonds",
        help_text=_("Bij een regeling per gebied: het plafond van dit gebied."),
    )

    class Meta:
        ordering = ["regeling__naam", "boekjaar", "gebied__naam"]
        verbose_name = _("subsidieplafond")
        verbose_name_plural = _("subsidieplafonds")
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="plafond_niet_negatief"),
            models.UniqueConstraint(fields=["regeling", "boekjaar"], condition=models.Q(gebied__isnull=True),
                                    name="plafond_eenmaal"),
            models.UniqueConstraint(fields=["regeling", "boekjaar", "gebied"], condition=models.Q(gebied__isnull=False),
                                    name="plafond_eenmaal_per_gebied"),
        ]

    def __str__(self):
        gebied = f" {self.gebied}" if self.gebied_id else ""
        return f"{self.regeling}{gebied} {self.boekjaar}: {euro(self.bedrag)}"

    def vaste_velden(self) -> frozenset[str]:
        """Published (Awb 4:27), a ceiling binds requests: what it is a ceiling of, and since when, stay."""
        if self._audit_snapshot.get("gepubliceerd_op") is None:
            return frozenset()
        return frozenset({"regeling", "boekjaar", "budget", "gebied", "gepubliceerd_op"})

    def controleer_wijziging(self) -> None:
        super().controleer_wijziging()
        if self._audit_snapshot.get("gepubliceerd_op") is not None:
            controleer_niet_onder_verplicht(self)

    def clean(self):
        super().clean()
        if self.budget_id and self.regeling_id and (
            self.budget.begrotingspost_id != self.regeling.begrotingspost_id or self.budget.boekjaar != self.boekjaar
            or self.budget.gebied_id != self.gebied_id
        ):
            raise ValidationError(
                {"budget": _("Kies het budget van de begrotingspost van de regeling in hetzelfde boekjaar (en gebied).")}
            )

    def bindt(self, ontvangen_op) -> bool:
        """A ceiling binds a request only if it was published before the request was received."""
        return self.gepubliceerd_op is not None and self.gepubliceerd_op <= ontvangen_op
