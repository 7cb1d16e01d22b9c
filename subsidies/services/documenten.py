"""Documents with a request: while it is a draft, or when the officer asked for more information.

Every door (API, admin, future forms) adds a document here, so every upload meets the same checks: the name's
extension, the size, the content against that type (`bestandscontrole`: no renamed executables, no PDFs with
JavaScript, no macros) and, when configured, a virus scan (`virusscan`). A refused file leaves nothing behind: no
row, no file. An accepted one is stored under a random name (`subsidies.opslag`) with its size and SHA-256.
"""
import hashlib
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from workflows.context import acting_as
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible

from .. import rollen
from ..models import Document
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
    document = Document(aanvraag=aanvraag, omschrijving=omschrijving, oorspronkelijke_naam=naam[-255:],
                        content_type=soort.content_type, grootte=len(data), sha256=hashlib.sha256(data).hexdigest())
    document.bestand.save(f"document{extensie}", ContentFile(data), save=False)  # upload_to gives a random name
    try:
        with acting_as(user), transaction.atomic():
            document.save()
    except BaseException:
        document.bestand.delete(save=False)  # no file without its row
        raise
    return document


def verwijder_document(document, *, user) -> None:
    """Remove a document the applicant added by mistake: only while its request is a draft (the model's lifecycle
    refuses it after that). The file goes when the removal is committed, so a rollback keeps both."""
    if not rollen.aanvrager_of_behandelaar(document.aanvraag, user):
        raise NotPermitted("U kunt bij deze aanvraag geen documenten verwijderen.",
                           "You cannot remove documents from this request.")
    if document.aanvraag.status != document.aanvraag.Status.CONCEPT:  # what was sent is part of the file (Awb 4:5)
        raise TransitionNotPossible("Een verstuurd document blijft bij de aanvraag.",
                                    "A document that was sent stays with the request.", code="document_verstuurd")
    bestand = document.bestand
    with acting_as(user), transaction.atomic():
        document.delete()  # Onderdeel: the Aanvraag says whether its documents may still change
        transaction.on_commit(lambda: bestand.storage.delete(bestand.name))
