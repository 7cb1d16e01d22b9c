"""Applying for and awarding multi-year structural funding (Awb afdeling 4.2.8).

Intake: a meerjarenbegroting with one amount per boekjaar of the period, a werkplan for the first year, the request
deadline before the boekjaar (Awb 4:60) with one new term for a late request, and continuation without a gap.
Award: one beschikking for all years, one tranche and one commitment per boekjaar, conditional exactly for the years
whose budget the council has not yet adopted (begrotingsvoorbehoud, Awb 4:34).

The scenario: on 1 September 2026 a stichting applies for 2027–2029; the council adopts the 2027 budget on
12 November 2026.
"""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import (
    Aanvraag, Beschikking, Budget, Jaartranche, Regeling, Subsidie, Verdeelmethode, Verplichting,
)
from subsidies.rollen import Rol
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, BudgetFactory, OrganisatieFactory, PlafondFactory, RegelingFactory,
    breng_naar, maak_gebruiker, meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig,
)
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

D = Decimal
AANVRAAGDAG = dt.date(2026, 9, 1)
BEGROTING_2027 = dt.date(2026, 11, 12)
JAREN = {2027: D("100000.00"), 2028: D("100000.00"), 2029: D("90000.00")}


@pytest.fixture
def regeling(db, vandaag):
    vandaag(AANVRAAGDAG)
    BegrotingsjaarFactory(boekjaar=2027, vastgesteld_op=BEGROTING_2027)
    return meerjarige_regeling(2027, 3, min_bedrag=D("10000"), max_bedrag=D("150000"))


@pytest.fixture
def aanvraag(regeling, organisatie):
    return meerjarige_aanvraag(regeling, JAREN, organisatie=organisatie)


def indienen(aanvraag, user, **params):
    return perform(aanvraag, "indienen", user, **params)


def stel_voor(aanvraag, behandelaar, **params):
    aanvraag = breng_naar(aanvraag, "in_beoordeling", behandelaar=behandelaar)
    return perform(aanvraag, "besluit_voorstellen", behandelaar, reden="Past binnen de regeling.",
                   uitkomst="verlenen", **params)


def tranches(subsidie) -> list[tuple]:
    return [(t.boekjaar, t.status, t.bedrag, t.verplichting.bedrag, t.verplichting.voorwaardelijk)
            for t in subsidie.tranches.select_related("verplichting").order_by("boekjaar")]


# --- intake: the meerjarenbegroting ---------------------------------------------------------------------------
def test_meerjarenbegroting_covering_every_boekjaar_is_accepted(aanvraag, aanvrager):
    aanvraag = indienen(aanvraag, aanvrager)
    assert (aanvraag.status, aanvraag.boekjaren, aanvraag.na_aanvraagtermijn) == ("ingediend", [2027, 2028, 2029],
                                                                                   False)


@pytest.mark.parametrize("jaarbedragen", [
    {2027: D("100000"), 2029: D("90000")},  # 2028 missing within the period 2027–2029
    {2027: D("100000"), 2028: D("100000"), 2030: D("90000")},  # a year outside the period
])
def test_meerjarenbegroting_must_cover_every_boekjaar_of_the_period(regeling, organisatie, aanvrager, geweigerd,
                                                                     jaarbedragen):
    aanvraag = meerjarige_aanvraag(regeling, jaarbedragen, organisatie=organisatie)
    aanvraag.periode_tot = dt.date(2029, 12, 31) if 2029 in jaarbedragen else dt.date(2028, 12, 31)
    aanvraag.save()
    with geweigerd(InvalidInput, "meerjarenbegroting_onvolledig") as refusal:
        indienen(aanvraag, aanvrager)
    assert "2027, 2028" in refusal.value.nl


def test_no_more_boekjaren_than_the_regeling_allows(regeling, organisatie, aanvrager, geweigerd):
    aanvraag = meerjarige_aanvraag(regeling, {**JAREN, 2030: D("90000")}, organisatie=organisatie)
    with geweigerd(InvalidInput, "te_veel_boekjaren") as refusal:
        indienen(aanvraag, aanvrager)
    assert "ten hoogste 3 boekjaren" in refusal.value.nl


@pytest.mark.parametrize("bedrag", ["9999.99", "150000.01"])
def test_each_year_lies_within_the_regelings_minimum_and_maximum(regeling, organisatie, aanvrager, geweigerd,
                                                                   bedrag):
    aanvraag = meerjarige_aanvraag(regeling, {**JAREN, 2028: D(bedrag)}, organisatie=organisatie)
    with geweigerd(InvalidInput, "bedrag_buiten_grenzen") as refusal:
        indienen(aanvraag, aanvrager)
    assert "voor 2028" in refusal.value.nl


def test_the_maximum_applies_per_year_not_to_the_total(regeling, organisatie, aanvrager):
    """Three years at the maximum of € 150,000 ask € 450,000 together: the limit is per boekjaar."""
    aanvraag = meerjarige_aanvraag(regeling, dict.fromkeys(JAREN, D("150000")), organisatie=organisatie)
    assert indienen(aanvraag, aanvrager).status == "ingediend"


def test_yearly_amounts_add_up_to_the_amount_requested(aanvraag, aanvrager, geweigerd):
    Aanvraag.objects.filter(pk=aanvraag.pk).update(gevraagd_bedrag=D("300000"))
    with geweigerd(InvalidInput, "meerjarenbegroting_telt_niet_op") as refusal:
        indienen(aanvraag, aanvrager)
    assert "€ 290.000,00" in refusal.value.nl


def test_werkplan_for_the_first_year_is_required(aanvraag, aanvrager, geweigerd):
    Aanvraag.objects.filter(pk=aanvraag.pk).update(werkplan="  ")
    with geweigerd(InvalidInput, "werkplan_leeg"):
        indienen(aanvraag, aanvrager)


# --- intake: the request deadline (Awb 4:60) and the one new term ---------------------------------------------
@pytest.mark.parametrize(("dag", "te_laat"), [
    (dt.date(2026, 10, 2), False),  # 13 weeks before 1 January 2027: the last day on time
    (dt.date(2026, 10, 3), True),  # late: accepted within the new term, and marked
    (dt.date(2026, 10, 30), True),  # the last day of the new term (4 weeks)
])
def test_deadline_is_13_weeks_before_the_boekjaar_with_one_new_term(aanvraag, aanvrager, vandaag, dag, te_laat):
    vandaag(dag)
    aanvraag = indienen(aanvraag, aanvrager)
    assert (aanvraag.status, aanvraag.na_aanvraagtermijn) == ("ingediend", te_laat)


def test_request_after_the_new_term_is_refused_and_nothing_changes(aanvraag, aanvrager, vandaag, geweigerd):
    vandaag(dt.date(2026, 10, 31))
    with geweigerd(InvalidInput, "aanvraagtermijn_verstreken") as refusal:
        indienen(aanvraag, aanvrager)
    assert "02-10-2026" in refusal.value.nl and "30-10-2026" in refusal.value.nl


@pytest.mark.parametrize(("dag", "te_laat"), [
    (dt.date(2026, 9, 15), False),
    (dt.date(2026, 9, 16), True),  # 13 weeks before the year would still be on time
    (dt.date(2026, 9, 29), True),  # the last day of the regeling's new term of two weeks
    (dt.date(2026, 9, 30), None),  # refused, although 13 weeks plus four would still allow it
])
def test_the_regelings_own_deadline_and_new_term_replace_the_defaults(aanvraag, aanvrager, vandaag, dag, te_laat):
    Regeling.objects.filter(pk=aanvraag.regeling_id).update(aanvraag_uiterlijk_dag=15, aanvraag_uiterlijk_maand=9,
                                                            herkansing_weken=2)
    vandaag(dag)
    if te_laat is None:
        with pytest.raises(InvalidInput) as refusal:
            indienen(aanvraag, aanvrager)
        assert refusal.value.code == "aanvraagtermijn_verstreken"
    else:
        assert indienen(aanvraag, aanvrager).na_aanvraagtermijn is te_laat


def test_the_deadline_stays_on_a_weekend_day_because_it_is_counted_back_from_the_year(regeling):
    """The Algemene termijnenwet extends a term that ends on a weekend, but not one counted back from an event:
    moving it later would cut into the 13 weeks the municipality has to decide before the year starts."""
    assert regeling.aanvraag_uiterlijk(2028) == dt.date(2027, 10, 2)  # a Saturday: 13 weeks before 1 January 2028
    assert regeling.aanvraag_uiterlijk(2028).weekday() == 5


def test_a_yearly_regeling_has_the_same_deadline(organisatie, aanvrager, vandaag, geweigerd):
    vandaag(dt.date(2026, 11, 2))
    regeling = RegelingFactory(per_boekjaar=True)
    BudgetFactory(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=2027)
    aanvraag = AanvraagFactory(regeling=regeling, organisatie=organisatie, periode_van=dt.date(2027, 1, 1),
                               periode_tot=dt.date(2027, 12, 31))
    with geweigerd(InvalidInput, "aanvraagtermijn_verstreken"):
        indienen(aanvraag, aanvrager)


def test_paper_request_counts_from_its_real_date_of_receipt(aanvraag, behandelaar, vandaag):
    vandaag(dt.date(2026, 10, 12))
    aanvraag = indienen(aanvraag, behandelaar, ontvangen_op=dt.date(2026, 10, 1))
    assert (aanvraag.ontvangen_op, aanvraag.na_aanvraagtermijn) == (dt.date(2026, 10, 1), False)


# --- intake: continuation without a gap ------------------------------------------------------------------------
@pytest.fixture
def lopende_subsidie(regeling, organisatie, aanvrager, vandaag):
    """The organisation's structural subsidie for 2025–2026, awarded in September 2024."""
    vandaag(dt.date(2024, 9, 1))
    for jaar in (2025, 2026):
        BudgetFactory(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=jaar,
                      bedrag=D("5000000"))
    vorige = meerjarige_aanvraag(regeling, {2025: D("80000"), 2026: D("80000")}, organisatie=organisatie)
    subsidie = verleen_meerjarig(vorige, aanvrager=aanvrager)
    vandaag(AANVRAAGDAG)
    return subsidie


def test_continuation_starts_the_year_after_the_last_year(lopende_subsidie, aanvraag, aanvrager):
    aanvraag.voortzetting_van = lopende_subsidie
    aanvraag.save()
    assert indienen(aanvraag, aanvrager).status == "ingediend"


def test_continuation_leaves_no_gap(lopende_subsidie, regeling, organisatie, aanvrager, geweigerd):
    aanvraag = meerjarige_aanvraag(regeling, {2028: D("100000"), 2029: D("100000")}, organisatie=organisatie,
                                   voortzetting_van=lopende_subsidie)
    with geweigerd(InvalidInput, "voortzetting_sluit_niet_aan") as refusal:
        indienen(aanvraag, aanvrager)
    assert "begint in 2027" in refusal.value.nl


def test_continuation_belongs_to_the_same_organisation(lopende_subsidie, regeling, geweigerd):
    ander = maak_gebruiker(Rol.AANVRAGER)
    aanvraag = meerjarige_aanvraag(regeling, JAREN, organisatie=OrganisatieFactory(leden=[ander]),
                                   voortzetting_van=lopende_subsidie)
    with geweigerd(InvalidInput, "voortzetting_ongeldig"):
        indienen(aanvraag, ander)


def test_only_a_structural_subsidie_is_continued(regeling, organisatie, aanvrager, vandaag, geweigerd):
    vandaag(dt.date(2026, 2, 2))
    eenmalig = Subsidie.objects.get(aanvraag=breng_naar(AanvraagFactory(organisatie=organisatie), "verleend"))
    vandaag(AANVRAAGDAG)
    aanvraag = meerjarige_aanvraag(regeling, JAREN, organisatie=organisatie, voortzetting_van=eenmalig)
    with geweigerd(InvalidInput, "voortzetting_ongeldig"):
        indienen(aanvraag, aanvrager)


# --- the proposal ------------------------------------------------------------------------------------------------
def test_proposal_takes_the_requested_yearly_amounts_by_default(aanvraag, behandelaar):
    aanvraag = stel_voor(aanvraag, behandelaar)
    assert aanvraag.voorstel_bedrag == D("290000.00")
    assert dict(aanvraag.jaarbedragen.values_list("boekjaar", "voorstel_bedrag")) == JAREN
    assert aanvraag.voorstel_voorwaarden == {"indexeren": False, "voorschotschema": "kwartaal",
                                             "egalisatiereserve": False}


def test_proposal_may_lower_a_year(aanvraag, behandelaar):
    aanvraag = stel_voor(aanvraag, behandelaar, jaarbedragen={"2027": "100000", "2028": "95000", "2029": "90000"})
    assert aanvraag.voorstel_bedrag == D("285000.00")
    assert aanvraag.jaarbedragen.get(boekjaar=2028).voorstel_bedrag == D("95000.00")


@pytest.mark.parametrize(("jaarbedragen", "code"), [
    ({2027: "0", 2028: "100000", 2029: "90000"}, "bedrag_ongeldig"),
    ({2027: "100000.01", 2028: "100000", 2029: "90000"}, "bedrag_ongeldig"),
    ({2027: "veel", 2028: "100000", 2029: "90000"}, "bedrag_ongeldig"),
    ({2027: "100000", 2028: "100000"}, "jaarbedragen_ongeldig"),
    ({2027: "100000", 2028: "100000", 2029: "90000", 2030: "90000"}, "jaarbedragen_ongeldig"),
    ({"volgend jaar": "100000"}, "jaarbedragen_ongeldig"),
    (["100000", "100000", "90000"], "jaarbedragen_ongeldig"),
])
def test_proposal_out_of_range_is_refused(aanvraag, behandelaar, geweigerd, jaarbedragen, code):
    aanvraag = breng_naar(aanvraag, "in_beoordeling", behandelaar=behandelaar)
    with geweigerd(InvalidInput, code):
        perform(aanvraag, "besluit_voorstellen", behandelaar, reden="Past.", uitkomst="verlenen",
                jaarbedragen=jaarbedragen)


def test_proposal_stays_within_the_regelings_maximum_per_year(aanvraag, behandelaar, geweigerd):
    aanvraag = breng_naar(aanvraag, "in_beoordeling", behandelaar=behandelaar)
    Regeling.objects.filter(pk=aanvraag.regeling_id).update(max_bedrag=D("95000"))
    with geweigerd(InvalidInput, "bedrag_ongeldig"):
        perform(aanvraag, "besluit_voorstellen", behandelaar, reden="Past.", uitkomst="verlenen")


@pytest.mark.parametrize("voorwaarden", [{"looptijd": 3}, {"voorschotschema": "wekelijks"}])
def test_proposal_conditions_are_validated(aanvraag, behandelaar, geweigerd, voorwaarden):
    aanvraag = breng_naar(aanvraag, "in_beoordeling", behandelaar=behandelaar)
    with geweigerd(InvalidInput, "voorwaarden_ongeldig"):
        perform(aanvraag, "besluit_voorstellen", behandelaar, reden="Past.", uitkomst="verlenen",
                voorwaarden=voorwaarden)


def test_sending_a_proposal_back_clears_its_yearly_amounts_and_conditions(aanvraag, behandelaar):
    aanvraag = stel_voor(aanvraag, behandelaar, voorwaarden={"indexeren": True})
    aanvraag = perform(aanvraag, "voorstel_terugsturen", behandelaar, reden="Eerst het advies van de wijkraad.")
    assert aanvraag.voorstel_voorwaarden == {}
    assert set(aanvraag.jaarbedragen.values_list("voorstel_bedrag", flat=True)) == {None}


# --- the award ---------------------------------------------------------------------------------------------------
def test_award_before_adoption_makes_every_year_conditional(aanvraag, actoren, vandaag):
    aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=actoren["aanvrager"])
    vandaag(dt.date(2026, 10, 15))
    subsidie = verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])
    assert (subsidie.structureel, subsidie.verleend_bedrag, subsidie.eerste_boekjaar, subsidie.laatste_boekjaar) == (
        True, D("290000.00"), 2027, 2029)
    assert tranches(subsidie) == [(jaar, "gepland", bedrag, bedrag, True) for jaar, bedrag in JAREN.items()]
    assert Verplichting.objects.filter(subsidie=subsidie).count() == 3
    assert subsidie.tranches.get(boekjaar=2027).werkplan == aanvraag.werkplan


def test_year_with_an_adopted_budget_is_definitive_and_its_werkplan_approved(aanvraag, actoren, vandaag):
    BegrotingsjaarFactory(boekjaar=2028, vastgesteld_op=dt.date(2027, 11, 11))  # known date, still in the future
    aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=actoren["aanvrager"])
    vandaag(dt.date(2026, 11, 20))
    subsidie = verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])
    assert tranches(subsidie) == [
        (2027, "lopend", D("100000.00"), D("100000.00"), False),
        (2028, "gepland", D("100000.00"), D("100000.00"), True),
        (2029, "gepland", D("90000.00"), D("90000.00"), True),
    ]
    eerste = subsidie.tranches.get(boekjaar=2027)
    assert eerste.werkplan == aanvraag.werkplan
    overgangen = AuditRecord.objects.filter(object_type__model="jaartranche", object_id=str(eerste.pk),
                                            actie=AuditRecord.Actie.OVERGANG).order_by("volgnummer")
    assert [(r.handeling, r.actor_id) for r in overgangen] == [
        ("definitief_maken", actoren["beslisser"].pk), ("werkplan_goedkeuren", actoren["beslisser"].pk)]


def test_later_year_beyond_the_raming_is_refused_and_nothing_is_written(aanvraag, actoren, geweigerd):
    aanvraag = stel_voor(aanvraag, actoren["behandelaar"])
    Budget.objects.filter(begrotingspost=aanvraag.regeling.begrotingspost, boekjaar=2029).update(bedrag=D("50000"))
    with geweigerd(TransitionNotPossible, "budget_ontoereikend") as refusal:
        perform(aanvraag, "verlenen", actoren["beslisser"])
    assert refusal.value.details == {"boekjaar": 2029}


def test_later_year_without_a_budget_row_is_refused_and_nothing_is_written(aanvraag, actoren, geweigerd):
    aanvraag = stel_voor(aanvraag, actoren["behandelaar"])
    Budget.objects.get(begrotingspost=aanvraag.regeling.begrotingspost, boekjaar=2029).delete()
    with geweigerd(TransitionNotPossible, "geen_budget") as refusal:
        perform(aanvraag, "verlenen", actoren["beslisser"])
    assert refusal.value.details == {"boekjaar": 2029}


def test_structural_award_is_not_split_at_the_first_years_ceiling(aanvraag, actoren):
    regeling = aanvraag.regeling
    regeling.gedeeltelijk_verlenen = True
    regeling.save()
    PlafondFactory(regeling=regeling, boekjaar=2027, bedrag=D("60000"), gepubliceerd_op=dt.date(2026, 7, 1),
                   budget=Budget.objects.get(begrotingspost=regeling.begrotingspost, boekjaar=2027))
    aanvraag = perform(stel_voor(aanvraag, actoren["behandelaar"]), "verlenen", actoren["beslisser"])
    assert aanvraag.status == "geweigerd" and not Subsidie.objects.filter(aanvraag=aanvraag).exists()
    weigering = aanvraag.beschikkingen.get()
    assert weigering.soort == "weigering" and "voor het eerste jaar nog € 60.000,00" in weigering.motivering


def test_first_come_first_served_holds_only_the_first_year_of_an_earlier_multi_year_request(
        aanvraag, organisatie, actoren, vandaag):
    """Room is held for requests that were complete earlier; a multi-year one takes its first year from this
    boekjaar's ceiling, its later years from later budgets."""
    regeling = aanvraag.regeling
    regeling.verdeelmethode = Verdeelmethode.VOLGORDE_VAN_BINNENKOMST
    regeling.save()
    PlafondFactory(regeling=regeling, boekjaar=2027, bedrag=D("150000"), gepubliceerd_op=dt.date(2026, 7, 1),
                   budget=Budget.objects.get(begrotingspost=regeling.begrotingspost, boekjaar=2027))
    eerder = breng_naar(aanvraag, "in_beoordeling", aanvrager=actoren["aanvrager"])  # € 100,000 in 2027 of 290,000
    vandaag(AANVRAAGDAG, uur=11)
    later = meerjarige_aanvraag(regeling, {2027: D("50000"), 2028: D("50000")}, organisatie=organisatie)

    subsidie = verleen_meerjarig(later, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])

    assert subsidie.tranches.get(boekjaar=2027).bedrag == D("50000.00")
    Aanvraag.objects.filter(pk=eerder.pk, status="in_beoordeling").get()  # still waiting, its € 100,000 still fits


def test_beschikking_lists_every_year_and_the_obligations(aanvraag, actoren):
    subsidie = verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"],
                                 voorwaarden={"indexeren": True, "voorschotschema": "maandelijks",
                                              "egalisatiereserve": True})
    verlening = subsidie.aanvraag.beschikkingen.get(soort=Beschikking.Soort.VERLENING)
    assert verlening.bedrag == D("290000.00") and verlening.verplichtingen
    for regel in ["2027 tot en met 2029", "- 2027: € 100.000,00 (onder voorbehoud", "- 2028: € 100.000,00",
                  "- 2029: € 90.000,00", "geïndexeerd", "Voorschotten: per maand",
                  "egalisatiereserve van ten hoogste 10.00%", "jaarverantwoording binnen 6 maanden",
                  "per boekjaar vast (Awb 4:73)"]:
        assert regel in verlening.motivering
    assert (subsidie.indexeren, subsidie.voorschotschema, subsidie.egalisatiereserve) == (True, "maandelijks", True)


def test_four_eyes_applies_to_the_total_of_all_years(aanvraag, actoren, geweigerd):
    """Each year (≤ € 100,000) is below the threshold of € 250,000; the award of € 290,000 is not."""
    Regeling.objects.filter(pk=aanvraag.regeling_id).update(vier_ogen_drempel=D("250000"))
    voorsteller = actoren["beslisser"]
    aanvraag = stel_voor(aanvraag, voorsteller)
    with geweigerd(NotPermitted, "vier_ogen"):
        perform(aanvraag, "verlenen", voorsteller)
    with geweigerd(NotPermitted, "vier_ogen"):
        perform(aanvraag, "verlenen", actoren["behandelaar"])
    assert perform(aanvraag, "verlenen", actoren["tweede_beslisser"]).status == "verleend"


def test_an_adoption_date_still_to_come_keeps_the_year_conditional(aanvraag, actoren, vandaag):
    aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=actoren["aanvrager"])
    vandaag(BEGROTING_2027 - dt.timedelta(days=1))  # the date is known, the council has not met yet
    subsidie = verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])
    assert tranches(subsidie)[0] == (2027, Jaartranche.Status.GEPLAND, D("100000.00"), D("100000.00"), True)
