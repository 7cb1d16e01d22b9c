"""Calendar data the deadline calculator (`workflows.termijnen`) cannot derive itself.

The erkende feestdagen follow from the Algemene termijnenwet and are computed; the days *set equal* to them by
royal decree (Atw art. 3 lid 3, published in the Staatscourant roughly every three years) are not predictable, so
a beheerder keeps them here.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class GelijkgesteldeDag(models.Model):
    """A day set equal to an erkende feestdag by royal decree (Atw art. 3 lid 3).

    Kept as data so a beheerder can update it when a new decree is published.
    """

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bron = models.CharField(
        _("bron"),
        max_length=200,
        blank=True,
        help_text=_("Vindplaats van het besluit, bijvoorbeeld 'Stcrt. 2024, 12345'."),
    )

    class Meta:
        app_label = "workflows"
        ordering = ["datum"]
        verbose_name = _("gelijkgestelde dag")
        verbose_name_plural = _("gelijkgestelde dagen")

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} ({self.omschrijving})"
