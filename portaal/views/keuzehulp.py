"""/portaal/keuzehulp/ — which regelingen fit: a few plain questions, public, before anyone registers.

One GET form: the answers stay in the address, so a result can be bookmarked or sent to a neighbour. The matching
is the core's (`subsidies.services.keuzehulp`); this page only asks and explains.
"""
from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from subsidies.models import Gebied
from subsidies.services import keuzehulp

from web.fouten import in_taal

from ..velden import BedragVeld


WIE = [
    (keuzehulp.Wie.BEWONERS, _("Wij zijn bewoners, zonder stichting of vereniging")),
    (keuzehulp.Wie.ORGANISATIE, _("Wij zijn een stichting of vereniging")),
    (keuzehulp.Wie.ACCOMMODATIE, _("Wij beheren een buurthuis of ander gebouw voor de buurt (accommodatie)")),
    (keuzehulp.Wie.BEWONERSORGANISATIE, _("Wij zijn een geregistreerde bewonersorganisatie")),
]
WAT = [
    (keuzehulp.Wat.EENMALIG, _("Eén activiteit of project, één keer")),
    (keuzehulp.Wat.MEERJARIG, _("Iets dat meerdere jaren doorloopt")),
    (keuzehulp.Wat.GEBOUW, _("Een gebouw openhouden of onderhouden")),
    (keuzehulp.Wat.BEWONERSORGANISATIE, _("Het jaarlijkse werk van onze bewonersorganisatie")),
]


class KeuzehulpForm(forms.Form):
    wie = forms.ChoiceField(label=_("Wie bent u?"), choices=WIE, widget=forms.RadioSelect)
    wat = forms.ChoiceField(label=_("Wat wilt u doen?"), choices=WAT, widget=forms.RadioSelect)
    gebied = forms.ModelChoiceField(
        label=_("Waar gebeurt het? (niet verplicht)"), queryset=Gebied.objects.order_by("naam"), required=False,
        empty_label=_("Weet ik niet"),
    )
    bedrag = BedragVeld(
        label=_("Hoeveel geld heeft u ongeveer nodig? (niet verplicht)"), required=False,
        help_text=_("In euro's. Loopt het meerdere jaren? Geef dan het bedrag per jaar."),
    )

    def vraag(self) -> keuzehulp.Vraag:
        data = self.cleaned_data
        return keuzehulp.Vraag(data["wie"], data["wat"], data["gebied"].pk if data["gebied"] else None,
                               data["bedrag"])


class KeuzehulpView(TemplateView):
    template_name = "portaal/keuzehulp.html"

    def get_context_data(self, **kwargs):
        gevraagd = any(naam in self.request.GET for naam in KeuzehulpForm.base_fields)
        form = KeuzehulpForm(self.request.GET if gevraagd else None)
        resultaten = None
        if gevraagd and form.is_valid():
            # the budget's own words (nl/en) where the room is not known: no budget yet, no ceiling published
            resultaten = [(passend, in_taal(passend.budgetstatus) if passend.budgetstatus else "")
                          for passend in keuzehulp.passende_regelingen(form.vraag())]
        # someone with exactly one organisation applies for it straight away; others choose on the form
        organisaties = (list(self.request.user.organisaties.values_list("pk", flat=True)[:2])
                        if resultaten and self.request.user.is_authenticated else [])
        return {**super().get_context_data(**kwargs), "form": form, "resultaten": resultaten,
                "organisatie": organisaties[0] if len(organisaties) == 1 else None}
