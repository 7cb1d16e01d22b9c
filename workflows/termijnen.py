"""The one deadline calculator for every legal term (termijn) in the engine.

Legal sources:

- Awb 4:13 — a beschikking is given within the term set by the regeling, otherwise within 8 weeks after receipt
  of the aanvraag. The term runs from the day after the event, so "start + 8 weeks" lands on the same weekday.
- Awb 4:15 — the decision term is suspended (opgeschort) from the day after a request to complete the aanvraag
  *up to the day on which* it is completed or the deadline has passed unused. `Opschorting` therefore takes `van`
  inclusive and `tot` exclusive; the suspended days are added to the term.
- Awb 6:7 / 6:8 — the bezwaartermijn is 6 weeks and starts the day after the beschikking was sent
  (bekendgemaakt): "start = date sent, weken=6".
- Algemene termijnenwet (Atw):
  - art. 1 — a term that ends on a Saturday, Sunday or algemeen erkende feestdag is extended up to and including
    the next day that is none of those;
  - art. 2 — a term of at least three days is extended where needed so that it contains at least two such
    (working) days;
  - art. 3 — lid 1 lists the erkende feestdagen (Nieuwjaarsdag, tweede Paas- en Pinksterdag, both Kerstdagen,
    Hemelvaartsdag, Koningsdag and 5 mei — every year, not only lustrum years), lid 2 adds Goede Vrijdag, and
    lid 3 lets the Crown set further days equal to them by decree in the Staatscourant (e.g. the Friday after
    Hemelvaartsdag). Those decreed days are data (`workflows.models.GelijkgesteldeDag`), passed in as
    `gelijkgestelde_dagen`;
  - art. 4 — the Atw does not apply to terms counted backwards from a moment (e.g. "uiterlijk 13 weken vóór
    het boekjaar", Awb 4:60). This module only counts forwards; for a backwards term compute the date directly
    and do not roll it.

Koningsdag is modelled as in force since 2014 (27 April, 26 April when the 27th is a Sunday); earlier years are
out of scope for a system that computes current deadlines.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

__all__ = [
    "Opschorting",
    "erkende_feestdagen",
    "gelijkgestelde_dagen_uit_db",
    "gestelde_termijn",
    "is_werkdag",
    "termijn_einde",
    "volgende_werkdag",
]

ZATERDAG, ZONDAG = 5, 6


@dataclass(frozen=True)
class Opschorting:
    """A suspension of a term (Awb 4:15): `van` inclusive, `tot` exclusive ("tot de dag waarop")."""

    van: date
    tot: date

    @property
    def dagen(self) -> int:
        """Number of suspended days; an empty or inverted period suspends nothing."""
        return max(0, (self.tot - self.van).days)


@lru_cache(maxsize=None)
def _feestdagen(jaar: int) -> Mapping[date, str]:
    # Read-only, because the cached object is shared by every caller.
    pasen = easter(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == ZONDAG:
        koningsdag = date(jaar, 4, 26)
    dagen: dict[date, str] = {}
    for dag, naam in [
        (date(jaar, 1, 1), "Nieuwjaarsdag"),
        (pasen - timedelta(days=2), "Goede Vrijdag"),
        (pasen, "Eerste Paasdag"),
        (pasen + timedelta(days=1), "Tweede Paasdag"),
        (koningsdag, "Koningsdag"),
        (date(jaar, 5, 5), "Bevrijdingsdag"),
        (pasen + timedelta(days=39), "Hemelvaartsdag"),
        (pasen + timedelta(days=49), "Eerste Pinksterdag"),
        (pasen + timedelta(days=50), "Tweede Pinksterdag"),
        (date(jaar, 12, 25), "Eerste Kerstdag"),
        (date(jaar, 12, 26), "Tweede Kerstdag"),
    ]:
        # Hemelvaartsdag can fall on 5 mei (e.g. 2016); keep both names.
        dagen[dag] = f"{dagen[dag]} en {naam}" if dag in dagen else naam
    return MappingProxyType(dict(sorted(dagen.items())))


def erkende_feestdagen(jaar: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of `jaar` (Atw art. 3 lid 1 and 2), date → Dutch name.

    Computed once per year; the caller gets its own copy so it may change it freely.
    """
    return dict(_feestdagen(jaar))


def _als_set(gelijkgestelde_dagen: Iterable[date]) -> frozenset[date] | set[date]:
    # Membership is tested many times per calculation; a one-shot iterator must not be consumed by the first test.
    if isinstance(gelijkgestelde_dagen, (set, frozenset)):
        return gelijkgestelde_dagen
    return frozenset(gelijkgestelde_dagen)


def is_werkdag(dag: date, gelijkgestelde_dagen: Iterable[date] = ()) -> bool:
    """Whether `dag` counts as a working day for the Atw: no weekend, erkende feestdag or gelijkgestelde dag."""
    return (
        dag.weekday() < ZATERDAG
        and dag not in _feestdagen(dag.year)
        and dag not in _als_set(gelijkgestelde_dagen)
    )


def volgende_werkdag(dag: date, gelijkgestelde_dagen: Iterable[date] = ()) -> date:
    """`dag` itself if it is a working day, otherwise the first working day after it (Atw art. 1)."""
    gelijkgesteld = _als_set(gelijkgestelde_dagen)
    while not is_werkdag(dag, gelijkgesteld):
        dag += timedelta(days=1)
    return dag


def _opgeschorte_dagen(opschortingen: Iterable[Opschorting]) -> int:
    """Total suspended days, merging overlapping periods so that no day is counted twice."""
    totaal = 0
    geteld_tot: date | None = None  # days before this one are already counted
    for periode in sorted(opschortingen, key=lambda o: o.van):
        van = periode.van if geteld_tot is None else max(periode.van, geteld_tot)
        if periode.tot > van:
            totaal += (periode.tot - van).days
            geteld_tot = periode.tot
    return totaal


def termijn_einde(
    start: date,
    *,
    weken: int = 0,
    dagen: int = 0,
    maanden: int = 0,
    opschortingen: Iterable[Opschorting] = (),
    gelijkgestelde_dagen: Iterable[date] = (),
    termijnenwet: bool = True,
) -> date:
    """The last day of a term that runs from the day after `start` (Awb 4:13, 4:15, 6:8; Atw art. 1 and 2).

    `start` is the event date (aanvraag received, beschikking sent). Months are added first with an end-of-month
    clamp (31 January + 1 month = 28/29 February), then weeks and days, then the suspended days. With
    `termijnenwet` the result is rolled per Atw art. 1 and 2; pass False only for terms the Atw does not cover.
    """
    if min(weken, dagen, maanden) < 0:
        raise ValueError("Only terms counted forwards are supported; the Atw does not apply backwards (art. 4).")
    naief = start + relativedelta(months=maanden) + timedelta(weeks=weken, days=dagen)
    einde = naief + timedelta(days=_opgeschorte_dagen(opschortingen))
    if not termijnenwet:
        return einde

    gelijkgesteld = _als_set(gelijkgestelde_dagen)
    einde = volgende_werkdag(einde, gelijkgesteld)  # art. 1
    if (naief - start).days >= 3:  # art. 2: the term must contain at least two working days
        eerste_werkdag = volgende_werkdag(start + timedelta(days=1), gelijkgesteld)
        einde = max(einde, volgende_werkdag(eerste_werkdag + timedelta(days=1), gelijkgesteld))
    return einde


def gelijkgestelde_dagen_uit_db() -> frozenset[date]:
    """All days a beheerder recorded as gelijkgesteld (Atw art. 3 lid 3), to pass to `termijn_einde`."""
    from workflows.models import GelijkgesteldeDag

    return frozenset(GelijkgesteldeDag.objects.values_list("datum", flat=True))


def gestelde_termijn(dag: date) -> date:
    """A deadline an officer sets (an aanvulling, an advice, a report): moved off a weekend, holiday or
    gelijkgestelde dag to the next working day (Atw art. 1), so the date stored and shown is the real last day."""
    return volgende_werkdag(dag, gelijkgestelde_dagen_uit_db())
