"""The portal's own rows: what an applicant is typing, before it becomes part of the request."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Formulierconcept(models.Model):
    """What the applicant typed into the steps of a draft request, per step, as typed (raw strings, even invalid).

    Not Auditable on purpose: saving what someone is typing is no legal act, so it writes no trail record and does
    not queue on the trail's lock. What counts happens at submission, when the draft is applied to the Aanvraag
    and its family data (audited) and the request is submitted. `versie` goes up by one at every save; a save that
    names an older version is refused, so two members of the organisation never overwrite each other silently.
    """

    aanvraag = models.OneToOneField("subsidies.Aanvraag", on_delete=models.CASCADE, related_name="formulierconcept")
    gegevens = models.JSONField(_("ingevulde gegevens per stap"), default=dict, blank=True)
    versie = models.PositiveIntegerField(_("versie"), default=0)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+")

    class Meta:
        verbose_name = _("formulierconcept")
        verbose_name_plural = _("formulierconcepten")

    def __str__(self):
        return f"{self.aanvraag_id} v{self.versie}"

    @property
    def titel(self) -> str:
        """The title as typed on whichever step asks it: a draft's request has none until it is submitted."""
        return next((waarden[0].strip() for stap in self.gegevens.values() if isinstance(stap, dict)
                     for veld, waarden in stap.items() if veld == "titel" and waarden and waarden[0].strip()), "")

    def stap(self, slug: str) -> dict | None:
        """What was typed on step `slug`, or None when the step was never saved."""
        return self.gegevens.get(slug)
