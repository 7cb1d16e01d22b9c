"""Budget lines: begrotingspost × boekjaar × fondsbron, the level at which every euro is traced (DESIGN §6)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Auditable

MONEY = {"max_digits": 14, "decimal_places": 2}


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


class Budget(Auditable):
    """The amount available on one begrotingspost in one boekjaar from one fondsbron."""

    begrotingspost = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="budgetten")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    fondsbron = models.ForeignKey(Fondsbron, on_delete=models.PROTECT, related_name="budgetten")
    bedrag = models.DecimalField(_("bedrag"), **MONEY)

    class Meta:
        ordering = ["begrotingspost__naam", "boekjaar", "fondsbron__naam"]
        unique_together = [("begrotingspost", "boekjaar", "fondsbron")]
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="budget_niet_negatief")]

    def __str__(self):
        return f"{self.begrotingspost} {self.boekjaar} ({self.fondsbron})"
