"""The register of accommodaties: what it holds and validates, and who reads and keeps it through the API."""
import pytest
from django.core.exceptions import ValidationError

from accommodaties.models import Accommodatie
from subsidies.rollen import Rol
from tests.accommodaties.factories import AccommodatieFactory
from tests.api import assert_error, client_for
from tests.factories import GebiedFactory, OrganisatieFactory, WijkFactory, maak_gebruiker
from workflows.models import AuditRecord

pytestmark = pytest.mark.django_db

NIEUW = {"naam": "Dorpshuis De Borg", "soort": "dorpshuis", "straat": "Hoofdweg 12", "postcode": "9791 AB",
         "plaats": "Ten Boer", "eigendom": "eigenaar", "vloeroppervlak": 420, "openingsuren": "di–za 13–23 uur",
         "activiteiten": "Soos, biljart, dorpsmaaltijd", "gebruikers_per_week": 180}


def test_a_wijk_of_another_gebied_a_bad_postcode_and_a_board_that_is_not_a_legal_person_are_refused():
    oost, west = GebiedFactory(naam="Oost"), GebiedFactory(naam="West")
    groep = OrganisatieFactory(rechtsvorm="initiatiefgroep", kvk_nummer="")
    accommodatie = AccommodatieFactory.build(gebied=oost, wijk=WijkFactory(gebied=west, naam="Vinkhuizen"),
                                             bestuur=groep, postcode="1234")
    with pytest.raises(ValidationError) as fout:
        accommodatie.full_clean()
    assert set(fout.value.message_dict) == {"wijk", "bestuur", "postcode"}


@pytest.fixture
def register():
    """Three accommodations in two gebieden; the lid sits on the board of the first."""
    lid = maak_gebruiker(Rol.AANVRAGER)
    oost, haren = GebiedFactory(naam="Oost"), GebiedFactory(naam="Haren")
    eigen = AccommodatieFactory(naam="Wijkcentrum Beijum", gebied=oost, bestuur=OrganisatieFactory(leden=[lid]))
    speeltuin = AccommodatieFactory(naam="Speeltuin Lewenborg", gebied=oost, soort="speeltuin", eigendom="huurder")
    dorpshuis = AccommodatieFactory(naam="Dorpshuis Onnen", gebied=haren, soort="dorpshuis", plaats="Onnen")
    return {"lid": lid, "eigen": eigen, "speeltuin": speeltuin, "dorpshuis": dorpshuis, "oost": oost,
            "haren": haren}


def _namen(client, **params):
    response = client.get("/api/accommodaties/", params)
    assert response.status_code == 200, response.content
    return {rij["naam"] for rij in response.json()["results"]}


@pytest.mark.parametrize("rol", [Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR, Rol.BEHEERDER])
def test_staff_auditors_and_beheerders_read_the_whole_register(register, rol):
    assert _namen(client_for(maak_gebruiker(rol))) == {"Wijkcentrum Beijum", "Speeltuin Lewenborg", "Dorpshuis Onnen"}


def test_a_board_member_sees_only_their_own_accommodation(register):
    lid, ander = client_for(register["lid"]), client_for(maak_gebruiker(Rol.AANVRAGER))
    assert _namen(lid) == {"Wijkcentrum Beijum"}
    assert lid.get(f"/api/accommodaties/{register['eigen'].pk}/").json()["bestuur"] == register["eigen"].bestuur_id
    assert_error(lid.get(f"/api/accommodaties/{register['speeltuin'].pk}/"), 404)
    assert _namen(ander) == set()
    assert_error(client_for().get("/api/accommodaties/"), 401, "niet_ingelogd")


def test_the_register_filters_on_gebied_soort_and_eigendom(register):
    client = client_for(maak_gebruiker(Rol.BEHANDELAAR))
    assert _namen(client, gebied=register["oost"].pk) == {"Wijkcentrum Beijum", "Speeltuin Lewenborg"}
    assert _namen(client, gebied=register["haren"].pk) == {"Dorpshuis Onnen"}
    assert _namen(client, soort="speeltuin") == {"Speeltuin Lewenborg"}
    assert _namen(client, soort=["speeltuin", "dorpshuis"]) == {"Speeltuin Lewenborg", "Dorpshuis Onnen"}
    assert _namen(client, eigendom="huurder") == {"Speeltuin Lewenborg"}
    assert _namen(client, eigendom="eigenaar", gebied=register["oost"].pk) == {"Wijkcentrum Beijum"}
    assert_error(client.get("/api/accommodaties/", {"soort": "kasteel"}), 400)


@pytest.mark.parametrize("rol", [Rol.BEHANDELAAR, Rol.BEHEERDER])
def test_behandelaars_and_beheerders_keep_the_register_and_every_change_is_audited(rol):
    gebied, bestuur = GebiedFactory(naam="Ten Boer"), OrganisatieFactory(rechtsvorm="vereniging")
    client = client_for(maak_gebruiker(rol))
    response = client.post("/api/accommodaties/", {**NIEUW, "gebied": gebied.pk, "bestuur": bestuur.pk}, format="json")
    assert response.status_code == 201, response.content
    accommodatie = Accommodatie.objects.get(pk=response.json()["id"])
    response = client.patch(f"/api/accommodaties/{accommodatie.pk}/", {"eigendom": "huurder"}, format="json")
    assert response.status_code == 200 and response.json()["eigendom"] == "huurder"
    wijziging = AuditRecord.objects.filter(object_id=str(accommodatie.pk), actie="gewijzigd").get()
    assert wijziging.wijzigingen == {"eigendom": ["eigenaar", "huurder"]}


@pytest.mark.parametrize("rol", [Rol.AANVRAGER, Rol.AUDITOR, Rol.BESLISSER])
def test_board_members_auditors_and_beslissers_do_not_change_the_register(register, rol):
    gebruiker = register["lid"] if rol == Rol.AANVRAGER else maak_gebruiker(rol)
    client = client_for(gebruiker)
    assert_error(client.patch(f"/api/accommodaties/{register['eigen'].pk}/", {"eigendom": "huurder"}, format="json"),
                 403, "geen_toestemming")
    assert_error(client.post("/api/accommodaties/", {**NIEUW, "gebied": register["oost"].pk,
                                                     "bestuur": register["eigen"].bestuur_id}, format="json"), 403)


def test_the_api_refuses_invalid_register_data_with_the_field_and_reason():
    client = client_for(maak_gebruiker(Rol.BEHEERDER))
    oost, west = GebiedFactory(naam="Oost"), GebiedFactory(naam="West")
    groep = OrganisatieFactory(rechtsvorm="initiatiefgroep", kvk_nummer="")
    body = assert_error(client.post("/api/accommodaties/", {
        **NIEUW, "gebied": oost.pk, "wijk": WijkFactory(gebied=west).pk, "bestuur": groep.pk, "postcode": "99"},
        format="json"), 400, "ongeldige_invoer")
    assert "postcode" in body["details"]
    body = assert_error(client.post("/api/accommodaties/", {
        **NIEUW, "gebied": oost.pk, "wijk": WijkFactory(gebied=west).pk, "bestuur": groep.pk}, format="json"), 400)
    assert {"wijk", "bestuur"} <= set(body["details"])
