"""Applying: start a request, fill in its steps (kept in a draft while typing), check the answers, submit once,
and read the receipt. The rules live in the engine and the family services; these views call them.

Only members of the request's organisation reach these pages: someone else's request answers 404.
"""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from subsidies.models import Aanvraag, Document, Organisatie, Regeling
from subsidies.services import documenten
from web.fouten import in_taal, status_voor, toon_fout
from workflows.context import acting_as
from workflows.errors import DomainError

from ..formulieren import concept as concepten
from ..formulieren import ondersteund, stap_van_veld, stappen_van, zoek_stap
from ..formulieren.indienen import dien_in
from ..formulieren.stappen import KLAAR, DocumentForm, RegelsForm
from ..models import Formulierconcept


def eigen_aanvraag(request, pk) -> Aanvraag:
    """A request of one of the person's own organisations (404 otherwise), with what its pages need."""
    return get_object_or_404(
        Aanvraag.objects.select_related("regeling", "organisatie").filter(organisatie__leden=request.user), pk=pk)


class AanvraagMixin(LoginRequiredMixin):
    """A draft of one of the person's organisations; once submitted, its pages lead to the receipt."""

    alleen_concept = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.aanvraag = eigen_aanvraag(request, kwargs["pk"])
        if self.alleen_concept and self.aanvraag.status != Aanvraag.Status.CONCEPT:
            return redirect("portaal:ontvangstbevestiging", pk=self.aanvraag.pk)
        if self.aanvraag.status == Aanvraag.Status.CONCEPT:
            if not ondersteund(self.aanvraag.regeling):
                raise Http404
            self.concept = (Formulierconcept.objects.select_related("gewijzigd_door").filter(aanvraag=self.aanvraag)
                            .first()) or concepten.van(self.aanvraag)
        return super().dispatch(request, *args, **kwargs)

    def stappen(self):
        return stappen_van(self.aanvraag)


# --- start ----------------------------------------------------------------------------------------------------------
class StartenView(LoginRequiredMixin, View):
    """Start a request for a regeling: one deliberate, audited act that creates it as a concept."""

    template_name = "portaal/aanvragen/starten.html"

    def regeling(self, code) -> Regeling:
        regeling = get_object_or_404(Regeling, code=code, actief=True)
        if not ondersteund(regeling):
            raise Http404
        return regeling

    def organisaties(self):
        return list(Organisatie.objects.filter(leden=self.request.user).order_by("naam"))

    def get(self, request, code):
        regeling, organisaties = self.regeling(code), self.organisaties()
        gekozen = request.GET.get("organisatie")
        if len(organisaties) == 1:
            gekozen = str(organisaties[0].pk)
        return render(request, self.template_name, {
            "regeling": regeling, "organisaties": organisaties, "gekozen": gekozen,
            "open": regeling.is_open(timezone.localdate())})

    def post(self, request, code):
        regeling, organisaties = self.regeling(code), self.organisaties()
        organisatie = next((o for o in organisaties if str(o.pk) == request.POST.get("organisatie")), None)
        if organisatie is None:
            return render(request, self.template_name, {
                "regeling": regeling, "organisaties": organisaties, "open": regeling.is_open(timezone.localdate()),
                "fout": _("Kies voor welke organisatie u aanvraagt.")}, status=400)
        with acting_as(request.user), transaction.atomic():
            aanvraag = Aanvraag(regeling=regeling, organisatie=organisatie)
            aanvraag.full_clean(exclude=["status"])  # the lifecycle's own field
            aanvraag.save()
            Formulierconcept.objects.create(aanvraag=aanvraag, gewijzigd_door=request.user)
        return redirect("portaal:aanvraag_stap", pk=aanvraag.pk, stap=stappen_van(aanvraag)[0].slug)


# --- the task list --------------------------------------------------------------------------------------------------
class InvullenView(AanvraagMixin, View):
    """The task list: every step with its state, and where to go on."""

    def get(self, request, pk):
        stappen = [(stap, stap.staat(self.aanvraag, self.concept)) for stap in self.stappen()]
        volgende = next((stap for stap, staat in stappen if staat != KLAAR), None)
        return render(request, "portaal/aanvragen/invullen.html", {
            "aanvraag": self.aanvraag, "concept": self.concept, "stappen": stappen, "volgende": volgende})


# --- one step -------------------------------------------------------------------------------------------------------
class StapView(AanvraagMixin, View):
    """One step: shown from the draft (on any device, after a new login), saved to the draft on every button.

    Buttons: Volgende (save, check, go on), Vorige (save, go back), Opslaan (save, back to the task list),
    Regel toevoegen (save with one more line). A check that fails keeps everything typed, in the form and the draft.
    """

    def get_stap(self, slug):
        stap = zoek_stap(self.aanvraag, slug)
        if stap is None:
            raise Http404
        return stap

    def get(self, request, pk, stap):
        stap = self.get_stap(stap)
        ruw = self.concept.stap(stap.slug)
        form = stap.formulier(self.aanvraag, ruw, self.concept)
        if not request.GET.get("controleer"):  # from the check page: show what is still missing
            form.zonder_fouten()
        return self.toon(stap, form)

    def post(self, request, pk, stap):
        stap = self.get_stap(stap)
        actie = request.POST.get("actie", "volgende")
        ruw = concepten.ruw(request.POST)
        if actie == "regel_toevoegen" and issubclass(stap.form_class, RegelsForm):
            ruw = stap.form_class.met_extra_regel(ruw)
        try:
            versie = int(request.POST.get("versie", ""))
        except ValueError:
            versie = -1
        try:
            concepten.bewaar(self.concept, stap.slug, ruw, versie, request.user)
        except concepten.Versieconflict as conflict:
            form = stap.formulier(self.aanvraag, ruw, self.concept)
            return self.toon(stap, form, conflict=conflict.actueel, status=409)
        except concepten.TeGroot:
            form = stap.formulier(self.aanvraag, ruw, self.concept)
            form.add_error(None, _("U hebt meer tekst ingevuld dan wij kunnen bewaren. Maak de teksten korter."))
            return self.toon(stap, form, status=400)
        form = stap.formulier(self.aanvraag, ruw, self.concept)
        stappen = self.stappen()
        index = stappen.index(stap)
        if actie == "regel_toevoegen":
            return self.toon(stap, form.zonder_fouten())
        if actie == "vorige" and index > 0:
            return redirect("portaal:aanvraag_stap", pk=pk, stap=stappen[index - 1].slug)
        if actie in ("opslaan", "vorige"):
            return redirect("portaal:aanvraag_invullen", pk=pk)
        if stap.verplicht and not form.is_valid():
            return self.toon(stap, form, status=400)
        volgende = next((s for s in stappen[index + 1:] if not s.is_completed(self.aanvraag, self.concept)), None)
        if volgende is None:
            return redirect("portaal:aanvraag_controleren", pk=pk)
        return redirect("portaal:aanvraag_stap", pk=pk, stap=volgende.slug)

    def toon(self, stap, form, *, conflict=None, status=200, **extra):
        stappen = self.stappen()
        index = stappen.index(stap)
        context = {
            "aanvraag": self.aanvraag, "concept": self.concept, "stap": stap, "form": form,
            "stapnummer": index + 1, "aantal_stappen": len(stappen), "eerste": index == 0,
            # After a conflict nothing is saved by itself: only a button overwrites the other's answers.
            "conflict": conflict, "autosave": stap.autosave and conflict is None,
            "autosave_url": reverse("portaal:aanvraag_autosave", args=[self.aanvraag.pk, stap.slug]),
            **extra,
        }
        if conflict is not None:
            anders = stap.formulier(self.aanvraag, conflict.stap(stap.slug), conflict)
            context["conflict_antwoorden"] = _antwoorden_ruw(anders)
            context["versie"] = conflict.versie  # saving again now overwrites, knowingly
        else:
            context["versie"] = self.concept.versie
        if stap.slug == "bijlagen":
            context.setdefault("document_form", _document_form())
            context["documenten"] = list(self.aanvraag.documenten.order_by("toegevoegd_op", "pk"))
        return render(self.request, stap.template_name, context, status=status_voor(self.request, status))


def _antwoorden_ruw(form) -> list[tuple[str, str]]:
    """The other person's answers as they typed them, lines included."""
    formulieren = [form, *(form.regels.forms if isinstance(form, RegelsForm) else [])]
    antwoorden = []
    for deel in formulieren:
        for naam, veld in deel.fields.items():
            waarde = ", ".join(deel.data.getlist(deel.add_prefix(naam))) if deel.data else ""
            if waarde or deel is form:
                antwoorden.append((str(veld.label or naam), waarde or "—"))
    return antwoorden


def _document_form(*args, **kwargs) -> DocumentForm:
    soorten = ", ".join(sorted(documenten.TOEGESTANE_SOORTEN))
    return DocumentForm(*args, soorten=soorten, max_mb=documenten.MAX_MB, **kwargs)


class AutosaveView(AanvraagMixin, View):
    """While the person types (htmx, a second after they stop): save the draft, answer a small status fragment.
    Writes no audit record and does not touch the request itself."""

    def post(self, request, pk, stap):
        stap = zoek_stap(self.aanvraag, stap)
        if stap is None or not stap.autosave:
            raise Http404
        try:
            versie = int(request.POST.get("versie", ""))
        except ValueError:
            versie = -1
        try:
            concept = concepten.bewaar(self.concept, stap.slug, concepten.ruw(request.POST), versie, request.user)
        except concepten.Versieconflict as conflict:
            return render(request, "portaal/aanvragen/_opgeslagen.html", {"conflict": conflict.actueel})
        except concepten.TeGroot:
            return render(request, "portaal/aanvragen/_opgeslagen.html", {"te_groot": True})
        return render(request, "portaal/aanvragen/_opgeslagen.html", {"concept": concept})


class BijlagenView(StapView):
    """Add a file to the draft (checked by `documenten.voeg_document_toe`, audited) or remove one; the answer is
    the files step again, with the refusal beside the file field."""

    http_method_names = ["post"]

    def post(self, request, pk):
        stap = self.get_stap("bijlagen")
        if "verwijder" in request.POST:
            if not request.POST["verwijder"].isdigit():
                raise Http404
            document = get_object_or_404(Document, pk=request.POST["verwijder"], aanvraag=self.aanvraag)
            try:
                documenten.verwijder_document(document, user=request.user)
            except DomainError as fout:
                return self.toon(stap, stap.formulier(self.aanvraag), status=fout.status, fout=in_taal(fout))
            return redirect("portaal:aanvraag_stap", pk=pk, stap=stap.slug)
        form = _document_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                documenten.voeg_document_toe(self.aanvraag, bestand=form.cleaned_data["bestand"],
                                             omschrijving=form.cleaned_data["omschrijving"], user=request.user)
                return redirect("portaal:aanvraag_stap", pk=pk, stap=stap.slug)
            except DomainError as fout:
                toon_fout(form, fout)
                status = fout.status
        else:
            status = 400
        return self.toon(stap, stap.formulier(self.aanvraag), document_form=form, status=status)


# --- check your answers, and submit ---------------------------------------------------------------------------------
class ControlerenView(AanvraagMixin, View):
    """Every answer with a link to change it; the button submits. A refusal is shown here, linked to its step."""

    alleen_concept = False

    def get(self, request, pk):
        if self.aanvraag.status != Aanvraag.Status.CONCEPT:
            return redirect("portaal:ontvangstbevestiging", pk=pk)
        return self.toon()

    def post(self, request, pk):
        try:
            uitkomst = dien_in(self.aanvraag.pk, request.user)
        except DomainError as fout:
            return self.toon(fout=fout, status=fout.status)
        return redirect("portaal:ontvangstbevestiging", pk=uitkomst.aanvraag.pk)

    def toon(self, fout=None, status=200):
        secties = []
        for stap in self.stappen():
            form = stap.formulier(self.aanvraag, self.concept.stap(stap.slug), self.concept)
            klaar = self.concept.stap(stap.slug) is not None and (form.is_valid() or not stap.verplicht)
            secties.append({"stap": stap, "klaar": klaar,
                            "antwoorden": stap.antwoorden(form) if klaar and stap.verplicht else [],
                            "bijlagen": stap.antwoorden(form) if not stap.verplicht else []})
        melding = None
        if fout is not None:
            details = fout.details if isinstance(fout.details, dict) else {}
            stappen = [stap_van_veld(self.aanvraag, veld) for veld in details.get("velden", [])]
            stappen += [zoek_stap(self.aanvraag, slug) for slug in details.get("stappen", [])]
            links = {stap.slug: stap for stap in stappen if stap is not None}
            melding = {"tekst": in_taal(fout), "stappen": list(links.values())}
        return render(self.request, "portaal/aanvragen/controleren.html", {
            "aanvraag": self.aanvraag, "secties": secties, "melding": melding,
            "alles_klaar": all(sectie["klaar"] for sectie in secties)}, status=status)


class OntvangstbevestigingView(AanvraagMixin, View):
    """The receipt: when we received it, by when we decide, what happens next."""

    alleen_concept = False

    def get(self, request, pk):
        if self.aanvraag.status == Aanvraag.Status.CONCEPT:
            return redirect("portaal:aanvraag_controleren", pk=pk)
        if self.aanvraag.ontvangen_op is None:  # withdrawn before it was sent: there is no receipt
            return redirect("portaal:overzicht")
        return render(request, "portaal/aanvragen/ontvangstbevestiging.html", {"aanvraag": self.aanvraag})

