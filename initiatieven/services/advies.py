"""Asking advice during review: from the bewonersorganisatie of the request's wijk (under the convenant, plans for a
wijk are first put to it) or from the gebiedsteam of its gebied. Who represents a wijk is another family's register;
it answers through `subsidies.families.adviseurs(wijk)`."""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from subsidies import families
from subsidies.models import Aanvraag
from subsidies.rollen import mag_behandelen
from subsidies.services import meldingen
from subsidies.services.meldingen import ontvangers
from workflows import termijnen
from workflows.context import acting_as
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible

from ..models import Adviesaanvraag, Gebiedsteam

IN_BEHANDELING = [Aanvraag.Status.IN_BEHANDELING, Aanvraag.Status.AANVULLING_GEVRAAGD, Aanvraag.Status.IN_BEOORDELING]


def mogelijke_adviseurs(aanvraag) -> tuple[list, Gebiedsteam | None]:
    """The bewonersorganisaties of the request's wijk (never the applicant itself) and its gebied's team."""
    organisaties = families.adviseurs(aanvraag.wijk) if aanvraag.wijk_id else []
    gebiedsteam = Gebiedsteam.objects.filter(gebied_id=aanvraag.gebied_id).first() if aanvraag.gebied_id else None
    return [o for o in organisaties if o.pk != aanvraag.organisatie_id], gebiedsteam


def vraag_advies(aanvraag, user, *, vraag: str, termijn_tot: dt.date, adviseur=None,
                 gebiedsteam=None) -> Adviesaanvraag:
    """The behandelaar asks one adviser, with a deadline that falls before the decision is due."""
    if not mag_behandelen(user, aanvraag.organisatie):
        raise NotPermitted("Alleen een behandelaar zonder belang bij de aanvrager vraagt advies.",
                           "Only an officer without a tie to the applicant asks for advice.")
    if aanvraag.status not in IN_BEHANDELING:
        raise TransitionNotPossible(
            "Advies vraagt u tijdens de behandeling, voordat een besluit is voorgesteld.",
            "Advice is asked during review, before a decision is proposed.",
            code="advies_niet_in_deze_fase", details={"status": aanvraag.status},
        )
    organisaties, team = mogelijke_adviseurs(aanvraag)
    if (adviseur is None) == (gebiedsteam is None):
        raise InvalidInput("Kies één adviseur: een bewonersorganisatie of het gebiedsteam.",
                           "Choose one adviser: a bewonersorganisatie or the gebiedsteam.", code="adviseur_ongeldig",
                           details={"velden": ["adviseur", "gebiedsteam"]})
    if adviseur is not None and adviseur not in organisaties:
        raise InvalidInput("Deze organisatie is geen bewonersorganisatie van de wijk van de aanvraag.",
                           "This organisation is not a bewonersorganisatie of the request's wijk.",
                           code="adviseur_ongeldig", details={"velden": ["adviseur"]})
    if gebiedsteam is not None and gebiedsteam != team:
        raise InvalidInput("Dit is niet het gebiedsteam van het gebied van de aanvraag.",
                           "This is not the gebiedsteam of the request's gebied.", code="adviseur_ongeldig",
                           details={"velden": ["gebiedsteam"]})
    if not vraag.strip():
        raise InvalidInput("Schrijf waarover u advies vraagt.", "Write what you ask advice about.",
                           code="vraag_leeg", details={"velden": ["vraag"]})
    today = timezone.localdate()
    termijn_tot = termijnen.gestelde_termijn(termijn_tot) if termijn_tot else termijn_tot
    if not today < termijn_tot <= aanvraag.uiterste_beslisdatum:
        raise InvalidInput(
            f"Geef een adviestermijn na vandaag en uiterlijk op de beslisdatum "
            f"({aanvraag.uiterste_beslisdatum:%d-%m-%Y}); verdaag zo nodig eerst de beslistermijn.",
            f"Give a term for the advice after today and no later than the decision date "
            f"({aanvraag.uiterste_beslisdatum}); extend the decision term first if needed.",
            code="termijn_ongeldig", details={"velden": ["termijn_tot"]},
        )
    open_vraag = aanvraag.adviesaanvragen.filter(status=Adviesaanvraag.Status.GEVRAAGD, adviseur=adviseur,
                                                 gebiedsteam=gebiedsteam)
    if open_vraag.exists():
        raise TransitionNotPossible("Deze adviseur heeft al een openstaande adviesvraag over deze aanvraag.",
                                    "This adviser already has an open request for advice on this request.",
                                    code="advies_al_gevraagd")
    with acting_as(user), transaction.atomic():
        adviesaanvraag = Adviesaanvraag.objects.create(aanvraag=aanvraag, adviseur=adviseur, gebiedsteam=gebiedsteam,
                                                       vraag=vraag, gevraagd_op=today, gevraagd_door=user,
                                                       termijn_tot=termijn_tot)
        meldingen.adviesvraag(adviesaanvraag, [gebiedsteam.email] if gebiedsteam else ontvangers(adviseur))
    return adviesaanvraag
