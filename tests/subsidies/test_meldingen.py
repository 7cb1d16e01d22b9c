"""What people are told (issue 9, finding 5): every event that asks something of someone, or that must be made known,
queues a message in the outbox in the transaction of the transition — once per event, also when it is run again.

The clock stands on Monday 2 February 2026; the regeling's decision term is 8 weeks.
"""
import datetime as dt
from pathlib import Path
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Aanvraag, Contactpersoon
from subsidies.services import boekjaar, meldingen
from tests.factories import AanvraagFactory, BegrotingsjaarFactory, breng_naar
from workflows.errors import InvalidInput
from workflows import berichten as berichten_module
from workflows.berichten import verstuur
from workflows.models import Bericht, Berichtvoorkeur
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
    assert bericht.onderwerp == f"Wij hebben uw aanvraag ontvangen ({aanvraag.nummer})"
    assert "ontvangen op 02-02-2026" in bericht.tekst and "uiterlijk op 30-03-2026" in bericht.tekst
    assert "received" not in bericht.tekst  # one language per message: the reader's
    assert bericht.tekst.endswith(f"Bekijk uw aanvraag: http://127.0.0.1:8000/portaal/aanvragen/{aanvraag.pk}/")
    assert "budget" not in bericht.tekst  # 2026's budget is adopted: nothing to warn about


def test_receipt_for_a_year_without_budget_says_so_at_intake(organisatie, aanvrager):
    concept = AanvraagFactory(organisatie=organisatie, periode_van=date(2027, 1, 1), periode_tot=date(2027, 6, 30))
    aanvraag = perform(concept, "indienen", aanvrager)
    tekst = berichten(f"ontvangst-{aanvraag.pk}")["aanvrager@example.org"].tekst
    assert "Voor 2027 is nog geen budget vastgesteld. U kunt wel aanvragen. Wij beslissen pas als de gemeenteraad " \
           "het budget heeft vastgesteld." in tekst
    assert "No budget" not in tekst


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
    assert bericht.onderwerp == f"Besluit over uw aanvraag: verlening ({aanvraag.nummer})"
    assert "Bedrag: € 12.000,00" in bericht.tekst and "tot en met 16-03-2026 bezwaar maken" in bericht.tekst
    assert bericht.urgent  # a decision never waits for a digest


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
    assert "€ 30.000,00" in voorstel[actoren["tweede_beslisser"].email].tekst
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
    assert "€ 2.000,00 meer ontvangen" in tekst
    vaststelling = subsidie.aanvraag.beschikkingen.get(soort="vaststelling")
    assert "Bedrag: € 8.000,00" in berichten(f"beschikking-{vaststelling.pk}")["aanvrager@example.org"].tekst


# --- in the reader's language, urgent or in a digest (issue 11) ---------------------------------------------
def test_each_reader_gets_one_message_in_their_own_language(concept, secretaris, actoren):
    """The applicant chose English; the contact person has no account and gets the organisation's language (Dutch)."""
    Berichtvoorkeur.objects.create(user=actoren["aanvrager"], taal="en")
    aanvraag = perform(concept, "indienen", actoren["aanvrager"])
    ontvangst = berichten(f"ontvangst-{aanvraag.pk}")

    engels, nederlands = ontvangst["aanvrager@example.org"], ontvangst["secretaris@example.org"]
    assert (engels.taal, nederlands.taal) == ("en", "nl")
    assert engels.onderwerp == f"We have received your application ({aanvraag.nummer})"
    assert "We received it on 2 February 2026" in engels.tekst and "We will decide by 30 March 2026" in engels.tekst
    assert "ontvangen" not in engels.tekst and "received" not in nederlands.tekst
    link = f"http://127.0.0.1:8000/portaal/aanvragen/{aanvraag.pk}/"
    assert f'<a href="{link}"' in engels.html and "View your application" in engels.html
    assert f'<a href="{link}"' in nederlands.html and "Bekijk uw aanvraag" in nederlands.html


def test_the_mail_has_text_and_html_in_the_readers_language_with_a_stable_message_id(concept, secretaris, actoren,
                                                                                     mailoutbox):
    Berichtvoorkeur.objects.create(user=actoren["aanvrager"], taal="en")
    aanvraag = perform(concept, "indienen", actoren["aanvrager"])
    verstuur()
    mail = next(m for m in mailoutbox if m.to == ["aanvrager@example.org"])
    bericht = Bericht.objects.get(sleutel=f"ontvangst-{aanvraag.pk}:aanvrager@example.org")
    assert mail.body.startswith("Dear reader,") and "Kind regards," in mail.body
    ((html, soort),) = mail.alternatives
    assert soort == "text/html" and '<html lang="en">' in html and "View your application</a>" in html
    assert mail.extra_headers["Message-ID"] == bericht.message_id


def test_a_digest_reader_gets_what_is_not_urgent_once_a_day_and_a_decision_at_once(concept, secretaris, actoren,
                                                                                   mailoutbox, vandaag):
    Berichtvoorkeur.objects.create(user=actoren["aanvrager"], bezorging="dagelijks")
    aanvraag = perform(concept, "indienen", actoren["aanvrager"])  # the receipt: no deadline, not urgent
    aanvraag = perform(perform(aanvraag, "in_behandeling_nemen", actoren["behandelaar"]), "aanvulling_vragen",
                       actoren["behandelaar"], reden="Stuur de offerte.", termijn_tot=date(2026, 2, 16))
    assert verstuur() == 2  # the contact person (no digest) gets both at once; the digest reader waits
    assert {m.to[0] for m in mailoutbox} == {"secretaris@example.org"}

    assert berichten_module.verstuur_overzichten() == 1
    assert berichten_module.verstuur_overzichten() == 0  # once a day
    assert verstuur() == 1
    (overzicht,) = [m for m in mailoutbox if m.to == ["aanvrager@example.org"]]
    assert overzicht.subject == "Uw overzicht van 2 februari 2026: 2 berichten"
    assert "Wij hebben uw aanvraag ontvangen" in overzicht.body and "Stuur de offerte." in overzicht.body
    assert not Bericht.objects.filter(aan="aanvrager@example.org", verzonden_op__isnull=True).exists()

    vandaag(date(2026, 2, 13))  # three days before the aanvulling's term ends: the reminder is urgent
    boekjaar.bewaak_termijnen()
    herinnering = Bericht.objects.get(sleutel__startswith="herinnering-aanvulling-", aan="aanvrager@example.org")
    assert herinnering.urgent and "uiterlijk 16-02-2026" in herinnering.onderwerp
    boekjaar.bewaak_termijnen()
    assert Bericht.objects.filter(sleutel__startswith="herinnering-aanvulling-").count() == 2  # once per reader
    assert verstuur() == 2


def test_every_event_template_exists_in_both_languages_with_the_same_blocks():
    from django.template.loader import get_template
    from django.template.loader_tags import BlockNode

    map_ = Path(meldingen.__file__).resolve().parent.parent / "templates" / "meldingen"
    events = sorted(p.name.removesuffix(".nl.txt") for p in map_.glob("*.nl.txt") if not p.name.startswith("_"))
    assert len(events) >= 16 and {p.name.removesuffix(".en.txt") for p in map_.glob("*.en.txt")
                                  if not p.name.startswith("_")} == set(events)
    for event in events:
        blokken = [{b.name for b in get_template(f"meldingen/{event}.{taal}.txt").template.nodelist
                    .get_nodes_by_type(BlockNode)} for taal in ("nl", "en")]
        assert blokken[0] == blokken[1] == {"onderwerp", "tekst", "knop"}, event


def test_a_reader_who_chose_english_gets_every_step_in_english_with_its_link(concept, secretaris, actoren):
    """From receipt to recovery: each message to the English reader is English, in text and HTML, and links to the
    portal page where they act; the Dutch reader gets the same events in Dutch."""
    Berichtvoorkeur.objects.create(user=actoren["aanvrager"], taal="en")
    behandelaar = actoren["behandelaar"]
    aanvraag = perform(perform(concept, "indienen", actoren["aanvrager"]), "in_behandeling_nemen", behandelaar)
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="Stuur de offerte.",
                       termijn_tot=date(2026, 2, 16))
    aanvraag = perform(aanvraag, "aanvulling_ontvangen", actoren["aanvrager"])
    perform(aanvraag, "beslistermijn_verdagen", behandelaar, weken=4, reden="Advies van de wijkraad.")  # as typed
    subsidie = breng_naar(AanvraagFactory(organisatie=concept.organisatie, gevraagd_bedrag=Decimal("12000.00")),
                          "verleend", behandelaar=behandelaar, beslisser=actoren["beslisser"]).subsidie
    subsidie = perform(subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("10000.00"))
    perform(subsidie.betalingen.get(), "uitvoeren", behandelaar)
    subsidie = perform(subsidie, "verantwoording_vragen", behandelaar, uiterlijk=date(2026, 5, 2))
    subsidie = perform(subsidie, "verantwoording_indienen", actoren["aanvrager"], activiteitenverslag="Gedaan.",
                       werkelijke_kosten=Decimal("8000.00"))
    perform(subsidie, "vaststellen", behandelaar, bedrag=Decimal("8000.00"), reden="Minder kosten.")

    engels = list(Bericht.objects.filter(aan="aanvrager@example.org"))
    nederlands = list(Bericht.objects.filter(aan="secretaris@example.org"))
    soorten = {b.sleutel.split("-")[0] for b in engels}
    assert soorten >= {"ontvangst", "aanvulling", "verdaging", "beschikking", "verantwoording_vragen",
                       "terugvordering"}
    assert len(engels) == len(nederlands)
    for bericht in engels:
        assert bericht.taal == "en" and "Wij " not in bericht.tekst and "uiterlijk" not in bericht.tekst, bericht
        assert '<a href="http://127.0.0.1:8000/portaal/' in bericht.html, bericht
        assert bericht.tekst.splitlines()[-1].split(": ", 1)[1].startswith("http://127.0.0.1:8000/portaal/")
    assert all(b.taal == "nl" and "We " not in b.tekst for b in nederlands)
    beschikking = next(b for b in engels if b.sleutel.startswith("beschikking-"))
    assert "Amount: € 12,000.00" in beschikking.tekst and "object (bezwaar maken) until" in beschikking.tekst
