"""Vaststelling per boekjaar through the egalisatiereserve, and the eindafrekening (Awb 4:72, 4:73).

Per year the result is the tranche minus the net costs (costs minus own income). With a reserve a surplus is added
up to its maximum (a percentage of the year's tranche) and what exceeds it lowers the vaststelling; a deficit is
drawn from the reserve. Without a reserve a surplus lowers the vaststelling. Each year is paid or recovered on its
own commitment. At the end the recipient repays the reserve in proportion to what the subsidy contributed to it
(4:72 lid 5); the rest is theirs.

The scenario: € 100,000 a year for 2027 and 2028 and € 90,000 for 2029, a reserve of at most 10%, quarterly
advances; granted on 20 November 2026, after the council adopted the 2027 budget.
"""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import Beschikking, Betaling, Budget, Jaartranche, Subsidie
from subsidies.services.betaalrun import betaalrun
from subsidies.services.budget import overzicht
from subsidies.services.jaarvaststelling import reservesaldo
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, breng_naar, breng_tranche_naar, jaarverslag, meerjarige_aanvraag,
    meerjarige_regeling, netto_uitgevoerd, verleen_meerjarig,
)
from workflows.errors import NotPermitted, TransitionNotPossible
from workflows.transitions import perform

D = Decimal
JAREN = {2027: D("100000.00"), 2028: D("100000.00"), 2029: D("90000.00")}


@pytest.fixture
def verleen(db, vandaag, actoren, organisatie):
    """`verleen(egalisatiereserve=True)`: the organisation's 2027–2029 subsidie; 2027 runs from the award on."""

    def award(**voorwaarden):
        vandaag(dt.date(2026, 9, 1))
        for jaar in JAREN:
            BegrotingsjaarFactory(boekjaar=jaar, vastgesteld_op=dt.date(jaar - 1, 11, 12))
        regeling = meerjarige_regeling(2027, 3)
        aanvraag = breng_naar(meerjarige_aanvraag(regeling, JAREN, organisatie=organisatie), "in_beoordeling",
                              aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
        vandaag(dt.date(2026, 11, 20))
        return verleen_meerjarig(aanvraag, behandelaar=actoren["behandelaar"], beslisser=actoren["beslisser"],
                                 voorwaarden=voorwaarden)

    return award


@pytest.fixture
def met_reserve(verleen):
    return verleen(egalisatiereserve=True)


@pytest.fixture
def zonder_reserve(verleen):
    return verleen(egalisatiereserve=False)


@pytest.fixture
def jaar(actoren, vandaag):
    """`jaar(subsidie, 2027, kosten, inkomsten)`: the year runs, every advance is paid in the year, the report
    comes in the next March and the year is settled, its saldo paid or recovered. Returns the settled tranche."""

    def rond(subsidie, boekjaar: int, kosten, inkomsten="0", *, uitvoeren=True, **vaststelling):
        aanvrager, behandelaar = actoren["aanvrager"], actoren["behandelaar"]
        vandaag(dt.date(boekjaar, 12, 1))
        tranche = breng_tranche_naar(tranche_van(subsidie, boekjaar), "lopend", aanvrager=aanvrager,
                                     behandelaar=behandelaar)
        for betaling in betaalrun():
            perform(betaling, "uitvoeren", behandelaar)
        vandaag(dt.date(boekjaar + 1, 3, 1))
        breng_tranche_naar(tranche, "vastgesteld", aanvrager=aanvrager, behandelaar=behandelaar,
                           verslag=jaarverslag(kosten, inkomsten), **vaststelling)
        if uitvoeren:
            voer_uit(subsidie, behandelaar)
        return tranche_van(subsidie, boekjaar)

    return rond


def tranche_van(subsidie, boekjaar: int) -> Jaartranche:
    return Jaartranche.objects.select_related("verplichting").get(subsidie=subsidie, boekjaar=boekjaar)


def voer_uit(subsidie, behandelaar) -> None:
    for betaling in subsidie.betalingen.filter(status=Betaling.Status.GEPLAND):
        perform(betaling, "uitvoeren", behandelaar)


def reserve(subsidie) -> list[tuple]:
    return [(m.boekjaar, m.soort, m.bedrag, m.saldo_na) for m in subsidie.reservemutaties.order_by("pk")]


def verrekening(subsidie, boekjaar: int) -> list[tuple]:
    """The settlement payments booked on the year's own commitment."""
    return [(b.soort, b.bedrag) for b in Betaling.objects.filter(verplichting__subsidie=subsidie,
                                                                 verplichting__boekjaar=boekjaar)
            .exclude(soort=Betaling.Soort.VOORSCHOT).order_by("pk")]


def klopt(subsidie) -> None:
    """What an auditor reconciles: every ledger row adds up, and each settled or lapsed year's commitment ends at
    what was paid for it (once the planned payments are made)."""
    for row in overzicht(Budget.objects.filter(verplichtingen__subsidie=subsidie).distinct()):
        assert row.vrij + row.verplicht == row.bedrag
    for verplichting in subsidie.verplichtingen.filter(tranche__status__in=["vastgesteld", "vervallen"]):
        assert netto_uitgevoerd(verplichting) == verplichting.bedrag, verplichting.boekjaar


# --- per year ----------------------------------------------------------------------------------------------------
def test_surplus_goes_to_the_reserve(met_reserve, jaar):
    tranche = jaar(met_reserve, 2027, "95000")
    assert tranche.vastgesteld_bedrag == D("100000.00")
    assert reserve(met_reserve) == [(2027, "dotatie", D("5000.00"), D("5000.00"))]
    assert verrekening(met_reserve, 2027) == []
    klopt(met_reserve)


def test_surplus_above_the_maximum_lowers_the_vaststelling(met_reserve, jaar):
    tranche = jaar(met_reserve, 2027, "85000")
    assert tranche.vastgesteld_bedrag == D("95000.00")
    assert reserve(met_reserve) == [(2027, "dotatie", D("10000.00"), D("10000.00"))]
    assert verrekening(met_reserve, 2027) == [("terugvordering", D("5000.00"))]
    beschikking = met_reserve.aanvraag.beschikkingen.get(soort=Beschikking.Soort.VASTSTELLING, boekjaar=2027)
    assert "€ 10.000,00 naar de egalisatiereserve" in beschikking.motivering
    assert "€ 5.000,00 boven het maximum" in beschikking.motivering
    klopt(met_reserve)


def test_the_reserve_fills_up_to_the_maximum_over_the_years(met_reserve, jaar):
    jaar(met_reserve, 2027, "94000")
    tranche = jaar(met_reserve, 2028, "95000")
    assert tranche.vastgesteld_bedrag == D("99000.00")  # € 5,000 surplus, room for € 4,000
    assert reserve(met_reserve) == [(2027, "dotatie", D("6000.00"), D("6000.00")),
                                    (2028, "dotatie", D("4000.00"), D("10000.00"))]
    klopt(met_reserve)


def test_own_income_counts_against_the_costs(met_reserve, jaar):
    tranche = jaar(met_reserve, 2027, "120000", "25000")
    assert tranche.vastgesteld_bedrag == D("100000.00")
    assert reserve(met_reserve) == [(2027, "dotatie", D("5000.00"), D("5000.00"))]


def test_deficit_is_drawn_from_the_reserve(met_reserve, jaar):
    jaar(met_reserve, 2027, "94000")
    tranche = jaar(met_reserve, 2028, "104000")
    assert tranche.vastgesteld_bedrag == D("100000.00")
    assert reserve(met_reserve)[-1] == (2028, "onttrekking", D("-4000.00"), D("2000.00"))
    assert "Tekort € 4.000,00: € 4.000,00 uit de egalisatiereserve" in met_reserve.aanvraag.beschikkingen.get(
        soort=Beschikking.Soort.VASTSTELLING, boekjaar=2028).motivering


def test_deficit_beyond_the_reserve_stays_with_the_recipient(met_reserve, jaar):
    jaar(met_reserve, 2027, "98000")
    tranche = jaar(met_reserve, 2028, "110000")
    assert tranche.vastgesteld_bedrag == D("100000.00"), "the subsidy never exceeds the year's amount"
    assert reserve(met_reserve)[-1] == (2028, "onttrekking", D("-2000.00"), D("0.00"))
    assert verrekening(met_reserve, 2028) == []


def test_without_a_reserve_a_surplus_lowers_the_vaststelling(zonder_reserve, jaar):
    tranche = jaar(zonder_reserve, 2027, "95000")
    assert tranche.vastgesteld_bedrag == D("95000.00")
    assert verrekening(zonder_reserve, 2027) == [("terugvordering", D("5000.00"))]
    assert "onder de subsidie" in zonder_reserve.aanvraag.beschikkingen.get(
        soort=Beschikking.Soort.VASTSTELLING, boekjaar=2027).motivering
    assert reserve(zonder_reserve) == []
    klopt(zonder_reserve)


def test_without_a_reserve_a_deficit_stays_with_the_recipient(zonder_reserve, jaar):
    assert jaar(zonder_reserve, 2027, "112000").vastgesteld_bedrag == D("100000.00")
    assert verrekening(zonder_reserve, 2027) == []


def test_the_years_saldo_is_paid_on_its_own_commitment(met_reserve, actoren, vandaag):
    """Two advances were paid, two were planned but not paid: the vaststelling supersedes the planned ones."""
    behandelaar = actoren["behandelaar"]
    vandaag(dt.date(2027, 5, 1))
    for betaling in betaalrun():
        perform(betaling, "uitvoeren", behandelaar)
    vandaag(dt.date(2027, 12, 1))
    nog_niet_betaald = betaalrun()
    vandaag(dt.date(2028, 3, 1))
    breng_tranche_naar(tranche_van(met_reserve, 2027), "vastgesteld", aanvrager=actoren["aanvrager"],
                       behandelaar=behandelaar, verslag=jaarverslag("99000"))
    assert {b.termijn for b in nog_niet_betaald} == {3, 4}
    assert set(Betaling.objects.filter(pk__in=[b.pk for b in nog_niet_betaald])
               .values_list("status", flat=True)) == {"geannuleerd"}
    assert verrekening(met_reserve, 2027) == [("saldo", D("50000.00"))]
    voer_uit(met_reserve, behandelaar)
    klopt(met_reserve)


def test_the_reserve_ledger_is_a_running_sum(met_reserve, jaar):
    jaar(met_reserve, 2027, "93000")
    jaar(met_reserve, 2028, "101500")
    jaar(met_reserve, 2029, "86000")
    lopend = D("0")
    for mutatie in met_reserve.reservemutaties.order_by("pk"):
        lopend += mutatie.bedrag
        assert mutatie.saldo_na == lopend >= 0
    assert reservesaldo(met_reserve) == lopend == D("9000.00")  # +7000, −1500, +3500 up to 10% of € 90,000


def test_reserve_lines_are_never_changed(met_reserve, jaar):
    jaar(met_reserve, 2027, "95000")
    mutatie = met_reserve.reservemutaties.get()
    mutatie.bedrag = D("1")
    with pytest.raises(RuntimeError):
        mutatie.save()


# --- the eindafrekening ----------------------------------------------------------------------------------------
def test_eindafrekening_recovers_the_reserve_the_subsidy_paid_for(met_reserve, jaar, actoren):
    """No own income: the subsidy paid for the whole reserve, so all of it comes back (Awb 4:72 lid 5)."""
    jaar(met_reserve, 2027, "94000")
    jaar(met_reserve, 2028, "97000")
    jaar(met_reserve, 2029, "88000")  # surplus € 2,000, the reserve is full at 10% of € 90,000
    assert reservesaldo(met_reserve) == D("9000.00")
    subsidie = perform(met_reserve, "eindafrekening", actoren["behandelaar"])
    assert subsidie.status == "vastgesteld"
    assert subsidie.vastgesteld_bedrag == D("279000.00"), "100,000 + 100,000 + 88,000 − 9,000: the costs"
    assert reserve(subsidie)[-1] == (2029, "terugvordering", D("-9000.00"), D("0.00"))
    assert verrekening(subsidie, 2029) == [("terugvordering", D("2000.00")), ("terugvordering", D("9000.00"))]
    eindafrekening = subsidie.aanvraag.beschikkingen.filter(soort=Beschikking.Soort.VASTSTELLING,
                                                             boekjaar=None).get()
    assert eindafrekening.bedrag == D("279000.00")
    assert "de jaren samen € 288.000,00" in eindafrekening.motivering
    assert "voor € 9.000,00 uit subsidie gevormd" in eindafrekening.motivering
    voer_uit(subsidie, actoren["behandelaar"])
    klopt(subsidie)
    assert perform(subsidie, "afsluiten", actoren["behandelaar"]).status == "afgesloten"


def test_eindafrekening_leaves_the_share_of_own_income_to_the_recipient(met_reserve, jaar, actoren):
    """€ 25,000 own income a year: the subsidy is 290,000 of 365,000 income, so 79.45% of the reserve returns."""
    jaar(met_reserve, 2027, "119000", "25000")
    jaar(met_reserve, 2028, "122000", "25000")
    jaar(met_reserve, 2029, "115000", "25000")
    subsidie = perform(met_reserve, "eindafrekening", actoren["behandelaar"])
    assert reserve(subsidie)[-2:] == [(2029, "terugvordering", D("-7150.68"), D("1849.32")),
                                      (2029, "vrijval", D("-1849.32"), D("0.00"))]
    assert subsidie.vastgesteld_bedrag == D("282849.32")
    voer_uit(subsidie, actoren["behandelaar"])
    assert subsidie.netto_betaald() == subsidie.vastgesteld_bedrag
    klopt(subsidie)


def test_eindafrekening_without_a_reserve_totals_the_years(zonder_reserve, jaar, actoren):
    for boekjaar, kosten in {2027: "100000", 2028: "96000", 2029: "95000"}.items():
        jaar(zonder_reserve, boekjaar, kosten)
    subsidie = perform(zonder_reserve, "eindafrekening", actoren["behandelaar"])
    assert subsidie.vastgesteld_bedrag == D("286000.00")
    assert subsidie.betalingen.filter(status=Betaling.Status.GEPLAND).count() == 0
    assert perform(subsidie, "afsluiten", actoren["behandelaar"]).status == "afgesloten"
    klopt(subsidie)


def test_eindafrekening_waits_for_every_year(met_reserve, jaar, actoren, geweigerd):
    jaar(met_reserve, 2027, "100000")
    with geweigerd(TransitionNotPossible, "jaren_open"):
        perform(met_reserve, "eindafrekening", actoren["behandelaar"])
    with geweigerd(NotPermitted):
        perform(met_reserve, "eindafrekening", actoren["aanvrager"])


def test_eindafrekening_is_only_for_a_multi_year_subsidie(actoren, vandaag, geweigerd):
    vandaag(dt.date(2026, 2, 2))
    eenmalig = Subsidie.objects.get(aanvraag=breng_naar(AanvraagFactory(), "verleend"))
    with geweigerd(TransitionNotPossible, "niet_meerjarig"):
        perform(eenmalig, "eindafrekening", actoren["behandelaar"])
