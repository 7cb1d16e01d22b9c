"""Taking a document back: from a draft, or one added for the open aanvulling; never one already sent."""
import datetime as dt

import pytest

from subsidies.models import Document
from subsidies.services.documenten import nieuw_voor_aanvulling, verwijder_document, voeg_document_toe
from tests.bestanden import pdf, upload
from tests.factories import breng_naar
from workflows.errors import NotPermitted, TransitionNotPossible
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


def test_a_draft_s_document_can_be_taken_back_and_its_file_goes_too(concept, aanvrager, django_capture_on_commit_callbacks):
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
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="De offerte.", termijn_tot=dt.date(2026, 3, 16))
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
