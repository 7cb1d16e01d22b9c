"""Documents with a request: while it is a draft, or when the officer asked for more information."""
from pathlib import Path

from django.db import transaction

from workflows.context import acting_as
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible

from .. import rollen
from ..models import Aanvraag, Document

TOEGESTANE_SOORTEN = {".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".txt"}
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
    soort = Path(bestand.name).suffix.lower()
    if soort not in TOEGESTANE_SOORTEN:
        toegestaan = ", ".join(sorted(TOEGESTANE_SOORTEN))
        raise InvalidInput(f"Dit soort bestand kunnen wij niet aannemen. Gebruik: {toegestaan}.",
                           f"We cannot accept this kind of file. Use: {toegestaan}.", code="bestandstype",
                           details={"velden": ["bestand"]})
    if bestand.size > MAX_MB * 1024 * 1024:
        raise InvalidInput(f"Het bestand is groter dan {MAX_MB} MB. Maak het kleiner of splits het.",
                           f"The file is larger than {MAX_MB} MB. Make it smaller or split it.",
                           code="bestand_te_groot", details={"velden": ["bestand"]})
    with acting_as(user), transaction.atomic():
        return Document.objects.create(aanvraag=aanvraag, bestand=bestand, omschrijving=omschrijving)
