"""The bezwaar lifecycle through perform(), with the legal dates (issue 11): on time (Awb 6:7–6:9), late and excused
(6:11), the decision term (7:10) with its one postponement, withdrawal, and gegrond on a weigering leading to a new
verlening whose budget is committed through the ledger.

Calendar used (2026): Easter Sunday 5 April, so Tweede Paasdag is Monday 6 April; Tweede Pinksterdag is Monday
25 May. A beschikking sent on Monday 2 March can be objected to until Monday 13 April; one sent on Monday 16 February
until Monday 30 March.
"""
from datetime import date
from decimal import Decimal

import pytest

from subsidies.models import Aanvraag, Beschikking, Bezwaar, Verplichting
from subsidies.services import bezwaren
from subsidies.services.budget import overzicht
from tests.factories import breng_naar
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord, Bericht
from workflows.transitions import available_actions, perform


@pytest.fixture
def weigering(concept, actoren, vandaag):
    """`weigering(dag)`: the applicant's request refused by a beschikking sent on `dag`."""

    def refuse(dag: date) -> Beschikking:
        vandaag(dag)
        aanvraag = breng_naar(concept, "in_beoordeling", aanvrager=actoren["aanvrager"],
                              behandelaar=actoren["behandelaar"])
        aanvraag = perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="weigeren",
                           reden="De activiteit past niet binnen de regeling.")
        aanvraag = perform(aanvraag, "weigeren", actoren["beslisser"])
        return aanvraag.beschikkingen.get(soort="weigering")

    return refuse


@pytest.fixture
def maart(weigering):
    """Refused on Monday 2 March 2026: bezwaar possible until Monday 13 April."""
    beschikking = weigering(date(2026, 3, 2))
    assert beschikking.bezwaartermijn_tot == date(2026, 4, 13)
    return beschikking


def dien_in(beschikking, user, dag, vandaag, **kwargs):
    vandaag(dag)
    return bezwaren.dien_in(beschikking, user, gronden="Onze activiteit is juist voor ouderen in de wijk.", **kwargs)


@pytest.fixture
def bezwaar(maart, actoren, vandaag):
    """Filed by the applicant on Monday 6 April, within the term."""
    return dien_in(maart, actoren["aanvrager"], date(2026, 4, 6), vandaag)


def berichten(sleutel: str) -> dict[str, Bericht]:
    return {b.aan: b for b in Bericht.objects.filter(sleutel__startswith=f"{sleutel}:")}


# --- receipt and the decision term (Awb 6:7–6:9, 7:10) ------------------------------------------------------------
def test_objection_on_time_is_decided_six_weeks_after_the_term_moved_off_whit_monday(bezwaar, actoren):
    # 13 April + 6 weeks = Monday 25 May, Tweede Pinksterdag: the term ends on Tuesday 26 May (Atw art. 1).
    assert bezwaar.status == "ingediend" and bezwaar.tijdig
    assert bezwaar.uiterste_beslisdatum == date(2026, 5, 26)
    assert bezwaar.ingediend_door == actoren["aanvrager"] and not bezwaar.op_papier
    ontvangst = berichten(f"bezwaar-ontvangen-{bezwaar.pk}")["aanvrager@example.org"].tekst
    assert "ontvangen" in ontvangst and "uiterlijk op 26-05-2026" in ontvangst
    officer = berichten(f"bezwaar-binnen-{bezwaar.pk}")
    assert set(officer) == {actoren["behandelaar"].email}  # the request's behandelaar hears of it
    assert AuditRecord.objects.filter(object_id=str(bezwaar.pk), actie="aangemaakt",
                                      object_type__model="bezwaar").count() == 1


def test_an_advisory_committee_gives_twelve_weeks(bezwaar, actoren):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"], adviescommissie=True)
    assert bezwaar.adviescommissie and bezwaar.uiterste_beslisdatum == date(2026, 7, 6)  # 13 April + 12 weeks
    assert bezwaar.behandelaar == actoren["behandelaar"]


@pytest.mark.parametrize("verzonden, ontvangen, tijdig", [
    # last day Monday 13 April, posted that day: a week later is Monday 20 April
    (date(2026, 3, 2), date(2026, 4, 20), True),  # 7 days after the term
    (date(2026, 3, 2), date(2026, 4, 21), False),  # 8 days after
    # last day Monday 30 March: the week ends on Tweede Paasdag 6 April and moves to Tuesday 7 April
    (date(2026, 2, 16), date(2026, 4, 7), True),  # 8 days after, still on time
    (date(2026, 2, 16), date(2026, 4, 8), False),
])
def test_posted_on_the_last_day_and_received_within_a_week_is_on_time(weigering, actoren, vandaag, verzonden,
                                                                       ontvangen, tijdig):
    beschikking = weigering(verzonden)
    bezwaar = dien_in(beschikking, actoren["behandelaar"], ontvangen, vandaag, ontvangen_op=ontvangen,
                      ter_post_op=beschikking.bezwaartermijn_tot, indiener="J. de Vries")
    assert bezwaar.op_papier and bezwaar.indiener == "J. de Vries"
    assert bezwaar.tijdig is tijdig


def test_received_after_the_term_without_a_postmark_is_late(maart, actoren, vandaag):
    late = dien_in(maart, actoren["behandelaar"], date(2026, 4, 14), vandaag, ontvangen_op=date(2026, 4, 14))
    assert not late.tijdig


def test_posted_after_the_term_is_late_even_if_received_within_the_week(maart, actoren, vandaag):
    bezwaar = dien_in(maart, actoren["behandelaar"], date(2026, 4, 15), vandaag, ontvangen_op=date(2026, 4, 15),
                      ter_post_op=date(2026, 4, 14))
    assert not bezwaar.tijdig


def test_a_late_objections_decision_term_runs_from_receipt_and_moves_off_a_saturday(maart, actoren, vandaag):
    # received on Saturday 6 June; six weeks later is Saturday 18 July, so the term ends on Monday 20 July
    late = dien_in(maart, actoren["aanvrager"], date(2026, 6, 6), vandaag)
    assert not late.tijdig and late.uiterste_beslisdatum == date(2026, 7, 20)
    assert "na het einde van de bezwaartermijn" in berichten(f"bezwaar-ontvangen-{late.pk}")["aanvrager@example.org"].tekst


# --- late objections (Awb 6:11) -------------------------------------------------------------------------------------
@pytest.fixture
def te_laat(maart, actoren, vandaag):
    late = dien_in(maart, actoren["aanvrager"], date(2026, 4, 20), vandaag)
    return perform(late, "in_behandeling_nemen", actoren["behandelaar"])


@pytest.mark.parametrize("actie", ["gegrond_verklaren", "ongegrond_verklaren"])
def test_a_late_objection_is_not_decided_on_its_merits_without_an_excuse(te_laat, actoren, geweigerd, actie):
    with geweigerd(TransitionNotPossible, "bezwaar_te_laat") as refusal:
        perform(te_laat, actie, actoren["behandelaar"], reden="Inhoudelijk beoordeeld.")
    assert "Awb 6:11" in refusal.value.nl and "Awb 6:11" in refusal.value.en
    redenen = {a["actie"]: a["reden"] for a in available_actions(te_laat, actoren["behandelaar"])}
    assert "Awb 6:11" in redenen[actie]["nl"]


def test_a_late_objection_without_excuse_is_niet_ontvankelijk(te_laat, actoren):
    bezwaar = perform(te_laat, "niet_ontvankelijk_verklaren", actoren["behandelaar"],
                      reden="Het bezwaar kwam een week na de termijn binnen, zonder reden.")
    assert bezwaar.status == "niet_ontvankelijk"
    assert bezwaar.beslissing.soort == "bezwaarbeslissing" and bezwaar.beslissing.herroept is None
    assert bezwaar.beslissing.motivering.startswith("Uw bezwaar is niet-ontvankelijk")
    assert Aanvraag.objects.get(pk=bezwaar.beschikking.aanvraag_id).status == "geweigerd"


def test_excused_lateness_lets_the_objection_be_decided(te_laat, actoren, geweigerd):
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(te_laat, "termijnoverschrijding_verschonen", actoren["behandelaar"])
    bezwaar = perform(te_laat, "termijnoverschrijding_verschonen", actoren["behandelaar"],
                      reden="De indiener lag in het ziekenhuis.")
    assert bezwaar.verschoonbaar_reden == "De indiener lag in het ziekenhuis." and bezwaar.status == "in_behandeling"
    with geweigerd(TransitionNotPossible, "al_verschoond"):
        perform(bezwaar, "termijnoverschrijding_verschonen", actoren["behandelaar"], reden="Nogmaals.")
    assert perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"], reden="De weigering klopt.").status == \
        "ongegrond"


def test_a_timely_objection_has_no_lateness_to_excuse(bezwaar, actoren, geweigerd):
    with geweigerd(TransitionNotPossible, "bezwaar_tijdig"):
        perform(bezwaar, "termijnoverschrijding_verschonen", actoren["behandelaar"], reden="Zomaar.")


# --- postponement (Awb 7:10 lid 3) ----------------------------------------------------------------------------------
def test_the_decision_can_be_postponed_once_by_six_weeks(bezwaar, actoren, vandaag, geweigerd):
    vandaag(date(2026, 5, 26))  # the last day of the term (moved off Tweede Pinksterdag)
    bezwaar = perform(bezwaar, "verdagen", actoren["behandelaar"], reden="Wij wachten op het advies van de wijk.")
    # six weeks from the term as made known (Tuesday 26 May), not from 13 April + 12 weeks (Monday 6 July)
    assert bezwaar.verdaagd and bezwaar.uiterste_beslisdatum == date(2026, 7, 7)
    bericht = berichten(f"bezwaar-verdaagd-{bezwaar.pk}")["aanvrager@example.org"].tekst
    assert "uiterlijk op 07-07-2026" in bericht and "advies van de wijk" in bericht
    with geweigerd(TransitionNotPossible, "al_verdaagd") as refusal:
        perform(bezwaar, "verdagen", actoren["behandelaar"], reden="Nog meer tijd nodig.")
    assert "Awb 7:10 lid 3" in refusal.value.nl


def test_postponing_after_the_term_or_without_reason_is_refused(bezwaar, actoren, vandaag, geweigerd):
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(bezwaar, "verdagen", actoren["behandelaar"])
    vandaag(date(2026, 5, 27))
    with geweigerd(InvalidInput, "termijn_verstreken"):
        perform(bezwaar, "verdagen", actoren["behandelaar"], reden="Te laat bedacht.")


# --- hearing, withdrawal, who may do what -------------------------------------------------------------------------
def test_hearing_on_a_working_day_then_decided(bezwaar, actoren, vandaag, geweigerd):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    with geweigerd(InvalidInput, "datum_ongeldig"):
        perform(bezwaar, "hoorzitting_plannen", actoren["behandelaar"], hoorzitting_op=date(2026, 5, 14))  # Hemelvaart
    bezwaar = perform(bezwaar, "hoorzitting_plannen", actoren["behandelaar"], hoorzitting_op=date(2026, 5, 12))
    assert bezwaar.status == "hoorzitting" and bezwaar.hoorzitting_op == date(2026, 5, 12)
    bezwaar = perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"], reden="Gehoord; de weigering klopt.")
    assert bezwaar.status == "ongegrond"


def test_the_applicant_withdraws_an_undecided_objection(bezwaar, actoren, geweigerd):
    with geweigerd(NotPermitted):
        perform(bezwaar, "intrekken", actoren["buitenstaander"])
    bezwaar = perform(bezwaar, "intrekken", actoren["aanvrager"], reden="Wij hebben het besproken.")
    assert bezwaar.status == "ingetrokken" and bezwaar.publieke_status["nl"] == "Ingetrokken"
    assert berichten(f"bezwaar-ingetrokken-{bezwaar.pk}")
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(bezwaar, "intrekken", actoren["aanvrager"])


def test_a_decided_objection_cannot_be_withdrawn(bezwaar, actoren, geweigerd):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    bezwaar = perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"], reden="De weigering klopt.")
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(bezwaar, "intrekken", actoren["aanvrager"])


@pytest.mark.parametrize("wie", ["aanvrager", "buitenstaander", "behandelaar_met_belang", "auditor"])
def test_only_an_officer_without_a_tie_decides(bezwaar, actoren, geweigerd, wie):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    with geweigerd(NotPermitted):
        perform(bezwaar, "gegrond_verklaren", actoren[wie], reden="Gegrond.")


def test_filing_is_refused_to_outsiders_and_twice_and_against_a_decision_on_bezwaar(bezwaar, maart, actoren, vandaag,
                                                                                    geweigerd):
    with geweigerd(NotPermitted):
        bezwaren.dien_in(maart, actoren["buitenstaander"], gronden="Ook mee oneens.")
    with geweigerd(NotPermitted):  # the applicant cannot backdate
        bezwaren.dien_in(maart, actoren["aanvrager"], gronden="Nog een.", ontvangen_op=date(2026, 4, 1))
    with geweigerd(TransitionNotPossible, "bezwaar_loopt_al"):
        bezwaren.dien_in(maart, actoren["aanvrager"], gronden="Nog een.")
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    bezwaar = perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"], reden="De weigering klopt.")
    with geweigerd(TransitionNotPossible, "geen_bezwaar_mogelijk") as refusal:
        bezwaren.dien_in(bezwaar.beslissing, actoren["aanvrager"], gronden="Weer oneens.")
    assert "rechtbank" in refusal.value.nl
    with geweigerd(InvalidInput, "datum_ongeldig"):  # received before the decision was sent
        bezwaren.dien_in(maart, actoren["behandelaar"], gronden="Papier.", ontvangen_op=date(2026, 3, 1))


# --- deciding ---------------------------------------------------------------------------------------------------
def test_a_decision_on_bezwaar_points_to_the_court_not_to_a_second_bezwaar(bezwaar, actoren, vandaag):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    vandaag(date(2026, 5, 4))
    bezwaar = perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"], reden="De regeling sluit dit uit.")
    beslissing = bezwaar.beslissing
    assert (beslissing.soort, beslissing.rechtsmiddel, beslissing.verzonden_op) == ("bezwaarbeslissing", "beroep",
                                                                                   date(2026, 5, 4))
    assert beslissing.bezwaartermijn_tot == date(2026, 6, 15)  # beroep: six weeks too (Awb 6:7)
    assert "Het bestreden besluit blijft staan" in beslissing.motivering and "De regeling sluit dit uit." in \
        beslissing.motivering
    tekst = berichten(f"beschikking-{beslissing.pk}")["aanvrager@example.org"].tekst
    assert "beroep" in tekst and "rechtbank" in tekst and "15-06-2026" in tekst
    assert "bezwaar maken." not in tekst and "Opnieuw bezwaar maken kan niet" in tekst
    aanvraag = Aanvraag.objects.get(pk=beslissing.aanvraag_id)
    assert aanvraag.status == "geweigerd"
    assert not any(a["actie"] == "heroverwegen" and a["mogelijk"]
                   for a in available_actions(aanvraag, actoren["behandelaar"]))


def test_deciding_needs_grounds(bezwaar, actoren, geweigerd):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(bezwaar, "gegrond_verklaren", actoren["behandelaar"])


def test_gegrond_on_a_refusal_reopens_the_request_and_a_new_verlening_commits_the_budget(bezwaar, actoren, vandaag,
                                                                                        geweigerd):
    weigering = bezwaar.beschikking
    aanvraag = Aanvraag.objects.get(pk=weigering.aanvraag_id)
    with geweigerd(TransitionNotPossible, "niet_herroepen"):  # not without an upheld objection
        perform(aanvraag, "heroverwegen", actoren["behandelaar"])
    verplicht_voor = sum(row.verplicht for row in overzicht())

    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    bezwaar = perform(bezwaar, "gegrond_verklaren", actoren["behandelaar"],
                      reden="De activiteit is voor ouderen in de wijk en past wel binnen de regeling.")
    assert bezwaar.status == "gegrond" and bezwaar.beslissing.herroept == weigering
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_beoordeling" and aanvraag.voorstel_uitkomst == ""
    trail = AuditRecord.objects.filter(object_type__model="aanvraag", object_id=str(aanvraag.pk), handeling="heroverwegen")
    assert trail.get().van_status == "geweigerd" and "Awb 7:11" in trail.get().toelichting
    assert "terug in behandeling" in berichten(f"bezwaar-beslist-{bezwaar.pk}")[actoren["behandelaar"].email].tekst

    aanvraag = perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="verlenen",
                       bedrag=Decimal("12000.00"), reden="Na bezwaar: past binnen de regeling.")
    aanvraag = perform(aanvraag, "verlenen", actoren["beslisser"])
    assert aanvraag.status == "verleend"
    assert list(aanvraag.beschikkingen.values_list("soort", flat=True)) == ["weigering", "bezwaarbeslissing",
                                                                           "verlening"]
    assert Beschikking.objects.get(pk=weigering.pk).motivering == weigering.motivering  # the old one is untouched
    verplichting = Verplichting.objects.get(subsidie__aanvraag=aanvraag)
    assert verplichting.bedrag == Decimal("12000.00")
    assert sum(row.verplicht for row in overzicht()) == verplicht_voor + Decimal("12000.00")


def test_gegrond_on_buiten_behandeling_takes_the_request_back_into_review(concept, actoren, vandaag):
    vandaag(date(2026, 3, 2))
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
    aanvraag = perform(aanvraag, "aanvulling_vragen", actoren["behandelaar"], reden="Stuur de begroting.",
                       termijn_tot=date(2026, 3, 16))
    vandaag(date(2026, 3, 17))
    aanvraag = perform(aanvraag, "buiten_behandeling_stellen", actoren["behandelaar"])
    bezwaar = dien_in(aanvraag.beschikkingen.get(), actoren["aanvrager"], date(2026, 3, 20), vandaag)
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    perform(bezwaar, "gegrond_verklaren", actoren["behandelaar"], reden="De begroting was op tijd gemaild.")
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling"


def test_a_plain_status_name_for_every_state():
    assert set(Bezwaar.PUBLIEKE_STATUS) == set(Bezwaar.Status.values)
