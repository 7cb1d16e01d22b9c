"""The transition engine itself: `perform()` is the only way to change a status, and it explains every refusal."""
import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Aanvraag
from tests.factories import breng_naar
from workflows.errors import InvalidInput, TransitionNotPossible
from workflows.transitions import available_actions, perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)


@pytest.fixture
def aanvraag_in(concept, actoren):
    return lambda status: breng_naar(concept, status, aanvrager=actoren["aanvrager"],
                                     behandelaar=actoren["behandelaar"])


@pytest.fixture
def in_behandeling(aanvraag_in):
    return aanvraag_in("in_behandeling")


@pytest.mark.parametrize("actie", ["verleen", "delete", "save", "herbereken_uiterste_beslisdatum",
                                   "refresh_from_db", "__init__", ""])
def test_only_state_machine_transitions_are_actions(in_behandeling, behandelaar, geweigerd, actie):
    """Any other method name, however real, is refused before it runs: perform(obj, 'delete') deletes nothing."""
    with geweigerd(InvalidInput, "onbekende_actie") as refusal:
        perform(in_behandeling, actie, behandelaar)
    assert refusal.value.status == 400


@pytest.mark.parametrize(("status", "actie", "params", "onbekend"), [
    ("ingediend", "in_behandeling_nemen", {"bedrag": 5}, "bedrag"),
    ("in_behandeling", "volledig_verklaren", {"ontvangen_op": date(2026, 2, 1)}, "ontvangen_op"),
    ("in_behandeling", "aanvulling_vragen", {"termijn_tot": date(2026, 2, 16), "status": "verleend"}, "status"),
])
def test_unexpected_parameters_are_refused(aanvraag_in, actoren, geweigerd, status, actie, params, onbekend):
    aanvraag = aanvraag_in(status)
    with geweigerd(InvalidInput, "ongeldige_invoer") as refusal:
        perform(aanvraag, actie, actoren["behandelaar"], reden="Ontbrekende begroting.", **params)
    assert refusal.value.en == f"Unexpected fields for this action: {onbekend}."


def test_perform_acts_on_the_current_state_not_on_a_stale_copy(in_behandeling, actoren, geweigerd):
    stale = Aanvraag.objects.get(pk=in_behandeling.pk)
    perform(in_behandeling, "volledig_verklaren", actoren["behandelaar"])
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(stale, "aanvulling_vragen", actoren["behandelaar"], reden="Te laat.", termijn_tot=date(2026, 2, 16))


# --- available actions ------------------------------------------------------------------------------------------
def summary(aanvraag, user):
    return {a["actie"]: a["mogelijk"] for a in available_actions(aanvraag, user)}


@pytest.mark.parametrize(("wie", "verwacht"), [
    # a notice of default (Awb 4:17) shows, not yet possible: the decision term still runs
    ("behandelaar", {"aanvulling_vragen": True, "beslistermijn_verdagen": True, "volledig_verklaren": True,
                     "in_gebreke_stellen": False}),
    ("beslisser", {"aanvulling_vragen": True, "beslistermijn_verdagen": True, "volledig_verklaren": True,
                   "in_gebreke_stellen": False}),
    ("aanvrager", {"intrekken": True, "in_gebreke_stellen": False}),
    ("buitenstaander", {}),
    ("auditor", {}),
    ("beheerder", {}),
    ("behandelaar_met_belang", {}),
])
def test_available_actions_hide_what_the_user_may_not_do(in_behandeling, actoren, wie, verwacht):
    assert summary(in_behandeling, actoren[wie]) == verwacht


def test_available_actions_explain_why_an_action_cannot_be_done_yet(in_behandeling, actoren, vandaag):
    behandelaar = actoren["behandelaar"]
    aanvraag = perform(in_behandeling, "aanvulling_vragen", behandelaar, reden="Begroting ontbreekt.",
                       termijn_tot=date(2026, 2, 16))
    aanvraag = perform(aanvraag, "beslistermijn_verdagen", behandelaar, reden="Advies nodig.", weken=2)

    acties = {a["actie"]: a for a in available_actions(aanvraag, behandelaar)}

    assert set(acties) == {"aanvulling_ontvangen", "buiten_behandeling_stellen", "verder_zonder_aanvulling",
                           "beslistermijn_verdagen", "in_gebreke_stellen"}
    assert acties["aanvulling_ontvangen"] == {"actie": "aanvulling_ontvangen", "label": "Aanvulling ontvangen",
                                              "mogelijk": True, "reden": None}
    termijn = acties["buiten_behandeling_stellen"]
    assert termijn["mogelijk"] is False and "Awb 4:5" in termijn["reden"]["nl"] and termijn["reden"]["en"]
    assert acties["beslistermijn_verdagen"]["mogelijk"] is False
    assert "4:14" in acties["beslistermijn_verdagen"]["reden"]["nl"]

    vandaag(date(2026, 2, 17))
    assert summary(aanvraag, behandelaar)["buiten_behandeling_stellen"] is True
    assert summary(aanvraag, actoren["aanvrager"]) == {"aanvulling_ontvangen": True, "intrekken": True,
                                                       "in_gebreke_stellen": False}


def test_four_eyes_shows_as_a_reason_not_as_a_hidden_action(concept, aanvraag_in, actoren):
    """Above the threshold the proposer sees why they cannot award; another beslisser can."""
    Aanvraag.objects.filter(pk=concept.pk).update(gevraagd_bedrag=Decimal("30000"))
    aanvraag = perform(aanvraag_in("in_beoordeling"), "besluit_voorstellen", actoren["beslisser"],
                       uitkomst="verlenen", reden="Grote impact in de wijk.")

    eigen = {a["actie"]: a for a in available_actions(aanvraag, actoren["beslisser"])}["verlenen"]
    assert eigen["mogelijk"] is False and "vier-ogen" in eigen["reden"]["nl"]
    assert summary(aanvraag, actoren["tweede_beslisser"])["verlenen"] is True
    assert "verlenen" not in summary(aanvraag, actoren["aanvrager"])


# --- the status is protected -------------------------------------------------------------------------------------
def test_the_status_cannot_be_assigned(in_behandeling):
    with pytest.raises(AttributeError):
        in_behandeling.status = "verleend"


def test_saving_a_status_changed_outside_perform_is_refused(in_behandeling, actoren, geweigerd):
    aanvraag = Aanvraag.objects.get(pk=in_behandeling.pk)
    aanvraag.volledig_verklaren(user=actoren["behandelaar"])  # the bare django-fsm method, bypassing perform()
    assert aanvraag.status == "in_beoordeling"
    with geweigerd(RuntimeError):
        aanvraag.save()
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == "in_behandeling"


def test_saving_a_field_the_lifecycle_fixed_outside_perform_is_refused(in_behandeling, geweigerd):
    """Once submitted, a request's fields are fixed (Aanvraag.wijzigbaar): only transitions change it."""
    in_behandeling.titel = "Koffieochtend Lewenborg"
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        in_behandeling.save()
