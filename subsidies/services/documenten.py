"""Documents with a request (while it is a draft, or when the officer asked for more information) and with a
verantwoording (while the report is being written).

Every door (API, admin, portal) adds a document here, so every upload meets the same checks: the name's
extension, the size, the content against that type (`bestandscontrole`: no renamed executables, no PDFs with
JavaScript, no macros) and, when configured, a virus scan (`virusscan`). A refused file leaves nothing behind: no
row, no file. An accepted one is stored under a random name (`subsidies.opslag`) with its size and SHA-256.
"""
import hashlib
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404

from workflows.context import acting_as
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord

from .. import rollen
from ..models import Aanvraag, Bezwaardocument, Document, Jaartranche, Subsidie, Verantwoordingsdocument
from . import bestandscontrole, virusscan

TOEGESTANE_SOORTEN = frozenset(bestandscontrole.SOORTEN)
MAX_MB = 10


def voeg_document_toe(aanvraag, *, bestand, omschrijving: str, user) -> Document:
    if not rollen.aanvrager_of_behandelaar(aanvraag, user):
        raise NotPermitted("U kunt bij deze aanvraag geen documenten toevoegen.",
                           "You cannot add documents to this request.")
    if not aanvraag.mag_wijzigen("documenten"):  # Aanvraag.wijzigbaar: a draft, or an aanvulling was asked
        raise TransitionNotPossible(
            "Documenten toevoegen kan zolang de aanvraag een concept is, of als wij om aanvulling hebben gevraagd.",
            "Documents can be added while the request is a draft, or when we asked for more information.",
            code="documenten_gesloten",
        )
    document = Document(aanvraag=aanvraag, omschrijving=omschrijving)
    return _bewaar(document, bestand, user)


def _bewaar(document, bestand, user):
    """Check `bestand` (extension, size, content, virus scan), then store it under a random name with its original
    name, checked content type, size and SHA-256 on `document`, and save the row. A refused file leaves nothing."""
    extensie = Path(bestand.name).suffix.lower()
    if extensie not in TOEGESTANE_SOORTEN:
        toegestaan = ", ".join(sorted(TOEGESTANE_SOORTEN))
        raise InvalidInput(f"Dit soort bestand kunnen wij niet aannemen. Gebruik: {toegestaan}.",
                           f"We cannot accept this kind of file. Use: {toegestaan}.", code="bestandstype",
                           details={"velden": ["bestand"]})
    if bestand.size > MAX_MB * 1024 * 1024:
        raise InvalidInput(f"Het bestand is groter dan {MAX_MB} MB. Maak het kleiner of splits het.",
                           f"The file is larger than {MAX_MB} MB. Make it smaller or split it.",
                           code="bestand_te_groot", details={"velden": ["bestand"]})
    bestand.seek(0)
    data = bestand.read()
    if not data:
        raise InvalidInput("Het bestand is leeg. Kies het bestand opnieuw.",
                           "The file is empty. Choose the file again.", code="bestand_leeg",
                           details={"velden": ["bestand"]})
    soort = bestandscontrole.controleer(extensie, data)
    virusscan.scan(data)
    naam = "".join(teken for teken in Path(bestand.name).name if teken.isprintable())  # it becomes a header
    document.oorspronkelijke_naam, document.content_type = naam[-255:], soort.content_type
    document.grootte, document.sha256 = len(data), hashlib.sha256(data).hexdigest()
    document.bestand.save(f"document{extensie}", ContentFile(data), save=False)  # upload_to gives a random name
    try:
        with acting_as(user), transaction.atomic():
            document.save()
    except BaseException:
        document.bestand.delete(save=False)  # no file without its row
        raise
    return document


def nieuw_voor_aanvulling(aanvraag):
    """The documents added since the open aanvulling was asked: the answer still being prepared. Before the request
    is complete again these can be taken back; what it was submitted or earlier answered with stays."""
    if aanvraag.status != Aanvraag.Status.AANVULLING_GEVRAAGD:
        return aanvraag.documenten.none()
    gevraagd = AuditRecord.objects.filter(
        object_type=ContentType.objects.get_for_model(Aanvraag), object_id=str(aanvraag.pk),
        actie=AuditRecord.Actie.OVERGANG, naar_status=Aanvraag.Status.AANVULLING_GEVRAAGD,
    ).order_by("-volgnummer").values_list("tijdstip", flat=True).first()
    return aanvraag.documenten.filter(toegevoegd_op__gt=gevraagd) if gevraagd else aanvraag.documenten.none()


def verwijder_document(document, *, user) -> None:
    """Take a document back: from a draft, or one added for the open aanvulling before it is sent. The file goes
    when the row is gone (after commit)."""
    aanvraag = Aanvraag.objects.get(pk=document.aanvraag_id)  # its status now, not as the caller last read it
    if not rollen.aanvrager_of_behandelaar(aanvraag, user):
        raise NotPermitted("U kunt bij deze aanvraag geen documenten verwijderen.",
                           "You cannot remove documents from this request.")
    nog_niet_verstuurd = nieuw_voor_aanvulling(aanvraag).filter(pk=document.pk).exists()
    if aanvraag.status != Aanvraag.Status.CONCEPT and not nog_niet_verstuurd:
        raise TransitionNotPossible(
            "Dit document hoort bij wat u al hebt verstuurd. Het blijft bij uw aanvraag.",
            "This document is part of what you already sent. It stays with your request.",
            code="document_verstuurd",
        )
    _verwijder(document, user)


def _verwijder(document, user) -> None:
    """The row, and its file once the row is gone for good (after commit)."""
    bestand = document.bestand
    with acting_as(user), transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: bestand.delete(save=False))


# --- documents with a verantwoording ------------------------------------------------------------------------------
def verantwoording_open(subsidie, tranche=None) -> bool:
    """Whether the report is being written: a one-off subsidie whose verantwoording is asked, or a running year."""
    if tranche is not None:
        return tranche.subsidie_id == subsidie.pk and tranche.status == Jaartranche.Status.LOPEND
    return not subsidie.structureel and subsidie.status == Subsidie.Status.VERANTWOORDING_GEVRAAGD


def open_verantwoordingsdocumenten(subsidie, tranche=None):
    """The documents added for the report being written, not yet sent with it."""
    return subsidie.verantwoordingsdocumenten.filter(tranche=tranche, verantwoording=None)


def voeg_verantwoordingsdocument_toe(subsidie, *, tranche=None, bestand, omschrijving: str,
                                     user) -> Verantwoordingsdocument:
    """A file for the verantwoording (of the year `tranche`), with the same checks as a request's documents."""
    if not rollen.aanvrager_of_behandelaar(subsidie, user):
        raise NotPermitted("U kunt bij deze subsidie geen documenten toevoegen.",
                           "You cannot add documents to this subsidy.")
    if not verantwoording_open(subsidie, tranche):
        raise TransitionNotPossible(
            "Documenten bij de verantwoording kunt u toevoegen als wij om de verantwoording vragen, tot u die "
            "verstuurt.",
            "Documents for the report can be added once we ask for the report, until you send it.",
            code="documenten_gesloten",
        )
    return _bewaar(Verantwoordingsdocument(subsidie=subsidie, tranche=tranche, omschrijving=omschrijving),
                   bestand, user)


def koppel_aan(verantwoording) -> None:
    """At the verantwoording's submission (inside its transition): the documents added for it go with it."""
    for document in open_verantwoordingsdocumenten(verantwoording.subsidie, verantwoording.tranche):
        document.verantwoording = verantwoording
        document.save()


def verwijder_verantwoordingsdocument(document, *, user) -> None:
    """Take back a document added for the report, before the report is sent."""
    subsidie = Subsidie.objects.get(pk=document.subsidie_id)
    if not rollen.aanvrager_of_behandelaar(subsidie, user):
        raise NotPermitted("U kunt bij deze subsidie geen documenten verwijderen.",
                           "You cannot remove documents from this subsidy.")
    _verwijder(document, user)  # a document sent with its report refuses (Verantwoordingsdocument)


# --- documents with a bezwaar -------------------------------------------------------------------------------------
def voeg_bezwaardocument_toe(bezwaar, *, bestand, omschrijving: str, user) -> Bezwaardocument:
    """A file with the grounds of an objection, while it is undecided (Bezwaar.wijzigbaar), with the same checks."""
    if not rollen.aanvrager_of_behandelaar(bezwaar, user):
        raise NotPermitted("U kunt bij dit bezwaar geen documenten toevoegen.",
                           "You cannot add documents to this objection.")
    if not bezwaar.mag_wijzigen("documenten"):
        raise TransitionNotPossible("Documenten toevoegen kan zolang er nog niet op het bezwaar is beslist.",
                                    "Documents can be added until the objection is decided.",
                                    code="documenten_gesloten")
    return _bewaar(Bezwaardocument(bezwaar=bezwaar, omschrijving=omschrijving), bestand, user)


def als_download(document: Document) -> FileResponse:
    """The document's file as an attachment under the name it was uploaded with, never rendered by a browser; the
    one way a file leaves (the API's download and the portal's both answer with this). The caller has checked who
    asks. A row without its file answers 404."""
    return bijlage(document.bestand, document.oorspronkelijke_naam or None, document.content_type)


def bijlage(veld, naam: str | None, content_type: str) -> FileResponse:
    """A stored file (`veld`, a FieldFile) as an attachment that no browser renders; 404 when the file is gone."""
    try:
        bestand = veld.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(bestand, as_attachment=True, filename=naam, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"  # should a browser ever render it
    return response
