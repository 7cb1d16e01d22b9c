"""Multi-year subsidies for the API tests, built through perform() with the clock set back to when they began.

A structural subsidie that started two years ago has tranches in the past (to report on and settle), this year and
the next; the council adopted the budgets of the years up to now on 10 November of the year before each.
"""
import datetime as dt
from decimal import Decimal

import time_machine
from django.utils import timezone

from tests.conftest import AMSTERDAM
from tests.factories import BegrotingsjaarFactory, breng_naar, meerjarige_aanvraag, meerjarige_regeling
from workflows.transitions import perform

JAAR = timezone.localdate().year
BEDRAG = Decimal("100000.00")
DOELEN = [{"kernactiviteit": "Ontmoeting", "doel": "Minder eenzaamheid onder ouderen", "indicator": "deelnemers",
           "streefwaarde": "40"}]
RESULTATEN = [{"doel": "Minder eenzaamheid onder ouderen", "resultaat": "46 deelnemers",
               "toelichting": "Vooral via de huisartsen bereikt."}]


def regeling(eerste: int = JAAR - 2, jaren: int = 4):
    """A multi-year regeling that takes requests up to 31 December before a boekjaar, with budgets for every year."""
    return meerjarige_regeling(eerste, jaren, aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12)


def aanvraag(regeling, organisatie, jaren, status=None, *, actors=None, **fields):
    """A multi-year request of `organisatie` for `jaren` (€ 100,000 a year), walked to `status` today."""
    nieuw = meerjarige_aanvraag(regeling, dict.fromkeys(jaren, BEDRAG), organisatie=organisatie, **fields)
    return breng_naar(nieuw, status, **(actors or {})) if status else nieuw


def subsidie(regeling, organisatie, jaren, *, actors):
    """A structural subsidie for `jaren`, applied for and awarded on 1 September of the year before the first."""
    begin = dt.datetime(min(jaren) - 1, 9, 1, 10, tzinfo=AMSTERDAM)
    with time_machine.travel(begin, tick=False):
        verleend = aanvraag(regeling, organisatie, jaren, "verleend", actors=actors)
    for jaar in range(min(jaren), JAAR + 1):
        BegrotingsjaarFactory(boekjaar=jaar)
    return verleend.subsidie


VOLGENDE = {  # status: the step that takes a tranche on from it
    "gepland": ("definitief_maken", "behandelaar", {}),
    "definitief": ("werkplan_indienen", "aanvrager",
                   {"werkplan": "Wekelijkse inloop, huisbezoeken en twee buurtfeesten.", "doelen": DOELEN}),
    "werkplan_ingediend": ("werkplan_goedkeuren", "behandelaar", {}),
    "lopend": ("jaarverantwoording_indienen", "aanvrager",
               {"activiteitenverslag": "48 inloopochtenden en 120 huisbezoeken.",
                "werkelijke_kosten": Decimal("98000.00"), "eigen_inkomsten": Decimal("4000.00"),
                "resultaten": RESULTATEN}),
    "verantwoord": ("vaststellen", "behandelaar", {}),
}


def tranche(subsidie, boekjaar: int, status: str = "gepland", *, actors):
    """The subsidie's tranche for `boekjaar`, walked forward to `status` through perform()."""
    result = subsidie.tranches.get(boekjaar=boekjaar)
    while result.status != status:
        actie, rol, params = VOLGENDE[result.status]
        result = perform(result, actie, actors[rol], **params)
    return result
