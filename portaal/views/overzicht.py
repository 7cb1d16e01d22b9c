"""/portaal/ — the applicant's overview: what to do next (with dates), where each request stands, the subsidies.
A person without an organisation gets a start: create one, or find a regeling with the keuzehulp."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from subsidies.models import Aanvraag
from subsidies.services.taken import open_taken

from . import getoonde_titel

# Where each task is done: the page and its argument.
TAAK_PAGINA = {
    "concept": ("portaal:aanvraag_invullen", lambda taak: taak.aanvraag.pk),
    "aanvulling": ("portaal:aanvulling", lambda taak: taak.aanvraag.pk),
    "werkplan": ("portaal:werkplan", lambda taak: taak.tranche.pk),
    "verantwoording": ("portaal:verantwoording", lambda taak: taak.subsidie.pk),
    "hoorzitting": ("portaal:bezwaar", lambda taak: taak.bezwaar.pk),
    "bezwaar": ("portaal:bezwaar", lambda taak: taak.bezwaar.pk),
}


def taak_link(taak) -> str:
    """The page where the task is done (for a multi-year verantwoording: that boekjaar's)."""
    naam, argument = TAAK_PAGINA[taak.soort]
    url = reverse(naam, args=[argument(taak)])
    if taak.soort == "verantwoording" and taak.tranche is not None:
        url += f"?boekjaar={taak.tranche.boekjaar}"
    return url


class OverzichtView(LoginRequiredMixin, TemplateView):
    template_name = "portaal/overzicht.html"

    def get_context_data(self, **kwargs):
        organisaties = list(self.request.user.organisaties.all())
        aanvragen = list(Aanvraag.objects.filter(organisatie__in=organisaties)
                         .select_related("regeling", "organisatie", "subsidie", "formulierconcept")
                         .annotate(laatste_besluit=Max("beschikkingen__verzonden_op")))
        for aanvraag in aanvragen:
            aanvraag.getoonde_titel = getoonde_titel(aanvraag)
        titels = {aanvraag.pk: aanvraag.getoonde_titel for aanvraag in aanvragen}
        taken = [{"taak": taak, "link": taak_link(taak), "titel": titels.get(taak.aanvraag.pk, taak.aanvraag.titel)}
                 for taak in open_taken(organisaties)]
        return super().get_context_data(
            organisaties=organisaties, aanvragen=aanvragen, taken=taken,
            subsidies=[a.subsidie for a in aanvragen if hasattr(a, "subsidie")],
            vandaag=timezone.localdate(), **kwargs)
