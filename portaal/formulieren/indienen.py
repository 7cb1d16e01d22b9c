"""Submission: the draft becomes the request, and the request is submitted, in one transaction.

Every step's form is validated against the draft; the Aanvraag's fields and the family's data are written through
the models (`full_clean`, the lifecycle's rules, the audit trail), then `transitions.perform(aanvraag, "indienen")`
runs the engine's checks (`services/intake.py` and the family's). Any refusal rolls all of it back: the request
stays a concept and the draft stays as it was, so nothing the person typed is lost.
"""
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from subsidies.models import Aanvraag
from workflows import transitions
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
        # Under the request's row lock: a second submission waits here, then finds it no longer a concept.
        aanvraag = (Aanvraag.objects.select_related("regeling", "organisatie").select_for_update(of=("self",))
                    .get(pk=aanvraag_pk))
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
    """Write the draft: the Aanvraag's own fields, the family's data (through the flow's writer, which calls the
    family's service where it has one), then what each step holds beyond them (lines, goals, jaarbedragen)."""
    from . import stroom_van

    familie_velden = {}
    for stap, data in gegevens.items():
        for naam in getattr(stap.form_class, "aanvraag_velden", ()):
            setattr(aanvraag, naam, data.get(naam))
        familie_velden.update({naam: data.get(naam) for naam in getattr(stap.form_class, "familie_velden", ())})
    jaarbedragen = [bedrag for data in gegevens.values()
                    for sleutel, bedrag in data.items() if sleutel.startswith("jaar_")]
    if aanvraag.regeling.meerjarig and jaarbedragen:
        aanvraag.gevraagd_bedrag = sum(jaarbedragen)  # the meerjarenbegroting adds up (intake checks it too)
    try:
        aanvraag.full_clean(exclude=["status"])  # the lifecycle's own field
        aanvraag.save()
        schrijver = stroom_van(aanvraag).familiegegevens
        familie = schrijver(aanvraag, familie_velden) if schrijver is not None else None
        for stap, data in gegevens.items():
            stap.toepassen(aanvraag, data, familie)
    except ValidationError as exc:
        raise InvalidInput.uit_validatie(exc) from exc
