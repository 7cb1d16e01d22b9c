"""Steps of the yearly and structural families: accommodaties (exploitatie against the approved exploitation
budget, onderhoud against the MJOP) and bewonersorganisaties (the amount follows the regeling's formula).

The amounts the rules give are shown, and offered as the answer, so nobody has to compute them: the approved
deficit per year (`accommodaties.services.geldende_begrotingen`), the estimated costs of the chosen MJOP items, and
the formula's amount (`bewonersorganisaties.services.jaarbedragen`).
"""
import copy
import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accommodaties import services as accommodatieservices
from accommodaties.models import Accommodatie, BegrotingStatus, Onderhoudspost
from bewonersorganisaties import services as bewonersorganisatieservices
from subsidies.models import Aanvraag
from subsidies.validators import BOEKJAAR
from web.templatetags.bedragen import bedrag

from .stappen import BedragStap, Stap, StapForm, als_data, bedragvelden, boekjaren_uit_concept, modelveld


def jaarveld(label, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=label, validators=BOEKJAAR, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric"}), **kwargs)


class JarenForm(StapForm):
    """The boekjaar (or, multi-year, the first and last boekjaar) as the period of the request."""

    aanvraag_velden = ("periode_van", "periode_tot")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        volgend_jaar = timezone.localdate().year + 1
        if self.aanvraag.regeling.meerjarig:
            self.fields["van_jaar"] = jaarveld(_("Eerste jaar"), initial=volgend_jaar)
            self.fields["tot_jaar"] = jaarveld(
                _("Laatste jaar"), help_text=_("U kunt voor ten hoogste %(max)s jaar aanvragen.") % {
                    "max": self.aanvraag.regeling.max_boekjaren})
        else:
            self.fields["van_jaar"] = jaarveld(_("Voor welk jaar vraagt u subsidie?"), initial=volgend_jaar)

    def clean(self):
        data = super().clean()
        van = data.get("van_jaar")
        tot = data.get("tot_jaar", van) if self.aanvraag.regeling.meerjarig else van
        if van and tot and tot < van:
            self.add_error("tot_jaar", _("Het laatste jaar ligt vóór het eerste jaar."))
        elif van and tot:
            data["periode_van"], data["periode_tot"] = dt.date(van, 1, 1), dt.date(tot, 12, 31)
        return data


class JarenStap(Stap):
    slug = "jaren"
    titel = _("Voor welke jaren?")
    form_class = JarenForm
    velden = ("periode_van", "periode_tot")

    def uit_aanvraag(self, aanvraag, familie):
        ruw = super().uit_aanvraag(aanvraag, familie) or {}
        if aanvraag.periode_van and aanvraag.periode_tot:
            ruw.update({"van_jaar": [str(aanvraag.periode_van.year)], "tot_jaar": [str(aanvraag.periode_tot.year)]})
        return ruw or None

    def antwoorden(self, form):
        jaren = [form.cleaned_data["van_jaar"], form.cleaned_data.get("tot_jaar")]
        return [(str(form[naam].label), str(jaar)) for naam, jaar in zip(("van_jaar", "tot_jaar"), jaren) if jaar]


# --- accommodaties --------------------------------------------------------------------------------------------------
class AccommodatieForm(StapForm):
    aanvraag_velden = ("titel", "omschrijving")
    familie_velden = ("accommodatie",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accommodatie"] = forms.ModelChoiceField(
            Accommodatie.objects.filter(bestuur_id=self.aanvraag.organisatie_id).order_by("naam"),
            label=_("Voor welke accommodatie vraagt u aan?"), widget=forms.RadioSelect, empty_label=None,
            help_text=_("Alleen de accommodaties die uw organisatie beheert."))
        self.fields["titel"] = modelveld(Aanvraag, "titel", required=True)
        self.fields["omschrijving"] = modelveld(Aanvraag, "omschrijving", required=True,
                                                label=_("Waarvoor vraagt u subsidie?"))


class AccommodatieStap(Stap):
    slug = "accommodatie"
    titel = _("Over welke accommodatie gaat het?")
    form_class = AccommodatieForm
    velden = ("accommodatie", "titel", "omschrijving", "gebied")


def accommodatie_uit_concept(aanvraag, concept) -> Accommodatie | None:
    """The accommodation chosen in the draft, if it is one the organisation runs."""
    form = AccommodatieForm(als_data(concept.stap(AccommodatieStap.slug) if concept else None), aanvraag=aanvraag)
    form.is_valid()
    return form.cleaned_data.get("accommodatie") if form.is_bound else None


class ExploitatieForm(StapForm):
    """The amount per year, offered as the deficit of that year's approved exploitation budget."""

    aanvraag_velden = ("gevraagd_bedrag",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.accommodatie = accommodatie_uit_concept(self.aanvraag, self.concept)
        self.jaren = boekjaren_uit_concept(self.aanvraag, self.concept)
        begrotingen = (accommodatieservices.geldende_begrotingen(self.accommodatie, self.jaren)
                       if self.accommodatie else {})
        self.begrotingen = []
        for jaar in self.jaren:
            begroting = begrotingen.get(jaar)
            goedgekeurd = begroting is not None and begroting.status == BegrotingStatus.GOEDGEKEURD
            self.begrotingen.append({"jaar": jaar, "begroting": begroting if goedgekeurd else None,
                                     "regels": list(begroting.regels.all()) if goedgekeurd else []})
        tekorten = {rij["jaar"]: max(rij["begroting"].tekort, Decimal("0")) for rij in self.begrotingen
                    if rij["begroting"]}
        bedragvelden(self, self.jaren, tekorten)

    def clean(self):
        data = super().clean()
        if not (self.accommodatie and self.jaren):
            self.add_error(None, _("Kies eerst de accommodatie en de jaren: dan tonen wij hier de goedgekeurde "
                                   "exploitatiebegroting."))
        return data


class ExploitatieStap(BedragStap):
    titel = _("Welk bedrag vraagt u?")
    uitleg = _("De subsidie is ten hoogste het tekort op de goedgekeurde exploitatiebegroting: de kosten min de "
               "eigen inkomsten. Dat bedrag staat al ingevuld.")
    form_class = ExploitatieForm
    template_name = "portaal/aanvragen/stap_exploitatie.html"


class OnderhoudForm(StapForm):
    """The MJOP items to maintain; the period runs over their years; the amount at most their estimate."""

    aanvraag_velden = ("gevraagd_bedrag", "periode_van", "periode_tot")
    familie_velden = ("onderhoudsposten",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accommodatie = accommodatie_uit_concept(self.aanvraag, self.concept)
        posten = (Onderhoudspost.objects.filter(accommodatie=accommodatie).order_by("jaar", "element")
                  if accommodatie else Onderhoudspost.objects.none())
        self.fields["onderhoudsposten"] = forms.ModelMultipleChoiceField(
            posten, label=_("Welk onderhoud uit het meerjarenonderhoudsplan (MJOP)?"),
            widget=forms.CheckboxSelectMultiple)
        self.fields["onderhoudsposten"].label_from_instance = (
            lambda post: f"{post.jaar} — {post.element} ({bedrag(post.geraamde_kosten)})")
        self.fields["gevraagd_bedrag"] = modelveld(
            Aanvraag, "gevraagd_bedrag", required=True,
            help_text=_("Ten hoogste de geraamde kosten van de posten die u kiest."))

    def clean(self):
        data = super().clean()
        posten = data.get("onderhoudsposten")
        if posten:
            jaren = [post.jaar for post in posten]
            data["periode_van"], data["periode_tot"] = dt.date(min(jaren), 1, 1), dt.date(max(jaren), 12, 31)
        return data


class OnderhoudStap(Stap):
    slug = "onderhoud"
    titel = _("Welk onderhoud?")
    uitleg = _("Kies het onderhoud waarvoor u subsidie vraagt. Dat kan alleen als het bestuur eigenaar is van het "
               "gebouw.")
    form_class = OnderhoudForm
    velden = ("onderhoudsposten", "gevraagd_bedrag", "periode_van", "periode_tot")


def schrijf_accommodatie(aanvraag, velden: dict):
    """The accommodation (and MJOP items) of the request, through the family's service, as the API does."""
    gegevens = aanvraag.accommodatiegegevens if hasattr(aanvraag, "accommodatiegegevens") else None
    return accommodatieservices.leg_vast(aanvraag, velden["accommodatie"], velden.get("onderhoudsposten"),
                                         gegevens=gegevens)


# --- bewonersorganisaties -------------------------------------------------------------------------------------------
class JaarplanForm(JarenForm):
    aanvraag_velden = ("titel", "omschrijving", "periode_van", "periode_tot")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omschrijving"] = modelveld(Aanvraag, "omschrijving", required=True,
                                                label=_("Wat gaat uw organisatie dat jaar doen?"))

    def clean(self):
        data = super().clean()
        if data.get("periode_van"):
            jaren = sorted({data["periode_van"].year, data["periode_tot"].year})
            data["titel"] = f"{self.aanvraag.organisatie.naam} {'–'.join(map(str, jaren))}"[:200]
        return data


class JaarplanStap(JarenStap):
    slug = "jaar"
    titel = _("Voor welk jaar, en wat gaat u doen?")
    form_class = JaarplanForm
    velden = ("periode_van", "periode_tot", "omschrijving", "titel")

    def antwoorden(self, form):
        return super().antwoorden(form) + [(str(form["omschrijving"].label), form.cleaned_data["omschrijving"])]


class FormulebedragForm(StapForm):
    """The amount the regeling's formula gives, already filled in."""

    aanvraag_velden = ("gevraagd_bedrag",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.jaren = boekjaren_uit_concept(self.aanvraag, self.concept)
        self.voorstel = {}
        if self.jaren:
            kopie = copy.copy(self.aanvraag)  # never saved: the formula reads the period from the request
            kopie.periode_van, kopie.periode_tot = dt.date(self.jaren[0], 1, 1), dt.date(self.jaren[-1], 12, 31)
            self.voorstel = bewonersorganisatieservices.jaarbedragen(kopie)
        bedragvelden(self, self.jaren, self.voorstel)

    def clean(self):
        data = super().clean()
        if not self.jaren:
            self.add_error(None, _("Kies eerst het jaar: dan rekenen wij het bedrag uit."))
        return data


class FormulebedragStap(BedragStap):
    titel = _("Het bedrag")
    uitleg = _("Het bedrag volgt uit de regeling: een vast bedrag plus een bedrag per bewoner die u vertegenwoordigt. "
               "Wij hebben het voor u uitgerekend.")
    form_class = FormulebedragForm
    template_name = "portaal/aanvragen/stap_formule.html"
