"""An upheld bezwaar revises the contested decision through the subsidie's own lifecycle (issue 11, Awb 7:11): a
verlening or vaststelling that was too low gets a new beschikking of the higher amount with its budget effects in the
ledger, a revoked intrekking lets the award stand again; the old beschikking stays as it was, and a revision the
budget or ceiling cannot carry is refused with nothing changed. The clock stands on Monday 2 March 2026 for the
decisions and on Monday 6 April for the objection."""
from datetime import date
from decimal import Decimal as D

import pytest

from subsidies.models import Beschikking, Plafond, Subsidie, Verplichting
from subsidies.services import bezwaren
from subsidies.services.budget import overzicht
from tests.api import assert_error, client_for
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, breng_naar, meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig,
)
from workflows.errors import InvalidInput, TransitionNotPossible
from workflows.models import AuditRecord, Bericht
from workflows.transitions import available_actions, perform

GRONDEN = "Het bedrag is te laag: de huur van de zaal is niet meegeteld."


@pytest.fixture
def verleend(organisatie, actoren, vandaag):
    """`verleend(gevraagd, voorstel)`: a one-off request for `gevraagd` awarded at `voorstel` on 2 March 2026."""

    def award(gevraagd: str, voorstel: str) -> Subsidie:
        vandaag(date(2026, 3, 2))
        aanvraag = breng_naar(AanvraagFactory(organisatie=organisatie, gevraagd_bedrag=D(gevraagd)), "in_beoordeling",
                              aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
        aanvraag = perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="verlenen",
                           bedrag=D(voorstel), reden="De huur telt niet mee.")
        return perform(aanvraag, "verlenen", actoren["beslisser"]).subsidie

    return award


def bezwaar_tegen(beschikking, actoren, vandaag):
    """Filed by the applicant on Monday 6 April and taken by the officer."""
    vandaag(date(2026, 4, 6))
    bezwaar = bezwaren.dien_in(beschikking, actoren["aanvrager"], gronden=GRONDEN)
    return perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])


def gegrond(bezwaar, actoren, **params):
    return perform(bezwaar, "gegrond_verklaren", actoren["behandelaar"], reden="De huur hoort bij de kosten.",
                   **params)


def verplicht() -> D:
    return sum((row.verplicht for row in overzicht()), D("0"))


def openstaand(subsidie, soort) -> list[D]:
    return list(subsidie.betalingen.filter(soort=soort, status="gepland").values_list("bedrag", flat=True))


def melding(bezwaar, actoren) -> str:
    return Bericht.objects.get(sleutel__startswith=f"bezwaar-beslist-{bezwaar.pk}:",
                               aan=actoren["behandelaar"].email).tekst


# --- a verlening that was too low ---------------------------------------------------------------------------------
def test_gegrond_on_a_low_verlening_makes_a_new_one_and_commits_the_difference(verleend, actoren, vandaag):
    subsidie = verleend("12000", "8000")
    oud = subsidie.aanvraag.beschikkingen.get(soort="verlening")
    bezwaar = bezwaar_tegen(oud, actoren, vandaag)
    voor = verplicht()

    bezwaar = gegrond(bezwaar, actoren, bedrag=D("12000.00"))

    subsidie = Subsidie.objects.get(pk=subsidie.pk)
    assert bezwaar.status == "gegrond" and bezwaar.beslissing.herroept == oud
    assert subsidie.verleend_bedrag == D("12000.00") and subsidie.status == "verleend"
    nieuw = subsidie.aanvraag.beschikkingen.filter(soort="verlening").latest("pk")
    assert nieuw != oud and nieuw.bedrag == D("12000.00") and nieuw.verzonden_op == date(2026, 4, 6)
    assert list(subsidie.aanvraag.beschikkingen.order_by("pk").values_list("soort", flat=True)) == [
        "verlening", "bezwaarbeslissing", "verlening"]
    assert Beschikking.objects.get(pk=oud.pk).bedrag == D("8000.00")  # the old decision is untouched
    verplichting = Verplichting.objects.get(subsidie=subsidie)
    assert (verplichting.oorspronkelijk_bedrag, verplichting.bedrag) == (D("8000.00"), D("12000.00"))
    assert verplicht() == voor + D("4000.00")
    record = AuditRecord.objects.get(object_type__model="subsidie", object_id=str(subsidie.pk),
                                     handeling="verlening_herzien")
    assert f"Bezwaar {bezwaar.nummer} gegrond" in record.toelichting
    assert record.wijzigingen["verleend_bedrag"] == ["8000.00", "12000.00"]
    assert "herroepen en herzien" in melding(bezwaar, actoren)
    # revised once: the new verlening was not revoked, so the action is not open again
    actie = next(a for a in available_actions(subsidie, actoren["behandelaar"]) if a["actie"] == "verlening_herzien")
    assert not actie["mogelijk"]


def test_a_revision_the_ceiling_cannot_carry_is_refused_and_changes_nothing(verleend, actoren, vandaag, geweigerd):
    subsidie = verleend("12000", "8000")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)
    plafond = Plafond.objects.get(verplichtingen__subsidie=subsidie)
    Plafond.objects.filter(pk=plafond.pk).update(bedrag=D("10000.00"))  # a ceiling lowered to € 2,000 of room

    with geweigerd(TransitionNotPossible, "plafond_ontoereikend") as refusal:
        gegrond(bezwaar, actoren, bedrag=D("12000.00"))
    assert "€ 4.000,00 meer" in refusal.value.nl and "€ 2.000,00 vrij" in refusal.value.nl


@pytest.mark.parametrize("bedrag", [None, D("8000.00"), D("12000.01")])
def test_the_new_amount_is_above_the_old_and_at_most_what_was_asked(verleend, actoren, vandaag, geweigerd, bedrag):
    subsidie = verleend("12000", "8000")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)
    with geweigerd(InvalidInput, "bedrag_ongeldig"):
        gegrond(bezwaar, actoren, **({} if bedrag is None else {"bedrag": bedrag}))


def test_a_directly_settled_verlening_is_settled_again_and_the_difference_paid(verleend, actoren, vandaag):
    subsidie = verleend("4500", "3000")
    assert subsidie.status == "vastgesteld" and openstaand(subsidie, "saldo") == [D("3000.00")]
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)

    gegrond(bezwaar, actoren, bedrag=D("4500.00"))

    subsidie = Subsidie.objects.get(pk=subsidie.pk)
    assert subsidie.status == "vastgesteld"
    assert (subsidie.verleend_bedrag, subsidie.vastgesteld_bedrag) == (D("4500.00"), D("4500.00"))
    assert list(subsidie.aanvraag.beschikkingen.order_by("pk").values_list("soort", "bedrag")) == [
        ("verlening", D("3000.00")), ("vaststelling", D("3000.00")), ("bezwaarbeslissing", None),
        ("verlening", D("4500.00")), ("vaststelling", D("4500.00"))]
    assert sorted(openstaand(subsidie, "saldo")) == [D("1500.00"), D("3000.00")]
    assert Verplichting.objects.get(subsidie=subsidie).bedrag == D("4500.00")


def test_a_direct_settlement_above_its_limit_is_left_to_the_officer(verleend, actoren, vandaag, geweigerd):
    subsidie = verleend("12000", "3000")  # settled directly at € 3,000; € 12,000 would need a report
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)
    with geweigerd(TransitionNotPossible, "herziening_niet_automatisch"):
        gegrond(bezwaar, actoren, bedrag=D("12000.00"))


# --- a vaststelling that was too low -----------------------------------------------------------------------------
@pytest.fixture
def vastgesteld(verleend, actoren):
    """Awarded € 12,000, all of it paid as an advance, settled at € 9,000: € 3,000 to be recovered."""
    behandelaar = actoren["behandelaar"]
    subsidie = perform(verleend("12000", "12000"), "voorschot_betalen", behandelaar, bedrag=D("12000"))
    perform(subsidie.betalingen.get(), "uitvoeren", behandelaar)
    subsidie = perform(subsidie, "verantwoording_vragen", behandelaar, uiterlijk=date(2026, 3, 30))
    subsidie = perform(subsidie, "verantwoording_indienen", actoren["aanvrager"], activiteitenverslag="Gedaan.",
                       werkelijke_kosten=D("9000"))
    return perform(subsidie, "vaststellen", behandelaar, bedrag=D("9000"), reden="De zaalhuur telt niet mee.")


@pytest.mark.parametrize("terug_betaald, nieuwe_terugvordering, nabetaling", [
    (False, [D("1000.00")], []),  # the planned recovery of € 3,000 becomes one of € 1,000
    (True, [], [D("2000.00")]),  # the € 3,000 already came back: € 2,000 is paid again
])
def test_gegrond_on_a_low_vaststelling_settles_again(vastgesteld, actoren, vandaag, terug_betaald,
                                                     nieuwe_terugvordering, nabetaling):
    terugvordering = vastgesteld.betalingen.get(soort="terugvordering")
    if terug_betaald:
        perform(terugvordering, "uitvoeren", actoren["behandelaar"])
    oud = vastgesteld.aanvraag.beschikkingen.get(soort="vaststelling")
    bezwaar = bezwaar_tegen(oud, actoren, vandaag)
    voor = verplicht()

    gegrond(bezwaar, actoren, bedrag=D("11000.00"))

    subsidie = Subsidie.objects.get(pk=vastgesteld.pk)
    assert subsidie.status == "vastgesteld" and subsidie.vastgesteld_bedrag == D("11000.00")
    nieuw = subsidie.aanvraag.beschikkingen.filter(soort="vaststelling").latest("pk")
    assert nieuw.bedrag == D("11000.00") and Beschikking.objects.get(pk=oud.pk).bedrag == D("9000.00")
    assert openstaand(subsidie, "terugvordering") == nieuwe_terugvordering
    assert openstaand(subsidie, "saldo") == nabetaling
    terugvordering.refresh_from_db()
    assert terugvordering.status == ("uitgevoerd" if terug_betaald else "geannuleerd")
    assert subsidie.saldo() == D("0.00")  # what is planned settles it exactly
    assert verplicht() == voor + D("2000.00")
    assert AuditRecord.objects.filter(object_type__model="subsidie", object_id=str(subsidie.pk),
                                      handeling="vaststelling_herzien").exists()


def test_a_vaststelling_is_not_raised_above_the_award(vastgesteld, actoren, vandaag, geweigerd):
    bezwaar = bezwaar_tegen(vastgesteld.aanvraag.beschikkingen.get(soort="vaststelling"), actoren, vandaag)
    with geweigerd(InvalidInput, "bedrag_ongeldig"):
        gegrond(bezwaar, actoren, bedrag=D("12000.01"))


# --- a revoked intrekking ----------------------------------------------------------------------------------------
def test_gegrond_on_an_intrekking_restores_the_award_and_its_commitment(verleend, actoren, vandaag):
    behandelaar = actoren["behandelaar"]
    subsidie = perform(verleend("12000", "12000"), "voorschot_betalen", behandelaar, bedrag=D("6000"))
    perform(subsidie.betalingen.get(), "uitvoeren", behandelaar)
    subsidie = perform(subsidie, "intrekken", actoren["beslisser"], reden="Er is niets georganiseerd.")
    assert openstaand(subsidie, "terugvordering") == [D("6000.00")]
    assert Verplichting.objects.get(subsidie=subsidie).bedrag == D("0.00")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="intrekking"), actoren, vandaag)
    voor = verplicht()

    bezwaar = gegrond(bezwaar, actoren)

    subsidie = Subsidie.objects.get(pk=subsidie.pk)
    assert subsidie.status == "bevoorschot" and subsidie.vastgesteld_bedrag is None
    assert openstaand(subsidie, "terugvordering") == []
    assert subsidie.betalingen.get(soort="terugvordering").status == "geannuleerd"
    verplichting = Verplichting.objects.get(subsidie=subsidie)
    assert (verplichting.bedrag, verplichting.vastgesteld_bedrag) == (D("12000.00"), None)
    assert verplicht() == voor + D("12000.00")
    assert bezwaar.beslissing.herroept.soort == "intrekking"
    record = AuditRecord.objects.get(object_type__model="subsidie", object_id=str(subsidie.pk),
                                     handeling="intrekking_herroepen")
    assert (record.van_status, record.naar_status) == ("ingetrokken", "bevoorschot")
    # the award goes on: the rest can be advanced again
    assert perform(subsidie, "voorschot_betalen", behandelaar, bedrag=D("6000")).netto_betaald() == D("12000.00")


# --- what is not revised automatically, and what does not fit ------------------------------------------------------
def test_an_amount_only_goes_with_an_upheld_objection_against_an_amount(verleend, actoren, vandaag, geweigerd):
    subsidie = perform(verleend("12000", "12000"), "intrekken", actoren["beslisser"], reden="Niets georganiseerd.")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="intrekking"), actoren, vandaag)
    with geweigerd(InvalidInput, "bedrag_niet_van_toepassing"):
        gegrond(bezwaar, actoren, bedrag=D("9000"))


def test_the_revision_actions_need_an_upheld_objection(verleend, actoren, geweigerd):
    subsidie = verleend("12000", "8000")
    with geweigerd(TransitionNotPossible, "niet_herroepen"):
        perform(subsidie, "verlening_herzien", actoren["behandelaar"], bedrag=D("12000"))


# --- the API ---------------------------------------------------------------------------------------------------
def test_the_api_decides_gegrond_with_the_new_amount(verleend, actoren, vandaag):
    subsidie = verleend("12000", "8000")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)
    client = client_for(actoren["behandelaar"])
    url = f"/api/bezwaren/{bezwaar.pk}/acties/gegrond_verklaren/"

    Plafond.objects.filter(verplichtingen__subsidie=subsidie).update(bedrag=D("9000.00"))
    assert_error(client.post(url, {"reden": "Huur telt mee.", "bedrag": "12000.00"}, format="json"), 409,
                 "plafond_ontoereikend")
    Plafond.objects.filter(verplichtingen__subsidie=subsidie).update(bedrag=D("500000.00"))

    response = client.post(url, {"reden": "Huur telt mee.", "bedrag": "12000.00"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "gegrond"
    nieuw = client.get(f"/api/beschikkingen/?aanvraag={subsidie.aanvraag_id}").json()
    bedragen = [(b["soort"], b["bedrag"]) for b in nieuw.get("results", nieuw)]
    assert ("verlening", "12000.00") in bedragen and ("verlening", "8000.00") in bedragen
    assert Subsidie.objects.get(pk=subsidie.pk).verleend_bedrag == D("12000.00")


def test_a_refused_revision_names_the_amounts_in_each_language_as_people_write_them(verleend, actoren, vandaag):
    """The 400 carries both texts at once, so each writes its amounts in its own language, not the active one."""
    subsidie = verleend("12000", "6400")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)
    client = client_for(actoren["behandelaar"])

    body = assert_error(client.post(f"/api/bezwaren/{bezwaar.pk}/acties/gegrond_verklaren/",
                                    {"reden": "Huur telt mee.", "bedrag": "6000.00"}, format="json"),
                        400, "bedrag_ongeldig")

    assert "hoger dan het verleende bedrag (€ 6.400,00)" in body["message"]["nl"]
    assert "het gevraagde bedrag (€ 12.000,00)" in body["message"]["nl"]
    assert "above the amount granted (€ 6,400.00)" in body["message"]["en"]
    assert "the amount requested (€ 12,000.00)" in body["message"]["en"]
    assert body["details"]["velden"] == ["bedrag"]
    assert Subsidie.objects.get(pk=subsidie.pk).verleend_bedrag == D("6400.00")  # nothing changed
    assert client.get(f"/api/bezwaren/{bezwaar.pk}/").json()["status"] == "in_behandeling"


@pytest.fixture
def meerjarige_verlening(organisatie, actoren, vandaag):
    """A multi-year award for 2027 and 2028, decided on 2 March 2026."""
    vandaag(date(2026, 3, 2))
    BegrotingsjaarFactory(boekjaar=2027, vastgesteld_op=date(2026, 1, 15))
    BegrotingsjaarFactory(boekjaar=2028, vastgesteld_op=None)
    regeling = meerjarige_regeling(2027, 3, aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12)
    aanvraag = meerjarige_aanvraag(regeling, {2027: D("40000"), 2028: D("40000")}, organisatie=organisatie)
    subsidie = verleen_meerjarig(aanvraag, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])
    return subsidie.aanvraag.beschikkingen.get(soort="verlening")


def test_a_multi_year_award_is_not_revised_automatically_and_the_officer_is_told(meerjarige_verlening, actoren,
                                                                                 vandaag, geweigerd):
    bezwaar = bezwaar_tegen(meerjarige_verlening, actoren, vandaag)
    with geweigerd(TransitionNotPossible, "herziening_niet_automatisch") as refusal:
        gegrond(bezwaar, actoren, bedrag=D("90000"))
    assert "zonder bedrag" in refusal.value.nl

    bezwaar = gegrond(bezwaar, actoren)  # the revocation is recorded; the new decision is the officer's

    assert bezwaar.status == "gegrond" and bezwaar.beslissing.herroept == meerjarige_verlening
    assert "niet automatisch herzien" in melding(bezwaar, actoren)
    assert not AuditRecord.objects.filter(object_type__model="subsidie", handeling="verlening_herzien").exists()
