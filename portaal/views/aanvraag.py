"""One request as its applicant sees it: what was asked, the legal dates, documents, decisions, payments, the
years of a multi-year subsidy, its history in plain words (`portaal.tijdlijn`) and, once we are late, the
ingebrekestelling and its dwangsom; withdrawing it, giving notice of default; downloading its documents and the
letters of its decisions."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View

from subsidies.models import Aanvraag, Betaling, Beschikking, Document, Jaartranche, Taal
from subsidies.models.aanvragen import OPEN_STATUSSEN
from subsidies.services import brieven, dwangsom
from subsidies.services.documenten import als_download
from web.fouten import in_taal, toon_fout
from workflows.errors import DomainError
from workflows.transitions import available_actions, check, perform

from ..forms import IngebrekestellingForm, IntrekkenForm
from ..tijdlijn import tijdlijn
from . import eigen_object, getoonde_titel
from .bezwaar import besluiten
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
            "documenten", "aanvullingen", "jaarbedragen", "ingebrekestellingen",
            Prefetch("beschikkingen", queryset=Beschikking.objects.prefetch_related("bezwaren")),
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
            "besluiten": besluiten(aanvraag, timezone.localdate()),
            "te_laat": te_laat(aanvraag),
        })


def te_laat(aanvraag) -> dict | None:
    """Once the decision date has passed without a decision, or a notice was given: the notice and where its
    dwangsom stands (`services.dwangsom`), for the page's "Wij zijn te laat" section."""
    ingebrekestelling = next(iter(aanvraag.ingebrekestellingen.all()), None)
    if ingebrekestelling is not None:
        return {"ingebrekestelling": ingebrekestelling, "stand": dwangsom.stand(ingebrekestelling)}
    verstreken = aanvraag.uiterste_beslisdatum is not None and aanvraag.uiterste_beslisdatum < timezone.localdate()
    if verstreken and aanvraag.status in OPEN_STATUSSEN:
        return {"ingebrekestelling": None, "stand": None}
    return None


class BevestigdeActie(LoginRequiredMixin, View):
    """An action on a request the applicant confirms on a page of its own (with an optional reason): the page says
    at once why it cannot be done, if it cannot; the POST runs the transition, a refusal re-renders with the text."""

    actie = form_class = template_name = gelukt = None

    def get(self, request, pk):
        aanvraag = eigen_object(Aanvraag.objects.select_related("regeling"), request.user, "organisatie", pk=pk)
        try:
            check(aanvraag, self.actie, request.user)
        except DomainError as fout:
            return self._toon(request, aanvraag, None, fout=in_taal(fout))
        return self._toon(request, aanvraag, self.form_class())

    def post(self, request, pk):
        aanvraag = eigen_object(Aanvraag.objects.select_related("regeling"), request.user, "organisatie", pk=pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                perform(aanvraag, self.actie, request.user, reden=form.cleaned_data["reden"])
            except DomainError as fout:
                toon_fout(form, fout)
                return self._toon(request, aanvraag, form, status=fout.status, fout=in_taal(fout))
            messages.success(request, self.gelukt)
            return redirect("portaal:aanvraag", pk=aanvraag.pk)
        return self._toon(request, aanvraag, form, status=400)

    def _toon(self, request, aanvraag, form, status=200, fout=None):
        return render(request, self.template_name, {"aanvraag": aanvraag, "form": form, "fout": fout},
                      status=status)


class IntrekkenView(BevestigdeActie):
    """Withdraw a request."""

    actie, form_class, template_name = "intrekken", IntrekkenForm, "portaal/intrekken.html"
    gelukt = gettext_lazy("Uw aanvraag is ingetrokken.")


class IngebrekestellingView(BevestigdeActie):
    """Give notice of default (ingebrekestelling, Awb 4:17) once the decision date has passed."""

    actie, form_class, template_name = "in_gebreke_stellen", IngebrekestellingForm, "portaal/ingebrekestelling.html"
    gelukt = gettext_lazy("Wij hebben uw ingebrekestelling ontvangen. U krijgt een bevestiging per e-mail.")


class DocumentView(LoginRequiredMixin, View):
    """A document of one of the person's own requests, served as the API serves it (`als_download`)."""

    def get(self, request, pk):
        return als_download(eigen_object(Document.objects.all(), request.user, "aanvraag__organisatie", pk=pk))


class BriefView(LoginRequiredMixin, View):
    """The letter (PDF/A) of a beschikking or an aanvulling request of one of the person's own requests, served as
    the API serves it; made now if it is not there yet. `?taal=en|nl`, else the organisation's language."""

    model = None

    def get(self, request, pk):
        onderwerp = eigen_object(self.model.objects.all(), request.user, "aanvraag__organisatie", pk=pk)
        taal = request.GET.get("taal") if request.GET.get("taal") in Taal.values else None
        return brieven.als_download(brieven.laatste_brief(onderwerp, taal))
