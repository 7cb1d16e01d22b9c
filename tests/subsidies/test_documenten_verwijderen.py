"""Removing a document: the applicant may while the request is a draft; what was sent stays part of the file."""
from pathlib import Path

from subsidies.models import Document
from subsidies.rollen import Rol
from subsidies.services import documenten
from tests import bestanden
from tests.factories import AanvraagFactory, maak_gebruiker
from workflows import transitions
from workflows.errors import NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord


def voeg_toe(aanvraag, user):
    return documenten.voeg_document_toe(aanvraag, bestand=bestanden.upload("plan.pdf", bestanden.pdf()),
                                        omschrijving="Plan", user=user)


def test_a_draft_document_is_removed_with_a_record(organisatie, aanvrager, django_capture_on_commit_callbacks):
    document = voeg_toe(AanvraagFactory(organisatie=organisatie), aanvrager)
    pk, pad = document.pk, document.bestand.path
    with django_capture_on_commit_callbacks(execute=True):
        documenten.verwijder_document(document, user=aanvrager)
    assert not Document.objects.exists() and not Path(pad).exists()
    record = AuditRecord.objects.get(object_id=str(pk), actie="verwijderd")
    assert record.actor == aanvrager


def test_a_sent_document_stays_and_a_stranger_cannot_remove_one(organisatie, aanvrager, geweigerd):
    aanvraag = AanvraagFactory(organisatie=organisatie)
    document = voeg_toe(aanvraag, aanvrager)
    with geweigerd(NotPermitted):
        documenten.verwijder_document(document, user=maak_gebruiker(Rol.AANVRAGER, username="vreemde"))
    transitions.perform(aanvraag, "indienen", aanvrager)
    document.refresh_from_db()
    with geweigerd(TransitionNotPossible, "document_verstuurd"):
        documenten.verwijder_document(document, user=aanvrager)
