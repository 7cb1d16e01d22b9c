"""The budget ledger and the ceiling, as an auditor reconciles them (DESIGN §6; Awb 4:25–4:27).

The ledger (`budget.overzicht()`) must add up after every step: free + committed = budget, always.
Figures: the nota's Eenzaamheid line, € 76,000 in 2026, with a published ceiling of € 50,000 for its regeling.
"""
import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Aanvraag, Budget, Plafond, Subsidie, Verdeelmethode
from subsidies.services.budget import overzicht
from tests.factories import AanvraagFactory, BudgetFactory, PlafondFactory, RegelingFactory, breng_naar
from workflows.errors import TransitionNotPossible
from workflows.transitions import perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)

D = Decimal
LEDGER_FIELDS = ("bedrag", "plafond", "verplicht", "vastgesteld", "betaald", "teruggevorderd", "vrij")


@pytest.fixture
def regeling(db):
    regeling = RegelingFactory(naam="Eén tegen eenzaamheid", begrotingspost__naam="Eenzaamheid")
    budget = BudgetFactory(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=2026,
                           bedrag=D("76000"))
    PlafondFactory(regeling=regeling, boekjaar=2026, bedrag=D("50000"), budget=budget, gepubliceerd_op=date(2026, 1, 5))
    return regeling


@pytest.fixture
def aanvraag(regeling, organisatie, actoren):
    """A new request of the organisation for `bedrag`, walked to `status` (default: proposed for award)."""

    def new(bedrag, status="besluit_voorgesteld"):
        concept = AanvraagFactory(regeling=regeling, organisatie=organisatie, gevraagd_bedrag=D(bedrag))
        return breng_naar(concept, status, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                          beslisser=actoren["beslisser"])

    return new


@pytest.fixture
def door(actoren):
    return lambda naam: lambda obj, actie, **params: perform(obj, actie, actoren[naam], **params)


def grootboek(regeling) -> dict:
    """The ledger row of the regeling's budget line, after checking that it adds up."""
    (row,) = overzicht(Budget.objects.filter(begrotingspost=regeling.begrotingspost))
    assert row.vrij + row.verplicht == row.bedrag, "free + committed must equal the budget"
    return {field: getattr(row, field) for field in LEDGER_FIELDS}


def verwacht(**changes) -> dict:
    start = {"bedrag": D("76000"), "plafond": D("50000"), "verplicht": D("0"), "vastgesteld": D("0"),
             "betaald": D("0"), "teruggevorderd": D("0")}
    row = {**start, **{name: D(value) for name, value in changes.items()}}
    return {**row, "vrij": row["bedrag"] - row["verplicht"]}


def test_the_ledger_adds_up_through_a_whole_life(regeling, aanvraag, door):
    behandelaar, beslisser = door("behandelaar"), door("beslisser")
    assert grootboek(regeling) == verwacht()

    a = beslisser(aanvraag("20000"), "verlenen")
    assert grootboek(regeling) == verwacht(verplicht="20000")

    geweigerd = aanvraag("10000", "in_beoordeling")
    geweigerd = behandelaar(geweigerd, "besluit_voorstellen", uitkomst="weigeren", reden="Buiten de doelgroep.")
    assert beslisser(geweigerd, "weigeren").status == "geweigerd"
    assert grootboek(regeling) == verwacht(verplicht="20000"), "a weigering commits nothing"

    subsidie = behandelaar(Subsidie.objects.get(aanvraag=a), "voorschot_betalen", bedrag=D("16000"))
    behandelaar(subsidie.betalingen.get(), "uitvoeren")
    assert grootboek(regeling) == verwacht(verplicht="20000", betaald="16000")

    subsidie = behandelaar(subsidie, "verantwoording_vragen", uiterlijk=date(2026, 12, 31))
    subsidie = door("aanvrager")(subsidie, "verantwoording_indienen", activiteitenverslag="Gedaan.",
                                 werkelijke_kosten=D("12000"))
    subsidie = behandelaar(subsidie, "vaststellen", bedrag=D("12000"), reden="Minder bijeenkomsten.")
    assert grootboek(regeling) == verwacht(verplicht="12000", vastgesteld="12000", betaald="16000"), (
        "a lower vaststelling releases the rest of the commitment")
    behandelaar(subsidie.betalingen.get(soort="terugvordering"), "uitvoeren")
    assert grootboek(regeling) == verwacht(verplicht="12000", vastgesteld="12000", betaald="16000",
                                           teruggevorderd="4000")

    klein = beslisser(aanvraag("4000"), "verlenen")  # settled at once, saldo planned
    behandelaar(klein.subsidie.betalingen.get(), "uitvoeren")
    assert grootboek(regeling) == verwacht(verplicht="16000", vastgesteld="16000", betaald="20000",
                                           teruggevorderd="4000")

    ingetrokken = beslisser(aanvraag("15000"), "verlenen")
    assert grootboek(regeling)["verplicht"] == D("31000")
    beslisser(Subsidie.objects.get(aanvraag=ingetrokken), "intrekken", reden="Vereniging opgeheven.")
    assert grootboek(regeling) == verwacht(verplicht="16000", vastgesteld="16000", betaald="20000",
                                           teruggevorderd="4000"), "an intrekking releases its commitment"


# --- the ceiling -----------------------------------------------------------------------------------------------
def test_request_over_the_remaining_ceiling_is_refused_citing_awb_4_25(regeling, aanvraag, door):
    door("beslisser")(aanvraag("40000"), "verlenen")

    tweede = door("beslisser")(aanvraag("15000"), "verlenen")

    assert tweede.status == "geweigerd"
    weigering = tweede.beschikkingen.get()
    assert weigering.soort == "weigering" and "Awb 4:25" in weigering.motivering
    assert not Subsidie.objects.filter(aanvraag=tweede).exists()
    assert grootboek(regeling)["verplicht"] == D("40000")


def test_partial_award_gets_exactly_the_remainder(regeling, aanvraag, door):
    regeling.gedeeltelijk_verlenen = True
    regeling.save()
    door("beslisser")(aanvraag("40000"), "verlenen")

    tweede = door("beslisser")(aanvraag("15000"), "verlenen")

    assert (tweede.status, tweede.subsidie.verleend_bedrag) == ("verleend", D("10000.00"))
    verlening = tweede.beschikkingen.get()
    assert verlening.bedrag == D("10000.00") and "Awb 4:25" in verlening.motivering
    assert grootboek(regeling)["verplicht"] == D("50000"), "the ceiling is used to the cent, not beyond"


@pytest.mark.parametrize(("ontvangen", "budget", "status", "verleend"), [
    pytest.param(date(2026, 2, 2), "76000", "verleend", "30000", id="ontvangen-voor-publicatie-plafond-bindt-niet"),
    pytest.param(date(2026, 3, 2), "76000", "geweigerd", None, id="ontvangen-na-publicatie-plafond-bindt"),
])
def test_a_ceiling_binds_only_requests_received_after_its_publication(regeling, aanvraag, door, vandaag, ontvangen,
                                                                      budget, status, verleend):
    """Awb 4:27: a ceiling published on 1 March does not bind a request received on 2 February."""
    Plafond.objects.filter(regeling=regeling).update(bedrag=D("10000"), gepubliceerd_op=date(2026, 3, 1))
    Budget.objects.filter(begrotingspost=regeling.begrotingspost).update(bedrag=D(budget))
    vandaag(ontvangen)
    voorstel = aanvraag("30000")
    vandaag(date(2026, 3, 10))

    besluit = door("beslisser")(voorstel, "verlenen")

    assert besluit.status == status
    if verleend:
        assert besluit.subsidie.verleend_bedrag == D(verleend)
    grootboek(regeling)


def test_an_exhausted_budget_without_a_binding_ceiling_blocks_instead_of_refusing(regeling, aanvraag, door, vandaag,
                                                                                    geweigerd):
    """Only a published ceiling is a ground for refusal; a short budget waits for the beheerder (Awb 4:25, 4:27)."""
    Plafond.objects.filter(regeling=regeling).update(bedrag=D("10000"), gepubliceerd_op=date(2026, 3, 1))
    Budget.objects.filter(begrotingspost=regeling.begrotingspost).update(bedrag=D("25000"))
    vandaag(date(2026, 2, 2))
    voorstel = aanvraag("30000")
    vandaag(date(2026, 3, 10))

    with geweigerd(TransitionNotPossible, "budget_ontoereikend") as refusal:
        door("beslisser")(voorstel, "verlenen")
    assert "€ 25.000,00 vrij" in refusal.value.nl


# --- volgorde van binnenkomst ------------------------------------------------------------------------------------
@pytest.fixture
def twee_voorstellen(regeling, aanvraag, vandaag):
    """Ceiling € 30,000; A (€ 20,000) became complete at 10:00, B (€ 15,000) at 11:00; both await a decision."""
    Plafond.objects.filter(regeling=regeling).update(bedrag=D("30000"))

    def both(status_a="besluit_voorgesteld"):
        a = aanvraag("20000", status_a)
        vandaag(date(2026, 2, 2), uur=11)
        return a, aanvraag("15000")

    return both


@pytest.mark.parametrize("status_a", ["ingediend", "in_behandeling", "in_beoordeling", "besluit_voorgesteld"])
def test_later_complete_request_cannot_take_room_held_for_an_earlier_one(twee_voorstellen, door, geweigerd,
                                                                         status_a):
    a, b = twee_voorstellen(status_a)
    with geweigerd(TransitionNotPossible, "eerdere_aanvragen_eerst"):
        door("beslisser")(b, "verlenen")


def test_first_come_first_served_in_order(twee_voorstellen, door, regeling):
    a, b = twee_voorstellen()
    assert door("beslisser")(a, "verlenen").status == "verleend"
    b = door("beslisser")(b, "verlenen")
    assert b.status == "geweigerd" and "Awb 4:25" in b.beschikkingen.get().motivering
    assert grootboek(regeling)["verplicht"] == D("20000")


def test_an_earlier_request_waiting_for_an_aanvulling_holds_no_room(twee_voorstellen, door, regeling):
    a, b = twee_voorstellen("in_behandeling")
    door("behandelaar")(a, "aanvulling_vragen", reden="Begroting ontbreekt.", termijn_tot=date(2026, 2, 16))
    assert door("beslisser")(b, "verlenen").status == "verleend"


def test_under_tender_the_ranking_decides_not_the_arrival(twee_voorstellen, door, regeling):
    regeling.verdeelmethode = Verdeelmethode.TENDER
    regeling.save()
    a, b = twee_voorstellen()
    assert door("beslisser")(b, "verlenen").subsidie.verleend_bedrag == D("15000.00")
    assert door("beslisser")(a, "verlenen").status == "geweigerd"
    assert grootboek(regeling)["verplicht"] == D("15000")


def test_without_a_budget_nothing_is_awarded(organisatie, actoren, geweigerd):
    concept = AanvraagFactory(regeling=RegelingFactory(), organisatie=organisatie)
    voorstel = breng_naar(concept, "besluit_voorgesteld", aanvrager=actoren["aanvrager"],
                          behandelaar=actoren["behandelaar"])
    with geweigerd(TransitionNotPossible, "geen_budget") as refusal:
        perform(voorstel, "verlenen", actoren["beslisser"])
    assert "2026" in refusal.value.nl
    assert Aanvraag.objects.get(pk=voorstel.pk).status == "besluit_voorgesteld"
