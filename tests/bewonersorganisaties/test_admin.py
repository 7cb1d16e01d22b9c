"""The beheerder keeps the register in the admin: filtered by registration, wijken checked against the gebied,
every save in the trail."""
import pytest
from django.utils import timezone

from bewonersorganisaties.models import Bewonersorganisatie
from tests.conftest import in_beheer
from tests.factories import GebiedFactory, WijkFactory
from workflows.models import AuditRecord

from .factories import BewonersorganisatieFactory

pytestmark = pytest.mark.django_db
URL = "/admin/bewonersorganisaties/bewonersorganisatie/"


@pytest.fixture
def admin_client(client, beheerder):
    return in_beheer(client, beheerder)


def test_the_changelist_filters_on_registration_today(admin_client):
    BewonersorganisatieFactory(organisatie__naam="Wijkraad Beijum")
    BewonersorganisatieFactory(organisatie__naam="Buurtvereniging Stationsgebied", afgemeld_op=timezone.localdate(),
                               reden_afmelding="Opgeheven.")

    geregistreerd = admin_client.get(URL, {"geregistreerd": "ja"}).content.decode()
    afgemeld = admin_client.get(URL, {"geregistreerd": "nee"}).content.decode()

    assert "Wijkraad Beijum" in geregistreerd and "Stationsgebied" not in geregistreerd
    assert "Stationsgebied" in afgemeld and "Wijkraad Beijum" not in afgemeld


def test_a_wijk_outside_the_gebied_is_refused_and_a_good_change_is_audited(admin_client, beheerder):
    registratie = BewonersorganisatieFactory()
    formulier = {"organisatie": registratie.organisatie.pk, "soort": "wijk", "gebied": registratie.gebied.pk,
                 "registratiedatum": "2015-03-01", "aantal_bewoners": 4300, "werkgebied": "", "reden_afmelding": ""}
    elders = WijkFactory(gebied=GebiedFactory(naam="Buiten de gemeente"), naam="Elders")

    fout = admin_client.post(f"{URL}{registratie.pk}/change/", {**formulier, "wijken": [elders.pk]})
    assert fout.status_code == 200 and "Niet in het gekozen gebied: Elders" in fout.content.decode()

    eigen = registratie.wijken.get()
    goed = admin_client.post(f"{URL}{registratie.pk}/change/", {**formulier, "wijken": [eigen.pk]})
    assert goed.status_code == 302
    assert Bewonersorganisatie.objects.get().aantal_bewoners == 4300
    record = AuditRecord.objects.get(object_type__model="bewonersorganisatie", object_id=str(registratie.pk),
                                     actie="gewijzigd",
                                     wijzigingen__has_key="aantal_bewoners")
    assert (record.actor, record.wijzigingen["aantal_bewoners"]) == (beheerder, [4200, 4300])
