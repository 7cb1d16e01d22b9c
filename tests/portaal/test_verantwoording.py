"""Reporting back in the portal: the werkplan of a boekjaar, and the verantwoording built from the subsidie's tier
(with reach and results for an initiative), each through the lifecycle's own transition."""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from initiatieven.models import Bereik, Resultaat, Soort
from subsidies.models import Jaartranche, Subsidie, Verantwoording, Verantwoordingsdocument, Verantwoordingsniveau
from subsidies.rollen import Rol
from tests.bestanden import EXE, pdf, upload
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, OrganisatieFactory, breng_naar, breng_tranche_naar, maak_gebruiker,
    meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig,
)
from tests.initiatieven.factories import maatschappelijk_initiatief, maatschappelijke_regeling, met_doelen
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


def verantwoording_url(subsidie, boekjaar=None):
    return f"/portaal/subsidies/{subsidie.pk}/verantwoording/" + (f"?boekjaar={boekjaar}" if boekjaar else "")


def werkplan_url(tranche):
    return f"/portaal/jaartranches/{tranche.pk}/werkplan/"


def eenmalig(organisatie, aanvrager, behandelaar, bedrag, *, vragen=True, aanvraag=None):
    """A one-off subsidie of `bedrag` for the aanvrager's organisation, its verantwoording asked."""
    aanvraag = aanvraag or AanvraagFactory(organisatie=organisatie, gevraagd_bedrag=Decimal(bedrag))
    subsidie = breng_naar(aanvraag, "verleend", aanvrager=aanvrager, behandelaar=behandelaar).subsidie
    if vragen:
        subsidie = perform(subsidie, "verantwoording_vragen", behandelaar,
                           uiterlijk=timezone.localdate() + dt.timedelta(days=60))
    return subsidie


VERSLAG = {"verslag-activiteitenverslag": "Veertig middagen met gemiddeld 25 bezoekers.",
           "verslag-werkelijke_kosten": "11.850,00", "actie": "versturen"}


# --- one-off, per tier -------------------------------------------------------------------------------------------
def test_the_activity_report_tier_asks_report_and_costs_and_sends_it_once(client, organisatie, aanvrager,
                                                                        behandelaar):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "12000.00")
    assert subsidie.verantwoordingsniveau == Verantwoordingsniveau.ACTIVITEITENVERSLAG
    client.force_login(aanvrager)
    response = client.get(verantwoording_url(subsidie))
    html = response.content.decode()
    assert "Een verslag van wat u hebt gedaan en wat het heeft gekost." in html
    assert "accountantsverklaring" not in response.context["formulieren"]["verslag"].fields

    client.post(verantwoording_url(subsidie), VERSLAG)
    response = client.post(verantwoording_url(subsidie), VERSLAG, follow=True)  # a second click
    subsidie.refresh_from_db()
    assert subsidie.status == Subsidie.Status.VERANTWOORDING_INGEDIEND
    [verantwoording] = Verantwoording.objects.filter(subsidie=subsidie)
    assert verantwoording.werkelijke_kosten == Decimal("11850.00") and verantwoording.ingediend_door == aanvrager
    assert "Wij hebben uw verantwoording ontvangen op" in response.content.decode()


def test_above_the_limit_the_accountant_s_statement_is_asked_and_its_absence_refused_keeping_every_field(
        client, organisatie, aanvrager, behandelaar):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "130000.00")
    assert subsidie.verantwoordingsniveau == Verantwoordingsniveau.ACCOUNTANTSVERKLARING
    client.force_login(aanvrager)
    assert "accountantsverklaring" in client.get(verantwoording_url(subsidie)).context["formulieren"]["verslag"].fields

    response = client.post(verantwoording_url(subsidie), VERSLAG)
    form = response.context["formulieren"]["verslag"]
    assert "Nog nodig: de accountantsverklaring." in form.non_field_errors()
    assert "Nog nodig: de accountantsverklaring." in response.content.decode()  # shown at the top of the form
    assert form["activiteitenverslag"].value() == VERSLAG["verslag-activiteitenverslag"]
    assert form["werkelijke_kosten"].value() == "11.850,00"
    subsidie.refresh_from_db()
    assert subsidie.status == Subsidie.Status.VERANTWOORDING_GEVRAAGD and not subsidie.verantwoordingen.exists()

    client.post(verantwoording_url(subsidie), {**VERSLAG, "verslag-accountantsverklaring": "on"})
    subsidie.refresh_from_db()
    assert subsidie.status == Subsidie.Status.VERANTWOORDING_INGEDIEND
    assert subsidie.verantwoordingen.get().accountantsverklaring


def test_a_small_subsidie_settled_at_verlening_asks_no_report(client, organisatie, aanvrager, behandelaar):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "3000.00", vragen=False)
    client.force_login(aanvrager)
    html = client.get(verantwoording_url(subsidie)).content.decode()
    assert "Voor deze subsidie hoeft u geen verslag te sturen." in html
    assert "<form" not in html.split('id="inhoud"')[1]


def test_before_it_is_asked_the_page_says_so(client, organisatie, aanvrager, behandelaar):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "12000.00", vragen=False)
    client.force_login(aanvrager)
    assert "Wij vragen u erom als het zover is." in client.get(verantwoording_url(subsidie)).content.decode()
    client.post(verantwoording_url(subsidie), VERSLAG)
    assert not Verantwoording.objects.exists()


# --- an initiative: reach and results ----------------------------------------------------------------------------
@pytest.fixture
def initiatief(organisatie, aanvrager, behandelaar):
    aanvraag = maatschappelijk_initiatief(maatschappelijke_regeling(), organisatie, bedrag="20000.00")
    return eenmalig(organisatie, aanvrager, behandelaar, None, aanvraag=aanvraag)


def bereik_velden(subsidie, gerealiseerd="38"):
    indicator = subsidie.aanvraag.initiatief.doelen.get().indicatoren.get()
    velden = {"bereik-deelnemers": "52", "bereik-vrijwilligers": "9", "bereik-toelichting": "Meer dan verwacht."}
    if gerealiseerd is not None:
        velden[f"bereik-indicator_{indicator.pk}"] = gerealiseerd
    return velden


def test_an_initiative_reports_reach_and_the_result_per_indicator_with_its_report(client, aanvrager, initiatief):
    client.force_login(aanvrager)
    html = client.get(verantwoording_url(initiatief)).content.decode()
    assert "Hoeveel bewoners deden mee?" in html and "Aantal ouderen dat minstens tien keer meedoet" in html
    client.post(verantwoording_url(initiatief), {**VERSLAG, **bereik_velden(initiatief, "38,5")})
    initiatief.refresh_from_db()
    assert initiatief.status == Subsidie.Status.VERANTWOORDING_INGEDIEND
    bereik = Bereik.objects.get(subsidie=initiatief)
    assert (bereik.deelnemers, bereik.vrijwilligers) == (52, 9)
    assert Resultaat.objects.get(bereik=bereik).gerealiseerd == Decimal("38.50")


def test_the_family_s_refusal_is_shown_and_nothing_is_written_nor_lost(client, aanvrager, initiatief):
    client.force_login(aanvrager)
    response = client.post(verantwoording_url(initiatief), {**VERSLAG, **bereik_velden(initiatief, None)})
    verslag, bereik = response.context["formulieren"]["verslag"], response.context["formulieren"]["bereik"]
    assert any("Geef nog het resultaat voor: Aantal ouderen" in e for e in verslag.non_field_errors())
    assert bereik["deelnemers"].value() == "52" and bereik["toelichting"].value() == "Meer dan verwacht."
    assert verslag["activiteitenverslag"].value() == VERSLAG["verslag-activiteitenverslag"]
    initiatief.refresh_from_db()
    assert initiatief.status == Subsidie.Status.VERANTWOORDING_GEVRAAGD
    assert not Bereik.objects.exists()  # the reach was rolled back with the refused report


# --- multi-year: werkplan and jaarverantwoording per boekjaar ------------------------------------------------------
@pytest.fixture
def meerjarig(organisatie, aanvrager, behandelaar, beslisser, vandaag):
    vandaag(dt.date(2026, 9, 1))
    BegrotingsjaarFactory(boekjaar=2027, vastgesteld_op=dt.date(2026, 11, 12))
    BegrotingsjaarFactory(boekjaar=2028, vastgesteld_op=dt.date(2027, 11, 10))
    regeling = meerjarige_regeling(2027, 2, familie=Soort.MAATSCHAPPELIJK)
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("40000.00"), 2028: Decimal("40000.00")},
                                   organisatie=organisatie)
    met_doelen(aanvraag, kosten="100000.00", dekking="20000.00")
    return verleen_meerjarig(aanvraag, aanvrager=aanvrager, behandelaar=behandelaar, beslisser=beslisser)


@pytest.fixture
def tweede_jaar(meerjarig, behandelaar, vandaag):
    """The 2028 tranche, definitive once the council adopted 2028's budget: it waits for its werkplan."""
    vandaag(dt.date(2027, 11, 20))
    return breng_tranche_naar(meerjarig.tranches.get(boekjaar=2028), "definitief", behandelaar=behandelaar)


def test_the_werkplan_of_a_year_is_sent_with_its_goals(client, aanvrager, tweede_jaar):
    client.force_login(aanvrager)
    html = client.get(werkplan_url(tweede_jaar)).content.decode()
    assert "Werkplan 2028" in html
    data = {"werkplan": "Wekelijkse inloop en een buurtfeest.", "doelen-TOTAL_FORMS": "2",
            "doelen-INITIAL_FORMS": "0", "doelen-0-kernactiviteit": "Inloop", "doelen-0-doel": "Minder eenzaamheid",
            "doelen-0-streefwaarde": "40 deelnemers"}
    client.post(werkplan_url(tweede_jaar), data)
    response = client.post(werkplan_url(tweede_jaar), data, follow=True)  # a second click changes nothing
    tweede_jaar.refresh_from_db()
    assert tweede_jaar.status == Jaartranche.Status.WERKPLAN_INGEDIEND
    assert tweede_jaar.doelen == [{"kernactiviteit": "Inloop", "doel": "Minder eenzaamheid",
                                   "streefwaarde": "40 deelnemers"}]
    assert "Wij hebben uw werkplan voor 2028 ontvangen." in response.content.decode()


def test_a_refused_werkplan_keeps_what_was_typed(client, aanvrager, tweede_jaar):
    client.force_login(aanvrager)
    data = {"werkplan": "Een lang plan dat niemand opnieuw wil typen.", "doelen-TOTAL_FORMS": "2",
            "doelen-INITIAL_FORMS": "0", "doelen-0-kernactiviteit": "Inloop"}  # a goal without its goal
    response = client.post(werkplan_url(tweede_jaar), data)
    assert any("Doel 1: beschrijf het doel" in e for e in response.context["form"].non_field_errors())
    assert response.context["form"]["werkplan"].value() == data["werkplan"]
    assert response.context["doelen"].forms[0]["kernactiviteit"].value() == "Inloop"
    tweede_jaar.refresh_from_db()
    assert tweede_jaar.status == Jaartranche.Status.DEFINITIEF and not tweede_jaar.werkplan


def test_the_jaarverantwoording_of_a_year_with_reach_and_results(client, aanvrager, behandelaar, meerjarig, vandaag):
    vandaag(dt.date(2027, 1, 4))
    eerste = breng_tranche_naar(meerjarig.tranches.get(boekjaar=2027), "lopend", behandelaar=behandelaar)
    client.force_login(aanvrager)
    html = client.get(verantwoording_url(meerjarig, 2027)).content.decode()
    assert "U stuurt uw verantwoording over 2027 na afloop van dat jaar." in html

    vandaag(dt.date(2028, 1, 15))
    client.force_login(aanvrager)  # a year later: a new session
    response = client.get(verantwoording_url(meerjarig))  # by default the year that awaits its report
    assert response.context["tranche"] == eerste
    assert "eigen_inkomsten" in response.context["formulieren"]["verslag"].fields
    client.post(verantwoording_url(meerjarig, 2027), {**VERSLAG, "verslag-eigen_inkomsten": "2.500",
                                                      **bereik_velden(meerjarig)})
    eerste.refresh_from_db()
    assert eerste.status == Jaartranche.Status.VERANTWOORD
    verantwoording = eerste.verantwoordingen.get()
    assert verantwoording.eigen_inkomsten == Decimal("2500.00")
    assert Bereik.objects.get(subsidie=meerjarig).boekjaar == 2027
    assert client.get(verantwoording_url(meerjarig, 2031)).status_code == 404


# --- who may see it ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("wie, verwacht", [("lid", 200), ("ander", 404), ("anoniem", 302)])
def test_only_members_of_the_organisation(client, organisatie, aanvrager, behandelaar, tweede_jaar, wie, verwacht):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "12000.00")
    if wie == "lid":
        client.force_login(aanvrager)
    elif wie == "ander":
        ander = maak_gebruiker(Rol.AANVRAGER, username="ander")
        OrganisatieFactory(leden=[ander])
        client.force_login(ander)
    for url in (verantwoording_url(subsidie), werkplan_url(tweede_jaar)):
        response = client.get(url)
        assert response.status_code == verwacht, url
        if wie == "anoniem":
            assert "login" in response["Location"]
    if wie != "lid":
        assert client.post(verantwoording_url(subsidie), VERSLAG).status_code == verwacht
        assert client.post(werkplan_url(tweede_jaar), {"werkplan": "x", "doelen-TOTAL_FORMS": "0",
                                                       "doelen-INITIAL_FORMS": "0"}).status_code == verwacht
        subsidie.refresh_from_db()
        tweede_jaar.refresh_from_db()
        assert subsidie.status == Subsidie.Status.VERANTWOORDING_GEVRAAGD
        assert tweede_jaar.status == Jaartranche.Status.DEFINITIEF


def test_the_pages_stay_within_twenty_queries(client, organisatie, aanvrager, behandelaar, tweede_jaar, initiatief,
                                             django_assert_max_num_queries):
    for _ in range(4):
        breng_naar(AanvraagFactory(organisatie=organisatie), "ingediend", aanvrager=aanvrager)
    client.force_login(aanvrager)
    for url in (verantwoording_url(initiatief), werkplan_url(tweede_jaar)):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


def test_in_english(client, aanvrager, initiatief):
    client.force_login(aanvrager)
    client.cookies["django_language"] = "en"
    html = client.get(verantwoording_url(initiatief)).content.decode()
    assert "A report of what you did and what it cost." in html


# --- documents with the report -----------------------------------------------------------------------------------
def test_documents_are_added_refused_with_their_reason_removed_and_sent_with_the_report(
        client, organisatie, aanvrager, behandelaar):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "130000.00")
    client.force_login(aanvrager)
    url = verantwoording_url(subsidie)
    getypt = {k: v for k, v in VERSLAG.items() if k != "actie"}

    response = client.post(url, {**getypt, "actie": "toevoegen", "document-bestand": upload("virus.exe", EXE)})
    fouten = response.context["document_form"].errors["bestand"]
    assert any("Dit soort bestand kunnen wij niet aannemen" in fout for fout in fouten)
    assert response.context["formulieren"]["verslag"]["activiteitenverslag"].value() == getypt[
        "verslag-activiteitenverslag"]  # what was typed stays

    for naam in ("verklaring.pdf", "verkeerd.pdf"):
        client.post(url, {**getypt, "actie": "toevoegen", "document-omschrijving": naam,
                          "document-bestand": upload(naam, pdf())})
    verkeerd = Verantwoordingsdocument.objects.get(omschrijving="verkeerd.pdf")
    client.post(url, {**getypt, "verwijder": verkeerd.pk})
    response = client.get(url)
    assert [d.omschrijving for d in response.context["documenten"]] == ["verklaring.pdf"]
    assert response.context["formulieren"]["verslag"]["werkelijke_kosten"].value() == "11.850,00"

    client.post(url, {**VERSLAG, "verslag-accountantsverklaring": "on"})
    subsidie.refresh_from_db()
    assert subsidie.status == Subsidie.Status.VERANTWOORDING_INGEDIEND
    assert [d.omschrijving for d in subsidie.verantwoordingen.get().documenten.all()] == ["verklaring.pdf"]


def test_enter_in_a_field_keeps_what_was_typed_and_sends_nothing(client, organisatie, aanvrager, behandelaar):
    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "12000.00")
    client.force_login(aanvrager)
    client.post(verantwoording_url(subsidie), {**VERSLAG, "actie": "bewaren"})
    response = client.get(verantwoording_url(subsidie))
    assert response.context["formulieren"]["verslag"]["werkelijke_kosten"].value() == "11.850,00"
    subsidie.refresh_from_db()
    assert subsidie.status == Subsidie.Status.VERANTWOORDING_GEVRAAGD


def test_a_werkplan_sent_before_the_budget_is_adopted_is_kept_and_can_still_be_changed(client, aanvrager, meerjarig):
    tranche = meerjarig.tranches.get(boekjaar=2028)
    assert tranche.status == Jaartranche.Status.GEPLAND
    client.force_login(aanvrager)
    leeg = {"doelen-TOTAL_FORMS": "0", "doelen-INITIAL_FORMS": "0"}
    client.post(werkplan_url(tranche), {"werkplan": "Eerste versie.", **leeg})
    html = client.get(werkplan_url(tranche)).content.decode()
    assert "Wij hebben uw werkplan voor 2028 ontvangen." in html and "?wijzigen=1" in html
    assert "Eerste versie." in client.get(werkplan_url(tranche) + "?wijzigen=1").content.decode()
    client.post(werkplan_url(tranche), {"werkplan": "Tweede versie.", **leeg})
    tranche.refresh_from_db()
    assert tranche.status == Jaartranche.Status.GEPLAND and tranche.werkplan == "Tweede versie."


def test_the_file_field_and_the_button_that_adds_it_have_different_names(client, organisatie, aanvrager,
                                                                         behandelaar):
    from tests.portaal.test_aanvulling import bestandveld_en_knop

    subsidie = eenmalig(organisatie, aanvrager, behandelaar, "12000.00")
    client.force_login(aanvrager)
    label, knop = bestandveld_en_knop(client.get(verantwoording_url(subsidie)).content.decode())
    assert label.startswith("Bestand") and knop == "Document toevoegen"
