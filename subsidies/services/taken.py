"""What an applicant must do next, with the date it is due: the task list of the portal's overview.

Read from the states the lifecycles are in, so the list is always what the engine would accept now:
- a draft to finish (Aanvraag `concept`);
- an aanvulling to answer (Aanvraag `aanvulling_gevraagd`, by its open Aanvulling's `termijn_tot`);
- a werkplan (a Jaartranche `definitief` waits for it; one still `gepland` once it was asked, `werkplan_gevraagd_op`);
- a verantwoording: a one-off Subsidie `verantwoording_gevraagd`, or a multi-year tranche `lopend` whose boekjaar is
  over (the only moment `jaarverantwoording_indienen` is possible);
- an objection under way (Bezwaar `ingediend`, `in_behandeling`, `hoorzitting`): to follow, and with a hearing, to attend
  on `hoorzitting_op`.
"""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from ..models import Aanvraag, Aanvulling, Bezwaar, Jaartranche, Subsidie
from ..models.aanvragen import Status as AanvraagStatus
from ..models.bezwaren import OPEN_STATUSSEN as OPEN_BEZWAAR
from ..models.bezwaren import Status as BezwaarStatus
from ..models.subsidies import Status as SubsidieStatus
from ..models.tranches import Status as TrancheStatus


@dataclass(frozen=True)
class Taak:
    soort: str  # concept | aanvulling | werkplan | verantwoording | hoorzitting | bezwaar
    aanvraag: Aanvraag
    uiterlijk: dt.date | None = None
    subsidie: Subsidie | None = None
    tranche: Jaartranche | None = None
    bezwaar: Bezwaar | None = None


def tranche_taak(tranche) -> str | None:
    """What the recipient must send for this year now: "werkplan", "verantwoording", or None."""
    if tranche.status == TrancheStatus.DEFINITIEF or (
            tranche.status == TrancheStatus.GEPLAND and tranche.werkplan_gevraagd_op and not tranche.werkplan):
        return "werkplan"
    if tranche.status == TrancheStatus.LOPEND and tranche.boekjaar < timezone.localdate().year:
        return "verantwoording"
    return None


def open_taken(organisaties) -> list[Taak]:
    """The tasks of these organisations (a queryset or list), the most urgent first (no date last). Four queries."""
    taken = []
    open_aanvullingen = Prefetch("aanvullingen", queryset=Aanvulling.objects.filter(ontvangen_op__isnull=True)
                                 .order_by("-gevraagd_op", "-pk"), to_attr="open_aanvullingen")
    for aanvraag in (Aanvraag.objects.filter(organisatie__in=organisaties, status__in=[
            AanvraagStatus.CONCEPT, AanvraagStatus.AANVULLING_GEVRAAGD]).select_related("regeling", "organisatie")
            .prefetch_related(open_aanvullingen)):
        if aanvraag.status == AanvraagStatus.CONCEPT:
            taken.append(Taak("concept", aanvraag))
        elif aanvraag.open_aanvullingen:
            taken.append(Taak("aanvulling", aanvraag, aanvraag.open_aanvullingen[0].termijn_tot))
    for subsidie in Subsidie.objects.filter(aanvraag__organisatie__in=organisaties,
                                            status=SubsidieStatus.VERANTWOORDING_GEVRAAGD).select_related("aanvraag"):
        taken.append(Taak("verantwoording", subsidie.aanvraag, subsidie.verantwoording_uiterlijk, subsidie))
    for tranche in Jaartranche.objects.filter(subsidie__aanvraag__organisatie__in=organisaties, status__in=[
            TrancheStatus.GEPLAND, TrancheStatus.DEFINITIEF, TrancheStatus.LOPEND]).select_related(
            "subsidie__aanvraag"):
        soort = tranche_taak(tranche)
        if soort is not None:
            uiterlijk = tranche.werkplan_uiterlijk if soort == "werkplan" else tranche.verantwoording_uiterlijk
            taken.append(Taak(soort, tranche.subsidie.aanvraag, uiterlijk, tranche.subsidie, tranche))
    for bezwaar in Bezwaar.objects.filter(beschikking__aanvraag__organisatie__in=organisaties,
                                          status__in=OPEN_BEZWAAR).select_related("beschikking__aanvraag__organisatie"):
        if bezwaar.status == BezwaarStatus.HOORZITTING:
            taken.append(Taak("hoorzitting", bezwaar.aanvraag, bezwaar.hoorzitting_op, bezwaar=bezwaar))
        else:  # nothing due from the applicant: the date is ours, shown in the text, not as their deadline
            taken.append(Taak("bezwaar", bezwaar.aanvraag, bezwaar=bezwaar))
    return sorted(taken, key=lambda taak: (taak.uiterlijk is None, taak.uiterlijk or dt.date.max, taak.aanvraag.pk))
