"""The portal's forms. ModelForms run the model's own validation (`full_clean`: field validators and `clean()`);
no form repeats a rule. Model messages read "Nederlands. / English."; the page shows the half in its language."""
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from subsidies.models import Contactpersoon, Organisatie, Taal, Uitnodiging
from web.fouten import _bericht_in_taal
from workflows.models import Berichtvoorkeur

from .teksten import RECHTSVORMEN


class InTaal:
    """Shows each error of the model's validation in the page's language; a model-wide error (a constraint) beside
    the field it is about, by its code (`bij_veld`)."""

    bij_veld: dict[str, str] = {}

    def _post_clean(self):
        super()._post_clean()
        algemeen = self._errors.get(NON_FIELD_ERRORS)
        for fout in algemeen.as_data() if algemeen else []:
            if fout.code in self.bij_veld and self.bij_veld[fout.code] in self.fields:
                algemeen.data.remove(fout)
                self._errors.setdefault(self.bij_veld[fout.code], self.error_class(renderer=self.renderer)).append(fout)
        if algemeen is not None and not algemeen.data:
            del self._errors[NON_FIELD_ERRORS]
        for veld, fouten in list(self._errors.items()):
            self._errors[veld] = self.error_class([_bericht_in_taal(fout) for fout in fouten],
                                                  error_class="nonfield" if veld == NON_FIELD_ERRORS else None,
                                                  renderer=self.renderer)


TALEN = [(Taal.NL, "Nederlands"), (Taal.EN, "English")]  # each language in its own words


class OrganisatieForm(InTaal, forms.ModelForm):
    bij_veld = {"kvk_bestaat": "kvk_nummer"}

    class Meta:
        model = Organisatie
        fields = ["naam", "rechtsvorm", "kvk_nummer", "iban", "tenaamstelling", "straat", "postcode", "plaats",
                  "gebied", "wijk", "email", "telefoon", "correspondentietaal"]
        widgets = {"correspondentietaal": forms.RadioSelect}
        labels = {
            "naam": _("Naam van de organisatie of groep"), "rechtsvorm": _("Soort organisatie"),
            "kvk_nummer": _("KvK-nummer"), "iban": _("Rekeningnummer (IBAN)"),
            "tenaamstelling": _("Op naam van (tenaamstelling)"), "straat": _("Straat en huisnummer"),
            "postcode": _("Postcode"), "plaats": _("Plaats"), "gebied": _("Gebied"), "wijk": _("Wijk"),
            "email": _("E-mailadres"), "telefoon": _("Telefoonnummer"),
            "correspondentietaal": _("In welke taal wilt u onze brieven en berichten?"),
        }
        help_texts = {
            "kvk_nummer": _("8 cijfers. Een groep bewoners zonder stichting of vereniging laat dit leeg."),
            "iban": _("Het rekeningnummer waarop wij de subsidie betalen, bijvoorbeeld NL91 ABNA 0417 1643 00."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rechtsvorm"].choices = RECHTSVORMEN
        # a wijk's label names its gebied: one query for the whole list instead of one per wijk (~45 in Groningen)
        self.fields["wijk"].queryset = self.fields["wijk"].queryset.select_related("gebied")
        self.fields["correspondentietaal"].required = False  # a form without the choice keeps the current one
        self.fields["correspondentietaal"].choices = TALEN

    def clean_correspondentietaal(self):
        return self.cleaned_data.get("correspondentietaal") or self.instance.correspondentietaal or Taal.NL


class ContactpersoonForm(InTaal, forms.ModelForm):
    class Meta:
        model = Contactpersoon
        fields = ["naam", "functie", "email", "telefoon"]
        labels = {"naam": _("Naam"), "functie": _("Functie"), "email": _("E-mailadres"),
                  "telefoon": _("Telefoonnummer")}
        help_texts = {"functie": _("Bijvoorbeeld voorzitter, secretaris of penningmeester.")}


class UitnodigingForm(InTaal, forms.ModelForm):
    class Meta:
        model = Uitnodiging
        fields = ["email"]
        labels = {"email": _("E-mailadres van de persoon die u uitnodigt")}


class IntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Waarom trekt u uw aanvraag in? (mag leeg blijven)"), required=False,
                            max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class BerichtvoorkeurForm(forms.ModelForm):
    """How the user wants our e-mails: language, and what is not urgent at once or once a day."""

    taal = forms.ChoiceField(label=_("In welke taal wilt u onze e-mails?"), widget=forms.RadioSelect,
                             choices=[("nl", _("Nederlands")), ("en", _("Engels (English)"))])
    bezorging = forms.ChoiceField(
        label=_("Wanneer wilt u e-mails krijgen?"), widget=forms.RadioSelect,
        help_text=_("Een besluit en een termijn die over 3 dagen of eerder afloopt, sturen wij altijd meteen."),
        choices=[("direct", _("Meteen: één e-mail per bericht")),
                 ("dagelijks", _("Eén keer per dag: een overzicht van alle berichten"))])

    class Meta:
        model = Berichtvoorkeur
        fields = ["taal", "bezorging"]


class IngebrekestellingForm(forms.Form):
    reden = forms.CharField(label=_("Wilt u nog iets zeggen? (mag leeg blijven)"), required=False,
                            max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class BijlageForm(forms.Form):
    """A file added to an aanvulling's answer or to a report before it is sent; `documenten` checks its type, size
    and content. The file field is labelled "Bestand", not like the button that adds it, so a screen reader tells
    the two apart (WCAG 2.4.6)."""

    bestand = forms.FileField(label=_("Bestand"), required=False,
                              help_text=_("Een PDF, foto, Word- of Excel-bestand van ten hoogste 10 MB."))
    omschrijving = forms.CharField(label=_("Wat is het voor document? (niet verplicht)"), required=False,
                                   max_length=200)
