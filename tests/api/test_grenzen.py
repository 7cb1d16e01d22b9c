"""Bounds at the API's door: a text too long, a negative amount, a year 9999 or an end before the start is refused
with a 400 that names the field, when the draft is saved — not only at submission — and nothing is stored."""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import Aanvraag
from tests.accommodaties.factories import ExploitatiebegrotingFactory
from tests.api import assert_error, client_for
from tests.conftest import database_state
from tests.factories import PlafondFactory, breng_naar
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db

ROMAN = "x" * 2_000_000


def _geweigerd(response, veld: str) -> dict:
    """A 400 in the one error shape whose details name `veld`."""
    details = assert_error(response, 400, "ongeldige_invoer")["details"]
    assert veld in details, details
    return details


def _nieuw(organisatie, **anders) -> dict:
    regeling = PlafondFactory().regeling
    return {"regeling": regeling.pk, "organisatie": organisatie.pk, "titel": "Koffieochtend",
            "omschrijving": "Elke week koffie.", "gevraagd_bedrag": "1000.00", "periode_van": "2026-03-01",
            "periode_tot": "2026-06-30", **anders}


@pytest.mark.parametrize(("anders", "veld"), [
    pytest.param({"omschrijving": ROMAN}, "omschrijving", id="omschrijving-van-2-miljoen-tekens"),
    pytest.param({"werkplan": "x" * 20_001}, "werkplan", id="werkplan-te-lang"),
    pytest.param({"periode_van": "9999-01-01", "periode_tot": "9999-12-31"}, "periode_van", id="jaar-9999"),
    pytest.param({"periode_van": "1899-01-01"}, "periode_van", id="jaar-1899"),
    pytest.param({"periode_van": "2026-06-30", "periode_tot": "2026-03-01"}, "periode_tot", id="einde-voor-begin"),
    pytest.param({"gevraagd_bedrag": "1000000000.00"}, "gevraagd_bedrag", id="bedrag-boven-het-plafond-van-de-invoer"),
    pytest.param({"begroting": [{"soort": "kosten", "omschrijving": "Koffie", "bedrag": "-100.00"}]}, "begroting",
                 id="begrotingsregel-min-100"),
    pytest.param({"begroting": [{"soort": "dekking", "omschrijving": "Eigen bijdrage", "bedrag": "-100.00"}]},
                 "begroting", id="dekking-min-100"),
])
def test_a_new_draft_out_of_bounds_is_refused_and_nothing_is_stored(aanvrager, organisatie, vandaag, anders, veld):
    vandaag(dt.date(2026, 2, 2))
    data = _nieuw(organisatie, **anders)
    voor = database_state()
    _geweigerd(client_for(aanvrager).post("/api/aanvragen/", data, format="json"), veld)
    assert database_state() == voor


@pytest.mark.parametrize(("anders", "veld"), [
    pytest.param({"omschrijving": ROMAN}, "omschrijving", id="omschrijving-van-2-miljoen-tekens"),
    pytest.param({"periode_tot": "9999-12-31"}, "periode_tot", id="jaar-9999"),
    pytest.param({"periode_tot": "2025-12-31"}, "periode_tot", id="einde-voor-het-bewaarde-begin"),
    pytest.param({"begroting": [{"soort": "kosten", "omschrijving": "Zaalhuur", "bedrag": "-100"}]}, "begroting",
                 id="begrotingsregel-min-100"),
])
def test_changing_a_draft_out_of_bounds_is_refused_at_once(aanvrager, concept, vandaag, anders, veld):
    """Already when the draft is saved, not first at indienen: the draft keeps what it had."""
    vandaag(dt.date(2026, 2, 2))
    concept.periode_van, concept.periode_tot = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    concept.save()
    voor = database_state()
    details = _geweigerd(client_for(aanvrager).patch(f"/api/aanvragen/{concept.pk}/", anders, format="json"), veld)
    assert database_state() == voor
    if veld == "periode_tot":
        assert any(" / " in fout for fout in details[veld]), "a message in Dutch and English"


def test_the_end_before_the_start_names_the_field_in_both_languages(aanvrager, concept):
    response = client_for(aanvrager).patch(f"/api/aanvragen/{concept.pk}/", {
        "periode_van": "2026-06-30", "periode_tot": "2026-03-01"}, format="json")
    assert _geweigerd(response, "periode_tot")["periode_tot"] == [
        "De einddatum ligt vóór de begindatum. / The end date is before the start date."]


def test_a_multi_year_draft_longer_than_the_regeling_allows_is_refused_when_saved(aanvrager, organisatie, vandaag):
    vandaag(dt.date(2026, 2, 2))
    regeling = PlafondFactory(regeling__meerjarig=True, regeling__max_boekjaren=2).regeling
    data = {**_nieuw(organisatie, periode_van="2027-01-01", periode_tot="2029-12-31"), "regeling": regeling.pk}
    details = _geweigerd(client_for(aanvrager).post("/api/aanvragen/", data, format="json"), "periode_tot")
    assert "ten hoogste 2 boekjaren" in details["periode_tot"][0]
    assert not Aanvraag.objects.exists()


def test_a_draft_within_bounds_is_still_saved(aanvrager, organisatie, vandaag):
    vandaag(dt.date(2026, 2, 2))
    data = _nieuw(organisatie, omschrijving="x" * 10_000, periode_tot="2036-12-31",
                  begroting=[{"soort": "dekking", "omschrijving": "Eigen bijdrage", "bedrag": "0.01"}])
    response = client_for(aanvrager).post("/api/aanvragen/", data, format="json")
    assert response.status_code == 201, response.content
    assert Aanvraag.objects.get().begroting.get().bedrag == Decimal("0.01")


def test_a_family_line_out_of_bounds_is_refused(aanvrager, organisatie):
    """The accommodation family: an exploitation budget line above the cap, and a year 9999."""
    begroting = ExploitatiebegrotingFactory(accommodatie__bestuur=organisatie)
    client = client_for(aanvrager)
    voor = database_state()
    response = client.patch(f"/api/exploitatiebegrotingen/{begroting.pk}/", {
        "regels": [{"post": "energie", "bedrag": "1000000000.00"}]}, format="json")
    _geweigerd(response, "regels")
    _geweigerd(client.patch(f"/api/exploitatiebegrotingen/{begroting.pk}/", {"boekjaar": 9999}, format="json"),
               "boekjaar")
    assert database_state() == voor


def test_the_initiative_family_refuses_what_its_model_refuses(aanvrager, concept):
    initiatief = InitiatiefFactory(aanvraag=concept)
    voor = database_state()
    response = client_for(aanvrager).patch(f"/api/initiatieven/{initiatief.pk}/", {
        "verwachte_deelnemers": 10_000_001}, format="json")
    _geweigerd(response, "verwachte_deelnemers")
    assert database_state() == voor


def test_a_transition_date_far_ahead_is_refused(behandelaar, concept):
    """A report due in 9999 passes the serializer (a date) and is refused by the transition itself."""
    subsidie = breng_naar(concept, "verleend").subsidie
    response = client_for(behandelaar).post(f"/api/subsidies/{subsidie.pk}/acties/verantwoording_vragen/",
                                            {"uiterlijk": "9999-12-31"}, format="json")
    assert assert_error(response, 400, "termijn_ongeldig")["details"] == {"velden": ["uiterlijk"]}


def test_the_schema_shows_the_bounds(db):
    schema = client_for().get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    aanvraag = schema["AanvraagRequest"]["properties"]
    assert (aanvraag["omschrijving"]["maxLength"], aanvraag["werkplan"]["maxLength"]) == (10_000, 20_000)
    bedrag = schema["BegrotingsregelRequest"]["properties"]["bedrag"]
    assert (bedrag["minimum"], bedrag["maximum"]) == (0.01, 999999999.99)
    assert bedrag["pattern"] == r"^\d{0,9}(?:\.\d{0,2})?$", "no minus sign, at most nine whole digits"
    assert schema["ExploitatiebegrotingRequest"]["properties"]["boekjaar"]["maximum"] == 2100
