"""The bezwaar path in the API (issue 11): an applicant files against their own decision, an officer registers one from
paper and works it through the actions; others' objections answer 404. The clock stands on Monday 6 April 2026; the
refusal was sent on Monday 2 March, so the objection term ends on Monday 13 April."""
import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Bezwaar
from subsidies.services import bezwaren
from tests.api import assert_error, client_for
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar
from workflows.transitions import perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 4, 6, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)


def geweigerd_op(aanvraag, actoren, dag, vandaag):
    vandaag(dag)
    aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=aanvraag.organisatie.leden.first(),
                          behandelaar=actoren["behandelaar"])
    aanvraag = perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="weigeren",
                       reden="Past niet binnen de regeling.")
    beschikking = perform(aanvraag, "weigeren", actoren["behandelaar"]).beschikkingen.get()
    vandaag(date(2026, 4, 6))
    return beschikking


@pytest.fixture
def weigering(concept, actoren, vandaag):
    return geweigerd_op(concept, actoren, date(2026, 3, 2), vandaag)


@pytest.fixture
def andere_weigering(actoren, vandaag):
    """A refusal of another organisation, with an objection of its own."""
    anderen = OrganisatieFactory(leden=[actoren["buitenstaander"]])
    beschikking = geweigerd_op(AanvraagFactory(organisatie=anderen), actoren, date(2026, 3, 2), vandaag)
    bezwaren.dien_in(beschikking, actoren["buitenstaander"], gronden="Wij zijn het er niet mee eens.")
    return beschikking


def test_the_applicant_files_an_objection_and_sees_the_decision_date(weigering, actoren):
    response = client_for(actoren["aanvrager"]).post("/api/bezwaren/", {
        "beschikking": weigering.pk, "gronden": "Onze activiteit is juist voor ouderen in de wijk."}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "ingediend" and body["publieke_status"]["nl"] == "Ontvangen"
    assert (body["ontvangen_op"], body["bezwaartermijn_tot"], body["uiterste_beslisdatum"]) == (
        "2026-04-06", "2026-04-13", "2026-05-26")
    assert body["tijdig"] is True and body["op_papier"] is False and body["aanvraag"] == weigering.aanvraag_id
    assert body["ingediend_door"] == actoren["aanvrager"].pk


def test_the_applicant_cannot_backdate_or_object_to_another_organisations_decision(weigering, andere_weigering,
                                                                                     actoren):
    client = client_for(actoren["aanvrager"])
    assert_error(client.post("/api/bezwaren/", {"beschikking": weigering.pk, "gronden": "Oneens.",
                                                "ontvangen_op": "2026-04-01"}, format="json"), 403)
    body = assert_error(client.post("/api/bezwaren/", {"beschikking": andere_weigering.pk, "gronden": "Oneens."},
                                    format="json"), 400)
    assert "eigen organisatie" in str(body)
    assert not Bezwaar.objects.filter(ingediend_door=actoren["aanvrager"]).exists()


def test_others_objections_answer_404_and_are_not_listed(weigering, andere_weigering, actoren):
    vreemd = andere_weigering.bezwaren.get()
    client = client_for(actoren["aanvrager"])
    assert client.get(f"/api/bezwaren/{vreemd.pk}/").status_code == 404
    assert client.post(f"/api/bezwaren/{vreemd.pk}/acties/intrekken/", {}, format="json").status_code == 404
    assert client.get("/api/bezwaren/").json()["results"] == []
    assert [b["id"] for b in client_for(actoren["behandelaar"]).get("/api/bezwaren/").json()["results"]] == [vreemd.pk]


def test_an_officer_registers_a_paper_objection_and_works_it_through_the_actions(weigering, actoren, vandaag):
    officer = client_for(actoren["behandelaar"])
    response = officer.post("/api/bezwaren/", {
        "beschikking": weigering.pk, "gronden": "Per brief: oneens met de weigering.", "indiener": "J. de Vries",
        "ontvangen_op": "2026-04-06", "ter_post_op": "2026-04-03", "adviescommissie": True}, format="json")
    assert response.status_code == 201, response.json()
    bezwaar = response.json()
    assert bezwaar["op_papier"] and bezwaar["adviescommissie"] and bezwaar["uiterste_beslisdatum"] == "2026-07-06"

    acties = {a["actie"]: a for a in officer.get(f"/api/bezwaren/{bezwaar['id']}/acties/").json()}
    assert acties["in_behandeling_nemen"]["mogelijk"] and "termijnoverschrijding_verschonen" in acties
    assert acties["termijnoverschrijding_verschonen"]["mogelijk"] is False  # on time: nothing to excuse

    url = f"/api/bezwaren/{bezwaar['id']}/acties"
    assert officer.post(f"{url}/in_behandeling_nemen/", {}, format="json").json()["status"] == "in_behandeling"
    response = officer.post(f"{url}/verdagen/", {"reden": "Advies van de commissie duurt langer."}, format="json")
    assert response.json()["uiterste_beslisdatum"] == "2026-08-17" and response.json()["verdaagd"]
    assert_error(officer.post(f"{url}/verdagen/", {"reden": "Nog langer."}, format="json"), 409, "al_verdaagd")
    response = officer.post(f"{url}/hoorzitting_plannen/", {"hoorzitting_op": "2026-05-12"}, format="json")
    assert response.json()["hoorzitting_op"] == "2026-05-12" and response.json()["status"] == "hoorzitting"
    response = officer.post(f"{url}/gegrond_verklaren/", {"reden": "De activiteit past wel."}, format="json")
    assert response.json()["status"] == "gegrond"
    beslissing = client_for(actoren["aanvrager"]).get(f"/api/beschikkingen/{response.json()['beslissing']}/").json()
    assert (beslissing["soort"], beslissing["rechtsmiddel"], beslissing["herroept"]) == (
        "bezwaarbeslissing", "beroep", weigering.pk)
    aanvraag = officer.get(f"/api/aanvragen/{weigering.aanvraag_id}/").json()
    assert aanvraag["status"] == "in_beoordeling"


def test_the_officer_filters_the_queue(weigering, andere_weigering, actoren):
    eigen = bezwaren.dien_in(weigering, actoren["aanvrager"], gronden="Oneens.")
    perform(eigen, "in_behandeling_nemen", actoren["behandelaar"])
    officer = client_for(actoren["behandelaar"])
    ids = [b["id"] for b in officer.get("/api/bezwaren/?status=ingediend").json()["results"]]
    assert ids == [andere_weigering.bezwaren.get().pk]
    assert [b["id"] for b in officer.get(f"/api/bezwaren/?aanvraag={weigering.aanvraag_id}").json()["results"]] == [
        eigen.pk]


def test_the_applicant_withdraws_through_the_api(weigering, actoren):
    bezwaar = bezwaren.dien_in(weigering, actoren["aanvrager"], gronden="Oneens.")
    client = client_for(actoren["aanvrager"])
    acties = [a["actie"] for a in client.get(f"/api/bezwaren/{bezwaar.pk}/acties/").json()]
    assert acties == ["intrekken"]
    assert client.post(f"/api/bezwaren/{bezwaar.pk}/acties/intrekken/", {}, format="json").json()["status"] == \
        "ingetrokken"
