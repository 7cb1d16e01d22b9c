from django.db import models
from django.utils.translation import gettext_lazy as _


class Gebied(models.Model):
    """One of the seven areas of the municipality (Centrum, Oude Wijken, Oost, Zuid, West, Haren, Ten Boer)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self):
        return self.naam


class Wijk(models.Model):
    class Soort(models.TextChoices):
        WIJK = "wijk", _("wijk")
        DORP = "dorp", _("dorp")

    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="wijken")
    naam = models.CharField(_("naam"), max_length=100)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.WIJK)

    class Meta:
        ordering = ["gebied__naam", "naam"]
        unique_together = [("gebied", "naam")]
        verbose_name = _("wijk of dorp")
        verbose_name_plural = _("wijken en dorpen")

    def __str__(self):
        return f"{self.naam} ({self.gebied})"
