"""Not hearing the objector, recorded with its ground (Awb 7:3), and delaying the decision further with the objector's
consent (7:10 lid 4), through perform() and the API. The refusal was sent on Monday 2 March 2026 and the objection
filed on 6 April: the decision is due on Tuesday 26 May (see test_bezwaar.py for the calendar)."""
from datetime import date

import pytest

from subsidies.models import Bezwaar
from tests.api import client_for
from tests.subsidies.test_bezwaar import berichten, bezwaar, maart, weigering  # noqa: F401 (fixtures)
from workflows.errors import InvalidInput, TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

INSTEMMING = "Mevrouw De Vries stemde op 20 juli telefonisch in; bevestigd per e-mail."


@pytest.fixture
def verdaagd(bezwaar, actoren, vandaag):
    """Postponed once by six weeks on its last day (7:10 lid 3): now due on Tuesday 7 July."""
    vandaag(date(2026, 5, 26))
    bezwaar = perform(bezwaar, "verdagen", actoren["behandelaar"], reden="Wij wachten op het advies van de wijk.")
    assert bezwaar.uiterste_beslisdatum == date(2026, 7, 7)
    return bezwaar


def test_a_further_delay_with_consent_moves_the_date_and_tells_the_objector(verdaagd, actoren, vandaag):
    vandaag(date(2026, 7, 6))
    bezwaar = perform(verdaagd, "uitstellen_met_instemming", actoren["behandelaar"], reden=INSTEMMING,
                      uiterlijk=date(2026, 8, 1))  # a Saturday: the date moves to Monday 3 August

    assert (bezwaar.uitgesteld_tot, bezwaar.uiterste_beslisdatum) == (date(2026, 8, 3), date(2026, 8, 3))
    assert bezwaar.uitstel_instemming == INSTEMMING
    bericht = berichten(f"bezwaar-uitgesteld-{bezwaar.pk}-20260803")["aanvrager@example.org"].tekst
    assert "uiterlijk op 03-08-2026" in bericht and "telefonisch in" in bericht
    record = AuditRecord.objects.get(object_type__model="bezwaar", object_id=str(bezwaar.pk),
                                     handeling="uitstellen_met_instemming")
    assert record.toelichting == INSTEMMING

    # with consent again, as often as agreed; each notice is a message of its own
    bezwaar = perform(bezwaar, "uitstellen_met_instemming", actoren["behandelaar"], reden="Weer ingestemd.",
                      uiterlijk=date(2026, 9, 1))
    assert bezwaar.uiterste_beslisdatum == date(2026, 9, 1)
    assert berichten(f"bezwaar-uitgesteld-{bezwaar.pk}-20260901")


def test_a_delay_needs_the_consent_recorded_and_a_later_date(verdaagd, actoren, geweigerd):
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(verdaagd, "uitstellen_met_instemming", actoren["behandelaar"], uiterlijk=date(2026, 8, 3))
    for dag in (None, date(2026, 7, 7)):
        with geweigerd(InvalidInput, "datum_ongeldig"):
            perform(verdaagd, "uitstellen_met_instemming", actoren["behandelaar"], reden=INSTEMMING, uiterlijk=dag)
    with geweigerd(TransitionNotPossible, "al_verdaagd") as refusal:  # lid 3 once; the refusal points to lid 4
        perform(verdaagd, "verdagen", actoren["behandelaar"], reden="Nog meer tijd nodig.")
    assert "Met instemming uitstellen" in refusal.value.nl


@pytest.mark.parametrize("grond", Bezwaar.HorenAchterwege.values)
def test_not_hearing_the_objector_is_recorded_with_its_ground(bezwaar, actoren, grond):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    bezwaar = perform(bezwaar, "horen_achterwege_laten", actoren["behandelaar"], horen_achterwege=grond,
                      reden="Toelichting bij de grond.")
    assert (bezwaar.horen_achterwege, bezwaar.horen_achterwege_reden) == (grond, "Toelichting bij de grond.")
    assert bezwaar.status == "in_behandeling"
    assert perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"], reden="Klopt.").status == "ongegrond"


def test_not_hearing_needs_a_ground_and_its_explanation_and_is_recorded_once(bezwaar, actoren, geweigerd):
    bezwaar = perform(bezwaar, "in_behandeling_nemen", actoren["behandelaar"])
    with geweigerd(InvalidInput, "grond_ongeldig"):
        perform(bezwaar, "horen_achterwege_laten", actoren["behandelaar"], horen_achterwege="f", reden="Geen zin.")
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(bezwaar, "horen_achterwege_laten", actoren["behandelaar"], horen_achterwege="c")
    gehoord = perform(bezwaar, "hoorzitting_plannen", actoren["behandelaar"], hoorzitting_op=date(2026, 4, 20))
    with geweigerd(TransitionNotPossible):  # a hearing is planned: there is nothing to omit
        perform(gehoord, "horen_achterwege_laten", actoren["behandelaar"], horen_achterwege="c", reden="Toch niet.")


def test_the_api_records_both(bezwaar, actoren):
    client = client_for(actoren["behandelaar"])
    url = f"/api/bezwaren/{bezwaar.pk}/acties"
    assert client.post(f"{url}/in_behandeling_nemen/", {}, format="json").status_code == 200
    response = client.post(f"{url}/horen_achterwege_laten/", {"horen_achterwege": "c", "reden": "Wil niet."},
                           format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["horen_achterwege"] == "c"
    response = client.post(f"{url}/uitstellen_met_instemming/", {"uiterlijk": "2026-06-30", "reden": INSTEMMING},
                           format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["uitgesteld_tot"], response.json()["uiterste_beslisdatum"]) == ("2026-06-30",
                                                                                            "2026-06-30")
