"""The overview, a request's page with its timeline, withdrawing, the subsidy page — on realistic data, each within
20 queries."""
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from subsidies.models import Aanvraag, Document
from subsidies.services.taken import open_taken
from tests.factories import AanvraagFactory, breng_naar, maak_gebruiker
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


def test_the_overview_lists_tasks_with_dates_requests_and_subsidies_within_20_queries(
        portaal, client, django_assert_max_num_queries):
    client.force_login(portaal.aanvrager)
    with django_assert_max_num_queries(20):
        pagina = client.get(reverse("portaal:overzicht")).content.decode()
    termijn = portaal.aanvulling.aanvullingen.get().termijn_tot
    assert 'Maak uw aanvraag "Buurtmoestuin" af' in pagina
    assert 'Stuur de informatie die wij vragen voor "Huiswerkklas" (aanvulling)' in pagina
    assert f"Uiterlijk {termijn.day} " in pagina
    assert 'Stuur uw verantwoording over "Buurtfeest"' in pagina
    jaar = portaal.structureel.eerste_boekjaar
    assert f"Stuur uw verantwoording over {jaar} " in pagina and f"Stuur uw verantwoording over {jaar + 1} " in pagina
    assert f"Stuur uw werkplan voor {jaar + 2} " in pagina
    assert f"Stuur uw werkplan voor {jaar + 3} " not in pagina  # not asked yet
    for status in ("Nog niet verstuurd", "We bekijken uw aanvraag", "We wachten op informatie van u", "Afgewezen"):
        assert status in pagina
    assert reverse("portaal:subsidie", args=[portaal.subsidie.pk]) in pagina
    assert reverse("portaal:subsidie", args=[portaal.structureel.pk]) in pagina


def test_the_overview_in_english_shows_the_plain_status_and_dates_in_english(portaal, client):
    client.force_login(portaal.aanvrager)
    pagina = client.get(reverse("portaal:overzicht"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We are waiting for information from you" in pagina and "Refused" in pagina


def test_a_newcomer_without_an_organisation_gets_a_friendly_start(client, db):
    client.force_login(maak_gebruiker("aanvrager", username="nieuw"))
    pagina = client.get(reverse("portaal:overzicht")).content.decode()
    assert "Welkom! Hoe begint u?" in pagina
    assert reverse("portaal:organisaties") in pagina
    assert 'id="aanvragen-kop"' not in pagina and 'id="subsidies-kop"' not in pagina  # no empty lists


@pytest.mark.parametrize("welke", ["concept", "lopend", "aanvulling", "verleend", "geweigerd", "structureel"])
def test_every_request_page_stays_within_20_queries(portaal, client, django_assert_max_num_queries, welke):
    aanvraag = getattr(portaal, welke)
    aanvraag = aanvraag.aanvraag if welke == "structureel" else aanvraag
    client.force_login(portaal.aanvrager)
    with django_assert_max_num_queries(20):
        antwoord = client.get(reverse("portaal:aanvraag", args=[aanvraag.pk]))
    assert antwoord.status_code == 200


def test_the_request_page_shows_dates_documents_decisions_and_the_timeline(portaal, client):
    client.force_login(portaal.aanvrager)
    aanvraag = portaal.geweigerd
    pagina = client.get(reverse("portaal:aanvraag", args=[aanvraag.pk])).content.decode()
    document = aanvraag.documenten.get()
    assert reverse("portaal:document", args=[document.pk]) in pagina
    assert "Afwijzing (weigering)" in pagina and "Bezwaar maken" in pagina and "(kan tot en met " in pagina
    assert "U heeft uw aanvraag verstuurd." in pagina
    assert "We kijken naar uw aanvraag. U hoort uiterlijk" in pagina
    assert "Wij hebben uw aanvraag afgewezen (weigering)." in pagina


def test_the_timeline_hides_internal_steps_notes_and_officers(portaal, client):
    """The proposal (and the four-eyes return of one) are internal; notes and names never show."""
    aanvraag = breng_naar(AanvraagFactory(organisatie=portaal.organisatie), "besluit_voorgesteld",
                          behandelaar=portaal.behandelaar)
    aanvraag = perform(aanvraag, "voorstel_terugsturen", portaal.behandelaar, reden="Geheime overweging X.")
    client.force_login(portaal.aanvrager)
    for pk in (aanvraag.pk, portaal.geweigerd.pk):
        pagina = client.get(reverse("portaal:aanvraag", args=[pk])).content.decode()
        assert "voorstel" not in pagina.lower()
        assert "Geheime overweging" not in pagina and "Interne notitie" not in pagina
        assert portaal.behandelaar.username not in pagina and portaal.beslisser.username not in pagina
        assert portaal.behandelaar.last_name not in pagina


def test_the_timeline_of_a_multi_year_subsidy_names_each_year(portaal, client):
    client.force_login(portaal.aanvrager)
    jaar = portaal.structureel.eerste_boekjaar
    pagina = client.get(reverse("portaal:aanvraag", args=[portaal.structureel.aanvraag.pk])).content.decode()
    assert f"Wij hebben uw werkplan voor {jaar} goedgekeurd." in pagina
    assert f"De subsidie voor {jaar + 2} is zeker" in pagina
    assert "Loopt" in pagina and "Gepland, onder voorbehoud van de begroting" in pagina


def test_the_timeline_reads_in_english(portaal, client):
    client.force_login(portaal.aanvrager)
    pagina = client.get(reverse("portaal:aanvraag", args=[portaal.lopend.pk]),
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "You sent your application. We have received it." in pagina
    assert "We are looking at your application. You will hear from us by" in pagina


@pytest.mark.parametrize("welke", ["subsidie", "structureel"])
def test_the_subsidy_page_shows_amounts_years_and_tier_within_20_queries(
        portaal, client, django_assert_max_num_queries, welke):
    subsidie = getattr(portaal, welke)
    client.force_login(portaal.aanvrager)
    with django_assert_max_num_queries(20):
        pagina = client.get(reverse("portaal:subsidie", args=[subsidie.pk])).content.decode()
    assert "Toegekend (verleend)" in pagina and "Nog te ontvangen" in pagina
    if welke == "structureel":
        for tranche in subsidie.tranches.all():
            assert f">{tranche.boekjaar}</th>" in pagina
        assert "Zeker; wij wachten op uw werkplan" in pagina


def test_withdrawing_asks_to_confirm_then_withdraws(portaal, client):
    client.force_login(portaal.aanvrager)
    aanvraag = portaal.lopend
    detail = client.get(reverse("portaal:aanvraag", args=[aanvraag.pk])).content.decode()
    assert reverse("portaal:intrekken", args=[aanvraag.pk]) in detail
    assert "Ja, trek mijn aanvraag in" in client.get(reverse("portaal:intrekken", args=[aanvraag.pk])).content.decode()
    antwoord = client.post(reverse("portaal:intrekken", args=[aanvraag.pk]), {"reden": "Geen vrijwilligers meer."},
                           follow=True)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGETROKKEN
    assert "U heeft uw aanvraag ingetrokken." in antwoord.content.decode()


def test_a_refused_withdrawal_shows_its_reason_and_changes_nothing(portaal, client):
    client.force_login(portaal.aanvrager)
    aanvraag = portaal.geweigerd
    antwoord = client.post(reverse("portaal:intrekken", args=[aanvraag.pk]), {"reden": ""})
    assert antwoord.status_code == 409
    assert "kan niet in status" in antwoord.content.decode()
    pagina = client.get(reverse("portaal:intrekken", args=[aanvraag.pk])).content.decode()
    assert "kan niet in status" in pagina and "Ja, trek mijn aanvraag in" not in pagina
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.GEWEIGERD


def test_a_decided_request_offers_no_withdraw_button(portaal, client):
    client.force_login(portaal.aanvrager)
    pagina = client.get(reverse("portaal:aanvraag", args=[portaal.verleend.pk])).content.decode()
    assert reverse("portaal:intrekken", args=[portaal.verleend.pk]) not in pagina


def test_a_document_downloads_as_an_attachment(portaal, client):
    client.force_login(portaal.aanvrager)
    document = Document.objects.filter(aanvraag=portaal.concept).get()
    antwoord = client.get(reverse("portaal:document", args=[document.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"].startswith("attachment")
    assert b"".join(antwoord.streaming_content).startswith(b"%PDF")
    assert antwoord["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_dates_follow_the_language(portaal, client, vandaag):
    client.force_login(portaal.aanvrager)
    url = reverse("portaal:aanvraag", args=[portaal.verleend.pk])
    beslisdatum = portaal.verleend.uiterste_beslisdatum
    nl = client.get(url).content.decode()
    en = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    maanden_nl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                  "november", "december"]
    assert f"{beslisdatum.day} {maanden_nl[beslisdatum.month - 1]} {beslisdatum.year}" in nl
    with translation.override("en"):
        assert date_format(beslisdatum, "DATE_FORMAT") in en  # e.g. "Feb. 1, 2027"
    with translation.override("nl"):
        assert date_format(beslisdatum, "DATE_FORMAT") not in en


def test_the_timeline_is_one_query_however_many_years(portaal, django_assert_num_queries):
    from portaal.tijdlijn import tijdlijn

    subsidie = portaal.structureel
    tranches = list(subsidie.tranches.all())
    tijdlijn(subsidie.aanvraag, subsidie, tranches)  # the content types are cached from here on
    with django_assert_num_queries(1):
        gebeurtenissen = tijdlijn(subsidie.aanvraag, subsidie, tranches)
    assert len(gebeurtenissen) > len(tranches)


def test_an_overdue_task_says_so(portaal, client):
    client.force_login(portaal.aanvrager)
    pagina = client.get(reverse("portaal:overzicht")).content.decode()
    verlopen = [taak for taak in open_taken([portaal.organisatie]) if taak.uiterlijk and taak.uiterlijk < date.today()]
    assert {taak.soort for taak in verlopen} == {"werkplan", "verantwoording"}  # the multi-year subsidy's
    assert pagina.count("deze datum is voorbij") == len(verlopen)
    assert "Huiswerkklas" in pagina and pagina.count("deze datum is voorbij") < pagina.count("Uiterlijk ")


def test_each_task_and_action_links_to_the_page_where_it_is_done(portaal, client):
    client.force_login(portaal.aanvrager)
    overzicht = client.get(reverse("portaal:overzicht")).content.decode()
    structureel = portaal.structureel
    jaar = structureel.eerste_boekjaar
    werkplan = structureel.tranches.get(boekjaar=jaar + 2)
    for link in (reverse("portaal:aanvraag_invullen", args=[portaal.concept.pk]),
                 reverse("portaal:aanvulling", args=[portaal.aanvulling.pk]),
                 reverse("portaal:werkplan", args=[werkplan.pk]),
                 reverse("portaal:verantwoording", args=[portaal.subsidie.pk]),
                 reverse("portaal:verantwoording", args=[structureel.pk]) + f"?boekjaar={jaar}",
                 reverse("portaal:verantwoording", args=[structureel.pk]) + f"?boekjaar={jaar + 1}"):
        assert f'href="{link}"' in overzicht, link
    aanvulling = client.get(reverse("portaal:aanvraag", args=[portaal.aanvulling.pk])).content.decode()
    assert reverse("portaal:aanvulling", args=[portaal.aanvulling.pk]) in aanvulling
    concept = client.get(reverse("portaal:aanvraag", args=[portaal.concept.pk])).content.decode()
    assert reverse("portaal:aanvraag_invullen", args=[portaal.concept.pk]) in concept
    jaren = client.get(reverse("portaal:subsidie", args=[structureel.pk])).content.decode()
    assert reverse("portaal:werkplan", args=[werkplan.pk]) in jaren
    assert reverse("portaal:verantwoording", args=[structureel.pk]) + f"?boekjaar={jaar}" in jaren



def test_a_werkplan_asked_before_the_budget_is_adopted_is_a_task_until_it_is_sent(portaal):
    """A tranche still under the begrotingsvoorbehoud asks for its werkplan once the yearly job asked for it."""
    from django.utils import timezone

    tranche = portaal.structureel.tranches.get(boekjaar=portaal.structureel.eerste_boekjaar + 3)
    assert tranche.status == "gepland"

    def soorten():
        return {(taak.soort, taak.tranche and taak.tranche.pk) for taak in open_taken([portaal.organisatie])}

    assert ("werkplan", tranche.pk) not in soorten()
    tranche.werkplan_gevraagd_op = timezone.localdate()
    tranche.save()
    assert ("werkplan", tranche.pk) in soorten()
    perform(tranche, "werkplan_indienen", portaal.aanvrager, werkplan="Inloop en huisbezoeken.")
    assert ("werkplan", tranche.pk) not in soorten()


def test_each_sentence_keeps_the_date_of_its_moment(portaal, client):
    """After an extension the earlier step still says the date it said then; the extension says the new one."""
    aanvraag = portaal.lopend
    eerst = aanvraag.uiterste_beslisdatum
    aanvraag = perform(aanvraag, "beslistermijn_verdagen", portaal.behandelaar, weken=4,
                       reden="Interne reden: advies van het gebiedsteam nodig.")
    client.force_login(portaal.aanvrager)
    pagina = client.get(reverse("portaal:aanvraag", args=[aanvraag.pk])).content.decode()
    assert f"U hoort uiterlijk {date_format(eerst, 'DATE_FORMAT')} van ons." in pagina
    assert f"U hoort nu uiterlijk {date_format(aanvraag.uiterste_beslisdatum, 'DATE_FORMAT')} van ons." in pagina
    assert aanvraag.uiterste_beslisdatum > eerst and "gebiedsteam" not in pagina


def test_a_draft_shows_the_title_typed_in_its_form_before_it_is_sent(portaal, client):
    """The title lives in the draft until submission; the overview shows it, not "without a title"."""
    from portaal.models import Formulierconcept

    concept = AanvraagFactory(organisatie=portaal.organisatie, titel="")
    Formulierconcept.objects.create(aanvraag=concept, gegevens={"wat": {"titel": ["Zomerfeest Oosterpark"]}})
    client.force_login(portaal.aanvrager)
    html = client.get(reverse("portaal:overzicht")).content.decode()
    assert f"{concept.nummer} Zomerfeest Oosterpark" in html
    assert 'Maak uw aanvraag "Zomerfeest Oosterpark" af en verstuur hem' in html


def test_a_drafts_heading_names_the_regeling_and_then_the_typed_title(portaal, client):
    """A draft has no title until submission: its page says what is applied for, never "without a title"."""
    from portaal.models import Formulierconcept

    concept = AanvraagFactory(organisatie=portaal.organisatie, titel="")
    client.force_login(portaal.aanvrager)
    url = reverse("portaal:aanvraag", args=[concept.pk])
    html = client.get(url).content.decode()
    assert f'<h1 class="utrecht-heading-1">Uw aanvraag: {concept.regeling.naam}</h1>' in html
    assert "zonder titel" not in html
    Formulierconcept.objects.create(aanvraag=concept, gegevens={"wat": {"titel": ["Zomerfeest Oosterpark"]}})
    assert '<h1 class="utrecht-heading-1">Zomerfeest Oosterpark</h1>' in client.get(url).content.decode()


@pytest.mark.parametrize(("taal", "bedrag"), [("nl", "€ 12.000,00"), ("en", "€ 12,000.00")])
def test_every_amount_on_the_request_subsidy_and_overview_pages_is_localised(portaal, client, taal, bedrag):
    """12000.00 reads as a Dutch or English amount, grouped, never as a bare "12000.00" or "12000,00"."""
    client.force_login(portaal.aanvrager)
    for url in (reverse("portaal:aanvraag", args=[portaal.verleend.pk]),
                reverse("portaal:subsidie", args=[portaal.subsidie.pk]), reverse("portaal:overzicht")):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE=taal).content.decode()
        assert bedrag in html, url
        assert "12000" not in html, url


def test_after_settlement_the_subsidy_page_asks_for_no_report(portaal, client):
    subsidie = perform(portaal.subsidie, "verantwoording_indienen", portaal.aanvrager,
                       activiteitenverslag="Het buurtfeest is gehouden.", werkelijke_kosten=Decimal("11500.00"),
                       accountantsverklaring=True)
    client.force_login(portaal.aanvrager)
    url = reverse("portaal:subsidie", args=[subsidie.pk])
    html = client.get(url).content.decode()
    assert "Wij hebben uw verantwoording ontvangen." in html
    assert "Na afloop stuurt u" not in html and "Verantwoording sturen" not in html
    perform(subsidie, "vaststellen", portaal.behandelaar, bedrag=Decimal("11500.00"), reden="Lagere kosten.")
    html = client.get(url).content.decode()
    assert "U hoeft niets meer te sturen. Wij hebben het definitieve bedrag vastgesteld (vaststelling)." in html
    assert "Na afloop stuurt u" not in html
    assert "€ 11.500,00" in html  # the settled amount, localised like every other
