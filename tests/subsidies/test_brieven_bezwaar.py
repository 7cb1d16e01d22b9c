"""The letters of their own for the decision on a bezwaar (outcome, grounds, what took the revoked decision's place, the
beroep clause) and for the dwangsom of Awb 4:18 (days and statutory amounts per period, when it is paid, the bezwaar
clause), read back from the PDF in both languages (issue 11)."""
from datetime import date
from decimal import Decimal as D

import pytest

from subsidies.models import Briefsjabloon, Briefsoort, Ingebrekestelling
from subsidies.services import brieven
from subsidies.tasks import bewaak_dwangsommen
from tests.factories import breng_naar
from tests.subsidies.test_bezwaar_herziening import bezwaar_tegen, gegrond, verleend  # noqa: F401 (fixture)
from tests.subsidies.test_brieven import controleer_pdfa, datum, lees
from workflows.transitions import perform

BEROEP = {"nl": "beroep instellen bij de rechtbank Noord-Nederland, tot en met {} (beroepstermijn",
          "en": "up to and including {} (appeal period"}  # the English names the court before a line may wrap
BEZWAAR = {"nl": "bezwaar maken, tot en met {}", "en": "object to it, up to and including {}"}


def teksten(beschikking, soort) -> dict[str, str]:
    """The letter in each language, checked to be PDF/A of the right kind; its text."""
    gelezen = {}
    for taal in ("nl", "en"):
        brief = brieven.brief_voor(beschikking, taal)
        assert (brief.soort, brief.taal) == (soort, taal)
        inhoud, gelezen[taal] = lees(brief)
        controleer_pdfa(inhoud)
    return gelezen


def test_the_decision_on_an_upheld_objection_names_the_new_verlening_and_the_court(verleend, actoren, vandaag):
    subsidie = verleend("12000", "8000")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="verlening"), actoren, vandaag)
    beslissing = gegrond(bezwaar, actoren, bedrag=D("12000.00")).beslissing
    assert beslissing.bezwaartermijn_tot == date(2026, 5, 18)  # six weeks from Monday 6 April

    tekst = teksten(beslissing, Briefsoort.BEZWAARBESLISSING)

    verwacht = {
        "nl": ["Onze beslissing op uw bezwaar", bezwaar.nummer, "ons besluit van 2 maart 2026", "(verlening, € 8.000,00)",
               "uw bezwaar is gegrond", "Awb 7:11", "Verlening: € 12.000,00", "De huur hoort bij de kosten."],
        "en": ["Our decision on your objection", bezwaar.nummer, "our decision of 2 March 2026",
               "(verlening, € 8,000.00)", "your objection is upheld", "Awb 7:11", "Verlening: € 12,000.00",
               "De huur hoort bij de kosten.", "appeal to the District Court of the Northern Netherlands"],
    }
    for taal in ("nl", "en"):
        for woorden in [*verwacht[taal], subsidie.aanvraag.organisatie.naam, subsidie.aanvraag.nummer,
                        datum(date(2026, 4, 6), taal), BEROEP[taal].format(datum(date(2026, 5, 18), taal))]:
            assert woorden in tekst[taal], f"({taal}) '{woorden}' is missing from: {tekst[taal]}"
        assert BEZWAAR[taal].format("") not in tekst[taal]  # no second bezwaar (Awb 7:1)
    # The outcome is said once, under the decision; the grounds start with the officer's own reasons.
    assert tekst["nl"].lower().count("uw bezwaar is gegrond") == 1
    assert "herroepen het bestreden besluit" not in tekst["nl"]


def test_an_unfounded_objection_says_the_decision_stands(concept, actoren, vandaag):
    vandaag(date(2026, 3, 2))
    aanvraag = breng_naar(concept, "in_beoordeling", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
    aanvraag = perform(aanvraag, "besluit_voorstellen", actoren["behandelaar"], uitkomst="weigeren",
                       reden="Past niet binnen de regeling.")
    weigering = perform(aanvraag, "weigeren", actoren["beslisser"]).beschikkingen.get()
    bezwaar = bezwaar_tegen(weigering, actoren, vandaag)
    beslissing = perform(bezwaar, "ongegrond_verklaren", actoren["behandelaar"],
                         reden="De activiteit valt buiten de doelen.").beslissing

    tekst = teksten(beslissing, Briefsoort.BEZWAARBESLISSING)

    assert "Uw bezwaar is ongegrond" in tekst["nl"] and "Ons besluit van 2 maart 2026 blijft staan" in tekst["nl"]
    assert "Your objection is not upheld" in tekst["en"] and "Our decision of 2 March 2026 stands" in tekst["en"]
    for taal in ("nl", "en"):
        assert BEROEP[taal].format(datum(date(2026, 5, 18), taal)) in tekst[taal]


def test_the_decision_revoking_an_intrekking_says_the_subsidy_stands(verleend, actoren, vandaag):
    subsidie = perform(verleend("12000", "12000"), "intrekken", actoren["beslisser"], reden="Niets georganiseerd.")
    bezwaar = bezwaar_tegen(subsidie.aanvraag.beschikkingen.get(soort="intrekking"), actoren, vandaag)
    beslissing = gegrond(bezwaar, actoren).beslissing

    tekst = teksten(beslissing, Briefsoort.BEZWAARBESLISSING)

    assert "De intrekking vervalt. Uw subsidie van € 12.000,00 blijft bestaan" in tekst["nl"]
    assert "The withdrawal lapses. Your subsidy of € 12,000.00 stands" in tekst["en"]


def test_the_dwangsom_letter_shows_the_days_and_statutory_amounts_and_when_it_is_paid(concept, actoren, vandaag):
    """Received 7 September 2026, decision term ended 2 November, notice 3 November: the dwangsom runs from 18
    November; decided 3 December, so 15 days: 14 at € 23 and one at € 35, € 357 (Awb 4:17 lid 2)."""
    vandaag(date(2026, 9, 7))
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
    vandaag(date(2026, 11, 3))
    perform(aanvraag, "in_gebreke_stellen", actoren["aanvrager"], reden="U bent te laat met beslissen.")
    vandaag(date(2026, 11, 18))
    bewaak_dwangsommen()
    vandaag(date(2026, 12, 3))
    for actie, wie, params in [("volledig_verklaren", "behandelaar", {}),
                               ("besluit_voorstellen", "behandelaar", {"uitkomst": "verlenen", "reden": "Past."}),
                               ("verlenen", "beslisser", {})]:
        aanvraag = perform(aanvraag, actie, actoren[wie], **params)
    bewaak_dwangsommen()
    beschikking = perform(Ingebrekestelling.objects.get(aanvraag=aanvraag), "dwangsom_vaststellen",
                          actoren["behandelaar"]).beschikking

    tekst = teksten(beschikking, Briefsoort.DWANGSOM)

    verwacht = {
        "nl": ["ontvingen die op 3 november 2026", "vast op € 357,00", "liep 15 dagen",
               "van 18 november 2026 tot en met 2 december 2026",
               "18 november 2026 tot en met 1 december 2026 14 € 23,00 € 322,00",
               "2 december 2026 tot en met 2 december 2026 1 € 35,00 € 35,00",
               "uiterlijk op 14 januari 2027", "Awb 4:17"],
        "en": ["received it on 3 November 2026", "penalty at € 357.00", "ran for 15 days",
               "from 18 November 2026 up to and including 2 December 2026",
               "18 November 2026 up to and including 1 December 2026 14 € 23.00 € 322.00",
               "2 December 2026 up to and including 2 December 2026 1 € 35.00 € 35.00",
               "by 14 January 2027", "Awb 4:17"],
    }
    for taal in ("nl", "en"):
        for woorden in [*verwacht[taal], aanvraag.organisatie.naam, aanvraag.nummer,
                        BEZWAAR[taal].format(datum(date(2027, 1, 14), taal))]:
            assert woorden in tekst[taal], f"({taal}) '{woorden}' is missing from: {tekst[taal]}"


@pytest.mark.parametrize("soort", [Briefsoort.BEZWAARBESLISSING, Briefsoort.DWANGSOM])
def test_the_migration_loaded_version_one_in_both_languages(db, soort):
    assert set(Briefsjabloon.objects.filter(soort=soort, versie=1).values_list("taal", flat=True)) == {"nl", "en"}
