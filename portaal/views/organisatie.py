"""The applicant's organisations: create one, see and change its data and board, its members and invitations, and
accept an invitation. Rules live in `subsidies.services.organisaties`; forms run the model's validation."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from subsidies.models import Contactpersoon, Organisatie, Uitnodiging
from subsidies.services import organisaties as service
from web.fouten import in_taal, toon_fout
from workflows.errors import DomainError
from workflows.models import AuditRecord

from ..forms import ContactpersoonForm, OrganisatieForm, UitnodigingForm
from . import eigen_object


class OrganisatiesView(LoginRequiredMixin, View):
    """The person's organisations, and a new one: whoever creates it is its first member."""

    template_name = "portaal/organisaties.html"

    def get(self, request):
        return self._toon(request, OrganisatieForm())

    def post(self, request):
        form = OrganisatieForm(request.POST)
        if form.is_valid():
            organisatie = service.maak_organisatie(form.instance, request.user)
            messages.success(request, _("Uw organisatie is aangemaakt."))
            return redirect("portaal:organisatie", pk=organisatie.pk)
        return self._toon(request, form, status=400)

    def _toon(self, request, form, status=200):
        return render(request, self.template_name, {
            "organisaties": request.user.organisaties.select_related("gebied", "wijk"), "form": form}, status=status)


def _laatste_ibanwijziging(organisatie) -> dict | None:
    """When the IBAN last changed and by whom, from the trail: a member by name, anyone else as "de gemeente"."""
    record = (AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(Organisatie),
                                         object_id=str(organisatie.pk), wijzigingen__has_key="iban")
              .order_by("-volgnummer").values("tijdstip", "actor_id").first())
    if record is None:
        return None
    lid = next((lid for lid in organisatie.leden.all() if lid.pk == record["actor_id"]), None)
    return {"op": record["tijdstip"], "door": (lid.get_full_name() or lid.get_username()) if lid else _("de gemeente")}


class OrganisatieView(LoginRequiredMixin, View):
    """One organisation: its data (IBAN, KvK …) to change, and its board (contact persons) to add or remove."""

    template_name = "portaal/organisatie.html"

    @cached_property
    def organisatie(self):
        return eigen_object(Organisatie.objects.select_related("gebied", "wijk").prefetch_related(
            "leden", "contactpersonen"), self.request.user, "", pk=self.kwargs["pk"])

    def get(self, request, pk):
        return self._toon(request)

    def post(self, request, pk):
        formulier = request.POST.get("formulier")
        if formulier == "contactpersoon":
            return self._contactpersoon(request)
        if formulier == "contactpersoon_verwijderen":
            contactpersoon = get_object_or_404(self.organisatie.contactpersonen, pk=request.POST.get("contactpersoon"))
            service.verwijder_contactpersoon(contactpersoon, request.user)
            messages.success(request, _("De contactpersoon is verwijderd."))
            return redirect("portaal:organisatie", pk=self.organisatie.pk)
        form = OrganisatieForm(request.POST, instance=self.organisatie)
        if form.is_valid():
            try:
                service.bewaar(form.instance, request.user)
            except DomainError as fout:
                toon_fout(form, fout)
            else:
                messages.success(request, _("De gegevens zijn opgeslagen."))
                return redirect("portaal:organisatie", pk=self.organisatie.pk)
        return self._toon(request, form=form, status=400)

    def _contactpersoon(self, request):
        form = ContactpersoonForm(request.POST, prefix="contact", instance=Contactpersoon(organisatie=self.organisatie))
        if form.is_valid():
            service.bewaar(form.instance, request.user)
            messages.success(request, _("De contactpersoon is toegevoegd."))
            return redirect("portaal:organisatie", pk=self.organisatie.pk)
        return self._toon(request, contactform=form, status=400)

    def _toon(self, request, form=None, contactform=None, status=200):
        organisatie = self.organisatie
        if form is not None:  # a refused change is shown as typed; the page's facts are those saved
            organisatie.refresh_from_db()
        return render(request, self.template_name, {
            "organisatie": organisatie,
            "form": form or OrganisatieForm(instance=organisatie),
            "contactform": contactform or ContactpersoonForm(prefix="contact"),
            "ibanwijziging": _laatste_ibanwijziging(organisatie),
        }, status=status)


class LedenView(LoginRequiredMixin, View):
    """Who acts for the organisation: its members, and the invitations sent; invite, withdraw, remove, leave."""

    template_name = "portaal/organisatie_leden.html"

    @cached_property
    def organisatie(self):
        return eigen_object(Organisatie.objects.prefetch_related(
            "leden", Prefetch("uitnodigingen", queryset=Uitnodiging.objects.select_related("uitgenodigd_door"))),
            self.request.user, "", pk=self.kwargs["pk"])

    def get(self, request, pk):
        return self._toon(request, UitnodigingForm())

    def post(self, request, pk):
        formulier, organisatie = request.POST.get("formulier"), self.organisatie
        form = UitnodigingForm()
        try:
            if formulier == "intrekken":
                service.intrekken(get_object_or_404(organisatie.uitnodigingen, pk=request.POST.get("uitnodiging")),
                                  request.user)
                messages.success(request, _("De uitnodiging is ingetrokken. De link werkt niet meer."))
            elif formulier == "verwijderen":
                lid = get_object_or_404(organisatie.leden, pk=request.POST.get("lid"))
                service.lid_verwijderen(organisatie, lid, request.user)
                if lid == request.user:
                    messages.success(request, _("U bent geen lid meer van %(organisatie)s.") % {
                        "organisatie": organisatie})
                    return redirect("portaal:organisaties")
                messages.success(request, _("%(naam)s is geen lid meer.") % {"naam": lid.get_full_name() or lid})
            else:
                form = UitnodigingForm(request.POST, instance=Uitnodiging(organisatie=organisatie))
                if not form.is_valid():
                    return self._toon(request, form, status=400)
                service.uitnodigen(organisatie, form.cleaned_data["email"], request.user, link=lambda token: (
                    request.build_absolute_uri(reverse("portaal:uitnodiging", args=[token]))))
                messages.success(request, _("Wij hebben een uitnodiging gestuurd naar %(email)s.") % {
                    "email": form.cleaned_data["email"]})
        except DomainError as fout:
            if form.is_bound:
                toon_fout(form, fout)
            return self._toon(request, form, status=fout.status, fout=None if form.is_bound else in_taal(fout))
        return redirect("portaal:organisatie_leden", pk=organisatie.pk)

    def _toon(self, request, form, status=200, fout=None):
        return render(request, self.template_name, {"organisatie": self.organisatie, "form": form, "fout": fout},
                      status=status)


class UitnodigingView(LoginRequiredMixin, View):
    """Accept an invitation: whoever is logged in and holds the token (the secret from the e-mail) becomes a
    member. An unknown, withdrawn, used or expired token gets a page that says so, and nothing else."""

    template_name = "portaal/uitnodiging.html"

    def get(self, request, token):
        uitnodiging = service.zoek(token)
        try:
            service.controleer_open(uitnodiging)
        except DomainError as fout:
            return self._geweigerd(request, fout)
        return render(request, self.template_name, {"uitnodiging": uitnodiging})

    def post(self, request, token):
        try:
            organisatie = service.accepteren(token, request.user)
        except DomainError as fout:
            return self._geweigerd(request, fout)
        messages.success(request, _("Welkom! U kunt nu namens %(organisatie)s handelen.") % {
            "organisatie": organisatie})
        return redirect("portaal:organisatie", pk=organisatie.pk)

    def _geweigerd(self, request, fout):
        return render(request, self.template_name, {"fout": in_taal(fout)},
                      status=404 if fout.code == "uitnodiging_onbekend" else 410)
