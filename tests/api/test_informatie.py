"""What the API tells people (issue 9, findings 4 and 5) and the officers' own declarations of ties (finding 10d).

- Applying for a year without budget is said at intake: in the request and in the regeling's public data.
- After an aanvulling is asked the applicant sees what is asked and by when.
- An officer declares a tie of their own; it blocks them at once and they cannot remove it.
"""
import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Belangenverklaring
from tests.api import assert_error, client_for
from tests.factories import AanvraagFactory, BegrotingsjaarFactory, OrganisatieFactory, breng_naar
from workflows.models import AuditRecord
from workflows.transitions import perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)


# --- the budget of the year asked for (finding 4) ------------------------------------------------------------
def test_a_request_for_a_year_without_budget_says_so_before_anyone_waits(organisatie, aanvrager, behandelaar):
    concept = AanvraagFactory(organisatie=organisatie, periode_van=date(2027, 3, 1), periode_tot=date(2027, 9, 30))
    for user in (aanvrager, behandelaar):
        (status,) = client_for(user).get(f"/api/aanvragen/{concept.pk}/").json()["budgetstatus"]
        assert (status["boekjaar"], status["code"], status["budget_vastgelegd"]) == (2027, "geen_budget", False)
        assert status["toelichting"]["nl"].startswith("Voor 2027 is nog geen budget vastgesteld. U kunt wel aanvragen.")
        assert "municipal council" in status["toelichting"]["en"]


def test_a_request_for_an_adopted_year_shows_its_published_ceiling(concept, aanvrager):
    BegrotingsjaarFactory(boekjaar=2026)
    (status,) = client_for(aanvrager).get(f"/api/aanvragen/{concept.pk}/").json()["budgetstatus"]
    assert status["code"] == "plafond_gepubliceerd"
    assert (status["begroting_vastgesteld_op"], status["plafond"]) == ("2025-11-10", "500000.00")


def test_the_regelings_public_data_shows_the_budget_of_this_year_and_next(concept):
    BegrotingsjaarFactory(boekjaar=2026)
    response = client_for().get(f"/api/regelingen/{concept.regeling_id}/")
    statussen = {s["boekjaar"]: s for s in response.json()["budgetstatus"]}
    assert sorted(statussen) == [2026, 2027]
    assert statussen[2026]["code"] == "plafond_gepubliceerd"
    assert (statussen[2027]["code"], statussen[2027]["plafond"]) == ("geen_budget", None)


# --- the open aanvulling (finding 5) ---------------------------------------------------------------------------
def test_the_applicant_sees_what_is_asked_and_by_when(concept, aanvrager, behandelaar):
    aanvraag = breng_naar(concept, "in_behandeling", behandelaar=behandelaar)
    perform(aanvraag, "aanvulling_vragen", behandelaar, reden="Stuur de offerte voor de zaalhuur.",
            termijn_tot=date(2026, 2, 16))
    body = client_for(aanvrager).get(f"/api/aanvragen/{aanvraag.pk}/").json()
    assert body["publieke_status"]["nl"] == "We wachten op informatie van u"
    assert body["aanvulling"] == {"id": aanvraag.aanvullingen.get().pk, "omschrijving": "Stuur de offerte voor de zaalhuur.", "gevraagd_op": "2026-02-02",
                                  "termijn_tot": "2026-02-16", "ontvangen_op": None}

    perform(aanvraag, "aanvulling_ontvangen", aanvrager)
    body = client_for(aanvrager).get(f"/api/aanvragen/{aanvraag.pk}/").json()
    assert body["aanvulling"] is None
    assert [a["ontvangen_op"] for a in body["aanvullingen"]] == ["2026-02-02"]


# --- officers declare their own ties (finding 10d) -------------------------------------------------------------
def test_an_officer_declares_a_tie_that_blocks_them_at_once(concept, aanvrager, behandelaar):
    aanvraag = breng_naar(concept, "ingediend")
    client = client_for(behandelaar)
    response = client.post("/api/belangenverklaringen/", {"organisatie": concept.organisatie_id,
                                                          "toelichting": "Mijn zus is penningmeester."},
                           format="json")
    assert response.status_code == 201, response.content
    verklaring = Belangenverklaring.objects.get()
    assert (verklaring.medewerker, verklaring.organisatie_id) == (behandelaar, concept.organisatie_id)
    record = AuditRecord.objects.get(object_type__model="belangenverklaring", object_id=str(verklaring.pk),
                                     actie="aangemaakt")
    assert record.actor_id == behandelaar.pk

    assert_error(client.post(f"/api/aanvragen/{aanvraag.pk}/acties/in_behandeling_nemen/", {}, format="json"), 403)
    assert_error(client.delete(f"/api/belangenverklaringen/{verklaring.pk}/"), 405)
    assert_error(client.post("/api/belangenverklaringen/", {"organisatie": concept.organisatie_id,
                                                            "toelichting": "Nog eens."}, format="json"), 400)


def test_an_officer_sees_only_their_own_ties(behandelaar, beslisser):
    eigen, andere = OrganisatieFactory(), OrganisatieFactory()
    Belangenverklaring.objects.create(medewerker=behandelaar, organisatie=eigen, toelichting="Bestuurslid")
    Belangenverklaring.objects.create(medewerker=beslisser, organisatie=andere, toelichting="Buurman")
    body = client_for(behandelaar).get("/api/belangenverklaringen/").json()
    rijen = body["results"] if isinstance(body, dict) else body
    assert [r["organisatie"] for r in rijen] == [eigen.pk]


@pytest.mark.parametrize("rol", ["aanvrager", "auditor", "beheerder"])
def test_only_behandelaars_and_beslissers_declare_through_the_api(rol, request, organisatie):
    user = request.getfixturevalue(rol)
    response = client_for(user).post("/api/belangenverklaringen/", {"organisatie": organisatie.pk,
                                                                    "toelichting": "x"}, format="json")
    assert_error(response, 403)
    assert not Belangenverklaring.objects.exists()
