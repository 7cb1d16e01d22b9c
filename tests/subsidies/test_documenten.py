"""Applicants add documents to a draft or an aanvulling; the file type, size and moment are checked."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from subsidies.services.documenten import voeg_document_toe
from tests.factories import breng_naar
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform


def pdf(name="begroting.pdf", size=100):
    return SimpleUploadedFile(name, b"%" + b"x" * (size - 1))


def test_a_document_is_stored_with_the_draft_and_audited(concept, aanvrager):
    document = voeg_document_toe(concept, bestand=pdf(), omschrijving="Begroting 2026", user=aanvrager)

    assert concept.documenten.get() == document and document.bestand.read().startswith(b"%")
    record = AuditRecord.objects.get(object_id=str(document.pk), object_weergave="Begroting 2026")
    assert (record.actie, record.actor_id) == ("aangemaakt", aanvrager.pk)


def test_documents_can_be_added_when_information_was_asked(concept, aanvrager, behandelaar, vandaag):
    vandaag(date(2026, 2, 2))
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=aanvrager, behandelaar=behandelaar)
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="Stuur de offerte.",
                       termijn_tot=date(2026, 2, 20))
    voeg_document_toe(aanvraag, bestand=pdf("offerte.pdf"), omschrijving="Offerte", user=aanvrager)
    assert aanvraag.documenten.count() == 1


@pytest.mark.parametrize(("bestand", "fout", "code"), [
    pytest.param(pdf("virus.exe"), InvalidInput, "bestandstype", id="type"),
    pytest.param(pdf(size=10 * 1024 * 1024 + 1), InvalidInput, "bestand_te_groot", id="te-groot"),
])
def test_refused_files_leave_nothing_behind(concept, aanvrager, geweigerd, bestand, fout, code):
    with geweigerd(fout, code):
        voeg_document_toe(concept, bestand=bestand, omschrijving="Bijlage", user=aanvrager)


def test_no_documents_after_submission_or_from_strangers(concept, aanvrager, auditor, geweigerd):
    with geweigerd(NotPermitted):
        voeg_document_toe(concept, bestand=pdf(), omschrijving="Bijlage", user=auditor)
    ingediend = breng_naar(concept, "ingediend", aanvrager=aanvrager)
    with geweigerd(TransitionNotPossible, "documenten_gesloten"):
        voeg_document_toe(ingediend, bestand=pdf(), omschrijving="Bijlage", user=aanvrager)
