"""The register through the API: per boekjaar who was registered and who was subsidised, filters, one query per
page whatever its size; behandelaars and beheerders keep it, every change in the trail; the advice provider."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bewonersorganisaties.models import Bewonersorganisatie
from subsidies import families
from subsidies.models import Gebied
from subsidies.rollen import Rol
from tests.api import assert_error, client_for
from tests.factories import (
    GebiedFactory, OrganisatieFactory, PlafondFactory, WijkFactory, breng_naar, maak_gebruiker,
)
from workflows.models import AuditRecord
from workflows.transitions import perform

from .factories import BewonersorganisatieFactory, FormuleFactory, jaaraanvraag

pytestmark = pytest.mark.django_db
JAAR = timezone.localdate().year
URL = "/api/bewonersorganisaties/"


def register(user, **params) -> dict[str, dict]:
    response = client_for(user).get(URL, {"page_size": 200, **params})
    assert response.status_code == 200, response.content
    return {rij["naam"]: rij for rij in response.json()["results"]}


@pytest.fixture
def gesubsidieerd(aanvrager):
    """Beijum granted € 6,330 by the formula this year; Lewenborg's award was withdrawn; Selwerd asked nothing;
    Glimmen was deregistered on 1 July of last year."""
    regeling = FormuleFactory().regeling
    beijum, lewenborg, selwerd = (BewonersorganisatieFactory(organisatie__naam=naam, organisatie__leden=[aanvrager])
                                  for naam in ("Wijkraad Beijum", "Wijkraad Lewenborg", "Bewonersorganisatie Selwerd"))
    BewonersorganisatieFactory(organisatie__naam="Dorpsbelangen Glimmen", soort="dorp",
                               afgemeld_op=dt.date(JAAR - 1, 7, 1), reden_afmelding="opgegaan in Dorpsbelangen Haren")
    breng_naar(jaaraanvraag(beijum.organisatie, regeling), "verleend", aanvrager=aanvrager)
    subsidie = breng_naar(jaaraanvraag(lewenborg.organisatie, regeling), "verleend", aanvrager=aanvrager).subsidie
    perform(subsidie, "intrekken", maak_gebruiker(Rol.BESLISSER), reden="De wijkraad is gestopt met haar activiteiten.")
    return regeling


def test_per_boekjaar_which_are_registered_and_which_are_subsidised(gesubsidieerd, aanvrager):
    stand = {naam: (rij["geregistreerd"], rij["gesubsidieerd"], rij["subsidiebedrag"])
             for naam, rij in register(aanvrager).items()}  # the current year by default
    assert stand == {
        "Wijkraad Beijum": (True, True, "6330.00"),
        "Wijkraad Lewenborg": (True, False, "0.00"),  # withdrawn
        "Bewonersorganisatie Selwerd": (True, False, "0.00"),
        "Dorpsbelangen Glimmen": (False, False, "0.00"),
    }
    assert register(aanvrager, boekjaar=JAAR - 1)["Dorpsbelangen Glimmen"]["geregistreerd"] is True
    assert not any(rij["gesubsidieerd"] for rij in register(aanvrager, boekjaar=JAAR + 1).values())
    assert set(register(aanvrager, gesubsidieerd="true")) == {"Wijkraad Beijum"}
    assert set(register(aanvrager, geregistreerd="false")) == {"Dorpsbelangen Glimmen"}


def test_a_grant_under_another_family_does_not_count(aanvrager):
    registratie = BewonersorganisatieFactory(organisatie__naam="Wijkraad Paddepoel", organisatie__leden=[aanvrager])
    breng_naar(jaaraanvraag(registratie.organisatie, PlafondFactory().regeling), "verleend", aanvrager=aanvrager)

    assert register(aanvrager)["Wijkraad Paddepoel"]["gesubsidieerd"] is False


def test_filters_gebied_wijk_and_soort(aanvrager):
    oost, west = GebiedFactory(naam="Oost"), GebiedFactory(naam="West")
    beijum = WijkFactory(gebied=oost, naam="Beijum")
    BewonersorganisatieFactory(organisatie__naam="Wijkraad Beijum", organisatie__gebied=oost, wijken=[beijum])
    BewonersorganisatieFactory(organisatie__naam="Bewonersvereniging Meerstad", organisatie__gebied=oost,
                               wijken=[WijkFactory(gebied=oost, naam="Meerstad")])
    BewonersorganisatieFactory(organisatie__naam="Dorpsbelangen Hoogkerk", organisatie__gebied=west, soort="dorp")

    assert set(register(aanvrager, gebied=oost.pk)) == {"Wijkraad Beijum", "Bewonersvereniging Meerstad"}
    assert set(register(aanvrager, wijk=beijum.pk)) == {"Wijkraad Beijum"}
    assert set(register(aanvrager, soort="dorp")) == {"Dorpsbelangen Hoogkerk"}
    assert_error(client_for(aanvrager).get(URL, {"boekjaar": "twintig"}), 400, "ongeldige_invoer")


def test_a_page_costs_the_same_queries_whatever_its_size(gesubsidieerd, behandelaar):
    def queries(page_size):
        with CaptureQueriesContext(connection) as context:
            response = client_for(behandelaar).get(URL, {"page_size": page_size})
        assert len(response.json()["results"]) == page_size
        return len(context.captured_queries)

    for _ in range(6):
        BewonersorganisatieFactory()
    assert queries(2) == queries(10) <= 4  # roles, count, the page with its annotations, the wijken


@pytest.fixture
def nieuw(db):
    """A vereniging in West, not yet registered, and what a behandelaar fills in to register it."""
    west = Gebied.objects.get_or_create(naam="West")[0]
    organisatie = OrganisatieFactory(naam="Buurtvereniging De Held", rechtsvorm="vereniging", gebied=west)
    wijk = WijkFactory(gebied=west, naam="De Held")
    return {"organisatie": organisatie.pk, "soort": "buurt", "gebied": west.pk, "wijken": [wijk.pk],
            "werkgebied": "De Held, ten westen van het Reitdiep", "aantal_bewoners": 85,
            "registratiedatum": str(timezone.localdate())}


def test_a_behandelaar_registers_an_organisation_and_the_trail_records_it(nieuw, behandelaar):
    response = client_for(behandelaar).post(URL, nieuw, format="json")

    assert response.status_code == 201, response.content
    rij = response.json()
    assert (rij["naam"], rij["geregistreerd"], rij["gesubsidieerd"], rij["wijken"]) == (
        "Buurtvereniging De Held", True, False, nieuw["wijken"])
    record = AuditRecord.objects.get(object_type__model="bewonersorganisatie", actie="aangemaakt")
    assert (record.actor, record.wijzigingen["aantal_bewoners"]) == (behandelaar, [None, 85])
    assert AuditRecord.objects.filter(object_type__model="bewonersorganisatie", object_id=str(rij["id"]),
                                      actie="gewijzigd", wijzigingen__has_key="wijken").exists()


@pytest.mark.parametrize(("wijziging", "veld"), [
    ({"afgemeld_op": "2030-01-01"}, "reden_afmelding"),  # a deregistration gives its reason
    ({"afgemeld_op": "2000-01-01", "reden_afmelding": "Opgeheven."}, "afgemeld_op"),  # before registration
    ({"wijken": "elders"}, "wijken"),  # a wijk of another gebied
    ({"organisatie": "andere"}, "organisatie"),  # a registration stays with its organisation
    ({"aantal_bewoners": 0}, "aantal_bewoners"),
])
def test_register_changes_are_checked(beheerder, wijziging, veld):
    registratie = BewonersorganisatieFactory(registratiedatum=dt.date(2015, 3, 1))
    vervang = {"elders": [WijkFactory(gebied=GebiedFactory(naam="Buiten de gemeente")).pk],
               "andere": OrganisatieFactory().pk}
    wijziging = {k: vervang.get(v, v) if isinstance(v, str) else v for k, v in wijziging.items()}

    response = client_for(beheerder).patch(f"{URL}{registratie.pk}/", wijziging, format="json")

    assert veld in assert_error(response, 400, "ongeldige_invoer")["details"]


def test_deregistering_is_a_change_with_date_and_reason(beheerder):
    registratie = BewonersorganisatieFactory(registratiedatum=dt.date(2015, 3, 1))

    response = client_for(beheerder).patch(f"{URL}{registratie.pk}/", {
        "afgemeld_op": str(timezone.localdate()), "reden_afmelding": "Opgeheven: geen bestuur meer."}, format="json")

    assert response.status_code == 200 and response.json()["geregistreerd"] is True  # registered part of this year
    registratie.refresh_from_db()
    assert not registratie.geregistreerd_op(timezone.localdate())


@pytest.mark.parametrize(("rol", "lezen", "schrijven"), [
    (None, 401, 401), (Rol.AANVRAGER, 200, 403), (Rol.BEHANDELAAR, 200, 200), (Rol.BESLISSER, 200, 403),
    (Rol.AUDITOR, 200, 403), (Rol.BEHEERDER, 200, 200),
])
def test_everyone_logged_in_reads_the_register_behandelaar_and_beheerder_keep_it(rol, lezen, schrijven):
    registratie = BewonersorganisatieFactory()
    client = client_for(maak_gebruiker(rol) if rol else None)

    assert client.get(f"{URL}{registratie.pk}/").status_code == lezen
    assert client.patch(f"{URL}{registratie.pk}/", {"aantal_bewoners": 5000}, format="json").status_code == schrijven
    assert client.delete(f"{URL}{registratie.pk}/").status_code in (401, 403, 405)
    assert Bewonersorganisatie.objects.get().aantal_bewoners == (5000 if schrijven == 200 else 4200)


def test_advice_on_plans_for_a_wijk_goes_to_its_registered_bewonersorganisaties():
    vandaag = timezone.localdate()
    gebied = GebiedFactory(naam="Oude Wijken")
    hoogte, korrewegwijk = WijkFactory(gebied=gebied, naam="De Hoogte"), WijkFactory(gebied=gebied, naam="Korrewegwijk")
    wijkraad = BewonersorganisatieFactory(organisatie__naam="Wijkraad De Hoogte", organisatie__gebied=gebied,
                                          wijken=[hoogte, korrewegwijk])
    buurt = BewonersorganisatieFactory(organisatie__naam="Buurtvereniging Hoogte-Oost", organisatie__gebied=gebied,
                                       soort="buurt", wijken=[hoogte])
    BewonersorganisatieFactory(organisatie__gebied=gebied, wijken=[hoogte], afgemeld_op=vandaag,
                               reden_afmelding="Opgeheven.")
    BewonersorganisatieFactory(organisatie__gebied=gebied, wijken=[hoogte], registratiedatum=vandaag + dt.timedelta(1))

    assert families.adviseurs(hoogte) == [buurt.organisatie, wijkraad.organisatie]
    assert families.adviseurs(korrewegwijk) == [wijkraad.organisatie]
    assert families.adviseurs(WijkFactory(gebied=gebied, naam="Oosterparkwijk")) == []
