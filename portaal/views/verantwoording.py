"""Reporting back: the werkplan of a boekjaar (/portaal/jaartranches/<pk>/werkplan/) and the verantwoording of a
subsidie (/portaal/subsidies/<pk>/verantwoording/, `?boekjaar=` per jaartranche of a multi-year one).

The verantwoording page is built from the subsidie's tier (`Subsidie.verantwoordingsniveau`): a report with the
costs, or also an accountant's statement, with documents (added and taken back before sending, kept with what was
typed in the session); a subsidie settled at verlening asks none. For an initiative the reach
and the result per indicator come with it (`initiatieven.services.bereik`), in the same transaction as the
transition, so a refusal (the tier's, or the family's `controleer_verantwoording`) writes nothing and the page
keeps every field. Each submission is the lifecycle's transition through `transitions.perform()`, as the API's.
"""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from initiatieven.models import Bereik, Indicator
from initiatieven.services import bereik as bereik_service
from subsidies.models import Jaartranche, Subsidie, Verantwoordingsniveau
from subsidies.services import documenten
from web.fouten import toon_fout
from workflows.errors import DomainError
from workflows.transitions import perform

from ..forms import BijlageForm
from ..velden import BedragVeld
from .aanvulling import publieke_status

TEKST_MAX = 20_000  # a werkplan or report (subsidies.validators)


# --- the werkplan ----------------------------------------------------------------------------------------------
class WerkplanForm(forms.Form):
    werkplan = forms.CharField(
        label=_("Uw werkplan"), max_length=TEKST_MAX, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Wat gaat u dit jaar doen, voor wie, en wat wilt u bereiken?"),
    )


class DoelForm(forms.Form):
    """One goal of the werkplan, per kernactiviteit; a row left empty is skipped."""

    kernactiviteit = forms.CharField(label=_("Activiteit"), required=False, max_length=200)
    doel = forms.CharField(label=_("Doel"), required=False, max_length=1000)
    indicator = forms.CharField(label=_("Waaraan ziet u dat het lukt?"), required=False, max_length=500)
    streefwaarde = forms.CharField(label=_("Hoeveel of hoe vaak?"), required=False, max_length=200)


DoelenFormSet = forms.formset_factory(DoelForm, extra=2, max_num=50)


def ingevulde_doelen(formset) -> list[dict]:
    return [{k: v.strip() for k, v in f.cleaned_data.items() if v.strip()}
            for f in formset.forms if any(v.strip() for v in f.cleaned_data.values())]


class WerkplanView(LoginRequiredMixin, TemplateView):
    template_name = "portaal/werkplan.html"
    OPEN = (Jaartranche.Status.GEPLAND, Jaartranche.Status.DEFINITIEF)  # where `werkplan_indienen` starts

    def tranche(self) -> Jaartranche:
        return get_object_or_404(
            Jaartranche.objects.select_related("subsidie__aanvraag__regeling", "subsidie__aanvraag__organisatie"),
            pk=self.kwargs["pk"], subsidie__aanvraag__organisatie__leden=self.request.user)

    def get(self, request, *args, **kwargs):
        self.object = tranche = self.tranche()
        form = WerkplanForm(initial={"werkplan": tranche.werkplan})
        doelen = DoelenFormSet(initial=tranche.doelen, prefix="doelen")
        return self.render_to_response(self.get_context_data(form=form, doelen=doelen))

    def post(self, request, *args, **kwargs):
        self.object = tranche = self.tranche()
        form, doelen = WerkplanForm(request.POST), DoelenFormSet(request.POST, prefix="doelen")
        if tranche.status not in self.OPEN:
            return redirect(request.path)  # sent already (a second click): the page shows where it stands
        if form.is_valid() and doelen.is_valid():
            werkplan, ingevuld = form.cleaned_data["werkplan"], ingevulde_doelen(doelen)
            if tranche.werkplan == werkplan and tranche.doelen == ingevuld:
                return redirect(request.path)  # the same plan again: nothing to do
            try:
                perform(tranche, "werkplan_indienen", request.user, werkplan=werkplan, doelen=ingevuld)
            except DomainError as fout:
                toon_fout(form, fout)
            else:
                messages.success(request, gettext("Wij hebben uw werkplan ontvangen. Dank u wel."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form, doelen=doelen))

    def get_context_data(self, **kwargs):
        tranche = self.object
        wijzigen = self.request.GET.get("wijzigen") or self.request.method == "POST"
        return {**super().get_context_data(**kwargs), "tranche": tranche, "aanvraag": tranche.subsidie.aanvraag,
                "status": publieke_status(tranche),
                "open": tranche.status in self.OPEN and (not tranche.werkplan or wijzigen)}


# --- the verantwoording ------------------------------------------------------------------------------------------
class VerslagForm(forms.Form):
    """What every tier that reports asks: what was done, and what it cost."""

    activiteitenverslag = forms.CharField(
        label=_("Wat hebt u gedaan? (activiteitenverslag)"), max_length=TEKST_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Vertel wat u hebt gedaan, voor wie, en wat het heeft opgeleverd."),
    )
    werkelijke_kosten = BedragVeld(label=_("Wat heeft het in totaal gekost?"), help_text=_("In euro's."))

    def __init__(self, *args, structureel: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if structureel:  # a year of a structural subsidy: own income counts in the year's result (Awb 4:72)
            self.fields["eigen_inkomsten"] = BedragVeld(
                label=_("Eigen inkomsten en andere bijdragen"), required=False,
                help_text=_("Bijvoorbeeld entreegeld, contributie of geld van een fonds. Geen? Laat leeg."))

    def parameters(self) -> dict:
        data = dict(self.cleaned_data)
        if "eigen_inkomsten" in data and data["eigen_inkomsten"] is None:
            del data["eigen_inkomsten"]
        return data


class AccountantsverklaringForm(VerslagForm):
    """Above the regeling's limit the financial report comes with an accountant's statement."""

    accountantsverklaring = forms.BooleanField(
        label=_("Er is een verklaring van een accountant bij deze cijfers (accountantsverklaring)"), required=False)


FORMULIER_PER_NIVEAU = {
    Verantwoordingsniveau.ACTIVITEITENVERSLAG: VerslagForm,
    Verantwoordingsniveau.ACCOUNTANTSVERKLARING: AccountantsverklaringForm,
}


class ResultaatForm(forms.Form):
    """What was achieved on one goal of the year's werkplan (a multi-year subsidy)."""

    resultaat = forms.CharField(label=_("Wat is er bereikt?"), max_length=2000, required=False)
    toelichting = forms.CharField(label=_("Toelichting (niet verplicht)"), required=False, max_length=5000)


ResultatenFormSet = forms.formset_factory(ResultaatForm, extra=0)


class BereikForm(forms.Form):
    """An initiative's reach in the year, and the result per indicator of its goals."""

    deelnemers = forms.IntegerField(label=_("Hoeveel bewoners deden mee?"), min_value=0, max_value=10_000_000)
    vrijwilligers = forms.IntegerField(label=_("Hoeveel vrijwilligers hielpen mee?"), min_value=0,
                                       max_value=10_000_000)
    toelichting = forms.CharField(label=_("Toelichting op het bereik (niet verplicht)"), required=False,
                                  max_length=TEKST_MAX, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, indicatoren=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicatoren = list(indicatoren)
        for indicator in self.indicatoren:
            streef = (gettext(" (streefwaarde: %(waarde)s %(eenheid)s)") % {
                "waarde": f"{indicator.streefwaarde.normalize():f}", "eenheid": indicator.eenheid}
                if indicator.streefwaarde is not None else "")
            self.fields[f"indicator_{indicator.pk}"] = forms.DecimalField(
                label=f"{indicator.omschrijving}{streef}", max_digits=12, decimal_places=2, required=False,
                localize=True, help_text=_("Wat is het werkelijke aantal?"))

    def resultaten(self) -> list[dict]:
        return [{"indicator": i, "gerealiseerd": self.cleaned_data[f"indicator_{i.pk}"], "toelichting": ""}
                for i in self.indicatoren if self.cleaned_data.get(f"indicator_{i.pk}") is not None]


def vul_aan(formulieren, concept: dict) -> None:
    """Put what the person typed before adding or removing a document back into the (unbound) forms."""
    for formulier in formulieren.values():
        for form in getattr(formulier, "forms", [formulier]):
            form.initial.update({naam: concept[form.add_prefix(naam)] for naam in form.fields
                                 if form.add_prefix(naam) in concept})


class VerantwoordingView(LoginRequiredMixin, TemplateView):
    template_name = "portaal/verantwoording.html"

    def subsidie(self) -> Subsidie:
        return get_object_or_404(
            Subsidie.objects.select_related("aanvraag__regeling", "aanvraag__organisatie"),
            pk=self.kwargs["pk"], aanvraag__organisatie__leden=self.request.user)

    def setup_objects(self):
        """The subsidie, and for a multi-year one the jaartranche of `?boekjaar=` (by default the first year that
        awaits its report, else the last)."""
        self.object = subsidie = self.subsidie()
        self.tranches = list(subsidie.tranches.order_by("boekjaar")) if subsidie.structureel else []
        self.tranche = None
        if subsidie.structureel:
            gevraagd = self.request.GET.get("boekjaar")
            if gevraagd:
                self.tranche = next((t for t in self.tranches if str(t.boekjaar) == gevraagd), None)
                if self.tranche is None:
                    raise Http404
            else:
                self.tranche = next((t for t in self.tranches if t.status == Jaartranche.Status.LOPEND),
                                    self.tranches[-1] if self.tranches else None)
        self.boekjaar = self.tranche.boekjaar if self.tranche else subsidie.eerste_boekjaar
        self.initiatief = bereik_service.is_initiatief(subsidie)
        self.sessiesleutel = f"portaal-verantwoording-{subsidie.pk}-{self.boekjaar}"

    @property
    def open(self) -> bool:
        """Whether the report can be sent now (a year's only once it is over); otherwise the page says where it
        stands."""
        jaar_voorbij = self.tranche is None or timezone.localdate().year > self.boekjaar
        return jaar_voorbij and documenten.verantwoording_open(self.object, self.tranche)

    def formulieren(self, data=None):
        subsidie = self.object
        formulier = FORMULIER_PER_NIVEAU.get(subsidie.verantwoordingsniveau)
        if formulier is None:
            return {}
        result = {"verslag": formulier(data, structureel=subsidie.structureel, prefix="verslag")}
        if self.tranche is not None and self.tranche.doelen:
            result["resultaten"] = ResultatenFormSet(data, prefix="resultaten",
                                                     initial=[{} for _ in self.tranche.doelen])
        if self.initiatief:
            indicatoren = Indicator.objects.filter(doel__initiatief__aanvraag__subsidie=subsidie).select_related("doel")
            bestaand = self.bestaand_bereik()
            initial = {}
            if bestaand is not None:
                initial = {"deelnemers": bestaand.deelnemers, "vrijwilligers": bestaand.vrijwilligers,
                           "toelichting": bestaand.toelichting,
                           **{f"indicator_{r.indicator_id}": r.gerealiseerd for r in bestaand.resultaten.all()}}
            result["bereik"] = BereikForm(data, indicatoren=indicatoren, initial=initial, prefix="bereik")
        return result

    def bestaand_bereik(self):
        return Bereik.objects.filter(subsidie=self.object, boekjaar=self.boekjaar).prefetch_related(
            "resultaten").first()

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return self.toon_formulieren()

    def toon_formulieren(self, document_form=None):
        """The forms, unbound, with what was typed before a document was added or removed."""
        formulieren = self.formulieren() if self.open else {}
        vul_aan(formulieren, self.request.session.get(self.sessiesleutel, {}))
        return self.render_to_response(self.get_context_data(
            formulieren=formulieren, document_form=document_form or BijlageForm(prefix="document")))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        if not self.open:
            return redirect(request.get_full_path())  # sent already (a second click): the page shows the result
        request.session[self.sessiesleutel] = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
        if "verwijder" in request.POST:
            document = get_object_or_404(documenten.open_verantwoordingsdocumenten(self.object, self.tranche),
                                         pk=request.POST["verwijder"])
            documenten.verwijder_verantwoordingsdocument(document, user=request.user)
            messages.success(request, gettext("Het document is verwijderd."))
            return redirect(request.get_full_path())
        if request.POST.get("actie") == "toevoegen":
            return self.voeg_toe()
        if request.POST.get("actie") != "versturen":
            return redirect(request.get_full_path())  # kept in the session, nothing sent
        formulieren = self.formulieren(request.POST)
        if not formulieren:
            raise Http404  # the tier asks no report
        if all(f.is_valid() for f in formulieren.values()):
            try:
                self.dien_in(formulieren)
            except DomainError as fout:
                self.toon(formulieren, fout)
            else:
                request.session.pop(self.sessiesleutel, None)
                messages.success(request, gettext("Wij hebben uw verantwoording ontvangen. Dank u wel."))
                return redirect(request.get_full_path())
        return self.render_to_response(self.get_context_data(formulieren=formulieren,
                                                             document_form=BijlageForm(prefix="document")))

    def voeg_toe(self):
        form = BijlageForm(self.request.POST, self.request.FILES, prefix="document")
        if form.is_valid() and form.cleaned_data["bestand"] is None:
            form.add_error("bestand", gettext("Kies eerst een bestand."))
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                documenten.voeg_verantwoordingsdocument_toe(
                    self.object, tranche=self.tranche, bestand=bestand, user=self.request.user,
                    omschrijving=form.cleaned_data["omschrijving"] or bestand.name[:200])
            except DomainError as fout:
                toon_fout(form, fout)
            else:
                messages.success(self.request, gettext("Het document is toegevoegd. Het is nog niet verstuurd."))
                return redirect(self.request.get_full_path())
        return self.toon_formulieren(document_form=form)

    def dien_in(self, formulieren):
        """Reach (for an initiative) and the report in one transaction: a refusal of either writes nothing."""
        user, params = self.request.user, formulieren["verslag"].parameters()
        with transaction.atomic():
            if "bereik" in formulieren:
                bereik = formulieren["bereik"]
                bereik_service.meld_bereik(
                    self.object, user, boekjaar=self.boekjaar, deelnemers=bereik.cleaned_data["deelnemers"],
                    vrijwilligers=bereik.cleaned_data["vrijwilligers"], toelichting=bereik.cleaned_data["toelichting"],
                    resultaten=bereik.resultaten(), bereik=self.bestaand_bereik())
            if self.tranche is not None:
                doelen = self.tranche.doelen
                rijen = formulieren["resultaten"].forms if "resultaten" in formulieren else []
                params["resultaten"] = [{"doel": str(doel.get("doel", "")), **rij.cleaned_data}
                                        for doel, rij in zip(doelen, rijen)]
                perform(self.tranche, "jaarverantwoording_indienen", user, **params)
            else:
                perform(self.object, "verantwoording_indienen", user, **params)

    @staticmethod
    def toon(formulieren, fout):
        """Beside the fields the refusal names, in whichever form has them; otherwise at the top."""
        velden = set(fout.details.get("velden", []))
        doel = next((f for f in formulieren.values() if isinstance(f, forms.Form) and velden & set(f.fields)),
                    formulieren["verslag"])
        toon_fout(doel, fout)

    def get_context_data(self, **kwargs):
        subsidie = self.object
        ingediend = subsidie.verantwoordingen.filter(tranche=self.tranche).order_by("-ingediend_op").first()
        resultaten = kwargs.get("formulieren", {}).get("resultaten")
        return {
            **super().get_context_data(**kwargs), "subsidie": subsidie, "aanvraag": subsidie.aanvraag,
            "tranche": self.tranche, "tranches": self.tranches, "boekjaar": self.boekjaar,
            "niveau": subsidie.verantwoordingsniveau, "open": self.open, "ingediend": ingediend,
            "status": publieke_status(self.tranche or subsidie),
            "doelen_met_resultaat": list(zip(self.tranche.doelen, resultaten.forms)) if resultaten else [],
            "jaar_voorbij": timezone.localdate().year > self.boekjaar,
            "documenten": list(documenten.open_verantwoordingsdocumenten(subsidie, self.tranche)) if self.open else [],
        }
