"""Rules of DESIGN §5 the engine was missing (issue 9, finding 10), each through perform() and where a user meets it
through the API: the four weeks for buiten behandeling (Awb 4:5 lid 4), the five-year bar on changing a vaststelling
or recovering (4:49 lid 3, 4:57 lid 4), four-eyes on refusals, lower settlements and withdrawals, and deadlines an
officer sets rolled off weekends and holidays (Atw art. 1).

The clock starts on Monday 2 February 2026.
"""
import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Aanvraag
from subsidies.services import boekjaar
from tests.api import assert_error, client_for
from tests.factories import (
    GelijkgesteldeDagFactory, breng_naar, meerjarige_aanvraag, meerjarige_regeling,
)
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import Bericht
from workflows.transitions import available_actions, perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)


@pytest.fixture
def walk(actoren):
    def walk_to(aanvraag, status, **rollen):
        namen = {"behandelaar": "behandelaar", "beslisser": "beslisser"} | rollen
        return breng_naar(aanvraag, status, aanvrager=actoren["aanvrager"],
                          **{rol: actoren[naam] for rol, naam in namen.items()})

    return walk_to


@pytest.fixture
def aanvulling(concept, walk, actoren):
    """An aanvulling asked on 2 February, due Monday 16 February."""
    return perform(walk(concept, "in_behandeling"), "aanvulling_vragen", actoren["behandelaar"],
                   reden="Stuur de offerte voor de zaalhuur.", termijn_tot=date(2026, 2, 16))


# --- (a) buiten behandeling within four weeks after the unused term (Awb 4:5 lid 4) -------------------------------
def test_buiten_behandeling_on_the_last_of_the_four_weeks(aanvulling, actoren, vandaag):
    vandaag(date(2026, 3, 16))  # 16 February + 4 weeks
    aanvraag = perform(aanvulling, "buiten_behandeling_stellen", actoren["behandelaar"])
    assert aanvraag.status == "buiten_behandeling"


def test_after_four_weeks_the_request_is_assessed_on_its_merits(aanvulling, actoren, vandaag, geweigerd):
    vandaag(date(2026, 3, 17))
    with geweigerd(TransitionNotPossible, "buiten_behandeling_te_laat") as refusal:
        perform(aanvulling, "buiten_behandeling_stellen", actoren["behandelaar"])
    assert "Awb 4:5 lid 4" in refusal.value.nl and "verleen of weiger" in refusal.value.nl
    aanvraag = perform(aanvulling, "verder_zonder_aanvulling", actoren["behandelaar"],
                       reden="Beoordelen zoals de aanvraag is.")
    assert aanvraag.status == "in_behandeling" and aanvraag.aanvullingen.get().ontvangen_op is None


def test_the_officer_sees_why_buiten_behandeling_is_no_longer_possible(aanvulling, actoren, vandaag):
    vandaag(date(2026, 3, 17))
    acties = client_for(actoren["behandelaar"]).get(f"/api/aanvragen/{aanvulling.pk}/acties/").json()
    buiten = next(a for a in acties if a["actie"] == "buiten_behandeling_stellen")
    assert buiten["mogelijk"] is False and "vier weken" in buiten["reden"]["nl"]
    assert next(a for a in acties if a["actie"] == "verder_zonder_aanvulling")["mogelijk"] is True
    assert_error(client_for(actoren["behandelaar"]).post(
        f"/api/aanvragen/{aanvulling.pk}/acties/buiten_behandeling_stellen/", {}, format="json"),
        409, "buiten_behandeling_te_laat")


def test_the_daily_job_reminds_the_behandelaar_once_when_the_term_passed_unused(aanvulling, actoren, vandaag):
    vandaag(date(2026, 2, 16))
    assert boekjaar.bewaak_termijnen()["aanvulling_verstreken"] == 0  # the term still runs today
    vandaag(date(2026, 2, 17))
    assert boekjaar.bewaak_termijnen()["aanvulling_verstreken"] == 1
    assert boekjaar.bewaak_termijnen()["aanvulling_verstreken"] == 0  # once
    (melding,) = Bericht.objects.filter(sleutel__startswith="aanvulling-verstreken-")
    assert melding.aan == actoren["behandelaar"].email
    assert "tot en met 16-02-2026" in melding.tekst and "tot en met 16-03-2026 buiten behandeling" in melding.tekst


# --- (b) five years after the vaststelling was made known (Awb 4:49 lid 3, 4:57 lid 4) ----------------------------
@pytest.fixture
def terug_te_vorderen(concept, walk, actoren):
    """Settled at € 8,000 on 2 February 2026 after € 10,000 was paid; the planned recovery was cancelled."""
    behandelaar = actoren["behandelaar"]
    subsidie = perform(walk(concept, "verleend").subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("10000"))
    perform(subsidie.betalingen.get(), "uitvoeren", behandelaar)
    subsidie = perform(subsidie, "verantwoording_vragen", behandelaar, uiterlijk=date(2026, 3, 2))
    subsidie = perform(subsidie, "verantwoording_indienen", actoren["aanvrager"], activiteitenverslag="Gedaan.",
                       werkelijke_kosten=Decimal("8000"))
    subsidie = perform(subsidie, "vaststellen", behandelaar, bedrag=Decimal("8000"), reden="Minder kosten.")
    perform(subsidie.betalingen.get(soort="terugvordering"), "annuleren", behandelaar, reden="Verkeerd bedrag.")
    return subsidie


def test_recovery_can_be_planned_again_within_five_years(terug_te_vorderen, actoren, vandaag):
    vandaag(date(2031, 2, 3))  # 2 February 2031 is a Sunday: the five years end on Monday
    subsidie = perform(terug_te_vorderen, "verrekening_plannen", actoren["behandelaar"])
    assert subsidie.betalingen.filter(soort="terugvordering", status="gepland").count() == 1


def test_no_recovery_once_five_years_have_passed(terug_te_vorderen, actoren, vandaag, geweigerd):
    vandaag(date(2031, 2, 4))
    with geweigerd(TransitionNotPossible, "vijf_jaar_verstreken") as refusal:
        perform(terug_te_vorderen, "verrekening_plannen", actoren["behandelaar"])
    assert "Awb 4:49 lid 3, 4:57 lid 4" in refusal.value.nl
    acties = client_for(actoren["behandelaar"]).get(f"/api/subsidies/{terug_te_vorderen.pk}/acties/").json()
    plannen = next(a for a in acties if a["actie"] == "verrekening_plannen")
    assert plannen["mogelijk"] is False and "vijf jaar" in plannen["reden"]["nl"]


# --- (c) four-eyes on refusals, lower settlements and withdrawals --------------------------------------------------
@pytest.fixture
def groot(concept):
    Aanvraag.objects.filter(pk=concept.pk).update(gevraagd_bedrag=Decimal("30000.00"))  # threshold € 25,000
    concept.refresh_from_db()
    return concept


def test_a_refusal_above_the_threshold_is_decided_by_another_beslisser(groot, walk, actoren, geweigerd):
    aanvraag = perform(walk(groot, "in_beoordeling"), "besluit_voorstellen", actoren["beslisser"],
                       uitkomst="weigeren", reden="Valt buiten de regeling.")
    for wie in ("behandelaar", "beslisser"):  # not a beslisser; the proposer
        with geweigerd(NotPermitted, "vier_ogen"):
            perform(aanvraag, "weigeren", actoren[wie])
    acties = available_actions(aanvraag, actoren["behandelaar"])
    assert next(a for a in acties if a["actie"] == "weigeren")["mogelijk"] is False
    assert_error(client_for(actoren["beslisser"]).post(f"/api/aanvragen/{aanvraag.pk}/acties/weigeren/", {},
                                                       format="json"), 403, "vier_ogen")
    assert perform(aanvraag, "weigeren", actoren["tweede_beslisser"]).status == "geweigerd"


def test_a_refusal_below_the_threshold_needs_no_second_pair_of_eyes(concept, walk, actoren):
    aanvraag = perform(walk(concept, "in_beoordeling"), "besluit_voorstellen", actoren["behandelaar"],
                       uitkomst="weigeren", reden="Valt buiten de regeling.")
    assert perform(aanvraag, "weigeren", actoren["behandelaar"]).status == "geweigerd"


@pytest.fixture
def grote_subsidie(groot, walk):
    """€ 30,000 granted; the request was handled by the beslisser, and granted by the tweede beslisser."""
    return walk(groot, "verleend", behandelaar="beslisser", beslisser="tweede_beslisser").subsidie


def test_a_withdrawal_above_the_threshold_is_not_decided_by_the_requests_behandelaar(grote_subsidie, actoren,
                                                                                     geweigerd):
    with geweigerd(NotPermitted, "vier_ogen") as refusal:
        perform(grote_subsidie, "intrekken", actoren["beslisser"], reden="Activiteit gaat niet door.")
    assert "niet zelf behandelde" in refusal.value.nl
    acties = client_for(actoren["beslisser"]).get(f"/api/subsidies/{grote_subsidie.pk}/acties/").json()
    assert next(a for a in acties if a["actie"] == "intrekken")["mogelijk"] is False
    subsidie = perform(grote_subsidie, "intrekken", actoren["tweede_beslisser"], reden="Activiteit gaat niet door.")
    assert subsidie.status == "ingetrokken"


@pytest.fixture
def verantwoord(grote_subsidie, actoren):
    subsidie = perform(grote_subsidie, "verantwoording_vragen", actoren["beslisser"], uiterlijk=date(2026, 3, 2))
    return perform(subsidie, "verantwoording_indienen", actoren["aanvrager"], activiteitenverslag="Half gedaan.",
                   werkelijke_kosten=Decimal("4000"))


def test_a_settlement_lowering_the_award_by_more_than_the_threshold_needs_another_beslisser(verantwoord, actoren,
                                                                                           geweigerd):
    with geweigerd(NotPermitted, "vier_ogen"):
        perform(verantwoord, "vaststellen", actoren["beslisser"], bedrag=Decimal("4000"), reden="Half gedaan.")
    response = client_for(actoren["beslisser"]).post(f"/api/subsidies/{verantwoord.pk}/acties/vaststellen/",
                                                     {"bedrag": "4000.00", "reden": "Half gedaan."}, format="json")
    assert_error(response, 403, "vier_ogen")
    subsidie = perform(verantwoord, "vaststellen", actoren["tweede_beslisser"], bedrag=Decimal("4000"),
                       reden="Half gedaan.")
    assert subsidie.vastgesteld_bedrag == Decimal("4000.00")


def test_a_small_reduction_of_a_large_award_is_settled_by_the_behandelaar(verantwoord, actoren):
    subsidie = perform(verantwoord, "vaststellen", actoren["beslisser"], bedrag=Decimal("26000"),
                       reden="Iets minder kosten.")
    assert subsidie.vastgesteld_bedrag == Decimal("26000.00")


def test_letting_a_large_year_lapse_needs_a_beslisser_who_did_not_handle_it(organisatie, actoren, geweigerd):
    regeling = meerjarige_regeling(2027, 2, aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12)
    regeling.vier_ogen_drempel = Decimal("50000.00")
    regeling.save()
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("80000"), 2028: Decimal("80000")},
                                   organisatie=organisatie)
    subsidie = breng_naar(aanvraag, "verleend", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                          beslisser=actoren["beslisser"]).subsidie
    tranche = subsidie.tranches.get(boekjaar=2028)
    with geweigerd(NotPermitted, "vier_ogen"):
        perform(tranche, "vervallen", actoren["behandelaar"], reden="De activiteit stopt.")
    assert perform(tranche, "vervallen", actoren["beslisser"], reden="De activiteit stopt.").status == "vervallen"


# --- (e) deadlines an officer sets are rolled to a working day --------------------------------------------------
@pytest.mark.parametrize(("gegeven", "opgeslagen"), [
    pytest.param(date(2026, 2, 14), date(2026, 2, 16), id="zaterdag"),
    pytest.param(date(2026, 4, 5), date(2026, 4, 7), id="eerste-paasdag"),
    pytest.param(date(2026, 5, 14), date(2026, 5, 18), id="hemelvaart-en-gelijkgestelde-vrijdag"),
])
def test_the_aanvulling_deadline_is_the_next_working_day(concept, walk, actoren, gegeven, opgeslagen):
    GelijkgesteldeDagFactory(datum=date(2026, 5, 15))
    aanvraag = walk(concept, "in_behandeling")
    response = client_for(actoren["behandelaar"]).post(
        f"/api/aanvragen/{aanvraag.pk}/acties/aanvulling_vragen/",
        {"reden": "Stuur de offerte.", "termijn_tot": gegeven.isoformat()}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["aanvulling"]["termijn_tot"] == opgeslagen.isoformat()
    assert aanvraag.aanvullingen.get().termijn_tot == opgeslagen


def test_the_report_deadline_is_the_next_working_day(concept, walk, actoren):
    subsidie = perform(walk(concept, "verleend").subsidie, "verantwoording_vragen", actoren["behandelaar"],
                       uiterlijk=date(2026, 12, 26))  # Tweede Kerstdag, a Saturday
    assert subsidie.verantwoording_uiterlijk == date(2026, 12, 28)


def test_the_new_term_for_late_requests_ends_on_a_working_day(organisatie, actoren, vandaag):
    """Applications due Saturday 3 October 2026; the new term of four weeks ends Saturday 31 October, so Monday."""
    regeling = meerjarige_regeling(2027, 2, aanvraag_uiterlijk_dag=3, aanvraag_uiterlijk_maand=10)
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("80000"), 2028: Decimal("80000")},
                                   organisatie=organisatie)
    vandaag(date(2026, 11, 2))
    aanvraag = perform(aanvraag, "indienen", actoren["aanvrager"])
    assert (aanvraag.status, aanvraag.na_aanvraagtermijn) == ("ingediend", True)


def test_after_the_rolled_new_term_a_late_request_is_refused(organisatie, actoren, vandaag, geweigerd):
    regeling = meerjarige_regeling(2027, 2, aanvraag_uiterlijk_dag=3, aanvraag_uiterlijk_maand=10)
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("80000"), 2028: Decimal("80000")},
                                   organisatie=organisatie)
    vandaag(date(2026, 11, 3))
    with geweigerd(InvalidInput, "aanvraagtermijn_verstreken") as refusal:
        perform(aanvraag, "indienen", actoren["aanvrager"])
    assert "tot en met 02-11-2026" in refusal.value.nl
