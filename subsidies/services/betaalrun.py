"""Advances of running tranches on the subsidie's schedule, and the payment run that plans what is due.

A run can be repeated, run twice at once or stop halfway: each term of a tranche is planned at most once (a unique
constraint on verplichting × termijn, under the tranche's row lock), and the terms of a year never add up to more
than the year's amount.
"""
import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from workflows.transitions import batch

from ..models import Betaling, Jaartranche, Voorschotschema
from ..rollen import systeemgebruiker

CENT = Decimal("0.01")
BATCH = 200


def vervaldata(schema: str, boekjaar: int) -> list[dt.date]:
    """The first day of each period of the schedule: every month, quarter, half year, or only 1 January."""
    termijnen = Voorschotschema(schema).termijnen
    return [dt.date(boekjaar, 1 + i * (12 // termijnen), 1) for i in range(termijnen)]


def termijnbedragen(bedrag: Decimal, termijnen: int) -> list[Decimal]:
    """Equal terms rounded down to the cent; the last one takes the remainder, so they add up exactly."""
    deel = (bedrag / termijnen).quantize(CENT, ROUND_DOWN)
    return [deel] * (termijnen - 1) + [bedrag - deel * (termijnen - 1)]


def schema(tranche) -> list[tuple[int, dt.date, Decimal]]:
    """(termijn, vervaldatum, bedrag) for every advance of the tranche."""
    data = vervaldata(tranche.subsidie.voorschotschema, tranche.boekjaar)
    return list(zip(range(1, len(data) + 1), data, termijnbedragen(tranche.bedrag, len(data)), strict=True))


def betaalrun(peildatum: dt.date | None = None, user=None) -> list[Betaling]:
    """Plan every advance of a running tranche that is due on `peildatum` and not yet planned; return the new ones.

    `BATCH` tranches per transaction (`transitions.batch`: one chain lock, the batch's audit records written together).
    """
    peildatum = peildatum or timezone.localdate()
    user = user or systeemgebruiker()
    pks, nieuw = list(_met_open_termijn(peildatum)), []
    for begin in range(0, len(pks), BATCH):
        with batch(user):
            nieuw += _plan_batch(pks[begin:begin + BATCH], peildatum)
    return nieuw


def _met_open_termijn(peildatum: dt.date):
    """Running tranches with fewer terms planned than are due: one query, so that a daily run over thousands of
    tranches takes the locks of only those with something to do (`_plan_batch` decides, under the lock)."""
    lopend = Jaartranche.objects.filter(status=Jaartranche.Status.LOPEND, boekjaar__lte=peildatum.year).annotate(
        gepland=Count("verplichting__betalingen", filter=Q(verplichting__betalingen__termijn__isnull=False))
    ).order_by("pk").values_list("pk", "boekjaar", "subsidie__voorschotschema", "gepland")
    for pk, boekjaar, voorschotschema, gepland in lopend.iterator(chunk_size=2000):
        if sum(datum <= peildatum for datum in vervaldata(voorschotschema, boekjaar)) > gepland:
            yield pk


def _plan_batch(pks: list[int], peildatum: dt.date) -> list[Betaling]:
    """Lock the tranches that still run, then read which terms are planned: a run side by side that got the locks
    first has committed its terms by then, so this one sees them and plans only the rest."""
    tranches = list(Jaartranche.objects.select_for_update(of=("self",)).select_related("subsidie__aanvraag")
                    .filter(pk__in=pks, status=Jaartranche.Status.LOPEND).order_by("pk"))
    gepland = set(Betaling.objects.filter(verplichting_id__in=[t.verplichting_id for t in tranches],
                                          termijn__isnull=False).values_list("verplichting_id", "termijn"))
    nieuw = []
    for tranche in tranches:
        te_plannen = [(termijn, datum, bedrag) for termijn, datum, bedrag in schema(tranche)
                      if datum <= peildatum and (tranche.verplichting_id, termijn) not in gepland and bedrag > 0]
        if not te_plannen:
            continue
        try:
            with transaction.atomic():
                nieuw += [Betaling.objects.create(subsidie=tranche.subsidie, verplichting_id=tranche.verplichting_id,
                                                  soort=Betaling.Soort.VOORSCHOT, bedrag=bedrag, gepland_op=datum,
                                                  termijn=termijn)
                          for termijn, datum, bedrag in te_plannen]
        except IntegrityError:  # the unique (verplichting, termijn) key: planned already, which is all we want
            continue
    return nieuw
