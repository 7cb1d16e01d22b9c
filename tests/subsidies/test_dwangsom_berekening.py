"""The one calculation of the dwangsom (Awb 4:17), day by day against the statute, around weekends and holidays
where the two weeks end, with the day of the decision, the cap of 42 days and a change of the amounts by decree."""
import datetime as dt
from datetime import date
from decimal import Decimal

import pytest

from subsidies.models import Dwangsomtarief
from subsidies.services.dwangsom import bereken

WET = [Dwangsomtarief(geldig_vanaf=date(2009, 10, 1), eerste_schijf=Decimal("23"), tweede_schijf=Decimal("35"),
                      derde_schijf=Decimal("45"))]

# Owed after n days, written out from 4:17 lid 2: € 23 for days 1–14, € 35 for 15–28, € 45 for 29–42, never more
# than 42 days (lid 1): € 322 after two weeks, € 812 after four, € 1,442 at most.
STATUUT = [0, 23, 46, 69, 92, 115, 138, 161, 184, 207, 230, 253, 276, 299, 322, 357, 392, 427, 462, 497, 532, 567, 602,
           637, 672, 707, 742, 777, 812, 857, 902, 947, 992, 1037, 1082, 1127, 1172, 1217, 1262, 1307, 1352, 1397,
           1442, 1442, 1442, 1442]

ONTVANGEN = date(2026, 11, 2)  # a Monday; the two weeks end on Monday 16 November, a working day
EERSTE_DAG = date(2026, 11, 17)


@pytest.mark.parametrize("dag", range(46))
def test_the_amount_day_by_day_is_the_statutes(dag):
    stand = bereken(ONTVANGEN, peildatum=EERSTE_DAG + dt.timedelta(days=dag - 1), tarieven=WET)
    assert stand.eerste_dag == EERSTE_DAG
    assert stand.dagen == min(dag, 42)
    assert stand.bedrag == Decimal(STATUUT[dag])
    assert stand.bedrag_morgen == Decimal(STATUUT[dag + 1] if dag < 45 else 1442)
    assert stand.loopt == (1 <= dag <= 42)  # on day 42 it still runs; after it, it has stopped
    assert stand.laatste_dag == (date(2026, 12, 28) if dag > 42 else None)  # 17 November + 41 days


def test_nothing_is_owed_during_the_two_weeks_nor_on_their_last_day():
    assert bereken(ONTVANGEN, peildatum=ONTVANGEN, tarieven=WET).dagen == 0
    assert bereken(ONTVANGEN, peildatum=date(2026, 11, 16), tarieven=WET).bedrag == 0
    assert bereken(ONTVANGEN, peildatum=date(2026, 11, 16), tarieven=WET).bedrag_morgen == Decimal("23")


@pytest.mark.parametrize(("ontvangen", "eerste_dag", "waarom"), [
    (date(2026, 12, 11), date(2026, 12, 29), "ends on Eerste Kerstdag (a Friday) → Monday 28th"),
    (date(2026, 12, 5), date(2026, 12, 22), "received on a Saturday: ends Saturday 19th → Monday 21st"),
    (date(2026, 3, 20), date(2026, 4, 8), "ends on Goede Vrijdag 3 April; Monday 6th is Tweede Paasdag → 7th"),
    (date(2026, 4, 13), date(2026, 4, 29), "ends on Monday 27 April, Koningsdag → Tuesday 28th"),
    (date(2026, 11, 3), date(2026, 11, 18), "ends on a Tuesday: no extension"),
])
def test_the_termijnenwet_extends_the_two_weeks(ontvangen, eerste_dag, waarom):
    """Our reading: 4:17 lid 1 excludes the Atw only for the 42 days; the two weeks of lid 3 are a statutory term."""
    assert bereken(ontvangen, peildatum=eerste_dag, tarieven=WET).eerste_dag == eerste_dag, waarom
    assert bereken(ontvangen, peildatum=eerste_dag - dt.timedelta(days=1), tarieven=WET).dagen == 0


def test_a_day_set_equal_to_a_holiday_extends_them_too():
    # two weeks after Friday 1 May 2026 end on Friday 15 May, the day after Hemelvaartsdag
    assert bereken(date(2026, 5, 1), tarieven=WET, peildatum=date(2026, 6, 1)).eerste_dag == date(2026, 5, 16)
    gelijk = frozenset({date(2026, 5, 15)})
    stand = bereken(date(2026, 5, 1), tarieven=WET, peildatum=date(2026, 6, 1), gelijkgestelde_dagen=gelijk)
    assert stand.eerste_dag == date(2026, 5, 19)  # Monday 18 May is the last day of the two weeks


def test_weekends_and_holidays_count_as_days_of_the_dwangsom():
    """The 42 days are calendar days: the Atw does not apply to them (4:17 lid 1, second sentence)."""
    stand = bereken(date(2026, 12, 11), peildatum=date(2027, 1, 4), tarieven=WET)  # 29 Dec .. 4 Jan incl. New Year
    assert stand.dagen == 7 and stand.bedrag == Decimal("161")


def test_the_day_of_the_decision_does_not_count():
    beslist = EERSTE_DAG + dt.timedelta(days=10)
    stand = bereken(ONTVANGEN, beslist_op=beslist, peildatum=beslist, tarieven=WET)
    assert (stand.dagen, stand.bedrag, stand.laatste_dag) == (10, Decimal("230"), date(2026, 11, 26))
    assert stand.afgelopen and not stand.loopt
    assert stand.bedrag_morgen == stand.bedrag  # decided: nothing more accrues
    assert stand.vaststellen_uiterlijk == date(2026, 12, 10)  # Awb 4:18: two weeks after the last day
    later = bereken(ONTVANGEN, beslist_op=beslist, peildatum=date(2027, 6, 1), tarieven=WET)
    assert (later.dagen, later.bedrag) == (10, Decimal("230"))


def test_a_decision_on_the_first_day_owes_nothing():
    stand = bereken(ONTVANGEN, beslist_op=EERSTE_DAG, peildatum=EERSTE_DAG, tarieven=WET)
    assert stand.dagen == 0 and stand.bedrag == 0 and stand.laatste_dag is None and not stand.afgelopen


def test_a_decision_after_the_42_days_owes_the_maximum():
    stand = bereken(ONTVANGEN, beslist_op=date(2027, 3, 1), peildatum=date(2027, 3, 1), tarieven=WET)
    assert (stand.dagen, stand.bedrag, stand.laatste_dag) == (42, Decimal("1442"), date(2026, 12, 28))


def test_the_418_date_moves_off_a_holiday():
    # last day Monday 14 December 2026: two weeks later is Monday 28 December, a working day
    assert bereken(ONTVANGEN, beslist_op=date(2026, 12, 15), peildatum=date(2026, 12, 15),
                   tarieven=WET).vaststellen_uiterlijk == date(2026, 12, 28)
    # last day Friday 11 December: two weeks later is Friday 25 December → Monday 28 December
    assert bereken(ONTVANGEN, beslist_op=date(2026, 12, 12), peildatum=date(2026, 12, 12),
                   tarieven=WET).vaststellen_uiterlijk == date(2026, 12, 28)


def test_the_late_end_of_the_decision_term_counts_when_it_is_later():
    """4:17 lid 3: two weeks after the term passed *and* the notice was received."""
    stand = bereken(ONTVANGEN, beslistermijn_tot=date(2026, 11, 3), peildatum=date(2026, 12, 1), tarieven=WET)
    assert stand.eerste_dag == date(2026, 11, 18)


def test_each_day_is_paid_at_the_amounts_in_force_that_day():
    geindexeerd = [*WET, Dwangsomtarief(geldig_vanaf=EERSTE_DAG + dt.timedelta(days=20), eerste_schijf=Decimal("25"),
                                        tweede_schijf=Decimal("38"), derde_schijf=Decimal("50"))]
    stand = bereken(ONTVANGEN, peildatum=EERSTE_DAG + dt.timedelta(days=41), tarieven=geindexeerd)
    # days 1–14 at 23, 15–20 at 35, 21–28 at 38 (new), 29–42 at 50 (new)
    assert stand.bedrag == Decimal(14 * 23 + 6 * 35 + 8 * 38 + 14 * 50)


@pytest.mark.django_db
def test_the_statutory_amounts_are_in_the_database():
    tarief = Dwangsomtarief.objects.get()
    assert tarief.schijven == (Decimal("23.00"), Decimal("35.00"), Decimal("45.00"))
    assert bereken(ONTVANGEN, peildatum=date(2027, 1, 31)).bedrag == Decimal("1442.00")
