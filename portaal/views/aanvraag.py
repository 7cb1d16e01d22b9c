"""One request as its applicant sees it: what was asked, the legal dates, documents, decisions, payments, the
years of a multi-year subsidy, and its history in plain words (`portaal.tijdlijn`); withdrawing it; downloading
its documents."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from subsidies.models import Aanvraag, Betaling, Document, Jaartranche
from subsidies.services.documenten import als_download
from web.fouten import in_taal, toon_fout
from workflows.errors import DomainError
from workflows.transitions import available_actions, check, perform

from ..forms import IntrekkenForm
from ..tijdlijn import tijdlijn
from . import eigen_object, getoonde_titel
from .subsidie import tranche_regels

# The applicant's actions on a request and the page where each is done.
ACTIE_PAGINA = {"intrekken": "portaal:intrekken", "indienen": "portaal:aanvraag_invullen",
                "aanvulling_ontvangen": "portaal:aanvulling"}
ACTIE_TEKST = {"intrekken": gettext_lazy("Aanvraag intrekken"), "indienen": gettext_lazy("Verder met uw aanvraag"),
               "aanvulling_ontvangen": gettext_lazy("Informatie sturen (aanvulling)")}


def acties(aanvraag, user) -> list[dict]:
    """The applicant's possible actions as buttons: a link, or the reason it cannot be done now."""
    uit = []
    for actie in available_actions(aanvraag, user):
        if actie["actie"] not in ACTIE_PAGINA:
            continue
        uit.append({"tekst": str(ACTIE_TEKST[actie["actie"]]),
                    "link": reverse(ACTIE_PAGINA[actie["actie"]], args=[aanvraag.pk]),
                    "reden": None if actie["mogelijk"] else actie["reden"], "actie": actie["actie"]})
    return uit


def _aanvraag(user, pk):
    return eigen_object(
        Aanvraag.objects.select_related("regeling", "organisatie", "subsidie", "formulierconcept").prefetch_related(
            "documenten", "beschikkingen", "aanvullingen", "jaarbedragen",
            Prefetch("subsidie__tranches", queryset=Jaartranche.objects.order_by("boekjaar")),
            Prefetch("subsidie__betalingen", queryset=Betaling.objects.exclude(status=Betaling.Status.GEANNULEERD))),
        user, "organisatie", pk=pk)


class AanvraagView(LoginRequiredMixin, View):
    template_name = "portaal/aanvraag.html"

    def get(self, request, pk):
        aanvraag = _aanvraag(request.user, pk)
        subsidie = getattr(aanvraag, "subsidie", None)
        tranches = list(subsidie.tranches.all()) if subsidie else []
        # each aanvulling's suspension of the decision term as the model computes it (Awb 4:15)
        aanvullingen = [{"aanvulling": a, "opschorting": a.opschorting} for a in aanvraag.aanvullingen.all()]
        return render(request, self.template_name, {
            "aanvraag": aanvraag, "titel": getoonde_titel(aanvraag), "subsidie": subsidie,
            "tranches": tranche_regels(tranches),
            "aanvullingen": aanvullingen,
            "betalingen": list(subsidie.betalingen.all()) if subsidie else [],
            "tijdlijn": tijdlijn(aanvraag, subsidie, tranches),
            "acties": acties(aanvraag, request.user),
        })


class IntrekkenView(LoginRequiredMixin, View):
    """Withdraw a request: a page that asks to confirm (with an optional reason), then the transition."""

    template_name = "portaal/intrekken.html"

    def get(self, request, pk):
        aanvraag = eigen_object(Aanvraag.objects.select_related("regeling"), request.user, "organisatie", pk=pk)
        try:
            check(aanvraag, "intrekken", request.user)  # say at once why it cannot be done, if it cannot
        except DomainError as fout:
            return self._toon(request, aanvraag, None, fout=in_taal(fout))
        return self._toon(request, aanvraag, IntrekkenForm())

    def post(self, request, pk):
        aanvraag = eigen_object(Aanvraag.objects.select_related("regeling"), request.user, "organisatie", pk=pk)
        form = IntrekkenForm(request.POST)
        if form.is_valid():
            try:
                perform(aanvraag, "intrekken", request.user, reden=form.cleaned_data["reden"])
            except DomainError as fout:
                toon_fout(form, fout)
                return self._toon(request, aanvraag, form, status=fout.status, fout=in_taal(fout))
            messages.success(request, _("Uw aanvraag is ingetrokken."))
            return redirect("portaal:aanvraag", pk=aanvraag.pk)
        return self._toon(request, aanvraag, form, status=400)

    def _toon(self, request, aanvraag, form, status=200, fout=None):
        return render(request, self.template_name, {"aanvraag": aanvraag, "form": form, "fout": fout},
                      status=status)


class DocumentView(LoginRequiredMixin, View):
    """A document of one of the person's own requests, served as the API serves it (`als_download`)."""

    def get(self, request, pk):
        return als_download(eigen_object(Document.objects.all(), request.user, "aanvraag__organisatie", pk=pk))
