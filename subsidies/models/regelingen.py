"""Regelingen (subsidy schemes) and their ceilings per boekjaar — all configuration, no code per scheme year."""
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Auditable

from .begroting import MONEY, Begrotingspost, Budget, Fondsbron
from .organisaties import Rechtsvorm


class Verdeelmethode(models.TextChoices):
    VOLGORDE_VAN_BINNENKOMST = "volgorde", _("volgorde van binnenkomst")
    TENDER = "tender", _("tender")


class Verantwoordingsniveau(models.TextChoices):
    """What the recipient must report before vaststelling; set per regeling by amount (DESIGN §5)."""

    DIRECT = "direct", _("direct vastgesteld bij verlening")
    ACTIVITEITENVERSLAG = "activiteitenverslag", _("activiteitenverslag")
    ACCOUNTANTSVERKLARING = "accountantsverklaring", _("financieel verslag met accountantsverklaring")


class Regeling(Auditable):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
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
    min_bedrag = models.DecimalField(_("minimumbedrag"), default=Decimal("0"), **MONEY)
    max_bedrag = models.DecimalField(_("maximumbedrag"), **MONEY)
    toegestane_rechtsvormen = models.JSONField(
        _("wie mag aanvragen"), default=list,
        help_text=_("Rechtsvormen die mogen aanvragen, bijv. [\"stichting\", \"vereniging\", \"initiatiefgroep\"]."),
    )
    gedeeltelijk_verlenen = models.BooleanField(
        _("gedeeltelijk verlenen bij plafond"), default=False,
        help_text=_("Bij een bijna bereikt plafond het resterende bedrag verlenen in plaats van weigeren."),
    )
    grens_direct_vaststellen = models.DecimalField(
        _("direct vaststellen tot en met"), default=Decimal("5000"), **MONEY
    )
    grens_accountantsverklaring = models.DecimalField(
        _("accountantsverklaring boven"), default=Decimal("125000"), **MONEY
    )
    vier_ogen_drempel = models.DecimalField(
        _("vier-ogendrempel"), default=Decimal("25000"), **MONEY,
        help_text=_("Boven dit bedrag beslist een beslisser die het voorstel niet zelf deed."),
    )
    meerjarig = models.BooleanField(_("meerjarig (structureel)"), default=False)
    max_boekjaren = models.PositiveSmallIntegerField(_("maximaal aantal boekjaren"), default=1)
    open_vanaf = models.DateField(_("aanvragen vanaf"), null=True, blank=True)
    open_tot = models.DateField(_("aanvragen tot en met"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")
        constraints = [
            models.CheckConstraint(condition=models.Q(min_bedrag__lte=models.F("max_bedrag")), name="regeling_min_max")
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        unknown = set(self.toegestane_rechtsvormen or []) - set(Rechtsvorm.values)
        if unknown:
            raise ValidationError({"toegestane_rechtsvormen": f"Onbekende rechtsvorm(en): {', '.join(sorted(unknown))}"})
        if self.meerjarig and self.max_boekjaren < 2:
            raise ValidationError({"max_boekjaren": _("Een meerjarige regeling loopt minstens 2 boekjaren.")})

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
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    bedrag = models.DecimalField(_("bedrag"), **MONEY)
    gepubliceerd_op = models.DateField(_("gepubliceerd op"), null=True, blank=True)
    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="plafonds")

    class Meta:
        ordering = ["regeling__naam", "boekjaar"]
        unique_together = [("regeling", "boekjaar")]
        verbose_name = _("subsidieplafond")
        verbose_name_plural = _("subsidieplafonds")
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="plafond_niet_negatief")]

    def __str__(self):
        return f"{self.regeling} {self.boekjaar}: € {self.bedrag}"

    def clean(self):
        if self.budget_id and self.regeling_id and (
            self.budget.begrotingspost_id != self.regeling.begrotingspost_id or self.budget.boekjaar != self.boekjaar
        ):
            raise ValidationError(
                {"budget": _("Kies het budget van de begrotingspost van de regeling in hetzelfde boekjaar.")}
            )

    def bindt(self, ontvangen_op) -> bool:
        """A ceiling binds a request only if it was published before the request was received."""
        return self.gepubliceerd_op is not None and self.gepubliceerd_op <= ontvangen_op
