"""At submission, through every door, the trail records the request as submitted and the SHA-256 of that content."""
from decimal import Decimal

from subsidies.models import Begrotingsregel
from subsidies.services import documenten
from subsidies.services.intake import ingediende_inhoud, inhoud_hash
from tests import bestanden
from tests.factories import AanvraagFactory
from workflows import transitions
from workflows.context import acting_as
from workflows.models import AuditRecord


def dien_in(aanvraag, user):
    transitions.perform(aanvraag, "indienen", user)
    return AuditRecord.objects.get(handeling="indienen", object_id=str(aanvraag.pk)).wijzigingen


def met_regel(aanvraag, bedrag):
    with acting_as(None):
        Begrotingsregel.objects.create(aanvraag=aanvraag, omschrijving="Zaalhuur", bedrag=Decimal(bedrag))
    return aanvraag


def test_the_indienen_record_holds_the_content_and_its_hash(organisatie, aanvrager):
    aanvraag = met_regel(AanvraagFactory(organisatie=organisatie), "500.00")
    documenten.voeg_document_toe(aanvraag, bestand=bestanden.upload("plan.pdf", bestanden.pdf()),
                                 omschrijving="Plan", user=aanvrager)
    wijzigingen = dien_in(aanvraag, aanvrager)
    inhoud, sha = wijzigingen["ingediende_inhoud"][1], wijzigingen["inhoud_sha256"][1]
    assert inhoud["titel"] == aanvraag.titel and inhoud["organisatie"] == organisatie.pk
    assert inhoud["begroting"] == [{"soort": "kosten", "omschrijving": "Zaalhuur", "bedrag": "500.00"}]
    assert inhoud["documenten"][0]["sha256"] == aanvraag.documenten.get().sha256
    aanvraag.refresh_from_db()
    assert sha == inhoud_hash(ingediende_inhoud(aanvraag)) and len(sha) == 64


def test_the_hash_changes_when_the_content_changes(organisatie, aanvrager):
    regeling = AanvraagFactory(organisatie=organisatie).regeling
    een = met_regel(AanvraagFactory(organisatie=organisatie, regeling=regeling, titel="Zelfde"), "500.00")
    twee = met_regel(AanvraagFactory(organisatie=organisatie, regeling=regeling, titel="Zelfde"), "500.00")
    drie = met_regel(AanvraagFactory(organisatie=organisatie, regeling=regeling, titel="Zelfde"), "500.01")
    hashes = [dien_in(aanvraag, aanvrager)["inhoud_sha256"][1] for aanvraag in (een, twee, drie)]
    assert hashes[0] == hashes[1]  # ids and timestamps are no content
    assert hashes[2] != hashes[0]
