"""Budget lines: begrotingspost × boekjaar × fondsbron, the level at which every euro is traced (DESIGN §6)."""
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from workflows.context import transitie_loopt
from workflows.errors import TransitionNotPossible
from workflows.lifecycle import Auditable

from ..bedragen import euro
from ..validators import BEDRAG_NIET_NEGATIEF, BOEKJAAR, PERIODE

MONEY = {"max_digits": 14, "decimal_places": 2}


def controleer_niet_onder_verplicht(obj) -> None:
    """A budget or a published ceiling does not go below what is already committed on it."""
    if obj._state.adding or transitie_loopt() or "bedrag" not in obj.audit_changes():
        return
    verplicht = obj.verplichtingen.aggregate(totaal=Sum("bedrag"))["totaal"] or Decimal("0")
    if obj.bedrag < verplicht:
        raise TransitionNotPossible(
            f"Het bedrag kan niet lager worden dan wat er al op is verplicht ({euro(verplicht)}).",
            f"The amount cannot go below what has already been committed on it ({euro(verplicht, 'en')}).",
            code="onder_verplicht", details={"velden": ["bedrag"], "verplicht": str(verplicht)},
        )


class Fondsbron(Auditable):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeentelijke middelen")
        SPUK = "spuk", _("SPUK (specifieke uitkering Rijk)")
        GEBIEDSBUDGET = "gebiedsbudget", _("gebiedsbudget")
        REGIODEAL = "regiodeal", _("regiodeal")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("fondsbron")
        verbose_name_plural = _("fondsbronnen")

    def __str__(self):
        return self.naam


class Begrotingspost(Auditable):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")

    def __str__(self):
        return self.naam


class Begrotingsjaar(Auditable):
    """The council's budget for one boekjaar: when it was adopted, and the wage/price compensation for that year.

    Until adoption every commitment for the year is conditional (begrotingsvoorbehoud, Awb 4:34); budgets for
    years not yet adopted are the meerjarenraming.
    """

    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"), unique=True, validators=BOEKJAAR)
    vastgesteld_op = models.DateField(
        _("begroting vastgesteld op"), null=True, blank=True, validators=PERIODE, help_text=_("De dag waarop de raad de begroting vaststelde.")
    )
    indexatie_percentage = models.DecimalField(
        _("loon- en prijscompensatie (%)"), max_digits=5, decimal_places=2, default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("-99.99"), message=_("Ten minste -99,99%. / At least -99.99%.")),
                    MaxValueValidator(Decimal("100.00"), message=_("Ten hoogste 100%. / At most 100%."))],
        help_text=_("Geldt voor meerjarige subsidies met indexatie, vanaf hun tweede boekjaar."),
    )

    class Meta:
        ordering = ["boekjaar"]
        verbose_name = _("begrotingsjaar")
        verbose_name_plural = _("begrotingsjaren")
        constraints = [
            models.CheckConstraint(condition=models.Q(indexatie_percentage__gt=-100), name="indexatie_boven_min_100")
        ]

    def __str__(self):
        return f"Begroting {self.boekjaar}"

    def clean(self):
        if self.vastgesteld_op and self.boekjaar and self.vastgesteld_op.year > self.boekjaar:
            raise ValidationError({"vastgesteld_op": _(
                "Een begroting wordt uiterlijk in haar eigen boekjaar vastgesteld. / A budget is adopted in its own "
                "year at the latest.")})


class Budget(Auditable):
    """The amount available on one begrotingspost in one boekjaar from one fondsbron."""

    begrotingspost = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="budgetten")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"), validators=BOEKJAAR)
    fondsbron = models.ForeignKey(Fondsbron, on_delete=models.PROTECT, related_name="budgetten")
    gebied = models.ForeignKey(
        "subsidies.Gebied", on_delete=models.PROTECT, null=True, blank=True, related_name="budgetten",
        help_text=_("Alleen bij een gebiedsbudget: elk gebied heeft een eigen budget op de begrotingspost."),
    )
    bedrag = models.DecimalField(_("bedrag"), validators=BEDRAG_NIET_NEGATIEF, **MONEY)

    class Meta:
        ordering = ["begrotingspost__naam", "boekjaar", "fondsbron__naam", "gebied__naam"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="budget_niet_negatief"),
            models.UniqueConstraint(fields=["begrotingspost", "boekjaar", "fondsbron"],
                                    condition=models.Q(gebied__isnull=True), name="budget_eenmaal"),
            models.UniqueConstraint(fields=["begrotingspost", "boekjaar", "fondsbron", "gebied"],
                                    condition=models.Q(gebied__isnull=False), name="budget_eenmaal_per_gebied"),
        ]

    def __str__(self):
        gebied = f", {self.gebied}" if self.gebied_id else ""
        return f"{self.begrotingspost} {self.boekjaar} ({self.fondsbron}{gebied})"

    def vaste_velden(self) -> frozenset[str]:
        """Once commitments are booked on it, the budget stays where they were booked."""
        if self.pk is None or not self.verplichtingen.exists():
            return frozenset()
        return frozenset({"begrotingspost", "boekjaar", "fondsbron", "gebied"})

    def controleer_wijziging(self) -> None:
        super().controleer_wijziging()
        controleer_niet_onder_verplicht(self)
