"""The family's API: the applicant writes the initiative while the request is a draft, the behandelaar reads it with
the advice in the file; advice is asked and given, and reach reported, through the API."""
import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatieven.models import Adviesaanvraag, Initiatief
from initiatieven.services.bereik import meld_bereik
from subsidies.rollen import Rol
from tests.api import assert_error, client_for
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar, maak_gebruiker

from .factories import (
    AdviesaanvraagFactory, GebiedsteamFactory, IndicatorFactory, begroting, bewonersinitiatief,
    maatschappelijk_initiatief,
)

pytestmark = pytest.mark.django_db

GEGEVENS = {"doelgroep": "Gezinnen met jonge kinderen", "locatie": "Speeltuin De Wilg", "wanneer": "Zaterdag 6 juni",
            "verwachte_deelnemers": 80, "themas": ["jeugd", "ontmoeting"], "dimensies": ["meedoen", "zingeving"]}
DOELEN = [{"omschrijving": "Ouders leren elkaar kennen", "indicatoren": [
    {"omschrijving": "Gezinnen die meedoen", "streefwaarde": "40.00", "eenheid": "gezinnen"}]}]


@pytest.fixture
def concept(regeling, groep):
    """A bewonersinitiatief draft of the aanvrager's initiatiefgroep, without initiative data yet."""
    aanvraag = AanvraagFactory(regeling=regeling, organisatie=groep, gebied=groep.gebied, wijk=groep.wijk,
                               gevraagd_bedrag=Decimal("1200.00"))
    begroting(aanvraag, "1500.00", "300.00")
    return aanvraag


def test_the_applicant_fills_in_the_initiative_and_submits(concept, aanvrager):
    client = client_for(aanvrager)
    response = client.post("/api/initiatieven/", {"aanvraag": concept.pk, **GEGEVENS}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["soort"] == "bewonersinitiatief" and body["themas"] == ["jeugd", "ontmoeting"]
    assert body["doelen"] == [] and body["adviesaanvragen"] == []

    response = client.post(f"/api/aanvragen/{concept.pk}/acties/indienen/", {}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "ingediend"

    assert_error(client.patch(f"/api/initiatieven/{body['id']}/", {"locatie": "Elders"}, format="json"), 409,
                 "niet_meer_wijzigbaar")


def test_goals_and_indicators_are_sent_with_the_initiative_and_replaced_as_a_whole(mi_regeling, organisatie,
                                                                                  aanvrager):
    aanvraag = maatschappelijk_initiatief(mi_regeling, organisatie)
    initiatief = aanvraag.initiatief
    client = client_for(aanvrager)
    response = client.patch(f"/api/initiatieven/{initiatief.pk}/", {"doelen": DOELEN * 2}, format="json")
    assert response.status_code == 200, response.json()
    doelen = response.json()["doelen"]
    assert [d["omschrijving"] for d in doelen] == ["Ouders leren elkaar kennen"] * 2
    assert doelen[0]["indicatoren"][0]["streefwaarde"] == "40.00"

    response = client.patch(f"/api/initiatieven/{initiatief.pk}/", {"locatie": "Het Dorpshuis"}, format="json")
    assert len(response.json()["doelen"]) == 2  # goals left out stay as they were
    assert initiatief.doelen.count() == 2


def test_what_the_api_refuses(concept, aanvrager, mi_regeling):
    client = client_for(aanvrager)
    assert_error(client.post("/api/initiatieven/", {"aanvraag": concept.pk, **GEGEVENS, "themas": ["onbekend"]},
                             format="json"), 400, "ongeldige_invoer")
    vreemd = AanvraagFactory(regeling=concept.regeling)  # another organisation's draft
    body = assert_error(client.post("/api/initiatieven/", {"aanvraag": vreemd.pk, **GEGEVENS}, format="json"), 400)
    assert "eigen organisatie" in str(body["details"])
    geen_initiatief = AanvraagFactory(organisatie=concept.organisatie)  # a regeling without this family
    assert_error(client.post("/api/initiatieven/", {"aanvraag": geen_initiatief.pk, **GEGEVENS}, format="json"), 400)
    client.post("/api/initiatieven/", {"aanvraag": concept.pk, **GEGEVENS}, format="json")
    assert_error(client.post("/api/initiatieven/", {"aanvraag": concept.pk, **GEGEVENS}, format="json"), 400)
    assert Initiatief.objects.count() == 1


def test_who_sees_the_initiative(concept, aanvrager, behandelaar, auditor):
    initiatief = client_for(aanvrager).post("/api/initiatieven/", {"aanvraag": concept.pk, **GEGEVENS},
                                            format="json").json()
    url = f"/api/initiatieven/{initiatief['id']}/"
    for user in (behandelaar, auditor):
        assert client_for(user).get(url).json()["locatie"] == "Speeltuin De Wilg"
    assert_error(client_for(maak_gebruiker(Rol.AANVRAGER)).get(url), 404)
    assert_error(client_for(auditor).patch(url, {"locatie": "x"}, format="json"), 403)
    lijst = client_for(behandelaar).get("/api/initiatieven/", {"thema": "jeugd", "soort": "bewonersinitiatief"}).json()
    assert [r["id"] for r in lijst["results"]] == [initiatief["id"]]


def test_advice_is_asked_and_given_through_the_api(regeling, groep, aanvrager, behandelaar, bo_beijum, oost):
    aanvraag = breng_naar(bewonersinitiatief(regeling, groep, wijk=groep.wijk), "in_behandeling", aanvrager=aanvrager,
                          behandelaar=behandelaar)
    team = GebiedsteamFactory(gebied=oost)
    staff = client_for(behandelaar)
    adviseurs = staff.get("/api/adviesaanvragen/adviseurs/", {"aanvraag": aanvraag.pk}).json()
    assert adviseurs == {"bewonersorganisaties": [{"id": bo_beijum.pk, "naam": "Bewonersorganisatie Beijum"}],
                         "gebiedsteam": {"id": team.pk, "naam": team.naam, "email": team.email, "gebied": oost.pk}}
    termijn = str(aanvraag.uiterste_beslisdatum)
    vraag = {"aanvraag": aanvraag.pk, "adviseur": bo_beijum.pk, "vraag": "Steunt de wijk dit?", "termijn_tot": termijn}
    assert_error(client_for(aanvrager).post("/api/adviesaanvragen/", vraag, format="json"), 403)
    response = staff.post("/api/adviesaanvragen/", vraag, format="json")
    assert response.status_code == 201, response.json()
    advies_id = response.json()["id"]

    lid = client_for(bo_beijum.leden.get())
    [gevraagd] = lid.get("/api/adviesaanvragen/").json()["results"]
    assert (gevraagd["aanvraag_titel"], gevraagd["wijk_naam"], gevraagd["status"]) == (aanvraag.titel, "Beijum",
                                                                                       "gevraagd")
    assert [a["actie"] for a in lid.get(f"/api/adviesaanvragen/{advies_id}/acties/").json()] == ["uitbrengen"]
    response = lid.post(f"/api/adviesaanvragen/{advies_id}/acties/uitbrengen/", {"advies": "Van harte."},
                        format="json")
    assert response.status_code == 200 and response.json()["status"] == "uitgebracht"

    assert client_for(aanvrager).get(f"/api/adviesaanvragen/{advies_id}/").json()["advies"] == "Van harte."
    assert_error(client_for(maak_gebruiker(Rol.AANVRAGER)).get(f"/api/adviesaanvragen/{advies_id}/"), 404)
    dossier = staff.get(f"/api/initiatieven/{aanvraag.initiatief.pk}/").json()["adviesaanvragen"]
    assert [(a["adviseur_naam"], a["advies"]) for a in dossier] == [("Bewonersorganisatie Beijum", "Van harte.")]
    assert Adviesaanvraag.objects.get().uitgebracht_door == bo_beijum.leden.get()


def test_asking_advice_with_a_bad_deadline_answers_with_the_reason(regeling, groep, aanvrager, behandelaar, oost):
    aanvraag = breng_naar(bewonersinitiatief(regeling, groep), "in_behandeling", aanvrager=aanvrager)
    team = GebiedsteamFactory(gebied=oost)
    vraag = {"aanvraag": aanvraag.pk, "gebiedsteam": team.pk, "vraag": "Past dit?",
             "termijn_tot": str(aanvraag.uiterste_beslisdatum + dt.timedelta(days=1))}
    assert_error(client_for(behandelaar).post("/api/adviesaanvragen/", vraag, format="json"), 400, "termijn_ongeldig")


def test_reach_is_reported_through_the_api(regeling, groep, aanvrager, behandelaar):
    subsidie = breng_naar(bewonersinitiatief(regeling, groep), "verleend", aanvrager=aanvrager).subsidie
    client = client_for(aanvrager)
    response = client.post("/api/bereik/", {"subsidie": subsidie.pk, "deelnemers": 64, "vrijwilligers": 11,
                                            "toelichting": "Mooi weer."}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["boekjaar"], body["gemeld_door"], body["resultaten"]) == (subsidie.eerste_boekjaar, aanvrager.pk, [])
    response = client.patch(f"/api/bereik/{body['id']}/", {"vrijwilligers": 12}, format="json")
    assert (response.json()["vrijwilligers"], response.json()["deelnemers"]) == (12, 64)
    assert client_for(behandelaar).get("/api/bereik/", {"subsidie": subsidie.pk}).json()["count"] == 1
    assert_error(client.post("/api/bereik/", {"subsidie": subsidie.pk, "deelnemers": 1, "vrijwilligers": 1},
                             format="json"), 409, "bereik_al_gemeld")
    ander = client_for(maak_gebruiker(Rol.AANVRAGER))
    assert_error(ander.post("/api/bereik/", {"subsidie": subsidie.pk, "deelnemers": 1, "vrijwilligers": 1},
                            format="json"), 400)


def test_results_per_indicator_through_the_api(mi_regeling, organisatie, aanvrager, behandelaar):
    aanvraag = breng_naar(maatschappelijk_initiatief(mi_regeling, organisatie), "verleend", aanvrager=aanvrager)
    subsidie = aanvraag.subsidie
    indicator = subsidie.aanvraag.initiatief.doelen.get().indicatoren.get()
    response = client_for(aanvrager).post("/api/bereik/", {
        "subsidie": subsidie.pk, "deelnemers": 41, "vrijwilligers": 7,
        "resultaten": [{"indicator": indicator.pk, "gerealiseerd": "38.00", "toelichting": "Bijna."}]}, format="json")
    assert response.status_code == 201
    assert response.json()["resultaten"] == [{"indicator": indicator.pk, "gerealiseerd": "38.00",
                                              "toelichting": "Bijna."}]


def test_the_reference_lists_are_public(db):
    client = client_for()
    assert {"code": "eenzaamheid", "naam": "Eenzaamheid"} in client.get("/api/themas/").json()
    assert [d["code"] for d in client.get("/api/gezondheidsdimensies/").json()] == [
        "kwaliteit_van_leven", "lichaamsfuncties", "zingeving", "dagelijks_functioneren", "meedoen",
        "mentaal_welbevinden"]
    assert_error(client.post("/api/themas/", {"code": "nieuw", "naam": "Nieuw"}, format="json"), 403)


def test_an_outsiders_organisation_cannot_be_passed_off_as_adviser(regeling, groep, aanvrager, behandelaar,
                                                                  bewonersorganisaties):
    aanvraag = breng_naar(bewonersinitiatief(regeling, groep), "in_behandeling", aanvrager=aanvrager)
    vreemd = OrganisatieFactory()
    vraag = {"aanvraag": aanvraag.pk, "adviseur": vreemd.pk, "vraag": "?",
             "termijn_tot": str(aanvraag.uiterste_beslisdatum)}
    assert_error(client_for(behandelaar).post("/api/adviesaanvragen/", vraag, format="json"), 400, "adviseur_ongeldig")


@pytest.mark.parametrize("resource", ["initiatieven", "adviesaanvragen", "bereik"])
def test_lists_run_a_constant_number_of_queries(resource, mi_regeling, regeling, organisatie, groep, aanvrager,
                                                behandelaar, oost):
    def voeg_toe():
        aanvraag = maatschappelijk_initiatief(mi_regeling, organisatie)
        IndicatorFactory(doel=aanvraag.initiatief.doelen.get())
        AdviesaanvraagFactory(aanvraag=aanvraag, gebiedsteam=GebiedsteamFactory(gebied=oost))
        subsidie = breng_naar(bewonersinitiatief(regeling, groep), "verleend", aanvrager=aanvrager).subsidie
        meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=5, vrijwilligers=1)

    def queries():
        client = client_for(type(behandelaar).objects.get(pk=behandelaar.pk))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/api/{resource}/").status_code == 200
        return len(ctx.captured_queries)

    voeg_toe()
    weinig = queries()
    for _ in range(3):
        voeg_toe()
    assert queries() == weinig
