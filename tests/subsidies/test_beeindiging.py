"""Ending structural funding (Awb 4:50, 4:51) and withdrawing a structural subsidie (4:48).

After three or more consecutive years of funding (counted through the chain of continuations) ending it, or refusing
its continuation, needs a reasonable notice term: the funding runs on at least to the end of next year, phase-out
years are committed even above the ceiling, and later years lapse. Withdrawal for changed circumstances (4:50) may
carry compensation. Withdrawing a structural subsidie lets its open years lapse and recovers what was paid for them.
"""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import (
    Aanvraag, Beeindiging, Beschikking, Betaling, Budget, Jaartranche, Reservemutatie, Subsidie,
)
from subsidies.services.betaalrun import betaalrun
from subsidies.services.meerjarig import gesubsidieerde_jaren
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, PlafondFactory, breng_naar, breng_tranche_naar, jaarverslag,
    meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig,
)
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.transitions import perform

D = Decimal


@pytest.fixture
def regeling(db, vandaag):
    vandaag(dt.date(2024, 9, 1))
    return meerjarige_regeling(2025, 5)


@pytest.fixture
def verleen(regeling, organisatie, actoren, vandaag):
    """`verleen({2025: bedrag, ...}, voortzetting_van=...)`: granted on 1 September of the year before its first."""

    def award(jaarbedragen, **kwargs):
        vandaag(dt.date(min(jaarbedragen) - 1, 9, 1))
        aanvraag = meerjarige_aanvraag(regeling, jaarbedragen, organisatie=organisatie, **kwargs)
        return verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])

    return award


@pytest.fixture
def beeindigen(actoren):
    def end(subsidie, wie="beslisser", *, reden="De gemeente stopt met deze regeling.", **params):
        return perform(subsidie, "beeindigen", actoren[wie], reden=reden, **params)

    return end


def tranches(subsidie) -> list[tuple]:
    return [(t.boekjaar, t.status, t.bedrag, t.afbouw, t.verplichting.bedrag)
            for t in Jaartranche.objects.filter(subsidie=subsidie).select_related("verplichting")]


def jaren(bedrag, *boekjaren) -> dict:
    return dict.fromkeys(boekjaren, D(bedrag))


# --- counting consecutive years (Awb 4:51) ------------------------------------------------------------------------
def test_consecutive_years_count_through_the_chain_of_continuations(verleen, vandaag):
    eerste = verleen(jaren("80000", 2025, 2026))
    vandaag(dt.date(2026, 6, 1))
    assert gesubsidieerde_jaren(eerste) == 2
    vervolg = verleen(jaren("80000", 2027, 2028, 2029), voortzetting_van=eerste)
    vandaag(dt.date(2027, 6, 1))
    assert gesubsidieerde_jaren(vervolg) == 3
    assert gesubsidieerde_jaren(vervolg, tot_en_met=2029) == 5
    assert gesubsidieerde_jaren(vervolg, tot_en_met=2026) == 2


def test_a_lapsed_year_breaks_the_chain(verleen, behandelaar, vandaag):
    eerste = verleen(jaren("80000", 2025, 2026))
    vandaag(dt.date(2025, 12, 1))
    perform(eerste.tranches.get(boekjaar=2026), "vervallen", behandelaar, reden="Activiteit gestopt.")
    vervolg = verleen(jaren("80000", 2027, 2028), voortzetting_van=eerste)
    vandaag(dt.date(2027, 6, 1))
    assert gesubsidieerde_jaren(vervolg) == 1


# --- ending with a notice term (4:51) -------------------------------------------------------------------------------
def test_after_three_years_the_funding_runs_on_at_least_through_next_year(verleen, beeindigen, vandaag, geweigerd):
    subsidie = verleen(jaren("100000", 2025, 2026, 2027, 2028, 2029))
    vandaag(dt.date(2027, 6, 1))
    with geweigerd(InvalidInput, "opzegtermijn_te_kort") as refusal:
        beeindigen(subsidie, grond="4:51", einde_boekjaar=2027)
    assert refusal.value.details["vroegst"] == 2028 and "Na 3 jaar" in refusal.value.nl
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2028)
    assert [(jaar, status) for jaar, status, *_ in tranches(subsidie)] == [
        (2025, "gepland"), (2026, "gepland"), (2027, "gepland"), (2028, "gepland"), (2029, "vervallen")]
    assert tranches(subsidie)[-1][4] == D("0.00"), "the lapsed year's commitment returns to the budget"
    assert (subsidie.laatste_boekjaar, subsidie.status) == (2028, "verleend")
    beeindiging = Beeindiging.objects.get(subsidie=subsidie)
    assert (beeindiging.grond, beeindiging.laatste_boekjaar, beeindiging.gesubsidieerde_jaren) == ("4:51", 2028, 3)
    brief = subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.BEEINDIGING)
    assert "eindigt na het boekjaar 2028" in brief.motivering


def test_before_three_years_the_funding_may_end_this_year(verleen, beeindigen, vandaag, geweigerd):
    subsidie = verleen(jaren("100000", 2026, 2027, 2028, 2029))
    vandaag(dt.date(2027, 6, 1))
    with geweigerd(InvalidInput, "opzegtermijn_te_kort"):
        beeindigen(subsidie, grond="4:51", einde_boekjaar=2026)
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2027)
    assert [status for _, status, *_ in tranches(subsidie)] == ["gepland", "gepland", "vervallen", "vervallen"]


def test_phase_out_years_decline_linearly_by_default(verleen, beeindigen, vandaag):
    subsidie = verleen({2025: D("90000"), 2026: D("90000"), 2027: D("90000")})
    vandaag(dt.date(2027, 6, 1))
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2029)
    assert tranches(subsidie)[3:] == [(2028, "gepland", D("60000.00"), True, D("60000.00")),
                                      (2029, "gepland", D("30000.00"), True, D("30000.00"))]
    assert subsidie.verplichtingen.get(boekjaar=2028).voorwaardelijk, "still under the begrotingsvoorbehoud"
    assert subsidie.laatste_boekjaar == 2029
    brief = subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.BEEINDIGING)
    assert "Afbouw 2028: € 60.000,00" in brief.motivering and "Afbouw 2029: € 30.000,00" in brief.motivering


def test_phase_out_follows_the_given_plan(verleen, beeindigen, vandaag):
    subsidie = verleen(jaren("90000", 2025, 2026, 2027))
    vandaag(dt.date(2027, 6, 1))
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2029, afbouw={"2028": "75000", "2029": "25000.50"})
    assert [(jaar, bedrag) for jaar, _, bedrag, *_ in tranches(subsidie)[3:]] == [(2028, D("75000.00")),
                                                                                 (2029, D("25000.50"))]


@pytest.mark.parametrize("afbouw", [
    {"2028": "75000"},  # 2029 missing
    {"2028": "75000", "2029": "25000", "2030": "10000"},
    {"2028": "90000.01", "2029": "25000"},  # more than the last year
    {"2028": "0", "2029": "25000"},
])
def test_phase_out_plan_covers_each_new_year_within_the_last_amount(verleen, beeindigen, vandaag, geweigerd, afbouw):
    subsidie = verleen(jaren("90000", 2025, 2026, 2027))
    vandaag(dt.date(2027, 6, 1))
    with geweigerd(InvalidInput, "afbouw_ongeldig"):
        beeindigen(subsidie, grond="4:51", einde_boekjaar=2029, afbouw=afbouw)


def test_phase_out_plan_needs_years_after_the_award(verleen, beeindigen, vandaag, geweigerd):
    subsidie = verleen(jaren("90000", 2025, 2026, 2027, 2028))
    vandaag(dt.date(2027, 6, 1))
    with geweigerd(InvalidInput, "afbouw_ongeldig"):
        beeindigen(subsidie, grond="4:51", einde_boekjaar=2028, afbouw={"2028": "50000"})


def test_phase_out_is_committed_even_above_an_exhausted_ceiling(regeling, verleen, beeindigen, vandaag):
    subsidie = verleen(jaren("90000", 2025, 2026, 2027))
    plafond = PlafondFactory(regeling=regeling, boekjaar=2028, bedrag=D("10000"), gepubliceerd_op=dt.date(2027, 1, 5),
                             budget=Budget.objects.get(begrotingspost=regeling.begrotingspost, boekjaar=2028))
    BegrotingsjaarFactory(boekjaar=2028, vastgesteld_op=dt.date(2027, 11, 11))
    vandaag(dt.date(2027, 12, 1))
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2028)
    afbouw = subsidie.tranches.get(boekjaar=2028)
    assert (afbouw.status, afbouw.bedrag, afbouw.afbouw) == ("definitief", D("45000.00"), True)
    assert (afbouw.verplichting.bedrag, afbouw.verplichting.voorwaardelijk) == (D("45000.00"), False)
    # The ceiling shows it, beyond its amount: no later award of 2028 can count on room it does not have.
    assert afbouw.verplichting.plafond == plafond
    assert sum(v.bedrag for v in plafond.verplichtingen.all()) == D("45000.00")


# --- 4:50: changed circumstances, with compensation -----------------------------------------------------------
def test_compensation_belongs_to_withdrawal_for_changed_circumstances(verleen, beeindigen, vandaag, geweigerd):
    subsidie = verleen(jaren("100000", 2025, 2026, 2027, 2028))
    vandaag(dt.date(2027, 6, 1))
    for grond, compensatie in (("4:51", "15000"), ("4:50", "-1")):
        with geweigerd(InvalidInput, "compensatie_ongeldig"):
            beeindigen(subsidie, grond=grond, einde_boekjaar=2028, compensatie=compensatie)
    subsidie = beeindigen(subsidie, grond="4:50", einde_boekjaar=2027, compensatie="15000",
                          reden="Het gebouw wordt gesloopt; de activiteit kan niet doorgaan.")
    assert [status for _, status, *_ in tranches(subsidie)][-1] == "vervallen"
    beeindiging = subsidie.beeindiging
    assert (beeindiging.grond, beeindiging.compensatie, beeindiging.laatste_boekjaar) == ("4:50", D("15000.00"), 2027)
    assert "Compensatie voor de schade door de intrekking: € 15.000,00 (Awb 4:50 lid 2)" in \
        subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.BEEINDIGING).motivering


@pytest.mark.parametrize(("params", "code"), [
    ({"grond": "4:52", "einde_boekjaar": 2028}, "grond_ongeldig"),
    ({"grond": "4:51", "einde_boekjaar": 2028, "reden": " "}, "reden_verplicht"),
    ({"grond": "4:51", "einde_boekjaar": "volgend jaar"}, "einde_boekjaar_ongeldig"),
    ({"grond": "4:51"}, "einde_boekjaar_ongeldig"),
])
def test_beeindigen_needs_a_ground_a_reason_and_a_last_year(verleen, beeindigen, vandaag, geweigerd, params, code):
    subsidie = verleen(jaren("100000", 2025, 2026, 2027, 2028))
    vandaag(dt.date(2027, 6, 1))
    with geweigerd(InvalidInput, code):
        beeindigen(subsidie, **params)


def test_beeindigen_is_for_an_officer_without_ties_and_happens_once(verleen, beeindigen, vandaag, geweigerd):
    subsidie = verleen(jaren("100000", 2025, 2026, 2027, 2028))
    vandaag(dt.date(2027, 6, 1))
    for wie in ("aanvrager", "beslisser_met_belang"):
        with geweigerd(NotPermitted):
            beeindigen(subsidie, wie, grond="4:51", einde_boekjaar=2028)
    beeindigen(subsidie, "behandelaar", grond="4:51", einde_boekjaar=2028)
    with geweigerd(TransitionNotPossible, "al_beeindigd"):
        beeindigen(subsidie, grond="4:51", einde_boekjaar=2028)


def test_a_one_off_subsidie_is_not_ended_this_way(beeindigen, vandaag, geweigerd):
    vandaag(dt.date(2026, 2, 2))
    eenmalig = Subsidie.objects.get(aanvraag=breng_naar(AanvraagFactory(), "verleend"))
    with geweigerd(TransitionNotPossible, "niet_meerjarig"):
        beeindigen(eenmalig, grond="4:51", einde_boekjaar=2026)


# --- refusing continuation -------------------------------------------------------------------------------------
@pytest.fixture
def vervolgaanvraag(verleen, organisatie, actoren, vandaag):
    """The continuation request of a subsidie for `jaren`, proposed for refusal in October 2027."""

    def maak(*boekjaren):
        vorige = verleen(jaren("90000", *boekjaren))
        vandaag(dt.date(2027, 9, 1))
        aanvraag = meerjarige_aanvraag(vorige.regeling, jaren("90000", 2028, 2029), organisatie=organisatie,
                                       voortzetting_van=vorige)
        aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=actoren["aanvrager"],
                              behandelaar=actoren["behandelaar"])
        vandaag(dt.date(2027, 10, 15))
        return perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="weigeren",
                       reden="De activiteit past niet meer in het beleid van de sociale basis.")

    return maak


def test_refusing_continuation_after_three_years_needs_a_notice_term(vervolgaanvraag, actoren, geweigerd):
    aanvraag = vervolgaanvraag(2025, 2026, 2027)
    with geweigerd(InvalidInput, "opzegtermijn_verplicht"):
        perform(aanvraag, "weigeren", actoren["beslisser"])
    with geweigerd(InvalidInput, "opzegtermijn_te_kort"):
        perform(aanvraag, "weigeren", actoren["beslisser"], einde_boekjaar=2027)
    aanvraag = perform(aanvraag, "weigeren", actoren["beslisser"], einde_boekjaar=2028)
    assert aanvraag.status == "geweigerd"
    vorige = Subsidie.objects.get(pk=aanvraag.voortzetting_van_id)
    assert (vorige.beeindiging.grond, vorige.beeindiging.laatste_boekjaar, vorige.laatste_boekjaar) == (
        "4:51", 2028, 2028)
    assert tranches(vorige)[-1] == (2028, "gepland", D("45000.00"), True, D("45000.00"))
    assert "Voortzetting geweigerd" in vorige.beeindiging.motivering
    assert aanvraag.beschikkingen.get().soort == "weigering"


def test_the_behandelaar_who_refuses_continuation_sets_the_notice_term(vervolgaanvraag, actoren):
    aanvraag = vervolgaanvraag(2025, 2026, 2027)
    perform(aanvraag, "weigeren", actoren["behandelaar"], einde_boekjaar=2028)
    assert aanvraag.voortzetting_van.beeindiging.besloten_door == actoren["behandelaar"]


def test_refusing_continuation_of_a_shorter_subsidie_needs_no_notice(vervolgaanvraag, actoren):
    aanvraag = perform(vervolgaanvraag(2026, 2027), "weigeren", actoren["behandelaar"])
    assert aanvraag.status == "geweigerd"
    assert not Beeindiging.objects.exists()


# --- intrekken (4:48) ------------------------------------------------------------------------------------------
@pytest.fixture
def lopend_2027(actoren, vandaag, organisatie, db):
    """2027–2029 granted in November 2026 after the 2027 budget was adopted; with a reserve; 2027 runs."""
    vandaag(dt.date(2026, 9, 1))
    BegrotingsjaarFactory(boekjaar=2027, vastgesteld_op=dt.date(2026, 11, 12))
    BegrotingsjaarFactory(boekjaar=2028, vastgesteld_op=dt.date(2027, 11, 11))
    regeling = meerjarige_regeling(2027, 3)
    aanvraag = breng_naar(meerjarige_aanvraag(regeling, jaren("100000", 2027, 2028, 2029), organisatie=organisatie),
                          "in_beoordeling", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
    vandaag(dt.date(2026, 11, 20))
    return verleen_meerjarig(aanvraag, behandelaar=actoren["behandelaar"], beslisser=actoren["beslisser"],
                             voorwaarden={"egalisatiereserve": True})


def betaal(subsidie, behandelaar):
    for betaling in betaalrun():
        perform(betaling, "uitvoeren", behandelaar)


def test_intrekken_lets_open_years_lapse_and_recovers_what_was_paid(lopend_2027, actoren, vandaag):
    vandaag(dt.date(2027, 5, 1))
    betaal(lopend_2027, actoren["behandelaar"])  # two quarters of 2027
    subsidie = perform(lopend_2027, "intrekken", actoren["beslisser"], reden="Onjuiste gegevens verstrekt.")
    assert (subsidie.status, subsidie.vastgesteld_bedrag) == ("ingetrokken", D("0.00"))
    assert [(jaar, status, verplicht) for jaar, status, _, _, verplicht in tranches(subsidie)] == [
        (2027, "vervallen", D("0.00")), (2028, "vervallen", D("0.00")), (2029, "vervallen", D("0.00"))]
    terug = subsidie.betalingen.get(soort=Betaling.Soort.TERUGVORDERING)
    assert (terug.bedrag, terug.verplichting.boekjaar) == (D("50000.00"), 2027)
    assert subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.INTREKKING).bedrag == D("0.00")


def test_intrekken_keeps_settled_years_and_recovers_the_reserve(lopend_2027, actoren, vandaag):
    behandelaar = actoren["behandelaar"]
    vandaag(dt.date(2027, 12, 1))
    betaal(lopend_2027, behandelaar)
    vandaag(dt.date(2028, 3, 1))
    breng_tranche_naar(lopend_2027.tranches.get(boekjaar=2027), "vastgesteld", aanvrager=actoren["aanvrager"],
                       behandelaar=behandelaar, verslag=jaarverslag("96000"))
    breng_tranche_naar(lopend_2027.tranches.get(boekjaar=2028), "lopend", aanvrager=actoren["aanvrager"],
                       behandelaar=behandelaar)
    vandaag(dt.date(2028, 5, 1))
    betaal(lopend_2027, behandelaar)  # two quarters of 2028
    subsidie = perform(lopend_2027, "intrekken", actoren["beslisser"], reden="De stichting stopt met de inloop.")
    assert subsidie.vastgesteld_bedrag == D("96000.00"), "2027 stays settled, less the reserve it formed"
    assert [m.soort for m in Reservemutatie.objects.filter(subsidie=subsidie)] == ["dotatie", "terugvordering"]
    assert sorted((b.verplichting.boekjaar, b.bedrag) for b in subsidie.betalingen.filter(
        soort=Betaling.Soort.TERUGVORDERING)) == [(2027, D("4000.00")), (2028, D("50000.00"))]
    assert [status for _, status, *_ in tranches(subsidie)] == ["vastgesteld", "vervallen", "vervallen"]
    assert Aanvraag.objects.get(pk=subsidie.aanvraag_id).status == "verleend"


def test_phase_out_years_are_indexed_once(regeling, beeindigen, behandelaar, vandaag):
    """The plan is in the award's prices, like every year: 2028's compensation applies once, on top of 2026–27's."""
    for jaar, percentage in {2025: "9.00", 2026: "2.00", 2027: "3.00", 2028: "2.00"}.items():
        BegrotingsjaarFactory(boekjaar=jaar, vastgesteld_op=dt.date(jaar - 1, 11, 12),
                              indexatie_percentage=D(percentage))
    vandaag(dt.date(2024, 9, 1))
    aanvraag = meerjarige_aanvraag(regeling, jaren("90000", 2025, 2026, 2027))
    subsidie = verleen_meerjarig(aanvraag, behandelaar=behandelaar, voorwaarden={"indexeren": True})
    for jaar in (2025, 2026, 2027):
        vandaag(dt.date(jaar - 1, 11, 20))
        if subsidie.tranches.get(boekjaar=jaar).status == "gepland":
            perform(subsidie.tranches.get(boekjaar=jaar), "definitief_maken", behandelaar)
    assert subsidie.tranches.get(boekjaar=2027).bedrag == D("94554.00")  # 90,000 × 1.02 × 1.03
    vandaag(dt.date(2027, 6, 1))
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2028)
    vandaag(dt.date(2027, 11, 20))
    afbouw = perform(subsidie.tranches.get(boekjaar=2028), "definitief_maken", behandelaar)
    assert (afbouw.basisbedrag, afbouw.bedrag) == (D("45000.00"), D("48222.54"))  # half, × 1.02 × 1.03 × 1.02


def test_a_year_that_already_lapsed_stays_lapsed_when_the_subsidie_ends(verleen, beeindigen, beslisser, vandaag):
    subsidie = verleen(jaren("100000", 2025, 2026, 2027, 2028, 2029))
    BegrotingsjaarFactory(boekjaar=2029, vastgesteld_op=dt.date(2027, 5, 20))  # adopted early, then cut
    vandaag(dt.date(2027, 6, 1))
    perform(subsidie.tranches.get(boekjaar=2029), "voorbehoud_inroepen", beslisser, bedrag=0,
            reden="De raad schrapt de post voor 2029.")
    subsidie = beeindigen(subsidie, grond="4:51", einde_boekjaar=2028)
    assert [status for _, status, *_ in tranches(subsidie)] == ["gepland"] * 4 + ["vervallen"]
