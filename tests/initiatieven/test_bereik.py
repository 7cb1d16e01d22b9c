"""Reach and results at verantwoording: participants, volunteers and the result per indicator, reported by the
recipient — required when the subsidie asks for a verantwoording, possible (not required) when it was settled
directly at verlening; per boekjaar for a structural subsidie."""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from initiatieven.models import Bereik, Soort
from initiatieven.services.bereik import meld_bereik
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, breng_naar, breng_tranche_naar, jaarverslag, meerjarige_aanvraag,
    meerjarige_regeling, verleen_meerjarig,
)
from workflows.errors import InvalidInput, TransitionNotPossible
from workflows.transitions import perform

from .factories import (
    BereikFactory, IndicatorFactory, ResultaatFactory, bewonersinitiatief, maatschappelijk_initiatief, met_doelen,
)

pytestmark = pytest.mark.django_db
VERSLAG = {"activiteitenverslag": "Veertig middagen, gemiddeld 25 bezoekers.", "werkelijke_kosten": Decimal("30000.00")}


@pytest.fixture
def gevraagd(mi_regeling, organisatie, aanvrager, behandelaar):
    """A maatschappelijk initiatief of € 20,000 (activity report tier) whose verantwoording is asked."""
    subsidie = breng_naar(maatschappelijk_initiatief(mi_regeling, organisatie), "verleend", aanvrager=aanvrager,
                          behandelaar=behandelaar).subsidie
    return perform(subsidie, "verantwoording_vragen", behandelaar,
                   uiterlijk=timezone.localdate() + dt.timedelta(days=60))


def indicator_van(subsidie):
    return subsidie.aanvraag.initiatief.doelen.get().indicatoren.get()


def test_the_verantwoording_needs_the_reach_first(gevraagd, aanvrager, geweigerd):
    with geweigerd(InvalidInput, "bereik_ontbreekt") as refusal:
        perform(gevraagd, "verantwoording_indienen", aanvrager, **VERSLAG)
    assert "deelnemers en vrijwilligers" in refusal.value.nl


def test_and_a_result_for_every_indicator(gevraagd, aanvrager, geweigerd):
    eerste = indicator_van(gevraagd)
    # as if it had been in the plan from the start: after submission the model refuses a new indicator
    [tweede] = type(eerste).objects.bulk_create([IndicatorFactory.build(doel=eerste.doel,
                                                                        omschrijving="Aantal nieuwe vrijwilligers")])
    meld_bereik(gevraagd, aanvrager, boekjaar=None, deelnemers=41, vrijwilligers=7,
                resultaten=[{"indicator": eerste, "gerealiseerd": Decimal("38")}])
    with geweigerd(InvalidInput, "resultaten_onvolledig") as refusal:
        perform(gevraagd, "verantwoording_indienen", aanvrager, **VERSLAG)
    assert tweede.omschrijving in refusal.value.nl


def test_with_reach_and_results_the_verantwoording_goes_in_and_the_report_is_locked(gevraagd, aanvrager, behandelaar,
                                                                                    geweigerd):
    bereik = meld_bereik(gevraagd, aanvrager, boekjaar=None, deelnemers=41, vrijwilligers=7,
                         toelichting="Druk bezocht.",
                         resultaten=[{"indicator": indicator_van(gevraagd), "gerealiseerd": Decimal("38"),
                                      "toelichting": "Bijna gehaald."}])
    subsidie = perform(gevraagd, "verantwoording_indienen", aanvrager, **VERSLAG)
    assert subsidie.status == "verantwoording_ingediend"
    assert (bereik.boekjaar, bereik.resultaten.get().gerealiseerd) == (subsidie.eerste_boekjaar, Decimal("38.00"))

    with geweigerd(TransitionNotPossible, "bereik_niet_wijzigbaar"):
        meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=80, vrijwilligers=7, bereik=bereik)

    subsidie = perform(subsidie, "verantwoording_terugsturen", behandelaar, reden="De vrijwilligers kloppen niet.")
    bereik = meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=41, vrijwilligers=9, bereik=bereik)
    assert (bereik.vrijwilligers, bereik.resultaten.count()) == (9, 1)  # results left out stay as they were


def test_a_subsidie_settled_at_verlening_needs_no_report_but_may_give_one(regeling, groep, aanvrager):
    subsidie = breng_naar(bewonersinitiatief(regeling, groep), "verleend", aanvrager=aanvrager).subsidie
    assert subsidie.status == "vastgesteld" and not subsidie.verantwoordingen.exists()
    bereik = meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=60, vrijwilligers=12)
    assert subsidie.bereik.get() == bereik


def test_one_report_per_year_about_the_subsidies_own_year(regeling, groep, aanvrager, geweigerd):
    subsidie = breng_naar(bewonersinitiatief(regeling, groep), "verleend", aanvrager=aanvrager).subsidie
    with geweigerd(InvalidInput, "boekjaar_ongeldig"):
        meld_bereik(subsidie, aanvrager, boekjaar=subsidie.eerste_boekjaar + 1, deelnemers=1, vrijwilligers=1)
    meld_bereik(subsidie, aanvrager, boekjaar=subsidie.eerste_boekjaar, deelnemers=60, vrijwilligers=12)
    with geweigerd(TransitionNotPossible, "bereik_al_gemeld"):
        meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=61, vrijwilligers=12)


def test_results_are_about_this_initiatives_own_indicators(gevraagd, aanvrager, geweigerd):
    vreemd = IndicatorFactory()
    with geweigerd(InvalidInput, "indicator_ongeldig"):
        meld_bereik(gevraagd, aanvrager, boekjaar=None, deelnemers=1, vrijwilligers=1,
                    resultaten=[{"indicator": vreemd, "gerealiseerd": Decimal("1")}])


def test_reach_belongs_to_initiatives_and_other_families_are_left_alone(aanvrager, behandelaar, organisatie,
                                                                        geweigerd):
    subsidie = breng_naar(AanvraagFactory(organisatie=organisatie), "verleend", aanvrager=aanvrager).subsidie
    with geweigerd(InvalidInput, "geen_initiatief"):
        meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=1, vrijwilligers=1)
    subsidie = perform(subsidie, "verantwoording_vragen", behandelaar,
                       uiterlijk=timezone.localdate() + dt.timedelta(days=30))
    assert perform(subsidie, "verantwoording_indienen", aanvrager, **VERSLAG).status == "verantwoording_ingediend"


def test_a_structural_initiative_reports_its_reach_per_boekjaar(organisatie, actoren, vandaag, geweigerd):
    vandaag(dt.date(2026, 9, 1))
    BegrotingsjaarFactory(boekjaar=2027, vastgesteld_op=dt.date(2026, 11, 12))
    regeling = meerjarige_regeling(2027, 2, familie=Soort.MAATSCHAPPELIJK)
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("40000.00"), 2028: Decimal("40000.00")},
                                   organisatie=organisatie)
    met_doelen(aanvraag, kosten="100000.00", dekking="20000.00")
    subsidie = verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])
    vandaag(dt.date(2027, 1, 4))
    tranche = breng_tranche_naar(subsidie.tranches.get(boekjaar=2027), "lopend", aanvrager=actoren["aanvrager"],
                                 behandelaar=actoren["behandelaar"])
    with geweigerd(InvalidInput, "boekjaar_ongeldig"):  # which year is it about?
        meld_bereik(subsidie, actoren["aanvrager"], boekjaar=None, deelnemers=1, vrijwilligers=1)
    with geweigerd(TransitionNotPossible, "bereik_niet_wijzigbaar"):  # 2028 has not started
        meld_bereik(subsidie, actoren["aanvrager"], boekjaar=2028, deelnemers=1, vrijwilligers=1)

    vandaag(dt.date(2028, 1, 15))
    verslag = jaarverslag("40000.00", resultaten=[{"doel": "Minder eenzaamheid", "realisatie": "38 deelnemers"}])
    with geweigerd(InvalidInput, "bereik_ontbreekt"):
        perform(tranche, "jaarverantwoording_indienen", actoren["aanvrager"], **verslag)
    meld_bereik(subsidie, actoren["aanvrager"], boekjaar=2027, deelnemers=52, vrijwilligers=9,
                resultaten=[{"indicator": indicator_van(subsidie), "gerealiseerd": Decimal("38")}])
    assert perform(tranche, "jaarverantwoording_indienen", actoren["aanvrager"], **verslag).status == "verantwoord"
    assert subsidie.bereik.get().boekjaar == 2027


def test_factories_for_reach_and_results(regeling, groep, aanvrager):
    subsidie = breng_naar(maatschappelijk_initiatief(regeling, groep, bedrag="900.00", kosten="1000.00", dekking="0",
                                                     gebied=groep.gebied, wijk=groep.wijk), "verleend").subsidie
    resultaat = ResultaatFactory(bereik=BereikFactory(subsidie=subsidie), indicator=indicator_van(subsidie))
    assert resultaat.bereik.boekjaar == subsidie.eerste_boekjaar and Bereik.objects.count() == 1


def test_the_admin_cannot_change_a_report_once_the_verantwoording_is_in(gevraagd, aanvrager, beheerder, client):
    """The lock lives in the model, so the admin (and any other door) obeys it, not only `meld_bereik`."""
    from tests.conftest import database_state, in_beheer

    bereik = meld_bereik(gevraagd, aanvrager, boekjaar=None, deelnemers=41, vrijwilligers=7,
                         resultaten=[{"indicator": indicator_van(gevraagd), "gerealiseerd": Decimal("38")}])
    perform(gevraagd, "verantwoording_indienen", aanvrager, **VERSLAG)
    voor = database_state()

    response = in_beheer(client, beheerder).post(f"/admin/initiatieven/bereik/{bereik.pk}/change/", {
        "subsidie": gevraagd.pk, "boekjaar": bereik.boekjaar, "deelnemers": 410, "vrijwilligers": 7,
        "toelichting": "", "gemeld_door": aanvrager.pk,
    })

    assert response.status_code in (200, 302)
    bereik.refresh_from_db()
    assert bereik.deelnemers == 41
    assert {k: v for k, v in database_state().items() if k != "workflows.AuditRecord"} == {
        k: v for k, v in voor.items() if k != "workflows.AuditRecord"}
    bereik.deelnemers = 410
    with pytest.raises(TransitionNotPossible):
        bereik.save()
    with pytest.raises(TransitionNotPossible):
        bereik.resultaten.get().delete()
