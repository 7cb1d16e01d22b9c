"""What the applicant budgets, as parts (`Onderdeel`) of the Aanvraag: the lines of costs and of what covers them
(`Begrotingsregel`) and, for a multi-year request, the amount per boekjaar (`Jaarbedrag`, the meerjarenbegroting)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Onderdeel

from ..bedragen import euro
from ..validators import BEDRAG_NIET_NEGATIEF, BEDRAG_POSITIEF, BOEKJAAR
from .aanvragen import Aanvraag
from .begroting import MONEY


class Jaarbedrag(Onderdeel):
    """One boekjaar of a multi-year request: the amount asked (meerjarenbegroting) and the amount proposed."""

    onderdeel_van = "aanvraag"
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="jaarbedragen")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"), validators=BOEKJAAR)
    gevraagd_bedrag = models.DecimalField(_("gevraagd bedrag"), validators=BEDRAG_POSITIEF, **MONEY)
    voorstel_bedrag = models.DecimalField(_("voorgesteld bedrag"), null=True, blank=True,
                                          validators=BEDRAG_NIET_NEGATIEF, **MONEY)

    class Meta:
        ordering = ["boekjaar"]
        unique_together = [("aanvraag", "boekjaar")]
        verbose_name = _("jaarbedrag")
        verbose_name_plural = _("meerjarenbegroting")
        constraints = [models.CheckConstraint(condition=models.Q(gevraagd_bedrag__gt=0), name="jaarbedrag_positief")]

    def __str__(self):
        return f"{self.boekjaar}: {euro(self.gevraagd_bedrag)}"


class Begrotingsregel(Onderdeel):
    """One line of the applicant's budget: a cost, or income that covers part of it."""

    class Soort(models.TextChoices):
        KOSTEN = "kosten", _("kosten")
        DEKKING = "dekking", _("eigen bijdrage of andere financiering")

    onderdeel_van = "aanvraag"
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="begroting")
    soort = models.CharField(max_length=10, choices=Soort.choices, default=Soort.KOSTEN)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bedrag = models.DecimalField(_("bedrag"), validators=BEDRAG_POSITIEF, **MONEY,
                                 help_text=_("Altijd positief: de soort zegt of het kosten of dekking zijn."))

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begroting")
        constraints = [models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="begrotingsregel_positief")]

    def __str__(self):
        return f"{self.omschrijving}: {euro(self.bedrag)}"
