"""Every transition of a jaartranche, allowed and refused, with the clock where each rule puts it.

gepland → definitief (the council adopted the year's budget) → werkplan_ingediend → lopend → verantwoord →
vastgesteld; the begrotingsvoorbehoud (Awb 4:34) lowers a tranche or lets it lapse within four weeks after adoption;
vervallen when the year is not funded. Indexation follows the council's compensation per year.

The scenario: a stichting is granted 2027–2029 on 15 October 2026, before the council adopted the 2027 budget on
Thursday 12 November 2026 (2028: 11 November 2027; 2029: 9 November 2028).
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from subsidies import tasks
from subsidies.models import (
    Begrotingsjaar, Beschikking, Betaling, Budget, Jaartranche, Reservemutatie, Verantwoording,
)
from subsidies.rollen import systeemgebruiker
from subsidies.services.betaalrun import betaalrun
from subsidies.services.budget import overzicht
from tests.factories import (
    BegrotingsjaarFactory, breng_naar, breng_tranche_naar, jaarverslag, meerjarige_aanvraag, meerjarige_regeling,
    netto_uitgevoerd, verleen_meerjarig,
)
from workflows.audit import verify
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.transitions import perform

D = Decimal
JAREN = {2027: D("100000.00"), 2028: D("100000.00"), 2029: D("90000.00")}
ADOPTIE = {2027: dt.date(2026, 11, 12), 2028: dt.date(2027, 11, 11), 2029: dt.date(2028, 11, 9)}
DOELEN = [{"kernactiviteit": "Ontmoeting", "doel": "Minder eenzaamheid onder ouderen", "indicator": "deelnemers",
           "streefwaarde": 40},
          {"kernactiviteit": "Vrijwillige inzet", "doel": "Meer vrijwilligers uit de wijk"}]


@pytest.fixture
def verleen(db, vandaag, actoren, organisatie):
    """`verleen(jaarbedragen, **voorwaarden)`: the organisation's request, submitted on 1 September 2026 and granted
    on 15 October 2026, before any budget was adopted; every tranche is planned."""

    def award(jaarbedragen=None, **voorwaarden):
        vandaag(dt.date(2026, 9, 1))
        for jaar, dag in ADOPTIE.items():
            BegrotingsjaarFactory(boekjaar=jaar, vastgesteld_op=dag)
        regeling = meerjarige_regeling(2027, 3)
        aanvraag = meerjarige_aanvraag(regeling, jaarbedragen or JAREN, organisatie=organisatie)
        aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=actoren["aanvrager"],
                              behandelaar=actoren["behandelaar"])
        vandaag(dt.date(2026, 10, 15))
        return verleen_meerjarig(aanvraag, behandelaar=actoren["behandelaar"], beslisser=actoren["beslisser"],
                                 voorwaarden=voorwaarden)

    return award


@pytest.fixture
def subsidie(verleen):
    return verleen()


@pytest.fixture
def door(actoren):
    """`door("behandelaar")(tranche, "vaststellen", bedrag=...)`: perform as that actor."""
    return lambda naam: lambda obj, actie, **params: perform(obj, actie, actoren[naam], **params)


@pytest.fixture
def lopend(subsidie, actoren, vandaag):
    """The 2028 tranche, running: definitive after adoption, its werkplan (with two goals) approved."""
    vandaag(dt.date(2027, 11, 20))
    tranche = breng_tranche_naar(tranche_van(subsidie, 2028), "werkplan_ingediend", aanvrager=actoren["aanvrager"],
                                 behandelaar=actoren["behandelaar"])
    tranche = perform(tranche, "werkplan_terugsturen", actoren["behandelaar"], reden="Noem de doelen.")
    tranche = perform(tranche, "werkplan_indienen", actoren["aanvrager"], werkplan="Inloop en vrijwilligerswerk.",
                      doelen=DOELEN)
    return perform(tranche, "werkplan_goedkeuren", actoren["behandelaar"])


def tranche_van(subsidie, jaar: int) -> Jaartranche:
    return Jaartranche.objects.select_related("verplichting").get(subsidie=subsidie, boekjaar=jaar)


def verplicht(subsidie, jaar: int) -> tuple:
    verplichting = tranche_van(subsidie, jaar).verplichting
    return verplichting.bedrag, verplichting.voorwaardelijk


# --- definitief_maken: only after the council adopted the year's budget ---------------------------------------
def test_definitief_maken_is_refused_before_the_budget_is_adopted(subsidie, behandelaar, vandaag, geweigerd):
    vandaag(ADOPTIE[2027] - dt.timedelta(days=1))
    with geweigerd(TransitionNotPossible, "begroting_niet_vastgesteld"):
        perform(tranche_van(subsidie, 2027), "definitief_maken", behandelaar)


def test_definitief_maken_is_refused_without_a_begrotingsjaar(subsidie, behandelaar, vandaag, geweigerd):
    Begrotingsjaar.objects.get(boekjaar=2028).delete()
    vandaag(dt.date(2027, 12, 1))
    with geweigerd(TransitionNotPossible, "begroting_niet_vastgesteld"):
        perform(tranche_van(subsidie, 2028), "definitief_maken", behandelaar)


def test_definitief_maken_from_the_adoption_day_lifts_the_condition(subsidie, behandelaar, vandaag):
    vandaag(ADOPTIE[2027])
    tranche = perform(tranche_van(subsidie, 2027), "definitief_maken", behandelaar, reden="Begroting vastgesteld.")
    assert tranche.status == "werkplan_ingediend", "the first year's werkplan came with the request"
    assert verplicht(subsidie, 2027) == (D("100000.00"), False)
    assert verplicht(subsidie, 2028) == (D("100000.00"), True)
    vandaag(ADOPTIE[2028])
    assert perform(tranche_van(subsidie, 2028), "definitief_maken", behandelaar).status == "definitief"


@pytest.mark.parametrize("wie", ["aanvrager", "auditor", "beheerder", "behandelaar_met_belang"])
def test_definitief_maken_is_for_staff_and_the_scheduled_job(subsidie, actoren, vandaag, geweigerd, wie):
    vandaag(ADOPTIE[2027])
    with geweigerd(NotPermitted):
        perform(tranche_van(subsidie, 2027), "definitief_maken", actoren[wie])
    assert perform(tranche_van(subsidie, 2027), "definitief_maken", systeemgebruiker()).status == "werkplan_ingediend"


def test_definitief_maken_twice_is_refused(subsidie, behandelaar, vandaag, geweigerd):
    vandaag(ADOPTIE[2028])
    perform(tranche_van(subsidie, 2028), "definitief_maken", behandelaar)
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(tranche_van(subsidie, 2028), "definitief_maken", behandelaar)


# --- indexation: compounded from the second year on, at definitief_maken ---------------------------------------
def test_indexation_compounds_from_the_second_year_and_is_rounded_to_cents(verleen, behandelaar, vandaag):
    subsidie = verleen(dict.fromkeys(JAREN, D("33333.33")), indexeren=True)
    for jaar, percentage in {2027: "4.00", 2028: "2.50", 2029: "3.10"}.items():
        Begrotingsjaar.objects.filter(boekjaar=jaar).update(indexatie_percentage=D(percentage))
    assert tranche_van(subsidie, 2028).bedrag == D("33333.33"), "nothing is indexed while the year is planned"
    for jaar in JAREN:
        vandaag(ADOPTIE[jaar])
        perform(tranche_van(subsidie, jaar), "definitief_maken", behandelaar)
    assert [(t.boekjaar, t.basisbedrag, t.bedrag, t.verplichting.bedrag) for t in subsidie.tranches.all()] == [
        (2027, D("33333.33"), D("33333.33"), D("33333.33")),  # the first year is in the award's prices
        (2028, D("33333.33"), D("34166.66"), D("34166.66")),  # × 1.025 = 34166.66325
        (2029, D("33333.33"), D("35225.83"), D("35225.83")),  # × 1.025 × 1.031 = 35225.8298…
    ]


def test_without_indexation_the_amounts_stay(subsidie, behandelaar, vandaag):
    Begrotingsjaar.objects.filter(boekjaar=2028).update(indexatie_percentage=D("2.50"))
    vandaag(ADOPTIE[2028])
    assert perform(tranche_van(subsidie, 2028), "definitief_maken", behandelaar).bedrag == D("100000.00")


# --- voorbehoud_inroepen: within four weeks after adoption (Awb 4:34) ------------------------------------------
def test_voorbehoud_is_refused_before_adoption(subsidie, beslisser, vandaag, geweigerd):
    vandaag(ADOPTIE[2028] - dt.timedelta(days=1))
    with geweigerd(TransitionNotPossible, "begroting_niet_vastgesteld"):
        perform(tranche_van(subsidie, 2028), "voorbehoud_inroepen", beslisser, bedrag=D("0"), reden="Raad.")


@pytest.mark.parametrize(("adoptie", "laatste_dag"), [
    (dt.date(2026, 11, 12), dt.date(2026, 12, 10)),  # Thursday + 4 weeks = Thursday
    (dt.date(2026, 11, 27), dt.date(2026, 12, 28)),  # Friday + 4 weeks = Christmas; 26–27 Dec too: Monday
])
def test_voorbehoud_can_be_invoked_up_to_the_last_day_of_four_weeks(subsidie, beslisser, vandaag, geweigerd,
                                                                     adoptie, laatste_dag):
    Begrotingsjaar.objects.filter(boekjaar=2027).update(vastgesteld_op=adoptie)
    vandaag(laatste_dag + dt.timedelta(days=1))
    with geweigerd(TransitionNotPossible, "voorbehoudstermijn_verstreken"):
        perform(tranche_van(subsidie, 2027), "voorbehoud_inroepen", beslisser, bedrag=D("80000"), reden="Raad.")
    vandaag(laatste_dag)
    assert perform(tranche_van(subsidie, 2027), "voorbehoud_inroepen", beslisser, bedrag=D("80000"),
                   reden="Raadsbesluit: bezuiniging.").status == "definitief"


def test_voorbehoud_lowers_the_year_with_a_wijziging(subsidie, beslisser, vandaag):
    vandaag(dt.date(2027, 11, 30))
    (voor,) = overzicht(Budget.objects.filter(boekjaar=2028))
    tranche = perform(tranche_van(subsidie, 2028), "voorbehoud_inroepen", beslisser, bedrag="75000",
                      reden="Raadsbesluit 11-11-2027: 25% minder voor de sociale basis.")
    assert (tranche.status, tranche.bedrag, tranche.basisbedrag) == ("definitief", D("75000.00"), D("100000.00"))
    assert verplicht(subsidie, 2028) == (D("75000.00"), False)
    (na,) = overzicht(Budget.objects.filter(boekjaar=2028))
    assert (na.verplicht, na.voorwaardelijk_verplicht, na.vrij) == (
        voor.verplicht - D("25000"), voor.voorwaardelijk_verplicht - D("100000"), voor.vrij + D("25000"))
    wijziging = subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.WIJZIGING)
    assert (wijziging.boekjaar, wijziging.bedrag) == (2028, D("75000.00"))
    assert "verlaagd tot € 75.000,00" in wijziging.motivering and "Raadsbesluit 11-11-2027" in wijziging.motivering


def test_voorbehoud_at_zero_lets_the_year_lapse_and_releases_it(subsidie, beslisser, vandaag):
    vandaag(dt.date(2027, 11, 30))
    tranche = perform(tranche_van(subsidie, 2028), "voorbehoud_inroepen", beslisser, bedrag=0,
                      reden="De raad schrapt de post.")
    assert (tranche.status, tranche.bedrag) == ("vervallen", D("0.00"))
    assert verplicht(subsidie, 2028) == (D("0.00"), False)
    assert "vervalt" in subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.WIJZIGING).motivering


@pytest.mark.parametrize(("params", "code"), [
    ({"bedrag": "80000", "reden": " "}, "reden_verplicht"),
    ({"reden": "Raad."}, "bedrag_ongeldig"),
    ({"bedrag": "100000", "reden": "Raad."}, "bedrag_ongeldig"),  # not lower
    ({"bedrag": "-1", "reden": "Raad."}, "bedrag_ongeldig"),
    ({"bedrag": "veel", "reden": "Raad."}, "bedrag_ongeldig"),
])
def test_voorbehoud_needs_a_lower_amount_and_the_councils_decision(subsidie, beslisser, vandaag, geweigerd,
                                                                    params, code):
    vandaag(dt.date(2027, 11, 30))
    with geweigerd(InvalidInput, code):
        perform(tranche_van(subsidie, 2028), "voorbehoud_inroepen", beslisser, **params)


def test_voorbehoud_is_for_a_beslisser(subsidie, actoren, vandaag, geweigerd):
    vandaag(dt.date(2027, 11, 30))
    for wie in ("behandelaar", "aanvrager", "beslisser_met_belang"):
        with geweigerd(NotPermitted):
            perform(tranche_van(subsidie, 2028), "voorbehoud_inroepen", actoren[wie], bedrag=0, reden="Raad.")


def test_voorbehoud_is_refused_once_the_year_is_definitive(subsidie, actoren, vandaag, geweigerd):
    vandaag(dt.date(2027, 11, 30))
    perform(tranche_van(subsidie, 2028), "definitief_maken", actoren["behandelaar"])
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(tranche_van(subsidie, 2028), "voorbehoud_inroepen", actoren["beslisser"], bedrag=0, reden="Raad.")


# --- the werkplan --------------------------------------------------------------------------------------------
def test_werkplan_with_goals_per_kernactiviteit(lopend):
    assert (lopend.status, lopend.werkplan, lopend.doelen) == ("lopend", "Inloop en vrijwilligerswerk.", DOELEN)


def test_werkplan_sent_before_adoption_is_kept_and_goes_on_once_the_year_is_definitive(subsidie, actoren, vandaag):
    """The werkplan is due 13 weeks before the year (Awb 4:60), usually before the council adopts the budget."""
    tranche = perform(tranche_van(subsidie, 2028), "werkplan_indienen", actoren["aanvrager"], werkplan="Inloop.")
    assert (tranche.status, tranche.werkplan) == ("gepland", "Inloop.")
    vandaag(ADOPTIE[2028])
    tranche = perform(tranche, "definitief_maken", actoren["behandelaar"])
    assert (tranche.status, tranche.werkplan) == ("werkplan_ingediend", "Inloop.")


@pytest.mark.parametrize(("params", "code"), [
    ({"werkplan": "  "}, "werkplan_leeg"),
    ({"werkplan": "Inloop.", "doelen": [{"kernactiviteit": "Ontmoeting", "doel": " "}]}, "doelen_ongeldig"),
    ({"werkplan": "Inloop.", "doelen": [{"doel": "Ontmoeting", "budget": 5}]}, "doelen_ongeldig"),
    ({"werkplan": "Inloop.", "doelen": "minder eenzaamheid"}, "doelen_ongeldig"),
])
def test_werkplan_needs_a_plan_and_well_formed_goals(subsidie, actoren, vandaag, geweigerd, params, code):
    vandaag(ADOPTIE[2028])
    tranche = perform(tranche_van(subsidie, 2028), "definitief_maken", actoren["behandelaar"])
    with geweigerd(InvalidInput, code):
        perform(tranche, "werkplan_indienen", actoren["aanvrager"], **params)


def test_werkplan_is_sent_by_the_organisation_or_staff(subsidie, actoren, vandaag, geweigerd):
    vandaag(ADOPTIE[2028])
    tranche = perform(tranche_van(subsidie, 2028), "definitief_maken", actoren["behandelaar"])
    for wie in ("buitenstaander", "auditor", "behandelaar_met_belang"):
        with geweigerd(NotPermitted):
            perform(tranche, "werkplan_indienen", actoren[wie], werkplan="Inloop.")


def test_werkplan_goes_back_with_a_reason_and_is_approved_by_staff(subsidie, actoren, vandaag, geweigerd):
    vandaag(ADOPTIE[2027])
    tranche = perform(tranche_van(subsidie, 2027), "definitief_maken", actoren["behandelaar"])
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(tranche, "werkplan_terugsturen", actoren["behandelaar"])
    for actie in ("werkplan_terugsturen", "werkplan_goedkeuren"):
        with geweigerd(NotPermitted):
            perform(tranche, actie, actoren["aanvrager"], reden="Zelf goedgekeurd.")
    tranche = perform(tranche, "werkplan_terugsturen", actoren["behandelaar"], reden="Welke doelen?")
    assert tranche.status == "definitief"
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(tranche, "werkplan_goedkeuren", actoren["behandelaar"])
    tranche = perform(tranche, "werkplan_indienen", actoren["aanvrager"], werkplan="Inloop.", doelen=DOELEN)
    assert perform(tranche, "werkplan_goedkeuren", actoren["behandelaar"]).status == "lopend"


# --- the jaarverantwoording: after the boekjaar (Awb 4:74) ---------------------------------------------------------
def test_jaarverantwoording_only_after_the_boekjaar_ended(lopend, aanvrager, vandaag, geweigerd):
    verslag = jaarverslag("100000", resultaten=[{"bereikt": 38}, {"bereikt": 12}])
    vandaag(dt.date(2028, 12, 31))
    with geweigerd(TransitionNotPossible, "boekjaar_loopt_nog"):
        perform(lopend, "jaarverantwoording_indienen", aanvrager, **verslag)
    vandaag(dt.date(2029, 1, 1))
    tranche = perform(lopend, "jaarverantwoording_indienen", aanvrager, **verslag)
    assert tranche.status == "verantwoord"
    verantwoording = Verantwoording.objects.get(tranche=tranche)
    assert (verantwoording.subsidie_id, verantwoording.werkelijke_kosten, verantwoording.resultaten) == (
        tranche.subsidie_id, D("100000.00"), [{"bereikt": 38}, {"bereikt": 12}])


@pytest.mark.parametrize(("verslag", "code"), [
    (jaarverslag("100000", resultaten=[{"bereikt": 38}]), "resultaten_onvolledig"),  # two goals, one result
    (jaarverslag("100000", resultaten=["38", "12"]), "resultaten_onvolledig"),
    ({"activiteitenverslag": "Inloop.", "resultaten": [{}, {}]}, "verantwoording_onvolledig"),  # no costs
    (jaarverslag("100000", activiteitenverslag=" ", resultaten=[{}, {}]), "verantwoording_onvolledig"),
    (jaarverslag("-1", resultaten=[{}, {}]), "bedrag_ongeldig"),
    (jaarverslag("100000", "-1", resultaten=[{}, {}]), "bedrag_ongeldig"),
])
def test_jaarverantwoording_has_what_the_tier_and_the_goals_ask(lopend, aanvrager, vandaag, geweigerd, verslag,
                                                                code):
    vandaag(dt.date(2029, 2, 1))
    with geweigerd(InvalidInput, code):
        perform(lopend, "jaarverantwoording_indienen", aanvrager, **verslag)


def test_jaarverantwoording_above_the_limit_needs_an_accountants_statement(verleen, actoren, vandaag, geweigerd):
    subsidie = verleen({2027: D("130000"), 2028: D("100000"), 2029: D("100000")})
    assert subsidie.verantwoordingsniveau == "accountantsverklaring", "the largest year decides the tier"
    vandaag(ADOPTIE[2027])
    tranche = breng_tranche_naar(tranche_van(subsidie, 2027), "lopend", aanvrager=actoren["aanvrager"],
                                 behandelaar=actoren["behandelaar"])
    vandaag(dt.date(2028, 2, 1))
    with geweigerd(InvalidInput, "verantwoording_onvolledig"):
        perform(tranche, "jaarverantwoording_indienen", actoren["aanvrager"], **jaarverslag("130000"))
    assert perform(tranche, "jaarverantwoording_indienen", actoren["aanvrager"],
                   **jaarverslag("130000", accountantsverklaring=True)).status == "verantwoord"


def test_small_multi_year_subsidie_still_reports_every_year(verleen):
    subsidie = verleen(dict.fromkeys(JAREN, D("5000")))
    assert subsidie.verantwoordingsniveau == "activiteitenverslag"


def test_jaarverantwoording_is_sent_by_the_organisation_or_staff(lopend, actoren, vandaag, geweigerd):
    vandaag(dt.date(2029, 2, 1))
    with geweigerd(NotPermitted):
        perform(lopend, "jaarverantwoording_indienen", actoren["buitenstaander"],
                **jaarverslag("100000", resultaten=[{}, {}]))


def test_jaarverantwoording_goes_back_and_the_new_one_counts(lopend, actoren, vandaag, geweigerd):
    vandaag(dt.date(2029, 2, 1))
    tranche = perform(lopend, "jaarverantwoording_indienen", actoren["aanvrager"],
                      **jaarverslag("60000", resultaten=[{}, {}]))
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(tranche, "verantwoording_terugsturen", actoren["behandelaar"])
    with geweigerd(NotPermitted):
        perform(tranche, "verantwoording_terugsturen", actoren["aanvrager"], reden="Toch anders.")
    tranche = perform(tranche, "verantwoording_terugsturen", actoren["behandelaar"],
                      reden="De loonkosten van de coördinator ontbreken.")
    assert tranche.status == "lopend"
    tranche = perform(tranche, "jaarverantwoording_indienen", actoren["aanvrager"],
                      **jaarverslag("100000", resultaten=[{}, {}]))
    tranche = perform(tranche, "vaststellen", actoren["behandelaar"])
    assert tranche.vastgesteld_bedrag == D("100000.00"), "the corrected report is the one settled"


# --- vaststellen per boekjaar (Awb 4:73) -------------------------------------------------------------------------
@pytest.fixture
def verantwoord(lopend, aanvrager, vandaag):
    vandaag(dt.date(2029, 3, 1))
    return perform(lopend, "jaarverantwoording_indienen", aanvrager, **jaarverslag("100000", resultaten=[{}, {}]))


def test_vaststellen_per_boekjaar_with_its_own_beschikking(verantwoord, behandelaar):
    perform(verantwoord, "vaststellen", behandelaar)
    tranche = tranche_van(verantwoord.subsidie, 2028)
    assert (tranche.status, tranche.vastgesteld_bedrag) == ("vastgesteld", D("100000.00"))
    assert (tranche.verplichting.bedrag, tranche.verplichting.vastgesteld_bedrag) == (D("100000.00"),
                                                                                      D("100000.00"))
    beschikking = tranche.subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.VASTSTELLING)
    assert (beschikking.boekjaar, beschikking.bedrag) == (2028, D("100000.00"))
    assert tranche.subsidie.status == "verleend", "the subsidie runs on: only this year is settled"


def test_vaststellen_lower_needs_grounds(verantwoord, behandelaar, geweigerd):
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(verantwoord, "vaststellen", behandelaar, bedrag=D("90000"))
    perform(verantwoord, "vaststellen", behandelaar, bedrag=D("90000"),
            reden="De huiswerkklas is niet doorgegaan (Awb 4:46 lid 2).")
    tranche = tranche_van(verantwoord.subsidie, 2028)
    assert (tranche.vastgesteld_bedrag, tranche.verplichting.bedrag) == (D("90000.00"), D("90000.00"))


@pytest.mark.parametrize("bedrag", ["100000.01", "-1"])
def test_vaststellen_stays_within_the_years_amount(verantwoord, behandelaar, geweigerd, bedrag):
    with geweigerd(InvalidInput, "bedrag_ongeldig"):
        perform(verantwoord, "vaststellen", behandelaar, bedrag=D(bedrag), reden="Anders.")


def test_vaststellen_is_for_staff_after_the_report(lopend, verantwoord, actoren, geweigerd):
    with geweigerd(NotPermitted):
        perform(verantwoord, "vaststellen", actoren["aanvrager"])
    perform(verantwoord, "vaststellen", actoren["behandelaar"])
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(verantwoord, "vaststellen", actoren["behandelaar"])


def test_vaststellen_before_the_report_is_refused(lopend, behandelaar, vandaag, geweigerd):
    vandaag(dt.date(2029, 3, 1))
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(lopend, "vaststellen", behandelaar)


# --- vervallen ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["gepland", "definitief", "werkplan_ingediend", "lopend"])
def test_vervallen_releases_the_years_commitment(subsidie, actoren, vandaag, status):
    vandaag(ADOPTIE[2028])
    tranche = tranche_van(subsidie, 2028)
    if status != "gepland":
        tranche = breng_tranche_naar(tranche, status, aanvrager=actoren["aanvrager"],
                                     behandelaar=actoren["behandelaar"])
    perform(tranche, "vervallen", actoren["behandelaar"], reden="De activiteit stopt.")
    tranche = tranche_van(subsidie, 2028)
    assert (tranche.status, tranche.bedrag, tranche.verplichting.bedrag) == ("vervallen", D("0.00"), D("0.00"))


def test_vervallen_cancels_planned_advances(subsidie, actoren, vandaag):
    vandaag(ADOPTIE[2027])
    tranche = breng_tranche_naar(tranche_van(subsidie, 2027), "lopend", aanvrager=actoren["aanvrager"],
                                 behandelaar=actoren["behandelaar"])
    vandaag(dt.date(2027, 1, 2))
    (voorschot,) = betaalrun()
    perform(tranche, "vervallen", actoren["behandelaar"], reden="De stichting is opgeheven.")
    voorschot.refresh_from_db()
    assert voorschot.status == Betaling.Status.GEANNULEERD


def test_vervallen_needs_a_reason_and_staff(subsidie, actoren, geweigerd):
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(tranche_van(subsidie, 2028), "vervallen", actoren["behandelaar"])
    with geweigerd(NotPermitted):
        perform(tranche_van(subsidie, 2028), "vervallen", actoren["aanvrager"], reden="Wij stoppen.")


def test_a_settled_year_does_not_lapse(verantwoord, behandelaar, geweigerd):
    tranche = perform(verantwoord, "vaststellen", behandelaar)
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(tranche, "vervallen", behandelaar, reden="Toch niet.")


def test_every_transition_of_the_tranche_is_covered():
    """A new transition needs its tests here."""
    acties = {t.name for t in Jaartranche._meta.get_field("status").get_all_transitions(Jaartranche)}
    assert acties == {"definitief_maken", "voorbehoud_inroepen", "werkplan_indienen", "werkplan_terugsturen",
                      "werkplan_goedkeuren", "jaarverantwoording_indienen", "verantwoording_terugsturen",
                      "vaststellen", "vervallen"}


# --- four boekjaren, followed through the calendar ----------------------------------------------------------------
def test_a_four_year_award_followed_through_every_boekjaar(db, vandaag, actoren, organisatie):
    """Apply in autumn 2026 for 2027–2030 (indexed, with a reserve, quarterly advances). Every November the council
    adopts next year's budget and its compensation; after four weeks the scheduled job makes the year definitive and
    the werkplan follows; the boekjaar opens on 1 January and the payment run pays each quarter; each spring the
    jaarverantwoording is settled through the reserve; then the eindafrekening and closing. At every year end the
    ledger adds up and the audit trail verifies."""
    aanvrager, behandelaar, beslisser = actoren["aanvrager"], actoren["behandelaar"], actoren["beslisser"]
    compensatie = {2027: "4.00", 2028: "2.00", 2029: "3.00", 2030: "1.50"}
    verslagen = {2027: jaarverslag("96000"), 2028: jaarverslag("104500"), 2029: jaarverslag("103060", "5000"),
                 2030: jaarverslag("104635.90")}

    def ledger_klopt(vastgestelde_jaren):
        for row in overzicht(Budget.objects.filter(begrotingspost=regeling.begrotingspost)):
            assert row.vrij + row.verplicht == row.bedrag
        for verplichting in subsidie.verplichtingen.filter(boekjaar__in=vastgestelde_jaren):
            assert netto_uitgevoerd(verplichting) == verplichting.bedrag == verplichting.vastgesteld_bedrag
        assert verify().intact

    def settle(tranche):
        resultaten = [] if tranche.boekjaar == 2027 else [{"bereikt": 41}, {"bereikt": 9}]
        tranche = perform(tranche, "jaarverantwoording_indienen", aanvrager, **verslagen[tranche.boekjaar],
                          resultaten=resultaten)
        perform(tranche, "vaststellen", behandelaar)
        voer_uit()

    def voer_uit():
        te_betalen = subsidie.betalingen.filter(status=Betaling.Status.GEPLAND, gepland_op__lte=timezone.localdate())
        for betaling in te_betalen:
            perform(betaling, "uitvoeren", behandelaar)

    vandaag(dt.date(2026, 9, 1))
    regeling = meerjarige_regeling(2027, 4)
    aanvraag = breng_naar(meerjarige_aanvraag(regeling, dict.fromkeys(compensatie, D("100000")),
                                              organisatie=organisatie),
                          "in_beoordeling", aanvrager=aanvrager, behandelaar=behandelaar)
    vandaag(dt.date(2026, 10, 15))
    subsidie = verleen_meerjarig(aanvraag, behandelaar=behandelaar, beslisser=beslisser,
                                 voorwaarden={"indexeren": True, "egalisatiereserve": True,
                                              "voorschotschema": "kwartaal"})
    assert [t.status for t in subsidie.tranches.all()] == ["gepland"] * 4

    for jaar in range(2026, 2031):  # the calendar, 2026 to 2030; each boekjaar is settled the next spring
        if jaar > 2026:
            # The boekjaar opens: the werkplan for next year and the report on last year are asked for.
            vandaag(dt.date(jaar, 1, 1))
            tasks.open_boekjaar()
            if jaar < 2030:
                assert tranche_van(subsidie, jaar + 1).werkplan_gevraagd_op == dt.date(jaar, 1, 1)
            for maand in (1, 4, 7, 10):  # the payment run pays each quarter, and nothing twice
                vandaag(dt.date(jaar, maand, 2))
                tasks.plan_voorschotten()
                tasks.plan_voorschotten()
                voer_uit()
                if maand == 4 and jaar > 2027:  # spring: last year's report, settled through the reserve
                    vorig = tranche_van(subsidie, jaar - 1)
                    assert vorig.verantwoording_gevraagd_op == dt.date(jaar, 1, 1)
                    settle(vorig)
            assert netto_uitgevoerd(tranche_van(subsidie, jaar).verplichting) == tranche_van(subsidie, jaar).bedrag
        if jaar < 2030:
            # November: the council adopts next year's budget; after four weeks the year is definitive.
            vandaag(dt.date(jaar, 11, 12))
            begroting, _ = Begrotingsjaar.objects.get_or_create(boekjaar=jaar + 1)
            begroting.vastgesteld_op, begroting.indexatie_percentage = timezone.localdate(), D(compensatie[jaar + 1])
            begroting.save()
            vandaag(dt.date(jaar, 12, 15))
            assert tasks.bewaak_termijnen()["definitief"] == 1
            volgend = tranche_van(subsidie, jaar + 1)
            if jaar > 2026:  # the first year's werkplan came with the request
                volgend = perform(volgend, "werkplan_indienen", aanvrager, werkplan=f"Werkplan {jaar + 1}",
                                  doelen=DOELEN)
            assert volgend.status == "werkplan_ingediend"
            perform(volgend, "werkplan_goedkeuren", behandelaar)
        vandaag(dt.date(jaar, 12, 31))
        ledger_klopt(range(2027, jaar))
    vandaag(dt.date(2031, 3, 16))
    settle(tranche_van(subsidie, 2030))

    assert [(t.boekjaar, t.bedrag, t.vastgesteld_bedrag) for t in subsidie.tranches.all()] == [
        (2027, D("100000.00"), D("100000.00")), (2028, D("102000.00"), D("102000.00")),
        (2029, D("105060.00"), D("105060.00")), (2030, D("106635.90"), D("106635.90"))]
    assert [(m.boekjaar, m.bedrag, m.saldo_na) for m in Reservemutatie.objects.filter(subsidie=subsidie)] == [
        (2027, D("4000.00"), D("4000.00")), (2028, D("-2500.00"), D("1500.00")), (2029, D("7000.00"), D("8500.00")),
        (2030, D("2000.00"), D("10500.00"))]
    subsidie = perform(subsidie, "eindafrekening", behandelaar)
    assert subsidie.vastgesteld_bedrag == D("403321.29")  # 413,695.90 less 98.8% of the reserve of € 10,500
    voer_uit()
    subsidie = perform(subsidie, "afsluiten", behandelaar, reden="Alles verrekend.")
    assert subsidie.status == "afgesloten" and subsidie.netto_betaald() == subsidie.vastgesteld_bedrag
    ledger_klopt(range(2027, 2031))
    assert sum(row.vastgesteld for row in overzicht(Budget.objects.filter(
        begrotingspost=regeling.begrotingspost))) == subsidie.vastgesteld_bedrag
