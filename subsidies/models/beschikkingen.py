"""Beschikkingen: the formal decisions. Written once, never changed: a new decision is a new beschikking."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Auditable

from .aanvragen import Aanvraag
from .begroting import MONEY


class Beschikking(Auditable):
    class Soort(models.TextChoices):
        VERLENING = "verlening", _("verlening")
        WEIGERING = "weigering", _("weigering")
        BUITEN_BEHANDELING = "buiten_behandeling", _("buitenbehandelingstelling")
        VASTSTELLING = "vaststelling", _("vaststelling")
        INTREKKING = "intrekking", _("intrekking")
        WIJZIGING = "wijziging", _("wijziging")
        BEEINDIGING = "beeindiging", _("beëindiging")
        BEZWAARBESLISSING = "bezwaarbeslissing", _("beslissing op bezwaar")
        DWANGSOM = "dwangsom", _("vaststelling dwangsom (niet tijdig beslist)")

    class Rechtsmiddel(models.TextChoices):
        """What the addressee can do against it: bezwaar at us, or, against a decision on bezwaar, beroep at the
        rechtbank (Awb 7:1 lid 1 sub a, 8:1; the term is six weeks either way, 6:7)."""

        BEZWAAR = "bezwaar", _("bezwaar")
        BEROEP = "beroep", _("beroep bij de rechtbank")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="beschikkingen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bedrag = models.DecimalField(_("bedrag"), null=True, blank=True, **MONEY)
    boekjaar = models.PositiveSmallIntegerField(
        _("boekjaar"), null=True, blank=True, help_text=_("Bij een meerjarige subsidie: het jaar waarover wordt besloten.")
    )
    motivering = models.TextField(_("motivering"))
    verplichtingen = models.TextField(_("verplichtingen van de ontvanger"), blank=True)
    verzonden_op = models.DateField(_("verzonden op"))
    bezwaartermijn_tot = models.DateField(_("bezwaar mogelijk tot en met"),
                                          help_text=_("Bij een beslissing op bezwaar: beroep mogelijk tot en met."))
    rechtsmiddel = models.CharField(_("rechtsmiddel"), max_length=10, choices=Rechtsmiddel.choices,
                                    default=Rechtsmiddel.BEZWAAR)
    herroept = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="herroepen_door",
        verbose_name=_("herroept"), help_text=_("Het besluit dat deze beslissing op bezwaar herroept (Awb 7:11)."),
    )
    beslisser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]  # pk: decisions made within one clock tick in the order made
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")

    def __str__(self):
        return f"{self.get_soort_display()} {self.aanvraag.nummer}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("A beschikking is never changed; take a new decision instead.")
        super().save(*args, **kwargs)


def laatste_herroepen(aanvraag, soorten) -> bool:
    """Whether the request's latest decision of one of `soorten` was revoked by a decision on bezwaar (Awb 7:11):
    what lets the lifecycle revise it, once (the revision is a newer decision, not revoked)."""
    laatste = aanvraag.beschikkingen.filter(soort__in=soorten).order_by("-aangemaakt_op", "-pk").first()
    return laatste is not None and laatste.herroepen_door.exists()
