"""The family data through the API: the applicant writes it while the request is a draft, the behandelaar sees it
with the figures it is checked against; the MJOP stays as it was once a request relies on it."""
from decimal import Decimal

import pytest

from accommodaties.models import Accommodatiegegevens
from subsidies.rollen import Rol
from tests.accommodaties.factories import (
    JAAR, OnderhoudspostFactory, beoordeelde_begroting, exploitatie_aanvraag,
    exploitatie_regeling, onderhoud_aanvraag, onderhoud_regeling,
)
from tests.api import assert_error, client_for
from tests.factories import AanvraagFactory, maak_gebruiker, meerjarige_aanvraag
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


def test_the_applicant_links_a_draft_to_the_accommodation_and_its_mjop_items(accommodatie, bestuurslid):
    dak = OnderhoudspostFactory(accommodatie=accommodatie, geraamde_kosten=Decimal("21000.00"))
    ketel = OnderhoudspostFactory(accommodatie=accommodatie, geraamde_kosten=Decimal("9000.00"))
    aanvraag = AanvraagFactory(regeling=onderhoud_regeling(), organisatie=accommodatie.bestuur,
                               gevraagd_bedrag=Decimal("25000.00"))
    lid = client_for(bestuurslid)
    response = lid.post("/api/accommodatiegegevens/", {"aanvraag": aanvraag.pk, "accommodatie": accommodatie.pk,
                                                       "onderhoudsposten": [dak.pk]}, format="json")
    assert response.status_code == 201, response.content
    url = f"/api/accommodatiegegevens/{response.json()['id']}/"
    gegevens = lid.patch(url, {"onderhoudsposten": [dak.pk, ketel.pk]}, format="json").json()
    assert (gegevens["familie"], gegevens["onderhoudsposten_totaal"], gegevens["voorstel"]) == (
        "onderhoudssubsidie", "30000.00", "30000.00")
    aanvraag.refresh_from_db()
    assert aanvraag.gebied == accommodatie.gebied

    assert lid.post(f"/api/aanvragen/{aanvraag.pk}/acties/indienen/", {}, format="json").status_code == 200
    assert_error(lid.patch(url, {"onderhoudsposten": [dak.pk]}, format="json"), 409, "niet_meer_wijzigbaar")
    gezien = client_for(maak_gebruiker(Rol.BEHANDELAAR)).get("/api/accommodatiegegevens/",
                                                            {"aanvraag": aanvraag.pk}).json()["results"]
    assert [(g["accommodatie"], sorted(g["onderhoudsposten"])) for g in gezien] == [
        (accommodatie.pk, sorted([dak.pk, ketel.pk]))]


def test_nobody_links_a_request_of_another_organisation_or_another_boards_items(accommodatie, bestuurslid):
    aanvraag = AanvraagFactory(regeling=onderhoud_regeling(), organisatie=accommodatie.bestuur)
    ander = client_for(maak_gebruiker(Rol.AANVRAGER))
    body = assert_error(ander.post("/api/accommodatiegegevens/", {"aanvraag": aanvraag.pk,
                                                                  "accommodatie": accommodatie.pk}, format="json"), 400)
    assert {"aanvraag", "accommodatie"} <= set(body["details"])
    vreemd = OnderhoudspostFactory()
    body = assert_error(client_for(bestuurslid).post("/api/accommodatiegegevens/", {
        "aanvraag": aanvraag.pk, "accommodatie": accommodatie.pk, "onderhoudsposten": [vreemd.pk]}, format="json"), 400)
    assert "onderhoudsposten" in body["details"]
    staf = client_for(maak_gebruiker(Rol.BEHANDELAAR))  # staff may choose any item, but not another building's
    assert_error(staf.post("/api/accommodatiegegevens/", {
        "aanvraag": aanvraag.pk, "accommodatie": accommodatie.pk, "onderhoudsposten": [vreemd.pk]}, format="json"),
        400, "onderhoudspost_andere_accommodatie")
    assert not Accommodatiegegevens.objects.exists()


def test_family_data_only_for_requests_of_the_two_families_and_once(accommodatie, bestuurslid):
    lid = client_for(bestuurslid)
    gewoon = AanvraagFactory(organisatie=accommodatie.bestuur)
    body = assert_error(lid.post("/api/accommodatiegegevens/", {"aanvraag": gewoon.pk,
                                                                "accommodatie": accommodatie.pk}, format="json"), 400)
    assert "aanvraag" in body["details"]
    aanvraag = exploitatie_aanvraag(accommodatie, {JAAR + 1: "20000.00"})
    body = assert_error(lid.post("/api/accommodatiegegevens/", {"aanvraag": aanvraag.pk,
                                                                "accommodatie": accommodatie.pk}, format="json"), 400)
    assert "aanvraag" in body["details"]
    gegevens = Accommodatiegegevens.objects.get(aanvraag=aanvraag)
    assert_error(lid.patch(f"/api/accommodatiegegevens/{gegevens.pk}/", {
        "onderhoudsposten": [OnderhoudspostFactory(accommodatie=accommodatie).pk]}, format="json"),
        400, "onderhoudsposten_niet_bij_exploitatie")


def test_the_behandelaar_sees_each_requested_year_beside_its_budget(accommodatie, bestuurslid):
    begroting = beoordeelde_begroting(accommodatie, JAAR + 1, kosten="70000.00", inkomsten="22000.00")
    beoordeelde_begroting(accommodatie, JAAR + 2, status="ingediend")
    aanvraag = exploitatie_aanvraag(accommodatie, {JAAR + 1: "48000.00", JAAR + 2: "40000.00"})
    rij = client_for(maak_gebruiker(Rol.BEHANDELAAR)).get("/api/accommodatiegegevens/",
                                                         {"aanvraag": aanvraag.pk}).json()["results"][0]
    assert rij["tekorten"][0] == {"boekjaar": JAAR + 1, "gevraagd": "48000.00", "begroting": begroting.pk,
                                  "status": "goedgekeurd", "kosten": "70000.00", "eigen_inkomsten": "22000.00",
                                  "tekort": "48000.00"}
    assert (rij["tekorten"][1]["status"], rij["voorstel"]) == ("ingediend", None)


def test_an_mjop_item_a_request_relies_on_no_longer_changes(accommodatie, bestuurslid):
    post = OnderhoudspostFactory(accommodatie=accommodatie, geraamde_kosten=Decimal("12000.00"))
    lid = client_for(bestuurslid)
    url = f"/api/onderhoudsposten/{post.pk}/"
    assert lid.patch(url, {"geraamde_kosten": "14000.00"}, format="json").status_code == 200
    perform(onderhoud_aanvraag(accommodatie, [post], "14000.00"), "indienen", bestuurslid)
    assert_error(lid.patch(url, {"geraamde_kosten": "19000.00"}, format="json"), 409, "onderhoudspost_in_gebruik")
    assert_error(lid.delete(url), 409, "onderhoudspost_in_gebruik")
    assert lid.get(url).json()["aangevraagd"] is True
    nieuw = lid.post("/api/onderhoudsposten/", {"accommodatie": accommodatie.pk, "element": "Goten", "jaar": JAAR + 2,
                                                "geraamde_kosten": "3500.00"}, format="json")
    assert nieuw.status_code == 201
    assert lid.delete(f"/api/onderhoudsposten/{nieuw.json()['id']}/").status_code == 204
    assert_error(client_for(maak_gebruiker(Rol.AANVRAGER)).post("/api/onderhoudsposten/", {
        "accommodatie": accommodatie.pk, "element": "Goten", "jaar": JAAR, "geraamde_kosten": "1.00"},
        format="json"), 400)


def test_a_multi_year_request_is_linked_through_the_api_by_its_board(accommodatie, bestuurslid):
    aanvraag = meerjarige_aanvraag(exploitatie_regeling(), {JAAR + 1: Decimal("30000.00")},
                                   organisatie=accommodatie.bestuur)
    response = client_for(bestuurslid).post("/api/accommodatiegegevens/", {
        "aanvraag": aanvraag.pk, "accommodatie": accommodatie.pk}, format="json")
    assert response.status_code == 201 and response.json()["familie"] == "exploitatiesubsidie"
