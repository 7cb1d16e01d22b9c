"""Objecting to a decision (bezwaar): the form, the objection's own page, withdrawing it and its documents.

The form files through `services.bezwaren.dien_in`, as the API does; it says what a bezwaar is, what happens next and
the date we decide by (computed by the model, as it will be stored). After the objection term it still opens, with
the explanation of Awb 6:11: a late objection is considered when the lateness cannot be held against the objector.
"""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from subsidies.models import Beschikking, Bezwaar, Bezwaardocument
from subsidies.models.bezwaren import OPEN_STATUSSEN
from subsidies.services import bezwaren, documenten
from web.fouten import in_taal, toon_fout
from workflows.errors import DomainError
from workflows.transitions import check, perform

from ..forms import IntrekkenForm
from . import eigen_object


class BezwaarForm(forms.Form):
    gronden = forms.CharField(
        label=gettext_lazy("Waarom bent u het niet eens met het besluit? (de gronden)"), max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("Schrijf in uw eigen woorden wat er volgens u niet klopt, en waarom. Wat zou het "
                               "besluit volgens u moeten zijn?"))
    bestand = forms.FileField(label=gettext_lazy("Document meesturen (niet verplicht)"), required=False,
                              help_text=gettext_lazy("Een PDF, foto, Word- of Excel-bestand van ten hoogste 10 MB."))


class BezwaarIntrekkenForm(IntrekkenForm):
    reden = forms.CharField(label=gettext_lazy("Waarom trekt u uw bezwaar in? (mag leeg blijven)"), required=False,
                            max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


def besluiten(aanvraag, vandaag) -> list[dict]:
    """The request's decisions (beschikkingen, with `bezwaren` prefetched) with what the applicant can do against each:
    the objection filed against it, object (again after a withdrawal; also after the term, Awb 6:11), or appeal
    (against a decision on bezwaar)."""
    uit = []
    for beschikking in aanvraag.beschikkingen.all():
        bezwaar = max(beschikking.bezwaren.all(), key=lambda b: b.pk, default=None)
        beroep = beschikking.rechtsmiddel == Beschikking.Rechtsmiddel.BEROEP
        uit.append({"beschikking": beschikking, "bezwaar": bezwaar, "beroep": beroep,
                    "lopend": bezwaar is not None and bezwaar.status in OPEN_STATUSSEN,
                    "bezwaar_maken": not beroep and (bezwaar is None or bezwaar.status == Bezwaar.Status.INGETROKKEN),
                    "te_laat": vandaag > beschikking.bezwaartermijn_tot})
    return uit


def _beschikking(user, pk) -> Beschikking:
    return eigen_object(Beschikking.objects.select_related("aanvraag__organisatie", "aanvraag__behandelaar"), user,
                        "aanvraag__organisatie", pk=pk)


def _bezwaar(user, pk) -> Bezwaar:
    return eigen_object(Bezwaar.objects.select_related("beschikking__aanvraag__organisatie", "beslissing")
                        .prefetch_related("documenten"), user, "beschikking__aanvraag__organisatie", pk=pk)


class BezwaarMakenView(LoginRequiredMixin, View):
    """/portaal/besluiten/<pk>/bezwaar/ — object to one of the organisation's decisions."""

    template_name = "portaal/bezwaar_maken.html"

    def get(self, request, pk):
        beschikking = _beschikking(request.user, pk)
        lopend = beschikking.bezwaren.filter(status__in=OPEN_STATUSSEN).first()
        if lopend is not None:
            return redirect("portaal:bezwaar", pk=lopend.pk)
        return self._toon(request, beschikking, BezwaarForm())

    def post(self, request, pk):
        beschikking = _beschikking(request.user, pk)
        form = BezwaarForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._toon(request, beschikking, form, status=400)
        try:
            with transaction.atomic():  # a refused file files no objection either
                bezwaar = bezwaren.dien_in(beschikking, request.user, gronden=form.cleaned_data["gronden"])
                if form.cleaned_data["bestand"]:
                    documenten.voeg_bezwaardocument_toe(bezwaar, bestand=form.cleaned_data["bestand"],
                                                        omschrijving=_("Bij het bezwaarschrift"), user=request.user)
        except DomainError as fout:
            toon_fout(form, fout)
            return self._toon(request, beschikking, form, status=fout.status)
        messages.success(request, _("Wij hebben uw bezwaar ontvangen."))
        return redirect("portaal:bezwaar", pk=bezwaar.pk)

    def _toon(self, request, beschikking, form, status=200):
        # the dates as they would be stored if the objection came in today (Awb 6:9, 7:10)
        voorbeeld = Bezwaar(beschikking=beschikking, ontvangen_op=timezone.localdate())
        voorbeeld.bereken_termijnen()
        return render(request, self.template_name, {
            "beschikking": beschikking, "aanvraag": beschikking.aanvraag, "form": form,
            "beroep": beschikking.rechtsmiddel == Beschikking.Rechtsmiddel.BEROEP,
            "te_laat": not voorbeeld.tijdig, "beslisdatum": voorbeeld.uiterste_beslisdatum,
        }, status=status)


class BezwaarView(LoginRequiredMixin, View):
    """/portaal/bezwaren/<pk>/ — where the objection stands, its dates, its grounds and documents, the decision."""

    def get(self, request, pk):
        bezwaar = _bezwaar(request.user, pk)
        try:
            check(bezwaar, "intrekken", request.user)
            intrekbaar = True
        except DomainError:
            intrekbaar = False
        return render(request, "portaal/bezwaar.html", {
            "bezwaar": bezwaar, "aanvraag": bezwaar.beschikking.aanvraag, "intrekbaar": intrekbaar})


class BezwaarIntrekkenView(LoginRequiredMixin, View):
    """Withdraw an objection: a page that asks to confirm (with an optional reason), then the transition."""

    template_name = "portaal/bezwaar_intrekken.html"

    def get(self, request, pk):
        bezwaar = _bezwaar(request.user, pk)
        try:
            check(bezwaar, "intrekken", request.user)
        except DomainError as fout:
            return self._toon(request, bezwaar, None, fout=in_taal(fout))
        return self._toon(request, bezwaar, BezwaarIntrekkenForm())

    def post(self, request, pk):
        bezwaar = _bezwaar(request.user, pk)
        form = BezwaarIntrekkenForm(request.POST)
        if not form.is_valid():
            return self._toon(request, bezwaar, form, status=400)
        try:
            perform(bezwaar, "intrekken", request.user, reden=form.cleaned_data["reden"])
        except DomainError as fout:
            return self._toon(request, bezwaar, None, status=fout.status, fout=in_taal(fout))
        messages.success(request, _("Uw bezwaar is ingetrokken."))
        return redirect("portaal:bezwaar", pk=bezwaar.pk)

    def _toon(self, request, bezwaar, form, status=200, fout=None):
        return render(request, self.template_name, {"bezwaar": bezwaar, "aanvraag": bezwaar.beschikking.aanvraag,
                                                    "form": form, "fout": fout}, status=status)


class BezwaardocumentView(LoginRequiredMixin, View):
    """A document of one of the person's own objections, served as every document is (`als_download`)."""

    def get(self, request, pk):
        return documenten.als_download(eigen_object(Bezwaardocument.objects.all(), request.user,
                                                    "bezwaar__beschikking__aanvraag__organisatie", pk=pk))
