"""The steps of an application form, in the shape of a checkout flow: each step says whether it applies to a
request, whether it is done, which form it shows, and what it writes to the models at submission.

A step's form is always bound to what the draft holds (raw strings, as typed), so the draft is the one source of
what the person typed; the models are written only at submission (`indienen.dien_in`), where the model validators,
`clean()` and the engine's checks have the last word. The fields are built from the models' own fields, so the
bounds (lengths, amounts, dates) are the ones every other door applies.
"""
import datetime as dt
from decimal import Decimal

from django import forms
from django.forms.utils import ErrorDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from initiatieven.models import Dimensie, Doel, Indicator, Initiatief, Thema
from subsidies.models import Aanvraag, Begrotingsregel, Gebied, Jaarbedrag, Wijk
from web.templatetags.bedragen import bedrag

NIET_BEGONNEN, BEZIG, KLAAR = "niet_begonnen", "bezig", "klaar"
DATUMFORMATEN = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


def modelveld(model, naam: str, **kwargs):
    """The form field of model field `naam`, with its validators and bounds; `kwargs` override (e.g. required)."""
    veld = model._meta.get_field(naam).formfield(**kwargs)
    if isinstance(veld, forms.DecimalField):
        veld.localize = True  # "1500,50" as a Dutch person types it
        veld.widget.is_localized = True
        veld.widget.input_type = "text"
        veld.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
    return veld


def datumveld(model, naam: str, **kwargs):
    veld = modelveld(model, naam, **kwargs)
    veld.input_formats = DATUMFORMATEN
    veld.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    return veld


def als_data(ruw: dict | None) -> MultiValueDict | None:
    """The draft's raw values of a step (each a list of strings) as form data."""
    return None if ruw is None else MultiValueDict({sleutel: list(waarden) for sleutel, waarden in ruw.items()})


class Stap:
    """One step of an application form."""

    slug = ""
    titel = ""
    uitleg = ""
    form_class: type[forms.Form] = forms.Form
    # Names the engine's refusals use (`details["velden"]`) for what this step holds: a refusal links here.
    velden: tuple[str, ...] = ()
    template_name = "portaal/aanvragen/stap.html"
    autosave = True
    verplicht = True  # an optional step is done once the person moved past it

    def is_applicable(self, aanvraag) -> bool:
        return True

    def formulier(self, aanvraag, ruw: dict | None = None, concept=None) -> forms.Form:
        return self.form_class(als_data(ruw), aanvraag=aanvraag, concept=concept)

    def staat(self, aanvraag, concept) -> str:
        ruw = concept.stap(self.slug)
        if ruw is None:
            return NIET_BEGONNEN
        return KLAAR if self.is_completed(aanvraag, concept) else BEZIG

    def is_completed(self, aanvraag, concept) -> bool:
        ruw = concept.stap(self.slug)
        if ruw is None:
            return False
        return not self.verplicht or self.formulier(aanvraag, ruw, concept).is_valid()

    def antwoorden(self, form) -> list[tuple[str, str]]:
        """Each question and its answer as the check page shows them."""
        return [(str(form[naam].label), _weergave(form[naam], form.cleaned_data.get(naam)))
                for naam in form.fields]

    def toepassen(self, aanvraag, gegevens: dict, familie) -> None:
        """At submission, after the Aanvraag and the family's data (`familie`) are written: write what this step
        holds beyond them."""

    def uit_aanvraag(self, aanvraag, familie) -> dict | None:
        """What the request already holds for this step, as raw form data (a draft made through another door, e.g.
        the API), or None when it holds nothing for it."""
        form = self.form_class(None, aanvraag=aanvraag)
        ruw = {}
        for naam, veld in form.fields.items():
            if naam in getattr(self.form_class, "aanvraag_velden", ()):
                ruw[naam] = als_tekst(getattr(aanvraag, naam), veld)
            elif naam in getattr(self.form_class, "familie_velden", ()) and familie is not None:
                ruw[naam] = als_tekst(getattr(familie, naam), veld)
        return ruw if any(waarde != [""] and waarde for waarde in ruw.values()) else None


def als_tekst(waarde, veld=None) -> list[str]:
    """A model value as the raw strings a form posts."""
    if hasattr(waarde, "all"):  # a many-to-many manager
        sleutel = getattr(veld, "to_field_name", None) or "pk"
        return [str(getattr(item, sleutel)) for item in waarde.all()]
    if waarde is None:
        return [""]
    if hasattr(waarde, "pk"):
        return [str(waarde.pk)]
    if isinstance(waarde, dt.date):
        return [waarde.isoformat()]
    return [str(waarde)]


def _weergave(bound, waarde) -> str:
    if waarde in (None, "", []):
        return "—"
    if isinstance(waarde, Decimal):
        return bedrag(waarde)
    if isinstance(waarde, dt.date):
        return f"{waarde:%d-%m-%Y}"
    if hasattr(waarde, "__iter__") and not isinstance(waarde, str):
        return ", ".join(str(item) for item in waarde)
    return str(waarde)


def periode_uit_concept(aanvraag, concept) -> tuple[dt.date, dt.date] | None:
    """The request's period as the draft holds it, from the step whose form has it (even if that step has other
    fields still to fill in), or None while it is not (validly) given."""
    from . import stappen_van

    if concept is None:
        return None
    for stap in stappen_van(aanvraag):
        if "periode_van" in getattr(stap.form_class, "aanvraag_velden", ()):
            ruw = concept.stap(stap.slug)
            if ruw is None:
                return None
            form = stap.formulier(aanvraag, ruw, concept)
            form.is_valid()
            van, tot = form.cleaned_data.get("periode_van"), form.cleaned_data.get("periode_tot")
            return (van, tot) if van and tot and van <= tot else None
    return None


def boekjaren_uit_concept(aanvraag, concept) -> list[int]:
    """The boekjaren of the period the draft holds (at most 20)."""
    periode = periode_uit_concept(aanvraag, concept)
    return list(range(periode[0].year, periode[1].year + 1))[:20] if periode else []


def jaarbedragvelden(form, jaren, **kwargs) -> None:
    """One amount per boekjaar of a multi-year request (`jaar_<year>`), e.g. with the formula's amount as initial."""
    for jaar in jaren:
        form.fields[f"jaar_{jaar}"] = modelveld(Jaarbedrag, "gevraagd_bedrag", required=True,
                                                label=_("Gevraagd bedrag voor %(jaar)s") % {"jaar": jaar}, **kwargs)


def bedragvelden(form, jaren, voorstel: dict) -> None:
    """The amount asked, filled in with what the family's rules give per boekjaar (`voorstel`): one amount per year
    for a multi-year regeling, else their total."""
    if form.aanvraag.regeling.meerjarig:
        jaarbedragvelden(form, jaren)
        for jaar, voorgesteld in voorstel.items():
            form.fields[f"jaar_{jaar}"].initial = voorgesteld
    else:
        form.fields["gevraagd_bedrag"] = modelveld(Aanvraag, "gevraagd_bedrag", required=True,
                                                   initial=sum(voorstel.values()) or None)


def schrijf_jaarbedragen(aanvraag, gegevens: dict) -> None:
    """The meerjarenbegroting from the `jaar_<year>` amounts of a step, replacing the draft's."""
    if not aanvraag.regeling.meerjarig:
        return
    aanvraag.jaarbedragen.all().delete()
    for sleutel, waarde in gegevens.items():
        if sleutel.startswith("jaar_"):
            rij = Jaarbedrag(aanvraag=aanvraag, boekjaar=int(sleutel[5:]), gevraagd_bedrag=waarde)
            rij.full_clean()
            rij.save()


class StapForm(forms.Form):
    """A step's form knows the request it belongs to; `aanvraag_velden` are copied onto the Aanvraag as they are,
    `familie_velden` go to the flow's writer of the family's data (`Stroom.familiegegevens`)."""

    aanvraag_velden: tuple[str, ...] = ()
    familie_velden: tuple[str, ...] = ()

    def __init__(self, *args, aanvraag, concept=None, **kwargs):
        self.aanvraag, self.concept = aanvraag, concept
        super().__init__(*args, **kwargs)

    def gegevens(self) -> dict:
        """What the step writes at submission."""
        return self.cleaned_data

    def zonder_fouten(self):
        """Shown again from the draft (a return, another device): what is still missing is not an error yet, so the
        form shows the values without messages; Next and the check page show them."""
        if self.is_bound:
            self.full_clean()
            self._errors = ErrorDict()
        return self


# --- what ---------------------------------------------------------------------------------------------------------
class WatForm(StapForm):
    aanvraag_velden = ("titel", "omschrijving")
    familie_velden = ("doelgroep", "verwachte_deelnemers", "themas", "dimensies")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["titel"] = modelveld(Aanvraag, "titel", required=True,
                                         help_text=_("Een korte naam, bijvoorbeeld 'Buurtmoestuin Beijum'."))
        self.fields["omschrijving"] = modelveld(Aanvraag, "omschrijving", required=True)
        self.fields["doelgroep"] = modelveld(Initiatief, "doelgroep", required=True)
        self.fields["verwachte_deelnemers"] = modelveld(Initiatief, "verwachte_deelnemers", required=True, min_value=1)
        self.fields["themas"] = forms.ModelMultipleChoiceField(
            Thema.objects.all(), label=_("Bij welke thema's past het?"), widget=forms.CheckboxSelectMultiple,
            to_field_name="code")
        self.fields["dimensies"] = forms.ModelMultipleChoiceField(
            Dimensie.objects.all(), label=_("Waar helpt het de bewoners bij? (positieve gezondheid)"),
            widget=forms.CheckboxSelectMultiple, to_field_name="code")


class WatStap(Stap):
    slug = "wat"
    titel = _("Wat gaat u doen?")
    uitleg = _("Vertel in een paar zinnen wat u gaat doen en voor wie.")
    form_class = WatForm
    velden = ("titel", "omschrijving", "doelgroep", "verwachte_deelnemers", "themas", "dimensies")


# --- where and when -----------------------------------------------------------------------------------------------
class WaarForm(StapForm):
    aanvraag_velden = ("gebied", "wijk", "periode_van", "periode_tot")
    familie_velden = ("locatie", "wanneer")
    wijk_verplicht = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wijken = Wijk.objects.select_related("gebied").order_by("naam")
        if not self.wijk_verplicht:
            self.fields["gebied"] = forms.ModelChoiceField(
                Gebied.objects.order_by("naam"), label=_("In welk gebied?"),
                required=self.aanvraag.regeling.per_gebied)
        self.fields["wijk"] = forms.ModelChoiceField(
            wijken, label=_("In welke wijk of welk dorp?"), required=self.wijk_verplicht)
        self.fields["locatie"] = modelveld(Initiatief, "locatie", required=True)
        self.fields["wanneer"] = modelveld(Initiatief, "wanneer")
        self.fields["periode_van"] = datumveld(Aanvraag, "periode_van", required=True)
        self.fields["periode_tot"] = datumveld(Aanvraag, "periode_tot", required=True)

    def clean(self):
        data = super().clean()
        wijk = data.get("wijk")
        if wijk is not None and self.wijk_verplicht:
            data["gebied"] = wijk.gebied  # the money comes from the budget of the wijk's gebied
        elif wijk is not None and data.get("gebied") and wijk.gebied_id != data["gebied"].pk:
            self.add_error("wijk", _("Deze wijk hoort niet bij het gekozen gebied."))
        elif wijk is not None and not data.get("gebied"):
            data["gebied"] = wijk.gebied
        van, tot = data.get("periode_van"), data.get("periode_tot")
        if van and tot and tot < van:
            self.add_error("periode_tot", _("De einddatum ligt vóór de begindatum."))
        return data


class WijkVerplichtForm(WaarForm):
    wijk_verplicht = True


class WaarStap(Stap):
    slug = "waar-en-wanneer"
    titel = _("Waar en wanneer?")
    uitleg = _("Waar vindt het plaats, en van wanneer tot wanneer?")
    form_class = WaarForm
    velden = ("gebied", "wijk", "locatie", "wanneer", "periode_van", "periode_tot")

    def __init__(self, *, wijk_verplicht: bool = False):
        self.form_class = WijkVerplichtForm if wijk_verplicht else WaarForm


# --- repeating groups (budget lines, goals) -------------------------------------------------------------------------
class RegelsForm(StapForm):
    """A form with a repeating group of lines (a formset under `regels`): "add a line" is a POST that saves the
    draft with one more empty line; an empty line is ignored."""

    regel_form: type[forms.Form] = forms.Form
    regel_prefix = "regel"
    min_regels = 1
    te_weinig_regels = _("Vul minstens één regel in.")

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        formset_class = forms.formset_factory(self.regel_form, extra=0 if data is not None else self.min_regels,
                                              max_num=50, absolute_max=50, validate_max=True)
        self.regels = formset_class(data, prefix=self.regel_prefix)

    def is_valid(self):
        return super().is_valid() and self.regels.is_valid()

    def clean(self):
        data = super().clean()
        if self.regels.is_valid() and not self.genoeg_regels(self.ingevulde_regels()):
            self.add_error(None, self.te_weinig_regels)
        return data

    def genoeg_regels(self, regels: list[dict]) -> bool:
        return len(regels) >= self.min_regels

    def gegevens(self) -> dict:
        return {**self.cleaned_data, "regels": self.ingevulde_regels()}

    def zonder_fouten(self):
        super().zonder_fouten()
        if self.is_bound and self.regels.is_bound:
            self.regels.full_clean()
            self.regels._non_form_errors = self.regels.error_class()
            for regel in self.regels.forms:
                regel._errors = ErrorDict()
        return self

    def ingevulde_regels(self) -> list[dict]:
        return [regel.cleaned_data for regel in self.regels.forms
                if regel.is_valid() and regel.has_changed() and any(regel.cleaned_data.values())]

    @classmethod
    def regels_als_tekst(cls, regels: list[dict]) -> dict:
        """Lines (dicts of field values) as the raw data of the repeating group."""
        ruw = {f"{cls.regel_prefix}-TOTAL_FORMS": [str(len(regels))], f"{cls.regel_prefix}-INITIAL_FORMS": ["0"]}
        for index, regel in enumerate(regels):
            ruw.update({f"{cls.regel_prefix}-{index}-{naam}": als_tekst(waarde) for naam, waarde in regel.items()})
        return ruw

    @classmethod
    def met_extra_regel(cls, ruw: dict) -> dict:
        """The raw data with one more (empty) line."""
        sleutel = f"{cls.regel_prefix}-TOTAL_FORMS"
        waarde = (ruw.get(sleutel) or ["0"])[0]
        aantal = int(waarde) if waarde.isdigit() else 0
        return {**ruw, sleutel: [str(min(aantal + 1, 50))]}


class BegrotingsregelForm(forms.Form):
    soort = forms.ChoiceField(choices=Begrotingsregel.Soort.choices, label=_("Soort"),
                              initial=Begrotingsregel.Soort.KOSTEN)
    omschrijving = modelveld(Begrotingsregel, "omschrijving", required=False)
    bedrag = modelveld(Begrotingsregel, "bedrag", required=False)

    def has_changed(self):
        return bool(self.data.get(self.add_prefix("omschrijving")) or self.data.get(self.add_prefix("bedrag")))

    def clean(self):
        data = super().clean()
        if self.has_changed():
            if not data.get("omschrijving"):
                self.add_error("omschrijving", _("Zeg waarvoor dit bedrag is."))
            if data.get("bedrag") is None and "bedrag" not in self.errors:
                self.add_error("bedrag", _("Vul het bedrag in."))
        return data


class BegrotingForm(RegelsForm):
    """The budget lines, and the amount asked: one amount, or one per boekjaar for a multi-year request (its
    total is then their sum)."""

    aanvraag_velden = ("gevraagd_bedrag",)  # multi-year: the sum of the years (indienen)
    regel_form = BegrotingsregelForm
    te_weinig_regels = _("Zet minstens één kostenpost in de begroting.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.aanvraag.regeling.meerjarig:
            jaarbedragvelden(self, self.boekjaren())
        else:
            self.fields["gevraagd_bedrag"] = modelveld(Aanvraag, "gevraagd_bedrag", required=True,
                                                       label=_("Welk bedrag vraagt u?"))

    def boekjaren(self) -> list[int]:
        return boekjaren_uit_concept(self.aanvraag, self.concept)

    def clean(self):
        data = super().clean()
        if self.aanvraag.regeling.meerjarig and not self.boekjaren():
            self.add_error(None, _("Vul eerst bij 'Waar en wanneer?' de begin- en einddatum in: dan weten we voor "
                                   "welke jaren u een bedrag vraagt."))
        return data

    def genoeg_regels(self, regels):
        return any(regel["soort"] == Begrotingsregel.Soort.KOSTEN for regel in regels)


class BedragStap(Stap):
    """A step that asks only the amount (per boekjaar when multi-year), as the family's rules fill it in."""

    slug = "bedrag"
    velden = ("gevraagd_bedrag", "jaarbedragen")

    def toepassen(self, aanvraag, gegevens, familie):
        schrijf_jaarbedragen(aanvraag, gegevens)


class BegrotingStap(Stap):
    slug = "begroting"
    titel = _("Wat kost het?")
    uitleg = _("Zet de kosten op een rij, en wat u zelf betaalt of van anderen krijgt. Wij betalen wat overblijft.")
    form_class = BegrotingForm
    velden = ("begroting", "gevraagd_bedrag", "jaarbedragen")
    template_name = "portaal/aanvragen/stap_regels.html"

    def antwoorden(self, form):
        regels = [(str(dict(Begrotingsregel.Soort.choices)[r["soort"]]).capitalize() + ": " + r["omschrijving"],
                   _weergave(None, r["bedrag"])) for r in form.ingevulde_regels()]
        return regels + super().antwoorden(form)

    def uit_aanvraag(self, aanvraag, familie):
        regels = [{"soort": r.soort, "omschrijving": r.omschrijving, "bedrag": r.bedrag}
                  for r in aanvraag.begroting.order_by("pk")]
        jaren = {f"jaar_{j.boekjaar}": als_tekst(j.gevraagd_bedrag) for j in aanvraag.jaarbedragen.all()}
        if not (regels or jaren or aanvraag.gevraagd_bedrag):
            return None
        return {**BegrotingForm.regels_als_tekst(regels), **jaren,
                "gevraagd_bedrag": als_tekst(aanvraag.gevraagd_bedrag)}

    def toepassen(self, aanvraag, gegevens, familie):
        aanvraag.begroting.all().delete()
        for regel in gegevens["regels"]:
            rij = Begrotingsregel(aanvraag=aanvraag, soort=regel["soort"], omschrijving=regel["omschrijving"],
                                  bedrag=regel["bedrag"])
            rij.full_clean()
            rij.save()
        schrijf_jaarbedragen(aanvraag, gegevens)


class DoelForm(forms.Form):
    omschrijving = modelveld(Doel, "omschrijving", required=False, label=_("Doel"),
                             widget=forms.Textarea(attrs={"rows": 2}))
    indicator = modelveld(Indicator, "omschrijving", required=False, label=_("Hoe meet u dat? (indicator)"))
    streefwaarde = modelveld(Indicator, "streefwaarde", required=False, label=_("Streefwaarde"))
    eenheid = modelveld(Indicator, "eenheid", required=False)

    def has_changed(self):
        return any(self.data.get(self.add_prefix(naam)) for naam in ("omschrijving", "indicator", "streefwaarde"))

    def clean(self):
        data = super().clean()
        if self.has_changed():
            for naam, tekst in (("omschrijving", _("Beschrijf het doel.")),
                                ("indicator", _("Zeg hoe u meet of u het doel haalt."))):
                if not data.get(naam) and naam not in self.errors:
                    self.add_error(naam, tekst)
        return data


class DoelenForm(RegelsForm):
    regel_form = DoelForm
    regel_prefix = "doel"
    te_weinig_regels = _("Geef minstens één doel, met hoe u meet of u het haalt.")


class DoelenStap(Stap):
    slug = "doelen"
    titel = _("Wat wilt u bereiken?")
    uitleg = _("Geef uw doelen. Zeg bij elk doel hoe u meet of u het haalt.")
    form_class = DoelenForm
    velden = ("doelen",)
    template_name = "portaal/aanvragen/stap_regels.html"

    def antwoorden(self, form):
        def meting(regel):
            if regel["streefwaarde"] is None:
                return regel["indicator"]
            return f"{regel['indicator']}: {_weergave(None, regel['streefwaarde'])} {regel['eenheid']}".rstrip()

        return [(regel["omschrijving"], meting(regel)) for regel in form.ingevulde_regels()]

    def uit_aanvraag(self, aanvraag, initiatief):
        if initiatief is None:
            return None
        regels = []
        for doel in initiatief.doelen.prefetch_related("indicatoren"):
            indicator = next(iter(doel.indicatoren.all()), None)
            regels.append({"omschrijving": doel.omschrijving, "indicator": indicator.omschrijving if indicator else "",
                           "streefwaarde": indicator.streefwaarde if indicator else None,
                           "eenheid": indicator.eenheid if indicator else ""})
        return DoelenForm.regels_als_tekst(regels) if regels else None

    def toepassen(self, aanvraag, gegevens, initiatief):
        initiatief.doelen.all().delete()
        for volgorde, regel in enumerate(gegevens["regels"]):
            doel = Doel(initiatief=initiatief, omschrijving=regel["omschrijving"], volgorde=volgorde)
            doel.full_clean()
            doel.save()
            indicator = Indicator(doel=doel, omschrijving=regel["indicator"], streefwaarde=regel["streefwaarde"],
                                  eenheid=regel["eenheid"])
            indicator.full_clean()
            indicator.save()


# --- work plan (multi-year) -----------------------------------------------------------------------------------------
class WerkplanForm(StapForm):
    aanvraag_velden = ("werkplan",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkplan"] = modelveld(Aanvraag, "werkplan", required=True)


class WerkplanStap(Stap):
    slug = "werkplan"
    titel = _("Werkplan voor het eerste jaar")
    uitleg = _("U vraagt voor meer jaren. Vertel wat u het eerste jaar gaat doen en wat u wilt bereiken.")
    form_class = WerkplanForm
    velden = ("werkplan",)

    def is_applicable(self, aanvraag):
        return aanvraag.regeling.meerjarig


# --- documents ----------------------------------------------------------------------------------------------------
class DocumentForm(forms.Form):
    """One file for `documenten.voeg_document_toe`, which checks its type, size and content."""

    omschrijving = forms.CharField(label=_("Wat is het?"), max_length=200,
                                   help_text=_("Bijvoorbeeld: offerte voor de huur van de zaal."))
    bestand = forms.FileField(label=_("Bestand"))

    def __init__(self, *args, soorten: str, max_mb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = _("Toegestaan: %(soorten)s. Ten hoogste %(mb)s MB.") % {
            "soorten": soorten, "mb": max_mb}
        self.fields["bestand"].widget.attrs["accept"] = soorten.replace(" ", "")


class DocumentenStap(Stap):
    slug = "bijlagen"
    titel = _("Bijlagen")
    uitleg = _("Wilt u iets meesturen, zoals een offerte of een foto? Dat mag, het hoeft niet.")
    velden = ("documenten", "bestand")
    template_name = "portaal/aanvragen/stap_bijlagen.html"
    autosave = False
    verplicht = False

    def formulier(self, aanvraag, ruw=None, concept=None):
        return StapForm(als_data(ruw) if ruw is not None else None, aanvraag=aanvraag)

    def uit_aanvraag(self, aanvraag, familie):
        return {} if aanvraag.documenten.exists() else None

    def antwoorden(self, form):
        documenten = list(form.aanvraag.documenten.all())
        return [(document.omschrijving, document.oorspronkelijke_naam) for document in documenten] or [
            (str(_("Bijlagen")), str(_("Geen")))]
