"""The Aanvraag lifecycle as an applicant, an officer and a lawyer would check it.

Every transition once along its allowed path, and refused for the wrong state, the wrong person and bad input; a
refusal changes no row at all. Deadlines are checked against the real 2026 calendar (Awb 4:13–4:15, 6:8, Atw).
"""
import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType

from subsidies.models import Aanvraag, Betaling, Regeling, Subsidie
from tests.factories import AanvraagFactory, GebiedFactory, WijkFactory
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)

MAANDAG_2_FEBRUARI = date(2026, 2, 2)
AANVULLEN_UITERLIJK = date(2026, 2, 16)

# step name -> (action, who performs it, parameters)
STAPPEN = {
    "indienen": ("indienen", "aanvrager", {}),
    "in_behandeling_nemen": ("in_behandeling_nemen", "behandelaar", {}),
    "aanvulling_vragen": ("aanvulling_vragen", "behandelaar",
                          {"reden": "Stuur de offerte voor de zaalhuur mee.", "termijn_tot": AANVULLEN_UITERLIJK}),
    "aanvulling_ontvangen": ("aanvulling_ontvangen", "aanvrager", {}),
    "buiten_behandeling_stellen": ("buiten_behandeling_stellen", "behandelaar", {}),
    "beslistermijn_verdagen": ("beslistermijn_verdagen", "behandelaar",
                               {"weken": 4, "reden": "Advies van de bewonersorganisatie nodig."}),
    "volledig_verklaren": ("volledig_verklaren", "behandelaar", {}),
    "voorstel_verlenen": ("besluit_voorstellen", "behandelaar",
                          {"uitkomst": "verlenen", "reden": "Past binnen de doelen van de regeling."}),
    "voorstel_weigeren": ("besluit_voorstellen", "behandelaar",
                          {"uitkomst": "weigeren", "reden": "Geen activiteit voor bewoners van Groningen."}),
    "voorstel_terugsturen": ("voorstel_terugsturen", "beslisser", {"reden": "Motiveer het bedrag."}),
    "verlenen": ("verlenen", "beslisser", {}),
    "weigeren": ("weigeren", "beslisser", {}),
    "intrekken": ("intrekken", "aanvrager", {}),
}

_BEOORDELING = ["indienen", "in_behandeling_nemen", "volledig_verklaren"]
ROUTES = {
    "concept": [],
    "ingediend": ["indienen"],
    "in_behandeling": ["indienen", "in_behandeling_nemen"],
    "aanvulling_gevraagd": ["indienen", "in_behandeling_nemen", "aanvulling_vragen"],
    "in_beoordeling": _BEOORDELING,
    "besluit_voorgesteld": [*_BEOORDELING, "voorstel_verlenen"],
    "besluit_voorgesteld_weigeren": [*_BEOORDELING, "voorstel_weigeren"],
    "verleend": [*_BEOORDELING, "voorstel_verlenen", "verlenen"],
    "geweigerd": [*_BEOORDELING, "voorstel_weigeren", "weigeren"],
    "buiten_behandeling": ["indienen", "in_behandeling_nemen", "aanvulling_vragen", "buiten_behandeling_stellen"],
    "ingetrokken": ["indienen", "intrekken"],
}

OPEN = ["ingediend", "in_behandeling", "aanvulling_gevraagd", "in_beoordeling", "besluit_voorgesteld"]
ALLE_STATUSSEN = [status for status in ROUTES if status != "besluit_voorgesteld_weigeren"]

# action -> the states it may start from (DESIGN §4)
BRON = {
    "indienen": {"concept"},
    "in_behandeling_nemen": {"ingediend"},
    "aanvulling_vragen": {"in_behandeling"},
    "aanvulling_ontvangen": {"aanvulling_gevraagd"},
    "buiten_behandeling_stellen": {"aanvulling_gevraagd"},
    "beslistermijn_verdagen": set(OPEN),
    "volledig_verklaren": {"in_behandeling"},
    "besluit_voorstellen": {"in_beoordeling"},
    "voorstel_terugsturen": {"besluit_voorgesteld"},
    "verlenen": {"besluit_voorgesteld"},
    "weigeren": {"besluit_voorgesteld"},
    "intrekken": {"concept", *OPEN},
}
# the step that performs each action correctly, and the route that leads to where it may start
CANONIEK = {
    "indienen": ("indienen", "concept"),
    "in_behandeling_nemen": ("in_behandeling_nemen", "ingediend"),
    "aanvulling_vragen": ("aanvulling_vragen", "in_behandeling"),
    "aanvulling_ontvangen": ("aanvulling_ontvangen", "aanvulling_gevraagd"),
    "buiten_behandeling_stellen": ("buiten_behandeling_stellen", "aanvulling_gevraagd"),
    "beslistermijn_verdagen": ("beslistermijn_verdagen", "in_behandeling"),
    "volledig_verklaren": ("volledig_verklaren", "in_behandeling"),
    "besluit_voorstellen": ("voorstel_verlenen", "in_beoordeling"),
    "voorstel_terugsturen": ("voorstel_terugsturen", "besluit_voorgesteld"),
    "verlenen": ("verlenen", "besluit_voorgesteld"),
    "weigeren": ("weigeren", "besluit_voorgesteld_weigeren"),
    "intrekken": ("intrekken", "ingediend"),
}
# who may perform each action (the organisation's own member, its officers, or both)
MAG = {
    "aanvrager": {"aanvrager"},
    "behandelaar": {"behandelaar", "beslisser", "tweede_beslisser"},
}
MAG["beide"] = MAG["aanvrager"] | MAG["behandelaar"]
WIE_MAG = {actie: MAG["behandelaar"] for actie in BRON} | {
    "indienen": MAG["beide"], "aanvulling_ontvangen": MAG["beide"], "intrekken": MAG["aanvrager"],
}


@pytest.fixture
def doe(actoren, vandaag):
    """Perform a step from STAPPEN by its usual actor, with parameters overridden as given."""

    def step(aanvraag, stap, *, door=None, **overrides):
        actie, rol, params = STAPPEN[stap]
        params = {**params, **overrides}
        if actie == "buiten_behandeling_stellen":
            vandaag(AANVULLEN_UITERLIJK + dt.timedelta(days=1))
        return perform(aanvraag, actie, actoren[door or rol], **params)

    return step


@pytest.fixture
def naar(concept, doe):
    """The draft walked along ROUTES[route] through perform()."""

    def walk(route):
        aanvraag = concept
        for stap in ROUTES[route]:
            aanvraag = doe(aanvraag, stap)
        return aanvraag

    return walk


def overgangen(aanvraag):
    return AuditRecord.objects.filter(
        object_type=ContentType.objects.get_for_model(Aanvraag), object_id=str(aanvraag.pk),
        actie=AuditRecord.Actie.OVERGANG,
    )


# --- the allowed path ----------------------------------------------------------------------------------------
TOEGESTAAN = [
    ("concept", "indienen", "ingediend"),
    ("ingediend", "in_behandeling_nemen", "in_behandeling"),
    ("in_behandeling", "aanvulling_vragen", "aanvulling_gevraagd"),
    ("aanvulling_gevraagd", "aanvulling_ontvangen", "in_behandeling"),
    ("aanvulling_gevraagd", "buiten_behandeling_stellen", "buiten_behandeling"),
    *[(status, "beslistermijn_verdagen", status) for status in OPEN],
    ("in_behandeling", "volledig_verklaren", "in_beoordeling"),
    ("in_beoordeling", "voorstel_verlenen", "besluit_voorgesteld"),
    ("in_beoordeling", "voorstel_weigeren", "besluit_voorgesteld"),
    ("besluit_voorgesteld", "voorstel_terugsturen", "in_beoordeling"),
    ("besluit_voorgesteld", "verlenen", "verleend"),
    ("besluit_voorgesteld_weigeren", "weigeren", "geweigerd"),
    *[(status, "intrekken", "ingetrokken") for status in ["concept", *OPEN]],
]
BESCHIKKING_BIJ = {"verlenen": "verlening", "weigeren": "weigering", "buiten_behandeling_stellen": "buiten_behandeling"}


@pytest.mark.parametrize(("route", "stap", "verwacht"), TOEGESTAAN, ids=[f"{r}-{s}" for r, s, _ in TOEGESTAAN])
def test_allowed_transition_moves_state_and_writes_one_trail_record(naar, doe, actoren, route, stap, verwacht):
    aanvraag = naar(route)
    van_status, eerdere = aanvraag.status, overgangen(aanvraag).count()
    beschikkingen = set(aanvraag.beschikkingen.values_list("pk", flat=True))

    aanvraag = doe(aanvraag, stap)

    aanvraag.refresh_from_db()
    assert aanvraag.status == verwacht
    actie, rol, params = STAPPEN[stap]
    assert overgangen(aanvraag).count() == eerdere + 1
    record = overgangen(aanvraag).last()
    assert (record.handeling, record.van_status, record.naar_status) == (actie, van_status, verwacht)
    assert (record.actor_id, record.toelichting) == (actoren[rol].pk, params.get("reden", ""))
    nieuw = aanvraag.beschikkingen.exclude(pk__in=beschikkingen)
    assert list(nieuw.values_list("soort", flat=True)) == ([BESCHIKKING_BIJ[stap]] if stap in BESCHIKKING_BIJ else [])
    assert Subsidie.objects.filter(aanvraag=aanvraag).exists() == (verwacht == "verleend")


def test_proposal_is_recorded_and_sending_it_back_clears_it(naar, doe, actoren):
    aanvraag = doe(naar("in_beoordeling"), "voorstel_verlenen", bedrag=Decimal("9500.00"))
    assert (aanvraag.voorstel_uitkomst, aanvraag.voorstel_bedrag, aanvraag.voorgesteld_door) == (
        "verlenen", Decimal("9500.00"), actoren["behandelaar"])

    aanvraag = doe(aanvraag, "voorstel_terugsturen")
    assert (aanvraag.voorstel_uitkomst, aanvraag.voorstel_bedrag, aanvraag.voorstel_motivering) == ("", None, "")


def test_taking_a_request_makes_the_officer_its_behandelaar(naar, doe, actoren):
    aanvraag = doe(naar("ingediend"), "in_behandeling_nemen", door="beslisser")
    assert aanvraag.behandelaar == actoren["beslisser"]


# --- refused: wrong state, wrong person ------------------------------------------------------------------------
@pytest.mark.parametrize("status", ALLE_STATUSSEN)
def test_every_action_outside_its_states_is_refused_and_the_state_has_a_plain_name(naar, doe, geweigerd, subtests,
                                                                                   status):
    aanvraag = naar(status)
    assert aanvraag.publieke_status == dict(zip(("nl", "en"), Aanvraag.PUBLIEKE_STATUS[status], strict=True))
    for actie, bronnen in BRON.items():
        if status in bronnen:
            continue
        stap, _ = CANONIEK[actie]
        with subtests.test(actie=actie), geweigerd(TransitionNotPossible, "overgang_niet_toegestaan") as refusal:
            doe(aanvraag, stap)
        assert refusal.value.details == {"status": status, "actie": actie}


@pytest.mark.parametrize("actie", list(BRON))
def test_only_the_right_people_may_perform_an_action(naar, doe, actoren, geweigerd, subtests, vandaag, actie):
    stap, route = CANONIEK[actie]
    aanvraag = naar(route)
    if actie == "buiten_behandeling_stellen":
        vandaag(AANVULLEN_UITERLIJK + dt.timedelta(days=1))  # its condition holds: only the person is wrong
    for naam in sorted(set(actoren) - WIE_MAG[actie]):
        with subtests.test(actor=naam), geweigerd(NotPermitted, "geen_toestemming"):
            doe(aanvraag, stap, door=naam)


def test_a_declared_tie_blocks_only_that_organisations_requests(naar, doe, actoren, geweigerd):
    aanvraag = naar("ingediend")
    with geweigerd(NotPermitted):
        doe(aanvraag, "in_behandeling_nemen", door="behandelaar_met_belang")

    ander = doe(AanvraagFactory(organisatie__leden=[actoren["buitenstaander"]]), "indienen", door="buitenstaander")
    assert doe(ander, "in_behandeling_nemen", door="behandelaar_met_belang").status == "in_behandeling"


# --- refused: conditions and input -----------------------------------------------------------------------------
def _sluit_regeling(aanvraag):
    Regeling.objects.filter(pk=aanvraag.regeling_id).update(open_tot=date(2026, 1, 31))


def _alleen_verenigingen(aanvraag):
    Regeling.objects.filter(pk=aanvraag.regeling_id).update(toegestane_rechtsvormen=["vereniging"])


def _wijk_elders(aanvraag):
    Aanvraag.objects.filter(pk=aanvraag.pk).update(
        gebied=GebiedFactory(naam="Oost"), wijk=WijkFactory(gebied=GebiedFactory(naam="West"), naam="Vinkhuizen"))


def _veld(**values):
    return lambda aanvraag: Aanvraag.objects.filter(pk=aanvraag.pk).update(**values)


ONGELDIG = [
    # (route, step, who, parameters, preparation, error, code)
    ("concept", "indienen", None, {}, _veld(titel=""), InvalidInput, "aanvraag_onvolledig"),
    ("concept", "indienen", None, {}, _veld(periode_tot=date(2025, 12, 31)), InvalidInput, "periode_ongeldig"),
    ("concept", "indienen", None, {}, _veld(gevraagd_bedrag=Decimal("200000.01")), InvalidInput,
     "bedrag_buiten_grenzen"),
    ("concept", "indienen", None, {}, _sluit_regeling, InvalidInput, "regeling_gesloten"),
    ("concept", "indienen", None, {}, _alleen_verenigingen, InvalidInput, "aanvrager_niet_toegestaan"),
    ("concept", "indienen", None, {}, _wijk_elders, InvalidInput, "wijk_ongeldig"),
    ("concept", "indienen", None, {"ontvangen_op": MAANDAG_2_FEBRUARI}, None, NotPermitted, "geen_toestemming"),
    ("concept", "indienen", "behandelaar", {"ontvangen_op": date(2026, 2, 3)}, None, InvalidInput, "datum_ongeldig"),
    ("in_behandeling", "aanvulling_vragen", None, {"reden": " "}, None, InvalidInput, "reden_verplicht"),
    ("in_behandeling", "aanvulling_vragen", None, {"termijn_tot": None}, None, InvalidInput, "termijn_ongeldig"),
    ("in_behandeling", "aanvulling_vragen", None, {"termijn_tot": MAANDAG_2_FEBRUARI}, None, InvalidInput,
     "termijn_ongeldig"),
    ("in_behandeling", "aanvulling_vragen", None, {"termijn_tot": date(2027, 2, 3)}, None, InvalidInput,
     "termijn_ongeldig"),
    ("aanvulling_gevraagd", "aanvulling_ontvangen", "behandelaar", {"ontvangen_op": date(2026, 2, 1)}, None,
     InvalidInput, "datum_ongeldig"),
    ("aanvulling_gevraagd", "aanvulling_ontvangen", "behandelaar", {"ontvangen_op": date(2026, 2, 3)}, None,
     InvalidInput, "datum_ongeldig"),
    ("aanvulling_gevraagd", "aanvulling_ontvangen", None, {"ontvangen_op": MAANDAG_2_FEBRUARI}, None, NotPermitted,
     "geen_toestemming"),
    ("in_behandeling", "beslistermijn_verdagen", None, {"weken": 0}, None, InvalidInput, "ongeldige_invoer"),
    ("in_behandeling", "beslistermijn_verdagen", None, {"weken": 9}, None, InvalidInput, "ongeldige_invoer"),
    ("in_behandeling", "beslistermijn_verdagen", None, {"reden": ""}, None, InvalidInput, "ongeldige_invoer"),
    ("in_beoordeling", "voorstel_verlenen", None, {"uitkomst": "misschien"}, None, InvalidInput,
     "uitkomst_ongeldig"),
    ("in_beoordeling", "voorstel_verlenen", None, {"reden": ""}, None, InvalidInput, "reden_verplicht"),
    ("in_beoordeling", "voorstel_verlenen", None, {"bedrag": Decimal("0")}, None, InvalidInput, "bedrag_ongeldig"),
    ("in_beoordeling", "voorstel_verlenen", None, {"bedrag": Decimal("12000.01")}, None, InvalidInput,
     "bedrag_ongeldig"),
    ("in_beoordeling", "voorstel_verlenen", None, {"bedrag": Decimal("11000")},
     lambda a: Regeling.objects.filter(pk=a.regeling_id).update(max_bedrag=Decimal("10000")), InvalidInput,
     "bedrag_ongeldig"),
    ("besluit_voorgesteld", "voorstel_terugsturen", None, {"reden": ""}, None, InvalidInput, "reden_verplicht"),
    ("besluit_voorgesteld_weigeren", "verlenen", None, {}, None, TransitionNotPossible, "geen_voorstel_verlenen"),
    ("besluit_voorgesteld", "weigeren", None, {}, None, TransitionNotPossible, "geen_voorstel_weigeren"),
    ("aanvulling_gevraagd", "buiten_behandeling_stellen", None, {}, None, TransitionNotPossible,
     "aanvullingstermijn_loopt"),
]


@pytest.mark.parametrize(("route", "stap", "door", "params", "voorbereiding", "fout", "code"), ONGELDIG,
                         ids=[f"{stap}-{code}-{i}" for i, (_, stap, _, _, _, _, code) in enumerate(ONGELDIG)])
def test_bad_input_or_unmet_condition_is_refused_with_its_code(naar, geweigerd, actoren, route, stap, door, params,
                                                               voorbereiding, fout, code):
    aanvraag = naar(route)
    if voorbereiding:
        voorbereiding(aanvraag)
    actie, rol, standaard = STAPPEN[stap]
    with geweigerd(fout, code) as refusal:
        perform(aanvraag, actie, actoren[door or rol], **{**standaard, **params})
    assert refusal.value.nl and refusal.value.en


def test_an_incomplete_draft_names_the_missing_fields(concept, doe, geweigerd):
    Aanvraag.objects.filter(pk=concept.pk).update(titel="", gevraagd_bedrag=None)
    with geweigerd(InvalidInput, "aanvraag_onvolledig") as refusal:
        doe(concept, "indienen")
    assert refusal.value.details == {"velden": ["titel", "gevraagd_bedrag"]}
    assert "titel" in refusal.value.nl and "gevraagd bedrag" in refusal.value.nl


# --- deadlines against the real calendar -----------------------------------------------------------------------
@pytest.mark.parametrize(("weken", "uiterste"), [
    pytest.param(8, date(2026, 3, 30), id="8-weken-maandag-30-maart"),
    pytest.param(2, date(2026, 2, 16), id="bewonersinitiatief-2-weken"),
    pytest.param(12, date(2026, 4, 28), id="12-weken-valt-op-koningsdag-dus-dinsdag"),
])
def test_decision_term_runs_from_receipt(concept, doe, weken, uiterste):
    Regeling.objects.filter(pk=concept.regeling_id).update(beslistermijn_weken=weken)
    aanvraag = doe(concept, "indienen")
    assert (aanvraag.ontvangen_op, aanvraag.uiterste_beslisdatum) == (MAANDAG_2_FEBRUARI, uiterste)


def test_paper_request_keeps_its_real_date_of_receipt(concept, doe, actoren):
    aanvraag = doe(concept, "indienen", door="behandelaar", ontvangen_op=date(2026, 1, 26))
    assert aanvraag.ontvangen_op == date(2026, 1, 26)
    assert aanvraag.uiterste_beslisdatum == date(2026, 3, 23)
    assert aanvraag.ingediend_door == actoren["behandelaar"]
    assert aanvraag.volledig_op.date() == date(2026, 1, 26)


@pytest.mark.parametrize(("aangevuld_op", "opgeschort", "uiterste"), [
    pytest.param(date(2026, 2, 5), 0, date(2026, 3, 30), id="dag-na-verzoek-niets-opgeschort"),
    pytest.param(date(2026, 2, 6), 1, date(2026, 3, 31), id="een-dag"),
    pytest.param(date(2026, 2, 9), 4, date(2026, 4, 7), id="vier-dagen-valt-op-goede-vrijdag-dan-na-paasmaandag"),
])
def test_aanvulling_suspends_the_term_up_to_the_day_it_is_completed(naar, doe, vandaag, aangevuld_op, opgeschort,
                                                                   uiterste):
    """Awb 4:15: from the day after the request up to, not including, the day of completion."""
    aanvraag = naar("in_behandeling")
    assert aanvraag.uiterste_beslisdatum == date(2026, 3, 30)
    vandaag(date(2026, 2, 4))
    aanvraag = doe(aanvraag, "aanvulling_vragen", termijn_tot=date(2026, 2, 18))
    assert aanvraag.uiterste_beslisdatum == date(2026, 4, 13), "while waiting the whole term for the aanvulling counts"

    vandaag(aangevuld_op)
    aanvraag = doe(aanvraag, "aanvulling_ontvangen")

    assert aanvraag.uiterste_beslisdatum == uiterste
    assert aanvraag.aanvullingen.get().opschorting.dagen == opgeschort
    assert aanvraag.volledig_op.date() == aangevuld_op, "its place in the queue is the moment it became complete"


def test_officer_registers_a_paper_aanvulling_on_its_date_of_receipt(naar, doe, vandaag):
    aanvraag = naar("in_behandeling")
    vandaag(date(2026, 2, 4))
    aanvraag = doe(aanvraag, "aanvulling_vragen", termijn_tot=date(2026, 2, 18))
    vandaag(date(2026, 2, 12))
    aanvraag = doe(aanvraag, "aanvulling_ontvangen", door="behandelaar", ontvangen_op=date(2026, 2, 9))
    assert aanvraag.uiterste_beslisdatum == date(2026, 4, 7)


def test_lapsed_aanvulling_allows_buiten_behandeling_only_after_its_deadline(naar, doe, vandaag, geweigerd):
    aanvraag = naar("in_behandeling")
    vandaag(date(2026, 2, 4))
    aanvraag = doe(aanvraag, "aanvulling_vragen", termijn_tot=date(2026, 2, 18))

    vandaag(date(2026, 2, 18))
    with geweigerd(TransitionNotPossible, "aanvullingstermijn_loopt"):
        perform(aanvraag, "buiten_behandeling_stellen", aanvraag.behandelaar)

    vandaag(date(2026, 2, 19))
    aanvraag = perform(aanvraag, "buiten_behandeling_stellen", aanvraag.behandelaar)
    assert aanvraag.status == "buiten_behandeling"
    beschikking = aanvraag.beschikkingen.get()
    assert beschikking.soort == "buiten_behandeling" and "Awb 4:5" in beschikking.motivering
    assert aanvraag.uiterste_beslisdatum == date(2026, 4, 13), "suspended for the full unused term (14 days)"


def test_decision_term_can_be_extended_once_and_only_within_it(naar, doe, vandaag, geweigerd):
    aanvraag = doe(naar("in_behandeling"), "beslistermijn_verdagen", weken=4)
    assert (aanvraag.verdaagd_weken, aanvraag.uiterste_beslisdatum) == (4, date(2026, 4, 28))  # 27/4 Koningsdag

    with geweigerd(TransitionNotPossible, "al_verdaagd"):
        doe(aanvraag, "beslistermijn_verdagen", weken=1)


@pytest.mark.parametrize(("dag", "toegestaan"), [(date(2026, 3, 30), True), (date(2026, 3, 31), False)])
def test_extension_after_the_term_has_passed_is_refused(naar, doe, vandaag, geweigerd, dag, toegestaan):
    aanvraag = naar("in_beoordeling")
    vandaag(dag)
    if toegestaan:
        assert doe(aanvraag, "beslistermijn_verdagen").uiterste_beslisdatum == date(2026, 4, 28)
    else:
        with geweigerd(InvalidInput, "termijn_verstreken"):
            doe(aanvraag, "beslistermijn_verdagen")


# --- four eyes -------------------------------------------------------------------------------------------------
@pytest.fixture
def groot_voorstel(naar, doe, concept):
    """A proposal of € 30,000 by a beslisser, above the regeling's four-eyes threshold of € 25,000."""
    Aanvraag.objects.filter(pk=concept.pk).update(gevraagd_bedrag=Decimal("30000.00"))
    aanvraag = naar("in_beoordeling")
    return doe(aanvraag, "voorstel_verlenen", door="beslisser")


@pytest.mark.parametrize("door", ["beslisser", "behandelaar"], ids=["eigen-voorstel", "geen-beslisser"])
def test_above_threshold_neither_proposer_nor_plain_behandelaar_may_award(groot_voorstel, doe, geweigerd, door):
    with geweigerd(NotPermitted, "vier_ogen") as refusal:
        doe(groot_voorstel, "verlenen", door=door)
    assert "Boven € 25.000,00" in refusal.value.nl and "Above € 25,000.00" in refusal.value.en


def test_above_threshold_another_beslisser_awards(groot_voorstel, doe, actoren):
    aanvraag = doe(groot_voorstel, "verlenen", door="tweede_beslisser")
    assert aanvraag.status == "verleend"
    assert aanvraag.beschikkingen.get().beslisser == actoren["tweede_beslisser"]


def test_at_the_threshold_the_proposing_behandelaar_may_award(naar, doe, concept):
    Aanvraag.objects.filter(pk=concept.pk).update(gevraagd_bedrag=Decimal("25000.00"))
    aanvraag = doe(naar("in_beoordeling"), "voorstel_verlenen")
    aanvraag = doe(aanvraag, "verlenen", door="behandelaar")
    assert (aanvraag.status, aanvraag.subsidie.verleend_bedrag) == ("verleend", Decimal("25000.00"))


# --- the beschikking and what an applicant sees ----------------------------------------------------------------
@pytest.mark.parametrize(("route", "stap", "verzonden", "bezwaar_tot"), [
    pytest.param("besluit_voorgesteld", "verlenen", date(2026, 2, 10), date(2026, 3, 24), id="gewone-dinsdag"),
    pytest.param("besluit_voorgesteld", "verlenen", date(2026, 3, 16), date(2026, 4, 28), id="valt-op-koningsdag"),
    pytest.param("besluit_voorgesteld", "verlenen", date(2026, 3, 24), date(2026, 5, 6), id="valt-op-5-mei"),
    pytest.param("besluit_voorgesteld_weigeren", "weigeren", date(2026, 3, 21), date(2026, 5, 4),
                 id="weigering-verzonden-op-zaterdag"),
])
def test_objection_term_is_six_weeks_after_sending(naar, doe, vandaag, route, stap, verzonden, bezwaar_tot):
    """Awb 6:7/6:8: six weeks from the day after sending, rolled to a working day (Atw art. 1)."""
    aanvraag = naar(route)
    vandaag(verzonden)
    beschikking = doe(aanvraag, stap).beschikkingen.get()
    assert (beschikking.verzonden_op, beschikking.bezwaartermijn_tot) == (verzonden, bezwaar_tot)


@pytest.mark.parametrize("model", [Aanvraag, Subsidie, Betaling])
def test_every_state_has_a_plain_name_in_dutch_and_english(model):
    assert set(model.PUBLIEKE_STATUS) == set(model.Status.values)
    for status in model.Status.values:
        naam = model(status=status).publieke_status
        assert set(naam) == {"nl", "en"} and all(naam.values()), status
