"""Forms render in Utrecht markup that a screen reader can follow: labels, descriptions and errors linked to their
input, choice groups in a fieldset with a legend, "verplicht" in words, and a summary of the errors at the top."""
import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.web.html import lees


class Voorbeeld(forms.Form):
    naam = forms.CharField(label="Naam van de groep", help_text="Zoals de buurt u kent.")
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    soort = forms.ChoiceField(label="Wat voor groep bent u?", widget=forms.RadioSelect,
                              choices=[("buurt", "Buurtgroep"), ("vereniging", "Vereniging")])
    wijken = forms.MultipleChoiceField(label="In welke wijken?", widget=forms.CheckboxSelectMultiple,
                                       choices=[("oost", "Oost"), ("west", "West")], required=False)
    akkoord = forms.BooleanField(label="Ik heb alles naar waarheid ingevuld")
    gebied = forms.ChoiceField(label="Gebied", choices=[("", "—"), ("oost", "Oost")], required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("naam") == "dubbel":
            raise forms.ValidationError("Deze groep heeft al een aanvraag.")
        return cleaned


def test_an_unbound_form_has_labels_descriptions_and_no_error_markup():
    page = lees(str(Voorbeeld()))

    naam = page.een("input", id="id_naam")
    assert {"utrecht-textbox", "utrecht-textbox--html-input"} <= naam.klassen
    assert naam.attrs["aria-describedby"] == "id_naam_helptext"
    assert page.een(id="id_naam_helptext").tekst == "Zoals de buurt u kent."
    assert "utrecht-form-field-description" in page.een(id="id_naam_helptext").klassen
    label = page.een("label", for_="id_naam")
    assert label.tekst == "Naam van de groep (verplicht)"
    assert page.een("label", for_="id_toelichting").tekst == "Toelichting"  # optional: no mark
    assert "utrecht-textarea" in page.een("textarea", id="id_toelichting").klassen
    assert "utrecht-select" in page.een("select", id="id_gebied").klassen
    assert "aria-invalid" not in naam.attrs
    assert not list(page.alle(class_="utrecht-form-field-error-message"))


def test_choice_groups_are_fieldsets_with_a_legend_and_a_label_per_option():
    page = lees(str(Voorbeeld()))

    for naam, legende, soort in [("soort", "Wat voor groep bent u? (verplicht)", "radio"),
                                 ("wijken", "In welke wijken?", "checkbox")]:
        groep = page.een("div", id=f"id_{naam}")
        fieldset = next(v for v in groep.voorouders() if v.tag == "fieldset")
        assert fieldset.een("legend").tekst == legende
        eerste = page.een("input", id=f"id_{naam}_0")
        assert eerste.attrs["type"] == soort
        assert page.een("label", for_=f"id_{naam}_0").tekst in ("Buurtgroep", "Oost")
    assert "utrecht-radio-button" in page.een("input", id="id_soort_1").klassen
    assert "utrecht-checkbox" in page.een("input", id="id_wijken_1").klassen
    akkoord = page.een("input", id="id_akkoord")
    assert "utrecht-checkbox" in akkoord.klassen
    assert not [v for v in akkoord.voorouders() if v.tag == "fieldset"]  # one checkbox: its own label is enough


def test_errors_are_linked_to_their_input_and_marked_invalid():
    form = Voorbeeld(data={"naam": "", "toelichting": "x"})
    page = lees(str(form))

    naam = page.een("input", id="id_naam")
    assert naam.attrs["aria-invalid"] == "true"
    assert naam.attrs["aria-describedby"].split() == ["id_naam_helptext", "id_naam_error"]
    assert "utrecht-textbox--invalid" in naam.klassen
    fout = page.een(id="id_naam_error")
    assert "utrecht-form-field-error-message" in fout.klassen
    assert fout.tekst == "Fout: Dit veld is vereist."  # "Fout:" for screen readers only
    veld = next(v for v in naam.voorouders() if "utrecht-form-field" in v.klassen)
    assert "utrecht-form-field--invalid" in veld.klassen
    # A choice group: the fieldset points at the error; every option says it is invalid.
    fieldset = next(v for v in page.een("div", id="id_soort").voorouders() if v.tag == "fieldset")
    assert fieldset.attrs["aria-describedby"] == "id_soort_error"
    assert page.een(id="id_soort_error").tekst == "Fout: Dit veld is vereist."
    assert all(optie.attrs.get("aria-invalid") == "true" for optie in page.alle("input", name="soort"))
    assert page.een("input", id="id_akkoord").attrs["aria-invalid"] == "true"
    assert "aria-invalid" not in page.een("textarea", id="id_toelichting").attrs  # valid fields are left alone


def test_the_error_summary_links_to_each_invalid_field_and_lists_form_wide_errors():
    form = Voorbeeld(data={"naam": "dubbel", "akkoord": "on"})
    assert not form.is_valid()

    page = lees(render_to_string("web/foutsamenvatting.html", {"form": form}))

    samenvatting = page.een("div", class_="utrecht-alert")
    assert "utrecht-alert--error" in samenvatting.klassen
    assert samenvatting.attrs["tabindex"] == "-1" and "data-foutsamenvatting" in samenvatting.attrs
    assert samenvatting.een("h2").tekst == "Er ging iets mis"
    punten = [li.tekst for li in samenvatting.alle("li")]
    assert "Deze groep heeft al een aanvraag." in punten
    links = {a.attrs["href"]: a.tekst for a in samenvatting.alle("a")}
    assert links == {"#id_soort_0": "Wat voor groep bent u?: Dit veld is vereist."}
    # The form itself shows the form-wide error too: it is not lost on a page that forgot the summary.
    bovenaan = next(lees(str(form)).alle(class_="utrecht-form-field-error-message"))
    assert bovenaan.tekst == "Fout: Deze groep heeft al een aanvraag."


def test_no_summary_without_errors():
    assert render_to_string("web/foutsamenvatting.html", {"form": Voorbeeld()}).strip() == ""
    assert render_to_string("web/foutsamenvatting.html", {"form": Voorbeeld(data={
        "naam": "De Buurt", "soort": "buurt", "akkoord": "on"})}).strip() == ""


@pytest.mark.django_db
def test_a_page_with_an_invalid_form_says_so_in_its_title():
    """Screen readers read the title first: "Fout: " tells at once that the form came back."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    sjabloon = "web/toegankelijkheid.html"
    met_fouten = render_to_string(sjabloon, {"form": Voorbeeld(data={}), "email": "x@example.org"}, request=request)
    zonder = render_to_string(sjabloon, {"form": Voorbeeld(), "email": "x@example.org"}, request=request)

    assert lees(met_fouten).een("title").tekst.startswith("Fout: Toegankelijkheid")
    assert lees(zonder).een("title").tekst.startswith("Toegankelijkheid")
