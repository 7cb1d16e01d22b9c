"""Not deciding on time (Awb 4:17–4:18) through perform() and the API: the ingebrekestelling from the portal's
applicant and on paper, the daily job that starts and stops the dwangsom, and the 4:18 beschikking with its payment
obligation outside the regeling's budget.

The request was received on Monday 7 September 2026; its decision term (8 weeks) ended on Monday 2 November.
"""
from datetime import date
from decimal import Decimal

import pytest

from subsidies.models import Beschikking, Dwangsombetaling, Dwangsomtarief, Ingebrekestelling, Verplichting
from subsidies.services import budget
from subsidies.services.dwangsom import bereken
from subsidies.tasks import bewaak_dwangsommen
from tests.api import assert_error, client_for
from tests.conftest import in_beheer
from tests.factories import breng_naar
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import Bericht
from workflows.transitions import available_actions, perform

pytestmark = pytest.mark.django_db


@pytest.fixture
def te_laat(concept, actoren, vandaag):
    """In behandeling since 7 September; today is Tuesday 3 November, the day after the decision term ended."""
    vandaag(date(2026, 9, 7))
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=actoren["aanvrager"],
                          behandelaar=actoren["behandelaar"])
    assert aanvraag.uiterste_beslisdatum == date(2026, 11, 2)
    vandaag(date(2026, 11, 3))
    return aanvraag


@pytest.fixture
def in_gebreke(te_laat, actoren):
    """Sent from the portal on 3 November: the two weeks end on 17 November, the dwangsom runs from the 18th."""
    perform(te_laat, "in_gebreke_stellen", actoren["aanvrager"], reden="U bent te laat met beslissen.")
    return Ingebrekestelling.objects.get(aanvraag=te_laat)


def berichten(sleutel: str) -> set[str]:
    return set(Bericht.objects.filter(sleutel__startswith=f"{sleutel}:").values_list("aan", flat=True))


def grootboek() -> list[tuple]:
    return [(r.pk, r.verplicht, r.betaald, r.vrij) for r in budget.overzicht()]


def verleen(aanvraag, actoren):
    for actie, wie, params in [("volledig_verklaren", "behandelaar", {}),
                               ("besluit_voorstellen", "behandelaar", {"uitkomst": "verlenen", "reden": "Past."}),
                               ("verlenen", "beslisser", {})]:
        aanvraag = perform(aanvraag, actie, actoren[wie], **params)
    return aanvraag


# --- the ingebrekestelling ------------------------------------------------------------------------------------
def test_not_before_the_decision_term_has_passed(concept, actoren, vandaag, geweigerd):
    vandaag(date(2026, 9, 7))
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=actoren["aanvrager"],
                          behandelaar=actoren["behandelaar"])
    vandaag(date(2026, 11, 2))  # the last day of the term: the municipality may still decide today
    with geweigerd(TransitionNotPossible, "beslistermijn_loopt") as weigering:
        perform(aanvraag, "in_gebreke_stellen", actoren["aanvrager"])
    assert "Awb 4:17" in weigering.value.nl and "has not passed" in weigering.value.en
    mogelijk = {a["actie"]: a for a in available_actions(aanvraag, actoren["aanvrager"])}["in_gebreke_stellen"]
    assert mogelijk["mogelijk"] is False


def test_the_applicant_sends_it_and_both_sides_hear_of_it(in_gebreke, te_laat, actoren):
    assert (in_gebreke.status, in_gebreke.ontvangen_op, in_gebreke.wijze) == ("ontvangen", date(2026, 11, 3), "portaal")
    assert in_gebreke.beslistermijn_tot == date(2026, 11, 2)
    assert in_gebreke.ingediend_door == actoren["aanvrager"]
    assert actoren["aanvrager"].email in berichten(f"ingebrekestelling-{in_gebreke.pk}")  # the receipt (4:3a)
    tekst = Bericht.objects.filter(sleutel__startswith=f"ingebrekestelling-binnen-{in_gebreke.pk}:").get()
    assert tekst.aan == actoren["behandelaar"].email
    assert "18-11-2026" in tekst.tekst and "Beslis vóór" in tekst.tekst


def test_only_once_per_request(in_gebreke, te_laat, actoren, geweigerd):
    with geweigerd(TransitionNotPossible, "al_in_gebreke_gesteld"):
        perform(te_laat, "in_gebreke_stellen", actoren["aanvrager"])


def test_an_officer_registers_one_received_on_paper(te_laat, actoren, geweigerd):
    with geweigerd(InvalidInput, "datum_ongeldig"):  # sent before the term ended: it does not count
        perform(te_laat, "in_gebreke_stellen", actoren["behandelaar"], ontvangen_op=date(2026, 11, 2))
    with geweigerd(NotPermitted):  # an applicant cannot backdate their own notice
        perform(te_laat, "in_gebreke_stellen", actoren["aanvrager"], ontvangen_op=date(2026, 11, 3))
    perform(te_laat, "in_gebreke_stellen", actoren["behandelaar"], ontvangen_op=date(2026, 11, 3),
            reden="Brief ontvangen per post.")
    papier = Ingebrekestelling.objects.get(aanvraag=te_laat)
    assert (papier.wijze, papier.ontvangen_op, papier.ingediend_door) == ("papier", date(2026, 11, 3),
                                                                           actoren["behandelaar"])


def test_another_organisations_member_may_not(te_laat, actoren, geweigerd):
    with geweigerd(NotPermitted):
        perform(te_laat, "in_gebreke_stellen", actoren["buitenstaander"])


# --- the daily job --------------------------------------------------------------------------------------------
def test_the_dwangsom_starts_the_day_after_the_two_weeks_and_only_once(in_gebreke, actoren, vandaag):
    vandaag(date(2026, 11, 17))
    assert bewaak_dwangsommen() == {"gestart": 0, "gestopt": 0, "zonder_dwangsom": 0}
    vandaag(date(2026, 11, 18))
    assert bewaak_dwangsommen()["gestart"] == 1
    assert bewaak_dwangsommen() == {"gestart": 0, "gestopt": 0, "zonder_dwangsom": 0}  # idempotent
    in_gebreke.refresh_from_db()
    assert in_gebreke.status == "dwangsom_loopt"
    melding = Bericht.objects.get(sleutel__startswith=f"dwangsom-loopt-{in_gebreke.pk}:")
    assert melding.aan == actoren["behandelaar"].email
    assert "nu € 23,00, morgen € 46,00" in melding.tekst


def test_the_decision_stops_it_and_the_amount_is_set_by_beschikking(in_gebreke, te_laat, actoren, vandaag,
                                                                    geweigerd):
    vandaag(date(2026, 11, 18))
    bewaak_dwangsommen()
    vandaag(date(2026, 12, 3))  # days 18 November – 2 December: 15 days
    aanvraag = verleen(te_laat, actoren)
    grootboek_voor = grootboek()
    assert aanvraag.status == "verleend"
    in_gebreke.refresh_from_db()
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):  # the job has not stopped it yet
        perform(in_gebreke, "dwangsom_vaststellen", actoren["behandelaar"])
    assert bewaak_dwangsommen()["gestopt"] == 1
    in_gebreke.refresh_from_db()
    assert (in_gebreke.status, in_gebreke.laatste_dag) == ("gestopt", date(2026, 12, 2))
    melding = Bericht.objects.get(sleutel__startswith=f"dwangsom-gestopt-{in_gebreke.pk}:").tekst
    assert "15 dagen, € 357,00" in melding and "uiterlijk 16-12-2026" in melding

    with geweigerd(NotPermitted):  # the applicant does not set it
        perform(in_gebreke, "dwangsom_vaststellen", actoren["aanvrager"])
    in_gebreke = perform(in_gebreke, "dwangsom_vaststellen", actoren["behandelaar"])
    beschikking = in_gebreke.beschikking
    assert (in_gebreke.status, in_gebreke.vastgesteld_bedrag) == ("vastgesteld", Decimal("357.00"))
    assert (beschikking.soort, beschikking.bedrag) == (Beschikking.Soort.DWANGSOM, Decimal("357.00"))
    assert beschikking.bezwaartermijn_tot == date(2027, 1, 14)  # six weeks from 3 December (Awb 6:7)
    assert "18-11-2026" in beschikking.motivering and "02-12-2026" in beschikking.motivering
    assert actoren["aanvrager"].email in berichten(f"beschikking-{beschikking.pk}")
    betaling = Dwangsombetaling.objects.get()
    assert (betaling.bedrag, betaling.status) == (Decimal("357.00"), "gepland")
    betaling = perform(betaling, "uitvoeren", actoren["behandelaar"])
    assert (betaling.status, betaling.uitgevoerd_op) == ("uitgevoerd", date(2026, 12, 3))
    # paid from the general funds: no commitment of its own, and the regeling's ledger did not move for it
    assert Verplichting.objects.count() == 1  # the award's own
    assert grootboek() == grootboek_voor


def test_a_decision_within_the_two_weeks_owes_nothing(in_gebreke, te_laat, actoren, vandaag):
    vandaag(date(2026, 11, 17))
    verleen(te_laat, actoren)
    assert bewaak_dwangsommen()["zonder_dwangsom"] == 1
    in_gebreke.refresh_from_db()
    assert in_gebreke.status == "zonder_dwangsom"
    assert not Bericht.objects.filter(sleutel__startswith="dwangsom-").exists()
    assert not in_gebreke.aanvraag.beschikkingen.filter(soort=Beschikking.Soort.DWANGSOM).exists()


def test_after_42_days_it_stops_without_a_decision(in_gebreke, vandaag):
    vandaag(date(2026, 12, 29))  # 18 November + 41 = 29 December: the last day, still running
    assert bewaak_dwangsommen() == {"gestart": 1, "gestopt": 0, "zonder_dwangsom": 0}
    vandaag(date(2026, 12, 30))
    assert bewaak_dwangsommen()["gestopt"] == 1
    in_gebreke.refresh_from_db()
    assert in_gebreke.laatste_dag == date(2026, 12, 29) and in_gebreke.aanvraag.status == "in_behandeling"


def test_no_dwangsom_on_a_ground_of_lid_6(in_gebreke, te_laat, actoren, vandaag, geweigerd):
    vandaag(date(2026, 12, 31))
    bewaak_dwangsommen()
    in_gebreke.refresh_from_db()
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(in_gebreke, "dwangsom_vaststellen", actoren["behandelaar"], geen_dwangsom="kennelijk")
    in_gebreke = perform(in_gebreke, "dwangsom_vaststellen", actoren["behandelaar"], geen_dwangsom="kennelijk",
                         reden="De aanvrager is geen rechtspersoon en valt buiten de regeling.")
    assert in_gebreke.vastgesteld_bedrag == 0 and in_gebreke.beschikking.bedrag == 0
    assert "4:17 lid 6" in in_gebreke.beschikking.motivering
    assert not Dwangsombetaling.objects.exists()


# --- the API --------------------------------------------------------------------------------------------------
def test_officers_see_the_running_risk_on_the_request(in_gebreke, te_laat, actoren, vandaag):
    vandaag(date(2026, 11, 20))  # the third day
    body = client_for(actoren["behandelaar"]).get(f"/api/aanvragen/{te_laat.pk}/").json()["dwangsom"]
    assert body["status"] == "ontvangen"  # the job has not run: the amount is computed all the same
    assert (body["eerste_dag"], body["dagen"], body["bedrag"], body["bedrag_morgen"]) == (
        "2026-11-18", 3, "69.00", "92.00")
    assert body["vaststellen_uiterlijk"] is None
    lijst = client_for(actoren["behandelaar"]).get("/api/ingebrekestellingen/?status=ontvangen").json()
    assert [r["id"] for r in lijst["results"]] == [in_gebreke.pk]
    wachtrij = client_for(actoren["behandelaar"]).get("/api/aanvragen/?dwangsom=ontvangen").json()
    assert [r["id"] for r in wachtrij["results"]] == [te_laat.pk]
    assert client_for(actoren["behandelaar"]).get("/api/aanvragen/?dwangsom=dwangsom_loopt").json()["results"] == []


def test_through_the_api_and_hidden_from_other_organisations(te_laat, actoren):
    antwoord = client_for(actoren["aanvrager"]).post(f"/api/aanvragen/{te_laat.pk}/acties/in_gebreke_stellen/",
                                                     {"reden": "Te laat."}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["dwangsom"]["ontvangen_op"] == "2026-11-03"
    ingebrekestelling = Ingebrekestelling.objects.get()
    vreemd = client_for(actoren["buitenstaander"])
    assert_error(vreemd.get(f"/api/ingebrekestellingen/{ingebrekestelling.pk}/"), 404)
    assert_error(vreemd.post(f"/api/ingebrekestellingen/{ingebrekestelling.pk}/acties/dwangsom_vaststellen/"), 404)
    assert vreemd.get("/api/ingebrekestellingen/").json()["results"] == []
    eigen = client_for(actoren["aanvrager"]).get(f"/api/ingebrekestellingen/{ingebrekestelling.pk}/")
    assert eigen.status_code == 200 and eigen.json()["bedrag"] == "0.00"


def test_the_api_refuses_an_unknown_ground(in_gebreke, actoren, vandaag):
    vandaag(date(2026, 12, 31))
    bewaak_dwangsommen()
    antwoord = client_for(actoren["behandelaar"]).post(
        f"/api/ingebrekestellingen/{in_gebreke.pk}/acties/dwangsom_vaststellen/", {"geen_dwangsom": "overmacht"},
        format="json")
    assert_error(antwoord, 400)
    assert Ingebrekestelling.objects.get().status == "gestopt"


def test_the_daily_job_is_scheduled_and_registered():
    from django_celery_beat.models import PeriodicTask

    from config.celery import app

    app.loader.import_default_modules()
    taak = PeriodicTask.objects.get(task="subsidies.bewaak_dwangsommen")
    assert taak.enabled and (taak.crontab.minute, taak.crontab.hour) == ("15", "6")
    assert taak.task in app.tasks


def test_a_beheerder_adds_indexed_amounts_in_the_admin(client, beheerder):
    in_beheer(client, beheerder)
    antwoord = client.post("/admin/subsidies/dwangsomtarief/add/", {
        "geldig_vanaf": "2027-01-01", "eerste_schijf": "25.00", "tweede_schijf": "38.00", "derde_schijf": "49.00",
        "bron": "Indexeringsbesluit (voorbeeld)"})
    assert antwoord.status_code == 302
    # the amounts in force stay as they were: a decree is a new row
    wet = Dwangsomtarief.objects.get(geldig_vanaf=date(2009, 10, 1))
    wet.eerste_schijf = Decimal("24.00")
    with pytest.raises(TransitionNotPossible):
        wet.save()
    # received Thursday 10 December 2026: owed from Friday 25 December, 7 days in 2026 at € 23, then € 25
    assert bereken(date(2026, 12, 10), peildatum=date(2027, 1, 1)).bedrag == Decimal(7 * 23 + 25)


def test_the_admin_shows_the_risk_and_filters_on_it(in_gebreke, te_laat, client, behandelaar, vandaag):
    vandaag(date(2026, 11, 20))
    admin_client = in_beheer(client, behandelaar)
    pagina = admin_client.get("/admin/subsidies/aanvraag/?dwangsom=ontvangen").content.decode()
    assert te_laat.titel in pagina and "€ 69,00, morgen € 92,00" in pagina
    assert te_laat.titel not in admin_client.get("/admin/subsidies/aanvraag/?dwangsom=dwangsom_loopt").content.decode()
    lijst = admin_client.get("/admin/subsidies/ingebrekestelling/").content.decode()
    assert "€ 69,00, morgen € 92,00" in lijst

