"""A bewonersorganisatie applies yearly; the amount follows the regeling's formula and is filled in for them."""
from decimal import Decimal

from subsidies.models import Aanvraag
from tests.bewonersorganisaties.factories import BewonersorganisatieFactory, FormuleFactory
from workflows.models import Bericht

from .aanvragen import JAAR, bewoner, ingelogd, start, stap, url  # noqa: F401 - fixtures


def test_a_bewonersorganisatie_gets_the_formulas_amount_without_computing(ingelogd, bewoner):
    formule = FormuleFactory()  # € 1,500 + € 1.15 per resident
    registratie = BewonersorganisatieFactory(aantal_bewoners=4200)  # € 6,330
    registratie.organisatie.leden.add(bewoner)
    aanvraag = start(ingelogd, formule.regeling, registratie.organisatie)

    assert stap(ingelogd, aanvraag, "jaar", {"van_jaar": JAAR, "omschrijving": "Wijkkrant en buurtfeest."}).url == url(
        "aanvraag_stap", aanvraag, "bedrag")
    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "bedrag")).content.decode()
    assert f"Bedrag volgens de regeling voor {JAAR}" in pagina and "€ 6.330,00" in pagina
    assert 'value="6330,00"' in pagina  # already filled in
    stap(ingelogd, aanvraag, "bedrag", {"gevraagd_bedrag": "6330,00"})
    stap(ingelogd, aanvraag, "bijlagen", {})
    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)

    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    assert (aanvraag.gevraagd_bedrag, aanvraag.boekjaar) == (Decimal("6330.00"), JAAR)
    assert aanvraag.titel == f"{registratie.organisatie.naam} {JAAR}"
    assert aanvraag.voorgesteld_volgens_regels() == Decimal("6330.00")
    assert Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}").exists()


def test_an_unregistered_organisation_is_told_why_and_keeps_its_draft(ingelogd, bewoner):
    from tests.factories import OrganisatieFactory

    formule = FormuleFactory()
    organisatie = OrganisatieFactory(naam="Buurtvereniging Nieuw", leden=[bewoner])
    aanvraag = start(ingelogd, formule.regeling, organisatie)
    stap(ingelogd, aanvraag, "jaar", {"van_jaar": JAAR, "omschrijving": "Buurtfeest."})
    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "bedrag")).content.decode()
    assert "Wij kunnen het bedrag nu niet uitrekenen" in pagina
    stap(ingelogd, aanvraag, "bedrag", {"gevraagd_bedrag": "5000"})
    stap(ingelogd, aanvraag, "bijlagen", {})
    geweigerd = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert geweigerd.status_code == 400 and "niet geregistreerd als bewonersorganisatie" in geweigerd.content.decode()
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Aanvraag.Status.CONCEPT
