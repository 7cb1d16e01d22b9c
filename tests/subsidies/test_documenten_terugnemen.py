"""Taking a document back: from a draft, or one added for the open aanvulling; never one already sent. Documents
with a verantwoording: added while it is being written, sent with it, fixed after."""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from subsidies.models import Document
from subsidies.services.documenten import (
    nieuw_voor_aanvulling, open_verantwoordingsdocumenten, verwijder_document, verwijder_verantwoordingsdocument,
    voeg_document_toe, voeg_verantwoordingsdocument_toe,
)
from tests.bestanden import EXE, pdf, upload
from tests.factories import breng_naar
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


def test_a_draft_s_document_can_be_taken_back_and_its_file_goes_too(concept, aanvrager,
                                                                    django_capture_on_commit_callbacks):
    document = voeg_document_toe(concept, bestand=upload("a.pdf", pdf()), omschrijving="Begroting", user=aanvrager)
    opslag, naam = document.bestand.storage, document.bestand.name
    with django_capture_on_commit_callbacks(execute=True):
        verwijder_document(document, user=aanvrager)
    assert not Document.objects.filter(pk=document.pk).exists() and not opslag.exists(naam)


def test_during_an_aanvulling_only_what_was_added_for_it(concept, aanvrager, behandelaar, vandaag, geweigerd):
    vandaag(dt.date(2026, 3, 2), 9)
    ingediend = voeg_document_toe(concept, bestand=upload("a.pdf", pdf()), omschrijving="Begroting", user=aanvrager)
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=aanvrager, behandelaar=behandelaar)
    vandaag(dt.date(2026, 3, 2), 10)
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="De offerte.",
                       termijn_tot=dt.date(2026, 3, 16))
    vandaag(dt.date(2026, 3, 2), 11)
    nieuw = voeg_document_toe(aanvraag, bestand=upload("b.pdf", pdf()), omschrijving="Offerte", user=aanvrager)
    assert list(nieuw_voor_aanvulling(aanvraag)) == [nieuw]
    with geweigerd(TransitionNotPossible, "document_verstuurd"):
        verwijder_document(ingediend, user=aanvrager)
    verwijder_document(nieuw, user=aanvrager)
    assert list(aanvraag.documenten.all()) == [ingediend]


def test_someone_outside_the_organisation_cannot(concept, aanvrager, actoren, geweigerd):
    document = voeg_document_toe(concept, bestand=upload("a.pdf", pdf()), omschrijving="Begroting", user=aanvrager)
    with geweigerd(NotPermitted):
        verwijder_document(document, user=actoren["buitenstaander"])


# --- documents with a verantwoording ------------------------------------------------------------------------------
@pytest.fixture
def verantwoording_gevraagd(concept, aanvrager, behandelaar):
    subsidie = breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar).subsidie
    return perform(subsidie, "verantwoording_vragen", behandelaar,
                   uiterlijk=timezone.localdate() + dt.timedelta(days=30))


def test_documents_for_the_report_go_with_it_and_are_fixed_from_then_on(verantwoording_gevraagd, aanvrager, geweigerd):
    subsidie = verantwoording_gevraagd
    weg = voeg_verantwoordingsdocument_toe(subsidie, bestand=upload("concept.pdf", pdf()), omschrijving="Concept",
                                           user=aanvrager)
    verwijder_verantwoordingsdocument(weg, user=aanvrager)
    verklaring = voeg_verantwoordingsdocument_toe(subsidie, bestand=upload("verklaring.pdf", pdf()),
                                                  omschrijving="Accountantsverklaring", user=aanvrager)
    subsidie = perform(subsidie, "verantwoording_indienen", aanvrager, activiteitenverslag="Gedaan.",
                       werkelijke_kosten=Decimal("12000"))
    verklaring.refresh_from_db()
    assert verklaring.verantwoording == subsidie.verantwoordingen.get()
    assert list(open_verantwoordingsdocumenten(subsidie)) == []
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        verwijder_verantwoordingsdocument(verklaring, user=aanvrager)
    with geweigerd(TransitionNotPossible, "documenten_gesloten"):  # the report is in: nothing more to add
        voeg_verantwoordingsdocument_toe(subsidie, bestand=upload("laat.pdf", pdf()), omschrijving="Laat",
                                         user=aanvrager)


def test_a_report_document_meets_the_same_checks(verantwoording_gevraagd, aanvrager, actoren, geweigerd):
    with geweigerd(InvalidInput, "bestandstype"):
        voeg_verantwoordingsdocument_toe(verantwoording_gevraagd, bestand=upload("a.exe", EXE), omschrijving="x",
                                         user=aanvrager)
    with geweigerd(NotPermitted):
        voeg_verantwoordingsdocument_toe(verantwoording_gevraagd, bestand=upload("a.pdf", pdf()), omschrijving="x",
                                         user=actoren["buitenstaander"])


def test_not_before_the_report_is_asked(concept, aanvrager, behandelaar, geweigerd):
    subsidie = breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar).subsidie
    with geweigerd(TransitionNotPossible, "documenten_gesloten"):
        voeg_verantwoordingsdocument_toe(subsidie, bestand=upload("a.pdf", pdf()), omschrijving="x", user=aanvrager)


def test_the_officer_finds_them_with_the_subsidie_and_downloads_them(verantwoording_gevraagd, aanvrager,
                                                                     admin_client):
    document = voeg_verantwoordingsdocument_toe(verantwoording_gevraagd, bestand=upload("verklaring.pdf", pdf()),
                                                omschrijving="Accountantsverklaring", user=aanvrager)
    html = admin_client.get(f"/admin/subsidies/subsidie/{verantwoording_gevraagd.pk}/change/").content.decode()
    link = f"/api/verantwoordingsdocumenten/{document.pk}/download/"
    assert link in html
    response = admin_client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
