"""/portaal/aanvragen/<pk>/aanvulling/ — answer our request for more information (aanvulling, Awb 4:5).

One form: the answer in words, documents added one by one (checked by `services.documenten`, refusals beside the
file field) and taken back while not yet sent, then "Versturen": the request's `aanvulling_ontvangen` through
`transitions.perform()`, as the API's action. What the person typed is kept in their session between those steps,
so adding or removing a file never loses it. A second "Versturen" finds the request moved on and shows the result.
"""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from subsidies.models import Aanvraag
from subsidies.services import documenten
from web.fouten import toon_fout
from workflows.errors import DomainError
from workflows.transitions import perform

from ..forms import BijlageForm

REDEN_MAX = 5_000  # what perform() accepts as the toelichting in the trail


class AanvullingForm(BijlageForm):
    antwoord = forms.CharField(
        label=_("Uw antwoord"), required=False, max_length=REDEN_MAX, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Schrijf hier wat wij vragen. Heeft u een document? Voeg het hieronder toe."),
    )


def publieke_status(obj) -> str:
    nl, en = obj.PUBLIEKE_STATUS[obj.status]
    return en if (get_language() or "nl").startswith("en") else nl


class AanvullingView(LoginRequiredMixin, TemplateView):
    template_name = "portaal/aanvulling.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.sessiesleutel = f"portaal-aanvulling-{kwargs['pk']}"

    def aanvraag(self) -> Aanvraag:
        """Only a member of the request's organisation sees it; anyone else gets 404, as if it did not exist."""
        return get_object_or_404(Aanvraag.objects.select_related("regeling", "organisatie"),
                                 pk=self.kwargs["pk"], organisatie__leden=self.request.user)

    def get(self, request, *args, **kwargs):
        self.object = self.aanvraag()
        form = AanvullingForm(initial={"antwoord": request.session.get(self.sessiesleutel, "")})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        self.object = aanvraag = self.aanvraag()
        form = AanvullingForm(request.POST, request.FILES)
        request.session[self.sessiesleutel] = request.POST.get("antwoord", "")[:REDEN_MAX]
        if aanvraag.status != Aanvraag.Status.AANVULLING_GEVRAAGD:
            return redirect(request.path)  # already sent (a second click): the page shows the result
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            if "verwijder" in request.POST:
                return self.verwijder(aanvraag, request.POST["verwijder"])
            if request.POST.get("actie") == "toevoegen":
                return self.voeg_toe(aanvraag, form)
            if request.POST.get("actie") == "versturen":
                return self.verstuur(aanvraag, form)
            return redirect(request.path)  # kept in the session, nothing sent
        except DomainError as fout:
            aanvraag.refresh_from_db(fields=["status"])
            if aanvraag.status != Aanvraag.Status.AANVULLING_GEVRAAGD:
                return redirect(request.path)  # sent meanwhile, e.g. from another tab
            toon_fout(form, fout)
            return self.render_to_response(self.get_context_data(form=form))

    def voeg_toe(self, aanvraag, form):
        bestand = form.cleaned_data["bestand"]
        if bestand is None:
            form.add_error("bestand", gettext("Kies eerst een bestand."))
            return self.render_to_response(self.get_context_data(form=form))
        documenten.voeg_document_toe(aanvraag, bestand=bestand, user=self.request.user,
                                     omschrijving=form.cleaned_data["omschrijving"] or bestand.name[:200])
        messages.success(self.request, gettext("Het document is toegevoegd. Het is nog niet verstuurd."))
        return redirect(self.request.path)

    def verwijder(self, aanvraag, pk):
        document = get_object_or_404(documenten.nieuw_voor_aanvulling(aanvraag), pk=pk)
        documenten.verwijder_document(document, user=self.request.user)
        messages.success(self.request, gettext("Het document is verwijderd."))
        return redirect(self.request.path)

    def verstuur(self, aanvraag, form):
        antwoord = form.cleaned_data["antwoord"].strip()
        if not antwoord and not documenten.nieuw_voor_aanvulling(aanvraag).exists():
            form.add_error("antwoord", gettext("Schrijf uw antwoord of voeg een document toe."))
            return self.render_to_response(self.get_context_data(form=form))
        perform(aanvraag, "aanvulling_ontvangen", self.request.user, reden=antwoord)
        self.request.session.pop(self.sessiesleutel, None)
        messages.success(self.request, gettext("Wij hebben uw antwoord ontvangen. Dank u wel."))
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        aanvraag = self.object
        vandaag = timezone.localdate()
        aanvulling = aanvraag.aanvullingen.order_by("-gevraagd_op", "-pk").first()
        open_ = aanvraag.status == Aanvraag.Status.AANVULLING_GEVRAAGD and aanvulling is not None \
            and aanvulling.ontvangen_op is None
        if aanvulling is None:
            raise Http404  # nothing was ever asked for this request
        return {
            **super().get_context_data(**kwargs),
            "aanvraag": aanvraag, "aanvulling": aanvulling, "open": open_,
            "verstreken": open_ and aanvulling.termijn_tot < vandaag,
            "nieuwe_documenten": list(documenten.nieuw_voor_aanvulling(aanvraag)) if open_ else [],
            "status": publieke_status(aanvraag),
        }

