"""Letters: every kind of decision (and the aanvulling request) as a PDF/A letter, read back from the PDF.

Each case walks a request through perform() to the decision, makes its letter in Dutch and in English and reads
the text back (pypdf): the addressee, the date, the reference, the amounts, the dates that matter (the bezwaar
clause's last day, a deadline, a due date) — and checks the file is PDF/A (XMP identification, an output intent,
every font embedded) and tagged. Then: rendering again gives the same bytes, template versions, the hook after the
commit, and who may download a letter.
"""
import datetime as dt
import hashlib
import io
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from subsidies.models import Beschikking, Betaling, Brief, Briefsjabloon, Briefsoort, Organisatie
from subsidies.rollen import Rol
from subsidies.services import brieven
from subsidies.services.beschikkingen import maak_beschikking
from tests.api import client_for
from tests.conftest import in_beheer
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, OrganisatieFactory, PlafondFactory, breng_naar, breng_tranche_naar,
    maak_gebruiker, meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig,
)
from workflows import termijnen
from workflows.errors import TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

D = Decimal
DAG = dt.date(2026, 2, 2)  # a Monday
VERSLAG = {"activiteitenverslag": "Veertig ontmoetingen, gemiddeld 25 bezoekers.", "werkelijke_kosten": D("19000")}


# --- reading a PDF back ------------------------------------------------------------------------------------------
def lees(brief: Brief) -> tuple[bytes, str]:
    with brief.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    tekst = " ".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)
    return inhoud, " ".join(tekst.split())  # line breaks as spaces: a phrase may wrap


def controleer_pdfa(inhoud: bytes) -> None:
    """What PDF/A-2a asks that can be read without veraPDF: the identification in the XMP metadata, an output
    intent (sRGB), every font embedded, the structure tree (tagged) and the document's language."""
    pdf = PdfReader(io.BytesIO(inhoud))
    xmp = pdf.xmp_metadata
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "A")
    catalogus = pdf.trailer["/Root"]
    assert catalogus["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    assert "/StructTreeRoot" in catalogus and catalogus["/MarkInfo"]["/Marked"]
    assert catalogus["/Lang"] in ("nl", "en")
    fonts = []
    for pagina in pdf.pages:
        for font in pagina["/Resources"]["/Font"].values():
            font = font.get_object()
            beschrijving = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            fonts.append(beschrijving["/FontDescriptor"].get_object())
    assert fonts and all({"/FontFile", "/FontFile2", "/FontFile3"} & set(f) for f in fonts), "a font not embedded"
    assert all("DejaVu" in str(f["/FontName"]) for f in fonts)


def datum(dag: dt.date, taal: str) -> str:
    maanden = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                      "oktober", "november", "december"],
               "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]}
    return f"{dag.day} {maanden[taal][dag.month - 1]} {dag.year}"


def bezwaar_tot(dag: dt.date) -> dt.date:
    return termijnen.termijn_einde(dag, weken=6, gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())


# --- the decisions, each through perform() -----------------------------------------------------------------------
@pytest.fixture
def organisatie(aanvrager):
    return OrganisatieFactory(leden=[aanvrager], naam="Stichting Buurtkracht Beijum", straat="Beijumerweg 12",
                              postcode="9736 AA", plaats="Groningen")


@pytest.fixture
def zaak(organisatie, actoren, vandaag):
    """`zaak("verlening")`: a decision of that kind (or the aanvulling request) and the words its letter must
    hold in each language."""
    vandaag(DAG)

    def aanvraag(**velden):
        return AanvraagFactory(organisatie=organisatie, titel="Koffieochtenden in Beijum", **velden)

    def naar(nieuw, status):
        return breng_naar(nieuw, status, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                          beslisser=actoren["beslisser"])

    def laatste(a, soort):
        return a.beschikkingen.filter(soort=soort).latest("pk")

    def doe(obj, actie, wie, **params):
        return perform(obj, actie, actoren[wie], **params)

    def subsidie_met_verslag(voorschot=None):
        subsidie = naar(aanvraag(gevraagd_bedrag=D("20000")), "verleend").subsidie
        if voorschot:
            subsidie = doe(subsidie, "voorschot_betalen", "behandelaar", bedrag=D(voorschot))
            doe(subsidie.betalingen.get(), "uitvoeren", "behandelaar")
        subsidie = doe(subsidie, "verantwoording_vragen", "behandelaar", uiterlijk=dt.date(2026, 12, 31))
        return doe(subsidie, "verantwoording_indienen", "aanvrager", **VERSLAG, accountantsverklaring=True)

    def meerjarig(eerste=2027):
        BegrotingsjaarFactory(boekjaar=eerste, vastgesteld_op=dt.date(eerste - 1, 1, 15))  # adopted
        BegrotingsjaarFactory(boekjaar=eerste + 1, vastgesteld_op=None)  # not yet: under the 4:34 condition
        regeling = meerjarige_regeling(eerste, 3, aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12)
        nieuw = meerjarige_aanvraag(regeling, {eerste: D("100000"), eerste + 1: D("90000")},
                                    organisatie=organisatie, titel="Huiskamer van de wijk")
        return verleen_meerjarig(nieuw, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                 beslisser=actoren["beslisser"])

    def maak(soort):
        if soort == "verlening":
            b = laatste(naar(aanvraag(gevraagd_bedrag=D("12000")), "verleend"), "verlening")
            return b, {"nl": ["€ 12.000,00", "(verlening)"], "en": ["€ 12,000.00", "(verlening)"]}
        if soort == "verlening_direct":
            b = laatste(naar(aanvraag(gevraagd_bedrag=D("4000")), "verleend"), "verlening")
            return b, {"nl": ["€ 4.000,00", "meteen vast"], "en": ["€ 4,000.00", "settle the subsidy at this amount"]}
        if soort == "verlening_meerjarig":
            b = laatste(meerjarig().aanvraag, "verlening")
            return b, {"nl": ["€ 190.000,00", "2027 € 100.000,00 zeker", "2028 € 90.000,00 onder voorbehoud",
                              "Awb 4:34"],
                       "en": ["€ 190,000.00", "2027 € 100,000.00 certain", "2028 € 90,000.00 subject to the budget",
                              "Awb 4:34"]}
        if soort == "weigering":
            a = naar(aanvraag(), "in_beoordeling")
            a = doe(a, "besluit_voorstellen", "behandelaar", uitkomst="weigeren",
                    reden="De activiteit valt buiten de doelen van de regeling.")
            b = laatste(doe(a, "weigeren", "beslisser"), "weigering")
            return b, {"nl": ["€ 12.000,00", "(weigering)", "valt buiten de doelen"],
                       "en": ["€ 12,000.00", "(weigering)", "valt buiten de doelen"]}
        if soort == "weigering_plafond":
            regeling = PlafondFactory(bedrag=D("5000.00")).regeling
            b = laatste(naar(aanvraag(regeling=regeling), "verleend"), "weigering")
            return b, {"nl": ["subsidieplafond is bereikt", "Awb 4:25 lid 2"],
                       "en": ["subsidy ceiling has been reached", "Awb 4:25(2)"]}
        if soort == "buiten_behandeling":
            a = doe(naar(aanvraag(), "in_behandeling"), "aanvulling_vragen", "behandelaar",
                    reden="Stuur de offerte voor de zaalhuur.", termijn_tot=dt.date(2026, 2, 16))
            vandaag(dt.date(2026, 2, 20))
            b = laatste(doe(a, "buiten_behandeling_stellen", "behandelaar"), "buiten_behandeling")
            return b, {"nl": ["(buitenbehandelingstelling, Awb 4:5)"], "en": ["(buitenbehandelingstelling, Awb 4:5)"]}
        if soort == "vaststelling":
            b = laatste(doe(subsidie_met_verslag(), "vaststellen", "behandelaar").aanvraag, "vaststelling")
            return b, {"nl": ["vast op € 20.000,00"], "en": ["at € 20,000.00"]}
        if soort == "terugvordering":
            subsidie = doe(subsidie_met_verslag(voorschot="16000"), "vaststellen", "behandelaar", bedrag=D("12000"),
                           reden="Minder activiteiten uitgevoerd dan begroot.")
            b = laatste(subsidie.aanvraag, "vaststelling")
            betalen = termijnen.termijn_einde(b.verzonden_op, weken=6)
            return b, {"nl": ["vast op € 12.000,00", "€ 4.000,00 meer ontvangen", f"uiterlijk op {datum(betalen, 'nl')}"],
                       "en": ["at € 12,000.00", "€ 4,000.00 more than", f"by {datum(betalen, 'en')}"]}
        if soort == "intrekking":
            subsidie = naar(aanvraag(), "verleend").subsidie
            subsidie = doe(subsidie, "voorschot_betalen", "behandelaar", bedrag=D("10000"))
            doe(subsidie.betalingen.get(), "uitvoeren", "behandelaar")
            b = laatste(doe(subsidie, "intrekken", "beslisser", reden="De activiteit gaat niet door.").aanvraag,
                        "intrekking")
            return b, {"nl": ["(intrekking, Awb 4:48)", "€ 10.000,00 meer ontvangen"],
                       "en": ["(intrekking, Awb 4:48)", "€ 10,000.00 more than"]}
        if soort == "wijziging":
            subsidie = meerjarig()
            BegrotingsjaarFactory._meta.model.objects.filter(boekjaar=2028).update(vastgesteld_op=dt.date(2027, 11, 11))
            vandaag(dt.date(2027, 11, 30))
            doe(subsidie.tranches.get(boekjaar=2028), "voorbehoud_inroepen", "beslisser", bedrag="75000",
                reden="Raadsbesluit: minder geld voor de sociale basis.")
            b = laatste(subsidie.aanvraag, "wijziging")
            return b, {"nl": ["voor het jaar 2028", "€ 75.000,00"], "en": ["for the year 2028", "€ 75,000.00"]}
        if soort == "beeindiging":
            vandaag(dt.date(2024, 9, 1))
            regeling = meerjarige_regeling(2025, 5)
            nieuw = meerjarige_aanvraag(regeling, dict.fromkeys(range(2025, 2030), D("100000")),
                                        organisatie=organisatie, titel="Huiskamer van de wijk")
            subsidie = verleen_meerjarig(nieuw, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                                         beslisser=actoren["beslisser"])
            vandaag(dt.date(2027, 6, 1))
            doe(subsidie, "beeindigen", "beslisser", reden="De gemeente stopt met deze regeling.", grond="4:51",
                einde_boekjaar=2028)
            b = laatste(subsidie.aanvraag, "beeindiging")
            return b, {"nl": ["na het boekjaar 2028", "3 jaar achter elkaar", "Awb 4:51"],
                       "en": ["after the financial year 2028", "3 years in a row", "Awb 4:51"]}
        if soort == "aanvulling":
            a = doe(naar(aanvraag(), "in_behandeling"), "aanvulling_vragen", "behandelaar",
                    reden="Stuur de offerte voor de zaalhuur.", termijn_tot=dt.date(2026, 2, 14))
            aanvulling = a.aanvullingen.get()  # the 14th is a Saturday: the term moves to Monday the 16th
            return aanvulling, {"nl": ["uiterlijk op 16 februari 2026", "Stuur de offerte voor de zaalhuur.",
                                       "Awb 4:15", "geen bezwaar"],
                                "en": ["by 16 February 2026", "Stuur de offerte voor de zaalhuur.", "Awb 4:15",
                                       "cannot object"]}
        raise AssertionError(soort)

    return maak


SOORTEN = {  # case → the letter kind it must get
    "verlening": Briefsoort.VERLENING, "verlening_direct": Briefsoort.VERLENING,
    "verlening_meerjarig": Briefsoort.VERLENING_MEERJARIG, "weigering": Briefsoort.WEIGERING,
    "weigering_plafond": Briefsoort.WEIGERING, "buiten_behandeling": Briefsoort.BUITEN_BEHANDELING,
    "aanvulling": Briefsoort.AANVULLING, "vaststelling": Briefsoort.VASTSTELLING,
    "terugvordering": Briefsoort.TERUGVORDERING, "wijziging": Briefsoort.WIJZIGING,
    "intrekking": Briefsoort.INTREKKING, "beeindiging": Briefsoort.BEEINDIGING,
}


@pytest.mark.parametrize("geval", sorted(SOORTEN))
def test_every_letter_kind_says_what_was_decided_in_both_languages(zaak, geval):
    onderwerp, woorden = zaak(geval)
    aanvraag = onderwerp.aanvraag
    for taal in ("nl", "en"):
        brief = brieven.brief_voor(onderwerp, taal)
        assert (brief.soort, brief.taal) == (SOORTEN[geval], taal)
        inhoud, tekst = lees(brief)
        controleer_pdfa(inhoud)
        assert (brief.grootte, brief.sha256) == (len(inhoud), hashlib.sha256(inhoud).hexdigest())
        dag = onderwerp.gevraagd_op if geval == "aanvulling" else onderwerp.verzonden_op
        for verwacht in ["Stichting Buurtkracht Beijum", "Beijumerweg 12", "9736 AA Groningen", aanvraag.nummer,
                         aanvraag.titel, datum(dag, taal), *woorden[taal]]:
            assert verwacht in tekst, f"{geval} ({taal}): '{verwacht}' is missing from: {tekst}"
        if geval != "aanvulling":  # the bezwaar clause with its concrete last day (Awb 6:7, 6:8)
            assert onderwerp.bezwaartermijn_tot == bezwaar_tot(onderwerp.verzonden_op)
            clausule = {"nl": f"bezwaar maken, tot en met {datum(onderwerp.bezwaartermijn_tot, 'nl')}",
                        "en": f"object to it, up to and including {datum(onderwerp.bezwaartermijn_tot, 'en')}"}
            assert clausule[taal] in tekst
        ondertekening = {"nl": "Namens het college van burgemeester en wethouders van Groningen",
                         "en": "On behalf of the Mayor and Aldermen of Groningen"}
        assert ondertekening[taal] in tekst


def test_the_bezwaar_date_moves_past_a_holiday(organisatie, actoren, vandaag):
    """Decided on 12 March 2026: six weeks end on Thursday 23 April; decided 16 March: on 27 April, Koningsdag,
    so the last day is the 28th (Algemene termijnenwet)."""
    vandaag(dt.date(2026, 3, 16))
    aanvraag = breng_naar(AanvraagFactory(organisatie=organisatie), "verleend", aanvrager=actoren["aanvrager"],
                          beslisser=actoren["beslisser"])
    _, tekst = lees(brieven.brief_voor(aanvraag.beschikkingen.get(), "nl"))
    assert "bezwaar maken, tot en met 28 april 2026" in tekst


def test_a_soort_without_an_active_letter_of_its_own_gets_the_generic_letter(zaak, actoren):
    """A soort added to Beschikking.Soort before its template exists, or whose templates a beheerder switched off,
    gets the generic decision letter, with no further code."""
    verlening, _ = zaak("verlening")
    for sjabloon in Briefsjabloon.objects.filter(soort=Briefsoort.DWANGSOM):
        sjabloon.actief = False
        sjabloon.save()
    besluit = maak_beschikking(verlening.aanvraag, "dwangsom", beslisser=actoren["beslisser"],
                               motivering="U krijgt een dwangsom.", bedrag=D("1442.00"))
    for taal, bedrag in (("nl", "€ 1.442,00"), ("en", "€ 1,442.00")):
        brief = brieven.brief_voor(besluit, taal)
        _, tekst = lees(brief)
        assert (brief.soort, brief.sjabloon.soort) == (Briefsoort.DWANGSOM, Briefsoort.BESLUIT)
        assert besluit.get_soort_display() in tekst and bedrag in tekst and "U krijgt een dwangsom." in tekst
        assert datum(besluit.bezwaartermijn_tot, taal) in tekst


# --- the same letter again -----------------------------------------------------------------------------------------
def test_rendering_again_gives_the_same_bytes_and_making_it_again_finds_the_first(zaak, vandaag):
    beschikking, _ = zaak("verlening_meerjarig")
    brief = brieven.brief_voor(beschikking, "nl")
    inhoud, _ = lees(brief)
    vandaag(dt.date(2027, 6, 1))  # later, with the year's budget since adopted: the letter says what it said
    BegrotingsjaarFactory._meta.model.objects.filter(boekjaar=2028).update(vastgesteld_op=dt.date(2026, 11, 1))
    assert brieven.pdf(beschikking, "nl", brief.sjabloon) == inhoud
    assert brieven.brief_voor(beschikking, "nl") == brief
    assert Brief.objects.count() == 1


def test_a_letter_is_never_changed(zaak):
    beschikking, _ = zaak("verlening")
    brief = brieven.brief_voor(beschikking, "nl")
    brief.taal = "en"
    with pytest.raises(RuntimeError):
        brief.save()


def test_the_hash_of_the_letter_is_in_the_audit_trail(zaak):
    beschikking, _ = zaak("verlening")
    brief = brieven.brief_voor(beschikking, "nl")
    record = AuditRecord.objects.get(object_type=ContentType.objects.get_for_model(Brief), object_id=str(brief.pk))
    assert record.wijzigingen["sha256"] == [None, brief.sha256]
    assert record.wijzigingen["sjabloon_id"] == [None, brief.sjabloon_id]


# --- templates as versioned data -----------------------------------------------------------------------------------
def test_every_kind_has_a_default_template_in_both_languages(db):
    assert set(Briefsjabloon.objects.filter(versie=1).values_list("soort", "taal")) == {
        (soort, taal) for soort in Briefsoort.values for taal in ("nl", "en")}


def test_editing_a_template_makes_a_new_version_and_old_letters_keep_theirs(zaak, client, beheerder):
    beschikking, _ = zaak("verlening")
    oud = brieven.brief_voor(beschikking, "nl")
    v1 = oud.sjabloon
    antwoord = in_beheer(client, beheerder).post(f"/admin/subsidies/briefsjabloon/{v1.pk}/change/", {
        "onderwerp": v1.onderwerp, "tekst": v1.tekst.replace("Goed nieuws:", "Gefeliciteerd!"), "actief": "on"})
    assert antwoord.status_code == 302
    v1.refresh_from_db()
    v2 = Briefsjabloon.objects.get(soort="verlening", taal="nl", versie=2)
    assert "Goed nieuws:" in v1.tekst and "Gefeliciteerd!" in v2.tekst
    nieuw = brieven.brief_voor(beschikking, "nl")
    assert (oud.sjabloon, nieuw.sjabloon) == (v1, v2)
    assert "Goed nieuws:" in lees(oud)[1] and "Gefeliciteerd!" in lees(nieuw)[1]
    assert brieven.laatste_brief(beschikking, "nl") == nieuw


def test_a_saved_version_is_not_changed_in_place_and_a_broken_template_is_refused(db):
    sjabloon = Briefsjabloon.objects.get(soort="weigering", taal="en", versie=1)
    sjabloon.tekst = "Something else"
    with pytest.raises(TransitionNotPossible):
        sjabloon.save()
    kapot = Briefsjabloon(soort="weigering", taal="en", onderwerp="x", tekst="{% if %}")
    with pytest.raises(ValidationError):
        kapot.full_clean()


def test_an_inactive_version_is_passed_over(zaak):
    beschikking, _ = zaak("verlening")
    v1 = Briefsjabloon.objects.get(soort="verlening", taal="en", versie=1)
    v2 = brieven.nieuwe_versie(Briefsjabloon(soort="verlening", taal="en", onderwerp="Grant",
                                             tekst="<p>Version two for {{ organisatie.naam }}</p>", actief=False))
    assert brieven.sjabloon_voor("verlening", "en") == v1
    v2.actief = True
    v2.save()
    assert brieven.sjabloon_voor("verlening", "en") == v2


# --- when letters are made ----------------------------------------------------------------------------------------
def test_the_letter_is_made_after_the_commit_in_the_organisations_language(zaak, organisatie,
                                                                           django_capture_on_commit_callbacks):
    Organisatie.objects.filter(pk=organisatie.pk).update(correspondentietaal="en")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        beschikking, _ = zaak("verlening")
        assert not Brief.objects.exists(), "nothing is rendered inside the transaction"
    assert callbacks
    brief = Brief.objects.get(beschikking=beschikking)
    assert brief.taal == "en" and "Good news" in lees(brief)[1]


def test_the_aanvulling_letter_is_made_after_the_commit(zaak, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        aanvulling, _ = zaak("aanvulling")
    assert Brief.objects.get(aanvulling=aanvulling).soort == Briefsoort.AANVULLING


# --- who may download ---------------------------------------------------------------------------------------------
@pytest.fixture
def beslist(zaak):
    beschikking, _ = zaak("verlening")
    return beschikking


@pytest.mark.parametrize(("wie", "status"), [
    (None, 401), ("lid", 200), ("ander", 404), (Rol.BEHANDELAAR, 200), (Rol.BESLISSER, 200), (Rol.AUDITOR, 200),
    (Rol.BEHEERDER, 200),
])
def test_who_may_download_a_decisions_letter_through_the_api(beslist, aanvrager, wie, status):
    gebruiker = {None: None, "lid": aanvrager}.get(wie) if wie in (None, "lid") else (
        maak_gebruiker(Rol.AANVRAGER) if wie == "ander" else maak_gebruiker(wie))
    antwoord = client_for(gebruiker).get(f"/api/beschikkingen/{beslist.pk}/brief/")
    assert antwoord.status_code == status
    if status == 200:
        inhoud = b"".join(antwoord.streaming_content)
        assert antwoord["Content-Type"] == "application/pdf"
        assert antwoord["Content-Disposition"].startswith("attachment;")
        assert antwoord["X-Content-Type-Options"] == "nosniff"
        assert antwoord["Cache-Control"] == "private, no-store"
        assert inhoud == lees(Brief.objects.get(beschikking=beslist))[0]


def test_the_api_gives_the_letter_in_the_language_asked(beslist, aanvrager):
    antwoord = client_for(aanvrager).get(f"/api/beschikkingen/{beslist.pk}/brief/?taal=en")
    assert antwoord.status_code == 200 and Brief.objects.get(beschikking=beslist).taal == "en"
    assert client_for(aanvrager).get(f"/api/beschikkingen/{beslist.pk}/brief/?taal=fr").status_code == 400


def test_the_aanvulling_letter_through_the_api(zaak, aanvrager):
    aanvulling, _ = zaak("aanvulling")
    assert client_for(aanvrager).get(f"/api/aanvullingen/{aanvulling.pk}/brief/").status_code == 200
    assert client_for(maak_gebruiker(Rol.AANVRAGER)).get(
        f"/api/aanvullingen/{aanvulling.pk}/brief/").status_code == 404


def test_the_portal_links_each_decision_to_its_letter_for_members_only(beslist, aanvrager, client):
    client.force_login(aanvrager)
    pagina = client.get(f"/portaal/aanvragen/{beslist.aanvraag.pk}/").content.decode()
    assert f"/portaal/beschikkingen/{beslist.pk}/brief/" in pagina
    antwoord = client.get(f"/portaal/beschikkingen/{beslist.pk}/brief/")
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    client.force_login(maak_gebruiker(Rol.AANVRAGER))
    assert client.get(f"/portaal/beschikkingen/{beslist.pk}/brief/").status_code == 404


def test_the_organisation_chooses_its_language_in_the_portal(organisatie, aanvrager, client):
    client.force_login(aanvrager)
    pagina = client.get(f"/portaal/organisaties/{organisatie.pk}/").content.decode()
    assert 'name="correspondentietaal"' in pagina
    data = {"formulier": "gegevens", "naam": organisatie.naam, "rechtsvorm": organisatie.rechtsvorm,
            "kvk_nummer": organisatie.kvk_nummer, "iban": organisatie.iban, "postcode": organisatie.postcode,
            "straat": organisatie.straat, "plaats": organisatie.plaats, "gebied": organisatie.gebied_id,
            "correspondentietaal": "en"}
    assert client.post(f"/portaal/organisaties/{organisatie.pk}/", data).status_code == 302
    organisatie.refresh_from_db()
    assert organisatie.correspondentietaal == "en"


def test_a_terugvordering_is_found_in_the_trails_order_even_after_it_was_replanned(zaak, actoren):
    beschikking, _ = zaak("terugvordering")
    terug = Betaling.objects.get(soort=Betaling.Soort.TERUGVORDERING)
    terug.gepland_op = dt.date(2026, 3, 1)
    terug.save()
    assert brieven.briefsoort(beschikking) == Briefsoort.TERUGVORDERING
    assert brieven.context(beschikking, "nl")["terugvordering"]["bedrag"] == D("4000.00")
    assert Beschikking.objects.filter(aanvraag=beschikking.aanvraag).count() == 2
