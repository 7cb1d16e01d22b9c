"""Submission: the draft becomes the request, and the request is submitted, in one transaction.

Every step's form is validated against the draft; the Aanvraag's fields and the family's data are written through
the models (`full_clean`, the lifecycle's rules, the audit trail), then `transitions.perform(aanvraag, "indienen")`
runs the engine's checks (`services/intake.py` and the family's). Any refusal rolls all of it back: the request
stays a concept and the draft stays as it was, so nothing the person typed is lost.
"""
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from initiatieven.models import Initiatief
from subsidies.models import Aanvraag
from workflows import audit, transitions
from workflows.context import acting_as
from workflows.errors import InvalidInput

from . import concept as concepten


@dataclass
class Uitkomst:
    aanvraag: Aanvraag
    al_ingediend: bool  # a second click: the request had already been submitted, nothing happened now


def onaf(aanvraag, concept) -> list:
    """The steps that are not done yet."""
    from . import stappen_van

    return [stap for stap in stappen_van(aanvraag) if not stap.is_completed(aanvraag, concept)]


def dien_in(aanvraag_pk: int, user) -> Uitkomst:
    """Apply the draft and submit. Submitting twice (a double click) submits once: the second finds the request
    no longer a concept and does nothing."""
    from . import stappen_van

    with transaction.atomic():
        audit.lock_chain()  # every writer queues here first (docs/architecture.md, locking order)
        aanvraag = Aanvraag.objects.select_related("regeling", "organisatie").get(pk=aanvraag_pk)
        if aanvraag.status != Aanvraag.Status.CONCEPT:
            return Uitkomst(aanvraag, al_ingediend=True)
        concept = concepten.van(aanvraag)
        open_stappen = onaf(aanvraag, concept)
        if open_stappen:
            namen = ", ".join(str(stap.titel) for stap in open_stappen)
            raise InvalidInput(f"Maak eerst deze stappen af: {namen}.", f"First finish these steps: {namen}.",
                               code="stappen_onaf", details={"stappen": [stap.slug for stap in open_stappen]})
        gegevens = {}
        for stap in stappen_van(aanvraag):
            form = stap.formulier(aanvraag, concept.stap(stap.slug), concept)
            form.is_valid()
            gegevens[stap] = form.gegevens()
        with acting_as(user):
            _pas_toe(aanvraag, gegevens)
        transitions.perform(aanvraag, "indienen", user)
    return Uitkomst(aanvraag, al_ingediend=False)


def _pas_toe(aanvraag, gegevens: dict) -> None:
    initiatief_velden, m2m = {}, {}
    for stap, data in gegevens.items():
        form_class = stap.form_class
        for naam in getattr(form_class, "aanvraag_velden", ()):
            setattr(aanvraag, naam, data.get(naam))
        for naam in getattr(form_class, "initiatief_velden", ()):
            (m2m if naam in ("themas", "dimensies") else initiatief_velden)[naam] = data.get(naam)
    if aanvraag.regeling.meerjarig:
        aanvraag.gevraagd_bedrag = sum(bedrag for stap_data in gegevens.values()
                                       for sleutel, bedrag in stap_data.items() if sleutel.startswith("jaar_"))
    try:
        aanvraag.full_clean(exclude=["status"])  # the lifecycle's own field
        aanvraag.save()
        initiatief = Initiatief.objects.filter(aanvraag=aanvraag).first() or Initiatief(aanvraag=aanvraag)
        for naam, waarde in initiatief_velden.items():
            setattr(initiatief, naam, waarde if waarde is not None else Initiatief._meta.get_field(naam).get_default())
        initiatief.full_clean()
        initiatief.save()
        for naam, waarden in m2m.items():
            getattr(initiatief, naam).set(waarden or [])
        for stap, data in gegevens.items():
            stap.toepassen(aanvraag, data, initiatief)
    except ValidationError as exc:
        raise InvalidInput.uit_validatie(exc) from exc
