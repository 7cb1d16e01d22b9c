"""What people are told (issue 9, finding 5): every event that asks something of someone, or that must be made known,
queues a message in the outbox in the transaction of the transition — once per event, also when it is run again.

The clock stands on Monday 2 February 2026; the regeling's decision term is 8 weeks.
"""
import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Aanvraag, Contactpersoon
from subsidies.services import meldingen
from tests.factories import AanvraagFactory, BegrotingsjaarFactory, breng_naar
from workflows.errors import InvalidInput
from workflows.models import Bericht
from workflows.transitions import perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)


def berichten(sleutel: str) -> dict[str, Bericht]:
    """The queued messages of one event, by address."""
    return {b.aan: b for b in Bericht.objects.filter(sleutel__startswith=f"{sleutel}:")}


@pytest.fixture
def secretaris(concept):
    """The organisation also has a contact person; the council adopted 2026's budget on 10 November 2025."""
    Contactpersoon.objects.create(organisatie=concept.organisatie, naam="Secretaris", email="secretaris@example.org")
    BegrotingsjaarFactory(boekjaar=2026)


@pytest.fixture
def aanvraag(concept, secretaris, actoren):
    """Submitted by the applicant."""
    return perform(concept, "indienen", actoren["aanvrager"])


@pytest.fixture
def in_behandeling(aanvraag, actoren):
    return perform(aanvraag, "in_behandeling_nemen", actoren["behandelaar"])


AANVRAGER = {"aanvrager@example.org", "secretaris@example.org"}


def test_receipt_says_when_it_came_in_and_the_latest_decision_date(aanvraag):
    ontvangst = berichten(f"ontvangst-{aanvraag.pk}")
    assert set(ontvangst) == AANVRAGER
    bericht = ontvangst["aanvrager@example.org"]
    assert bericht.onderwerp == f"Aanvraag ontvangen / Application received {aanvraag.nummer}"
    assert "ontvangen op 02-02-2026" in bericht.tekst and "uiterlijk op 30-03-2026" in bericht.tekst
    assert "received your application" in bericht.tekst  # Dutch first, then English
    assert "budget" not in bericht.tekst  # 2026's budget is adopted: nothing to warn about


def test_receipt_for_a_year_without_budget_says_so_at_intake(organisatie, aanvrager):
    concept = AanvraagFactory(organisatie=organisatie, periode_van=date(2027, 1, 1), periode_tot=date(2027, 6, 30))
    aanvraag = perform(concept, "indienen", aanvrager)
    tekst = berichten(f"ontvangst-{aanvraag.pk}")["aanvrager@example.org"].tekst
    assert "Voor 2027 is nog geen budget vastgesteld. U kunt wel aanvragen. Wij beslissen pas als de gemeenteraad " \
           "het budget heeft vastgesteld." in tekst
    assert "No budget has been set for 2027 yet." in tekst


def test_receipt_is_queued_once_when_sent_again(aanvraag):
    assert meldingen.ontvangst(aanvraag) == 0
    assert Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}:").count() == 2


def test_aanvulling_says_what_by_when_and_that_the_term_waits(in_behandeling, actoren):
    aanvraag = perform(in_behandeling, "aanvulling_vragen", actoren["behandelaar"],
                       reden="Stuur de offerte voor de zaalhuur.", termijn_tot=date(2026, 2, 16))
    aanvulling = aanvraag.aanvullingen.get()
    gevraagd = berichten(f"aanvulling-{aanvulling.pk}")
    assert set(gevraagd) == AANVRAGER
    bericht = gevraagd["secretaris@example.org"]
    assert bericht.onderwerp.startswith("Wij hebben informatie van u nodig")
    assert "Stuur de offerte voor de zaalhuur." in bericht.tekst
    assert "uiterlijk 16-02-2026" in bericht.tekst and "staat de termijn voor ons besluit stil" in bericht.tekst

    aanvraag = perform(aanvraag, "aanvulling_ontvangen", actoren["aanvrager"])
    ontvangen = berichten(f"aanvulling-ontvangen-{aanvulling.pk}")
    assert set(ontvangen) == AANVRAGER
    assert "ontvangen op 02-02-2026" in ontvangen["aanvrager@example.org"].tekst
    assert f"uiterlijk op {aanvraag.uiterste_beslisdatum:%d-%m-%Y}" in ontvangen["aanvrager@example.org"].tekst
    assert set(berichten(f"aanvulling-binnen-{aanvulling.pk}")) == {actoren["behandelaar"].email}


def test_a_refused_aanvulling_tells_nobody_anything(in_behandeling, actoren, geweigerd):
    with geweigerd(InvalidInput, "termijn_ongeldig"):
        perform(in_behandeling, "aanvulling_vragen", actoren["behandelaar"], reden="Stuur de offerte.",
                termijn_tot=date(2026, 1, 1))


def test_extension_gives_the_new_date_and_the_reason(in_behandeling, actoren):
    perform(in_behandeling, "beslistermijn_verdagen", actoren["behandelaar"], weken=4,
            reden="Wij vragen advies aan de wijkraad.")
    bericht = berichten(f"verdaging-{in_behandeling.pk}")["aanvrager@example.org"]  # 27 April is Koningsdag
    assert "uiterlijk op 28-04-2026" in bericht.tekst and "Wij vragen advies aan de wijkraad." in bericht.tekst


def test_every_beschikking_is_made_known_with_the_objection_term(concept, secretaris, actoren):
    aanvraag = verleend = breng_naar(concept, "verleend", behandelaar=actoren["behandelaar"], beslisser=actoren["beslisser"])
    beschikking = verleend.beschikkingen.get()
    bekendgemaakt = berichten(f"beschikking-{beschikking.pk}")
    assert set(bekendgemaakt) == AANVRAGER
    bericht = bekendgemaakt["aanvrager@example.org"]
    assert bericht.onderwerp == f"Besluit (verlening) / Decision {aanvraag.nummer}"
    assert "Bedrag: € 12000.00" in bericht.tekst and "tot en met 16-03-2026 bezwaar maken" in bericht.tekst


def test_a_refusal_is_made_known(concept, secretaris, actoren):
    aanvraag = breng_naar(concept, "in_beoordeling", behandelaar=actoren["behandelaar"])
    aanvraag = perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="weigeren",
                       reden="De activiteit valt buiten de regeling.")
    beschikking = perform(aanvraag, "weigeren", actoren["behandelaar"]).beschikkingen.get()
    tekst = berichten(f"beschikking-{beschikking.pk}")["aanvrager@example.org"].tekst
    assert "weigering" in tekst and "De activiteit valt buiten de regeling." in tekst


def test_a_proposal_above_the_threshold_goes_to_the_beslissers_who_may_decide_it(concept, secretaris, actoren):
    Aanvraag.objects.filter(pk=concept.pk).update(gevraagd_bedrag=Decimal("30000.00"))
    aanvraag = breng_naar(concept, "in_beoordeling", behandelaar=actoren["behandelaar"], beslisser=actoren["beslisser"])
    perform(aanvraag, "besluit_voorstellen", actoren["beslisser"], uitkomst="verlenen", reden="Past.")
    voorstel = berichten(f"voorstel-{aanvraag.pk}-1")
    # not the proposer, not the beslisser with a declared tie to the organisation
    assert set(voorstel) == {actoren["tweede_beslisser"].email}
    assert "€ 30000.00" in voorstel[actoren["tweede_beslisser"].email].tekst
    assert "30-03-2026" in voorstel[actoren["tweede_beslisser"].email].tekst


def test_a_proposal_below_the_threshold_waits_for_nobody(concept, secretaris, actoren):
    breng_naar(concept, "besluit_voorgesteld", behandelaar=actoren["behandelaar"])
    assert not Bericht.objects.filter(sleutel__startswith="voorstel-").exists()


def test_report_request_recovery_and_settlement_are_made_known(concept, secretaris, actoren, vandaag):
    behandelaar = actoren["behandelaar"]
    subsidie = breng_naar(concept, "verleend", behandelaar=behandelaar, beslisser=actoren["beslisser"]).subsidie
    subsidie = perform(subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("10000.00"))
    perform(subsidie.betalingen.get(), "uitvoeren", behandelaar)
    subsidie = perform(subsidie, "verantwoording_vragen", behandelaar, uiterlijk=date(2026, 5, 2))  # a Saturday
    gevraagd = berichten(f"verantwoording_vragen-subsidie-{subsidie.pk}-1")
    assert set(gevraagd) == AANVRAGER and "uiterlijk 04-05-2026" in gevraagd["aanvrager@example.org"].tekst

    subsidie = perform(subsidie, "verantwoording_indienen", actoren["aanvrager"], activiteitenverslag="Gedaan.",
                       werkelijke_kosten=Decimal("8000.00"))
    subsidie = perform(subsidie, "vaststellen", behandelaar, bedrag=Decimal("8000.00"),
                       reden="Minder kosten gemaakt dan begroot.")
    terug = subsidie.betalingen.get(soort="terugvordering")
    tekst = berichten(f"terugvordering-{terug.pk}")["aanvrager@example.org"].tekst
    assert "€ 2000.00 meer ontvangen" in tekst
    vaststelling = subsidie.aanvraag.beschikkingen.get(soort="vaststelling")
    assert "Bedrag: € 8000.00" in berichten(f"beschikking-{vaststelling.pk}")["aanvrager@example.org"].tekst
