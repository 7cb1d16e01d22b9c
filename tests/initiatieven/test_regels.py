"""What an initiative must show at submission (the family's `controleer`, run by the core's intake)."""
import datetime as dt
from decimal import Decimal

import pytest

from initiatieven.models import Soort
from subsidies.models import Begrotingsregel, Jaarbedrag
from tests.factories import AanvraagFactory, OrganisatieFactory, meerjarige_regeling
from workflows.errors import InvalidInput
from workflows.transitions import perform

from .factories import (
    DoelFactory, IndicatorFactory, InitiatiefFactory, InitiatiefgroepFactory, begroting, bewonersinitiatief,
    maatschappelijk_initiatief,
)

pytestmark = pytest.mark.django_db


def indienen(aanvraag, user):
    return perform(aanvraag, "indienen", user)


def test_an_initiatiefgroep_without_legal_personality_may_apply_for_a_bewonersinitiatief(regeling, groep, aanvrager):
    aanvraag = indienen(bewonersinitiatief(regeling, groep), aanvrager)
    assert aanvraag.status == "ingediend"
    assert groep.kvk_nummer == "" and groep.is_initiatiefgroep


@pytest.mark.parametrize(("wijziging", "ontbreekt"), [
    ({"contactpersoon": False}, "contactpersoon"),
    ({"tenaamstelling": ""}, "op wiens naam"),
])
def test_an_initiatiefgroep_names_a_contact_person_and_the_account_holder(regeling, aanvrager, oost, beijum,
                                                                          geweigerd, wijziging, ontbreekt):
    groep = InitiatiefgroepFactory(gebied=oost, wijk=beijum, leden=[aanvrager], **wijziging)
    aanvraag = bewonersinitiatief(regeling, groep)
    with geweigerd(InvalidInput, "initiatiefgroep_onvolledig") as refusal:
        indienen(aanvraag, aanvrager)
    assert ontbreekt in refusal.value.nl


def test_without_the_initiative_data_the_request_cannot_be_submitted(regeling, groep, aanvrager, geweigerd):
    aanvraag = AanvraagFactory(regeling=regeling, organisatie=groep, gebied=groep.gebied, wijk=groep.wijk,
                               gevraagd_bedrag=Decimal("900.00"))
    begroting(aanvraag, "900")
    with geweigerd(InvalidInput, "initiatief_ontbreekt"):
        indienen(aanvraag, aanvrager)


def test_the_light_form_names_what_is_still_missing(regeling, groep, aanvrager, geweigerd):
    aanvraag = bewonersinitiatief(regeling, groep)
    initiatief = aanvraag.initiatief
    initiatief.doelgroep, initiatief.verwachte_deelnemers = "", None
    initiatief.save()
    initiatief.themas.clear()
    with geweigerd(InvalidInput, "initiatief_onvolledig") as refusal:
        indienen(aanvraag, aanvrager)
    assert refusal.value.details["velden"] == ["doelgroep", "verwachte_deelnemers", "themas"]
    assert "voor wie" in refusal.value.nl and "Uw concept is bewaard" in refusal.value.nl


def test_a_bewonersinitiatief_takes_place_in_a_wijk_or_dorp(regeling, groep, aanvrager, geweigerd):
    aanvraag = bewonersinitiatief(regeling, groep)
    aanvraag.wijk = None
    aanvraag.save()
    with geweigerd(InvalidInput, "wijk_verplicht"):
        indienen(aanvraag, aanvrager)


def test_a_bewonersinitiatief_needs_its_gebied_because_the_money_comes_from_there(regeling, groep, aanvrager,
                                                                                  geweigerd):
    aanvraag = bewonersinitiatief(regeling, groep)
    aanvraag.gebied = aanvraag.wijk = None
    aanvraag.save()
    with geweigerd(InvalidInput, "gebied_verplicht"):
        indienen(aanvraag, aanvrager)


# --- co-funding: the subsidy fills the gap, no more --------------------------------------------------------------
@pytest.mark.parametrize(("bedrag", "kosten", "dekking", "toegestaan"), [
    ("20000.00", "30000.00", "10000.00", True),  # exactly the gap
    ("19999.99", "30000.00", "10000.00", True),
    ("20000.01", "30000.00", "10000.00", False),
    ("5000.00", "5000.00", "6000.00", False),  # other funds already cover everything
])
def test_the_amount_asked_may_not_exceed_costs_minus_other_funds(mi_regeling, organisatie, aanvrager, geweigerd,
                                                                 bedrag, kosten, dekking, toegestaan):
    aanvraag = maatschappelijk_initiatief(mi_regeling, organisatie, bedrag=bedrag, kosten=kosten, dekking=dekking)
    if toegestaan:
        assert indienen(aanvraag, aanvrager).status == "ingediend"
        return
    with geweigerd(InvalidInput, "bedrag_boven_tekort") as refusal:
        indienen(aanvraag, aanvrager)
    gat = Decimal(kosten) - Decimal(dekking)
    assert refusal.value.details["tekort"] == str(gat)
    nl, en = {"20000.00": ("€ 20.000,00", "€ 20,000.00"), "-1000.00": ("€ -1.000,00", "€ -1,000.00")}[str(gat)]
    assert f"tekort van {nl}" in refusal.value.nl and f"gap of {en}" in refusal.value.en


def test_costs_and_cover_are_added_over_all_budget_lines(mi_regeling, organisatie, aanvrager):
    aanvraag = maatschappelijk_initiatief(mi_regeling, organisatie, bedrag="9000.00", kosten="6000.00", dekking="2500")
    begroting(aanvraag, "6000.00", "500.00")  # costs 12,000, cover 3,000: gap 9,000
    assert indienen(aanvraag, aanvrager).status == "ingediend"


def test_without_costs_in_the_budget_there_is_nothing_to_fill(regeling, groep, aanvrager, geweigerd):
    aanvraag = bewonersinitiatief(regeling, groep)
    aanvraag.begroting.get().delete()
    with geweigerd(InvalidInput, "begroting_ontbreekt"):
        indienen(aanvraag, aanvrager)


def test_the_gap_rule_holds_for_a_bewonersinitiatief_too(regeling, groep, aanvrager, geweigerd):
    aanvraag = bewonersinitiatief(regeling, groep, bedrag="1500.00", kosten="1200.00")
    with geweigerd(InvalidInput, "bedrag_boven_tekort"):
        indienen(aanvraag, aanvrager)


def test_a_multi_year_initiative_is_checked_over_the_whole_period(organisatie, aanvrager, geweigerd, vandaag):
    """Budget lines have no boekjaar: the sum of the yearly amounts against all costs minus all other funds."""
    vandaag(dt.date(2026, 6, 1))
    regeling = meerjarige_regeling(2027, 3, familie=Soort.MAATSCHAPPELIJK)
    aanvraag = maatschappelijk_initiatief(regeling, organisatie, bedrag="90000.00", kosten="100000.00",
                                          dekking="10000.00", periode_van=dt.date(2027, 1, 1),
                                          periode_tot=dt.date(2029, 12, 31), werkplan="Inloop en huisbezoeken.")
    for jaar in (2027, 2028, 2029):
        Jaarbedrag.objects.create(aanvraag=aanvraag, boekjaar=jaar, gevraagd_bedrag=Decimal("30000.00"))
    assert indienen(aanvraag, aanvrager).status == "ingediend"

    te_veel = maatschappelijk_initiatief(regeling, organisatie, bedrag="90000.00", kosten="95000.00",
                                         dekking="10000.00", periode_van=dt.date(2027, 1, 1),
                                         periode_tot=dt.date(2029, 12, 31), werkplan="Inloop en huisbezoeken.")
    for jaar in (2027, 2028, 2029):
        Jaarbedrag.objects.create(aanvraag=te_veel, boekjaar=jaar, gevraagd_bedrag=Decimal("30000.00"))
    with geweigerd(InvalidInput, "bedrag_boven_tekort") as refusal:
        indienen(te_veel, aanvrager)
    assert refusal.value.details["tekort"] == "85000.00"


# --- maatschappelijk initiatief: goals and indicators --------------------------------------------------------------
def test_a_maatschappelijk_initiatief_names_its_goals(mi_regeling, organisatie, aanvrager, geweigerd):
    aanvraag = maatschappelijk_initiatief(mi_regeling, organisatie)
    for doel in aanvraag.initiatief.doelen.all():
        doel.indicatoren.get().delete()
        doel.delete()
    with geweigerd(InvalidInput, "doelen_ontbreken"):
        indienen(aanvraag, aanvrager)


def test_every_goal_has_an_indicator(mi_regeling, organisatie, aanvrager, geweigerd):
    aanvraag = maatschappelijk_initiatief(mi_regeling, organisatie)
    DoelFactory(initiatief=aanvraag.initiatief, omschrijving="Meer jongeren doen mee", volgorde=1)
    with geweigerd(InvalidInput, "indicator_ontbreekt") as refusal:
        indienen(aanvraag, aanvrager)
    assert "Meer jongeren doen mee" in refusal.value.nl


def test_a_bewonersinitiatief_needs_no_goals(regeling, groep, aanvrager):
    aanvraag = bewonersinitiatief(regeling, groep)
    assert not aanvraag.initiatief.doelen.exists()
    assert indienen(aanvraag, aanvrager).status == "ingediend"


def test_who_may_apply_stays_the_regelings_choice(mi_regeling, aanvrager, oost, beijum, geweigerd):
    groep = InitiatiefgroepFactory(gebied=oost, wijk=beijum, leden=[aanvrager])
    aanvraag = maatschappelijk_initiatief(mi_regeling, groep)
    with geweigerd(InvalidInput, "aanvrager_niet_toegestaan"):
        indienen(aanvraag, aanvrager)


def test_a_regeling_of_another_family_is_not_checked_by_these_rules(aanvrager):
    organisatie = OrganisatieFactory(leden=[aanvrager])
    aanvraag = AanvraagFactory(organisatie=organisatie)  # a regeling without family: no initiative data needed
    assert indienen(aanvraag, aanvrager).status == "ingediend"
    assert not Begrotingsregel.objects.filter(aanvraag=aanvraag).exists()


def test_factories_build_complete_initiatives():
    indicator = IndicatorFactory()
    initiatief = indicator.doel.initiatief
    assert initiatief.themas.get().code == "ontmoeting" and initiatief.dimensies.get().code == "meedoen"
    assert InitiatiefFactory(themas=["ouderen", "eenzaamheid"]).themas.count() == 2
