"""Deadlines as a lawyer would check them against a real calendar (Awb 4:13, 4:15, 6:8; Algemene termijnenwet)."""
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workflows.termijnen import (
    Opschorting,
    erkende_feestdagen,
    is_werkdag,
    termijn_einde,
    volgende_werkdag,
)

# Friday after Hemelvaartsdag 2025 and 2026, as a Staatscourant decree sets them equal (Atw art. 3 lid 3).
VRIJDAG_NA_HEMELVAART = frozenset({date(2025, 5, 30), date(2026, 5, 15)})


@pytest.mark.parametrize(
    ("jaar", "dag", "naam"),
    [
        pytest.param(2025, date(2025, 4, 26), "Koningsdag", id="koningsdag-2025-zaterdag-want-27-is-zondag"),
        pytest.param(2023, date(2023, 4, 27), "Koningsdag", id="koningsdag-2023-gewoon-27-april"),
        pytest.param(2026, date(2026, 5, 5), "Bevrijdingsdag", id="5-mei-2026-geen-lustrumjaar"),
        pytest.param(2023, date(2023, 4, 7), "Goede Vrijdag", id="goede-vrijdag-2023"),
        pytest.param(2024, date(2024, 5, 9), "Hemelvaartsdag", id="hemelvaart-2024"),
        pytest.param(2025, date(2025, 6, 9), "Tweede Pinksterdag", id="tweede-pinksterdag-2025"),
        pytest.param(2016, date(2016, 5, 5), "Bevrijdingsdag en Hemelvaartsdag", id="2016-hemelvaart-op-5-mei"),
    ],
)
def test_erkende_feestdagen(jaar: int, dag: date, naam: str) -> None:
    assert erkende_feestdagen(jaar)[dag] == naam


def test_erkende_feestdagen_complete_list_and_safe_to_change() -> None:
    feestdagen = erkende_feestdagen(2024)
    assert len(feestdagen) == 11
    feestdagen.clear()
    assert len(erkende_feestdagen(2024)) == 11  # the cached year is not shared with callers


@pytest.mark.parametrize(
    ("dag", "gelijkgesteld", "verwacht"),
    [
        pytest.param(date(2026, 5, 5), (), False, id="di-5-mei-2026"),
        pytest.param(date(2026, 5, 6), (), True, id="wo-6-mei-2026"),
        pytest.param(date(2026, 5, 15), (), True, id="vr-na-hemelvaart-zonder-besluit"),
        pytest.param(date(2026, 5, 15), VRIJDAG_NA_HEMELVAART, False, id="vr-na-hemelvaart-gelijkgesteld"),
        pytest.param(date(2026, 5, 15), iter([date(2026, 5, 15)]), False, id="gelijkgesteld-als-iterator"),
        pytest.param(date(2023, 4, 10), (), False, id="tweede-paasdag-2023"),
        pytest.param(date(2023, 4, 15), (), False, id="zaterdag"),
        pytest.param(date(2024, 12, 24), (), True, id="kerstavond-is-werkdag"),
    ],
)
def test_is_werkdag(dag: date, gelijkgesteld, verwacht: bool) -> None:
    assert is_werkdag(dag, gelijkgesteld) is verwacht


@pytest.mark.parametrize(
    ("dag", "gelijkgesteld", "verwacht"),
    [
        pytest.param(date(2023, 4, 12), (), date(2023, 4, 12), id="werkdag-blijft"),
        pytest.param(date(2023, 4, 7), (), date(2023, 4, 11), id="paasweekend-2023"),
        pytest.param(date(2024, 12, 25), (), date(2024, 12, 27), id="kerst-2024"),
        pytest.param(date(2026, 5, 14), VRIJDAG_NA_HEMELVAART, date(2026, 5, 18), id="hemelvaart-brug-2026"),
    ],
)
def test_volgende_werkdag(dag: date, gelijkgesteld, verwacht: date) -> None:
    assert volgende_werkdag(dag, gelijkgesteld) == verwacht


# (start, term, suspensions, gelijkgestelde dagen, expected end)
GEVALLEN = [
    pytest.param(date(2023, 1, 2), {"weken": 8}, [], (), date(2023, 2, 27), id="4:13-8-weken-ma-2-jan-2023"),
    pytest.param(date(2023, 3, 3), {"weken": 6}, [], (), date(2023, 4, 14), id="6-weken-vr-14-apr-geen-feestdag"),
    pytest.param(date(2023, 2, 24), {"weken": 6}, [], (), date(2023, 4, 11), id="goede-vrijdag-en-paasmaandag"),
    pytest.param(date(2022, 3, 1), {"weken": 6}, [], (), date(2022, 4, 12), id="6:8-bezwaartermijn-2022"),
    pytest.param(date(2024, 11, 13), {"weken": 6}, [], (), date(2024, 12, 27), id="eindigt-eerste-kerstdag"),
    pytest.param(date(2024, 11, 20), {"weken": 6}, [], (), date(2025, 1, 2), id="nieuwjaarsdag-over-jaargrens"),
    pytest.param(date(2025, 4, 3), {"weken": 8}, [], (), date(2025, 5, 30), id="hemelvaart-2025-zonder-besluit"),
    pytest.param(
        date(2025, 4, 3), {"weken": 8}, [], VRIJDAG_NA_HEMELVAART, date(2025, 6, 2), id="hemelvaart-2025-met-besluit"
    ),
    pytest.param(
        date(2026, 4, 2), {"weken": 6}, [], VRIJDAG_NA_HEMELVAART, date(2026, 5, 18), id="gelijkgesteld-15-mei-2026"
    ),
    pytest.param(date(2025, 4, 28), {"weken": 6}, [], (), date(2025, 6, 10), id="tweede-pinksterdag-2025"),
    pytest.param(date(2026, 3, 24), {"weken": 6}, [], (), date(2026, 5, 6), id="5-mei-2026-dinsdag"),
    pytest.param(date(2023, 3, 16), {"weken": 6}, [], (), date(2023, 4, 28), id="koningsdag-2023"),
    pytest.param(date(2023, 1, 31), {"maanden": 1}, [], (), date(2023, 2, 28), id="31-jan-plus-maand-2023"),
    pytest.param(date(2024, 1, 31), {"maanden": 1}, [], (), date(2024, 2, 29), id="31-jan-plus-maand-schrikkeljaar"),
    pytest.param(date(2024, 12, 31), {"maanden": 6}, [], (), date(2025, 6, 30), id="4:74-zes-maanden-na-boekjaar"),
    pytest.param(
        date(2023, 1, 2),
        {"weken": 8},
        [Opschorting(date(2023, 1, 10), date(2023, 1, 24))],
        (),
        date(2023, 3, 13),
        id="4:15-opschorting-14-dagen",
    ),
    pytest.param(
        date(2023, 1, 2),
        {"weken": 8},
        [Opschorting(date(2023, 1, 20), date(2023, 1, 31)), Opschorting(date(2023, 1, 10), date(2023, 1, 24))],
        (),
        date(2023, 3, 20),
        id="overlappende-opschortingen-21-dagen",
    ),
    pytest.param(
        date(2023, 1, 2),
        {"weken": 8},
        [Opschorting(date(2023, 1, 10), date(2023, 1, 24))] * 2 + [Opschorting(date(2023, 2, 1), date(2023, 2, 1))],
        (),
        date(2023, 3, 13),
        id="dubbele-en-lege-opschorting",
    ),
    pytest.param(
        date(2025, 4, 14),
        {"weken": 6},
        [Opschorting(date(2025, 4, 22), date(2025, 4, 25))],
        VRIJDAG_NA_HEMELVAART,
        date(2025, 6, 2),
        id="opschorting-eindigt-op-hemelvaart",
    ),
    pytest.param(date(2023, 4, 6), {"dagen": 3}, [], (), date(2023, 4, 12), id="atw-2-drie-dagen-over-pasen"),
    pytest.param(date(2023, 4, 6), {"dagen": 5}, [], (), date(2023, 4, 12), id="atw-2-einde-op-werkdag-toch-verlengd"),
    pytest.param(date(2023, 12, 22), {"dagen": 3}, [], (), date(2023, 12, 28), id="atw-2-drie-dagen-over-kerst"),
    pytest.param(date(2024, 12, 23), {"dagen": 3}, [], (), date(2024, 12, 27), id="atw-2-al-twee-werkdagen"),
    pytest.param(date(2023, 4, 6), {"dagen": 2}, [], (), date(2023, 4, 11), id="twee-dagen-alleen-atw-1"),
]


@pytest.mark.parametrize(("start", "termijn", "opschortingen", "gelijkgesteld", "verwacht"), GEVALLEN)
def test_termijn_einde(start: date, termijn: dict, opschortingen: list, gelijkgesteld, verwacht: date) -> None:
    einde = termijn_einde(start, **termijn, opschortingen=opschortingen, gelijkgestelde_dagen=gelijkgesteld)
    assert einde == verwacht


def test_termijn_einde_without_termijnenwet_keeps_goede_vrijdag() -> None:
    assert termijn_einde(date(2023, 2, 24), weken=6, termijnenwet=False) == date(2023, 4, 7)


def test_backwards_terms_are_refused() -> None:
    with pytest.raises(ValueError, match="art. 4"):
        termijn_einde(date(2025, 1, 1), weken=-13)


@pytest.mark.parametrize(
    ("opschorting", "dagen"),
    [
        pytest.param(Opschorting(date(2023, 1, 10), date(2023, 1, 24)), 14, id="tot-exclusief"),
        pytest.param(Opschorting(date(2023, 1, 10), date(2023, 1, 10)), 0, id="leeg"),
        pytest.param(Opschorting(date(2023, 1, 24), date(2023, 1, 10)), 0, id="omgekeerd"),
        pytest.param(Opschorting(date(2024, 2, 28), date(2024, 3, 1)), 2, id="over-schrikkeldag"),
    ],
)
def test_opschorting_dagen(opschorting: Opschorting, dagen: int) -> None:
    assert opschorting.dagen == dagen


# Property checks over real calendars from 2014 (Koningsdag in its current form) onwards.
starts = st.dates(min_value=date(2014, 1, 1), max_value=date(2040, 12, 31))
termijnen = st.fixed_dictionaries(
    {"weken": st.integers(0, 26), "dagen": st.integers(0, 60), "maanden": st.integers(0, 12)}
)
opschortingen = st.lists(
    st.tuples(st.integers(0, 120), st.integers(-5, 60)).map(
        lambda t: Opschorting(date(2024, 1, 1) + timedelta(days=t[0]), date(2024, 1, 1) + timedelta(days=t[0] + t[1]))
    ),
    max_size=4,
)


@given(start=starts, termijn=termijnen, gelijkgesteld=st.frozensets(starts, max_size=5))
def test_end_is_a_working_day_never_before_naive_end(start: date, termijn: dict, gelijkgesteld) -> None:
    einde = termijn_einde(start, **termijn, gelijkgestelde_dagen=gelijkgesteld)
    assert is_werkdag(einde, gelijkgesteld)
    assert einde >= termijn_einde(start, **termijn, termijnenwet=False)


@given(start=starts, termijn=termijnen, opschortingen=opschortingen)
def test_suspensions_never_shorten_a_term(start: date, termijn: dict, opschortingen: list) -> None:
    zonder = termijn_einde(start, **termijn)
    met = termijn_einde(start, **termijn, opschortingen=opschortingen)
    assert met >= zonder
    assert termijn_einde(start, **termijn, opschortingen=opschortingen, termijnenwet=False) - termijn_einde(
        start, **termijn, termijnenwet=False
    ) <= timedelta(days=sum(o.dagen for o in opschortingen))


@given(start=starts, dagen=st.integers(3, 30))
def test_term_of_three_days_or_more_contains_two_working_days(start: date, dagen: int) -> None:
    einde = termijn_einde(start, dagen=dagen)
    periode = (start + timedelta(days=i) for i in range(1, (einde - start).days + 1))
    assert sum(is_werkdag(dag) for dag in periode) >= 2
