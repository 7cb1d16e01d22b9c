"""Accommodaties: exploitatie against the approved exploitation budget (its deficit offered per year), onderhoud
against the MJOP."""
from decimal import Decimal

from accommodaties.models import Accommodatiegegevens
from subsidies.models import Aanvraag
from tests.accommodaties.factories import (
    AccommodatieFactory, OnderhoudspostFactory, beoordeelde_begroting, exploitatie_regeling, onderhoud_regeling,
)
from workflows.models import Bericht

from .aanvragen import JAAR, bewoner, ingelogd, oost, start, stap, stichting, url  # noqa: F401 - fixtures


def test_an_exploitatiesubsidie_offers_each_years_approved_deficit(ingelogd, stichting):
    regeling = exploitatie_regeling(JAAR + 1, 4)
    accommodatie = AccommodatieFactory(bestuur=stichting, naam="Wijkcentrum De Schakel")
    AccommodatieFactory(naam="Buurthuis van een ander")
    beoordeelde_begroting(accommodatie, JAAR + 1)  # € 90,000 costs, € 30,000 own income: € 60,000 deficit
    aanvraag = start(ingelogd, regeling, stichting)

    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "accommodatie")).content.decode()
    assert "Wijkcentrum De Schakel" in pagina and "Buurthuis van een ander" not in pagina
    stap(ingelogd, aanvraag, "accommodatie", {"accommodatie": accommodatie.pk, "titel": "Exploitatie De Schakel",
                                             "omschrijving": "Open huis voor de wijk, vijf dagen per week."})
    assert stap(ingelogd, aanvraag, "jaren", {"van_jaar": JAAR + 1, "tot_jaar": JAAR + 2}).url == url(
        "aanvraag_stap", aanvraag, "bedrag")
    bedrag = ingelogd.get(url("aanvraag_stap", aanvraag, "bedrag")).content.decode()
    assert "het tekort is € 60.000,00" in bedrag and 'value="60000,00"' in bedrag
    assert f"Voor {JAAR + 2} is er nog geen goedgekeurde exploitatiebegroting" in bedrag

    stap(ingelogd, aanvraag, "bedrag", {f"jaar_{JAAR + 1}": "60000,00", f"jaar_{JAAR + 2}": "60000,00"})
    stap(ingelogd, aanvraag, "werkplan", {"werkplan": "Inloop, koor en peuterspeelgroep."})
    stap(ingelogd, aanvraag, "bijlagen", {})
    geweigerd = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert geweigerd.status_code == 400 and "goedgekeurde exploitatiebegroting" in geweigerd.content.decode()
    assert not Accommodatiegegevens.objects.filter(aanvraag=aanvraag).exists()  # nothing of the attempt stays

    beoordeelde_begroting(accommodatie, JAAR + 2)
    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND and aanvraag.gevraagd_bedrag == Decimal("120000.00")
    assert aanvraag.accommodatiegegevens.accommodatie == accommodatie and aanvraag.gebied == accommodatie.gebied
    assert Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}").exists()


def test_an_onderhoudssubsidie_chooses_items_of_the_mjop(ingelogd, stichting):
    regeling = onderhoud_regeling()
    accommodatie = AccommodatieFactory(bestuur=stichting)
    dak = OnderhoudspostFactory(accommodatie=accommodatie, element="Dakbedekking", geraamde_kosten=Decimal("18000"))
    OnderhoudspostFactory(accommodatie=accommodatie, element="Cv-ketel", jaar=JAAR + 2)
    aanvraag = start(ingelogd, regeling, stichting)
    stap(ingelogd, aanvraag, "accommodatie", {"accommodatie": accommodatie.pk, "titel": "Nieuw dak",
                                             "omschrijving": "Het platte dak lekt."})
    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "onderhoud")).content.decode()
    assert f"{JAAR + 1} — Dakbedekking" in pagina and "Cv-ketel" in pagina
    stap(ingelogd, aanvraag, "onderhoud", {"onderhoudsposten": [dak.pk], "gevraagd_bedrag": "20000"})
    stap(ingelogd, aanvraag, "bijlagen", {})

    geweigerd = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert geweigerd.status_code == 400 and "meer dan de geraamde kosten" in geweigerd.content.decode()
    assert url("aanvraag_stap", aanvraag, "onderhoud") in geweigerd.content.decode()

    stap(ingelogd, aanvraag, "onderhoud", {"onderhoudsposten": [dak.pk], "gevraagd_bedrag": "18000"})
    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND and aanvraag.periode_van.year == JAAR + 1
    assert list(aanvraag.accommodatiegegevens.onderhoudsposten.all()) == [dak]


def test_the_exploitatie_pages_stay_within_20_queries(ingelogd, stichting, django_assert_max_num_queries):
    regeling = exploitatie_regeling(JAAR + 1, 4)
    accommodatie = AccommodatieFactory(bestuur=stichting)
    for jaar in range(JAAR + 1, JAAR + 5):
        beoordeelde_begroting(accommodatie, jaar)
    aanvraag = start(ingelogd, regeling, stichting)
    stap(ingelogd, aanvraag, "accommodatie", {"accommodatie": accommodatie.pk, "titel": "Exploitatie",
                                             "omschrijving": "Open huis."})
    stap(ingelogd, aanvraag, "jaren", {"van_jaar": JAAR + 1, "tot_jaar": JAAR + 4})
    stap(ingelogd, aanvraag, "bedrag", {f"jaar_{jaar}": "60000" for jaar in range(JAAR + 1, JAAR + 5)})
    stap(ingelogd, aanvraag, "werkplan", {"werkplan": "Inloop."})
    for slug in ("accommodatie", "jaren", "bedrag", "werkplan", "bijlagen"):
        with django_assert_max_num_queries(20):
            assert ingelogd.get(url("aanvraag_stap", aanvraag, slug)).status_code == 200
    for naam in ("aanvraag_invullen", "aanvraag_controleren"):
        with django_assert_max_num_queries(20):
            assert ingelogd.get(url(naam, aanvraag)).status_code == 200
