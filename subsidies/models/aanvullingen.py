"""The aanvulling (Awb 4:5, 4:15). The Aanvraag asks for it and receives it in its own lifecycle
(`aanvulling_vragen`, `aanvulling_ontvangen`, `buiten_behandeling_stellen` in aanvragen.py); this is the record."""
import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows import termijnen
from workflows.lifecycle import Auditable

from ..validators import tekst
from .aanvragen import Aanvraag


class Aanvulling(Auditable):
    """A request for missing information (herstel verzuim, Awb 4:5) and the suspension it causes (4:15)."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="aanvullingen")
    omschrijving = models.TextField(_("wat ontbreekt"), **tekst(5_000))
    gevraagd_op = models.DateField(_("gevraagd op"))
    termijn_tot = models.DateField(_("aanvullen uiterlijk"))
    ontvangen_op = models.DateField(_("ontvangen op"), null=True, blank=True)
    gevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["gevraagd_op", "pk"]  # several may be asked on one day
        verbose_name = _("aanvulling")
        verbose_name_plural = _("aanvullingen")

    def __str__(self):
        return f"Aanvulling {self.aanvraag.nummer} tot {self.termijn_tot}"

    @property
    def opschorting(self) -> termijnen.Opschorting:
        """From the day after the request up to the day it was completed or the term passed unused (Awb 4:15)."""
        verstreken = self.termijn_tot + dt.timedelta(days=1)
        einde = min(self.ontvangen_op, verstreken) if self.ontvangen_op else verstreken
        return termijnen.Opschorting(van=self.gevraagd_op + dt.timedelta(days=1), tot=einde)
