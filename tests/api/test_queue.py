"""The officer's queue and the ledger stay fast: a constant number of queries whatever the page size.

An N+1 in the queue is invisible with ten requests in development and painful with thousands in production, so
the number of queries is measured for a small and a large page over a realistic mix of states, organisations,
regelingen and behandelaars.
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from subsidies.models import Aanvraag, Budget
from subsidies.rollen import Rol
from tests.api import client_for
from tests.factories import (
    AanvraagFactory, BegrotingspostFactory, BudgetFactory, OrganisatieFactory, PlafondFactory, breng_naar,
    maak_gebruiker,
)
from workflows.transitions import perform

STATES = ["concept", "ingediend", "in_behandeling", "aanvulling_gevraagd", "in_beoordeling", "besluit_voorgesteld",
          "verleend", "ingediend"]
JAAR = timezone.localdate().year


def _bouw_wachtrij():
    """120 requests: 8 states, 6 organisations, 4 regelingen, 3 behandelaars, two boekjaren."""
    behandelaars = [maak_gebruiker(Rol.BEHANDELAAR) for _ in range(3)]
    beslisser = maak_gebruiker(Rol.BESLISSER)
    organisaties = [OrganisatieFactory(leden=[maak_gebruiker(Rol.AANVRAGER)]) for _ in range(6)]
    regelingen = [PlafondFactory().regeling for _ in range(4)]
    for i in range(120):
        state = STATES[i % len(STATES)]
        jaar = JAAR + 1 if state in ("ingediend", "in_behandeling") and i % 3 == 0 else JAAR
        aanvraag = AanvraagFactory(organisatie=organisaties[i % 6], regeling=regelingen[i % 4],
                                   gevraagd_bedrag=Decimal(1000 + 37 * i), periode_van=dt.date(jaar, 1, 1),
                                   periode_tot=dt.date(jaar, 12, 31))
        if state == "concept":
            continue
        walk_to = "in_behandeling" if state == "aanvulling_gevraagd" else state
        aanvraag = breng_naar(aanvraag, walk_to, behandelaar=behandelaars[i % 3], beslisser=beslisser)
        if state == "aanvulling_gevraagd":
            perform(aanvraag, "aanvulling_vragen", behandelaars[i % 3], reden="Stuur de offerte.",
                    termijn_tot=timezone.localdate() + dt.timedelta(days=7 + i))
    return {"behandelaar": behandelaars[0], "regelingen": regelingen}


@pytest.fixture(scope="module")
def _wachtrij_module(django_db_setup, django_db_blocker):
    """Built once for this module inside a transaction that is rolled back at the end; each test runs in a
    savepoint within it, so tests cannot see each other's changes and nothing is left behind."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _bouw_wachtrij()
        transaction.set_rollback(True)


@pytest.fixture
def wachtrij(_wachtrij_module, db):
    return _wachtrij_module


def _queries(user, url: str, params: dict) -> tuple[int, dict]:
    """The queries of one request, by a freshly loaded user as in production (nothing cached on the object)."""
    client = client_for(User.objects.get(pk=user.pk))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(captured), response.json()


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, 3),  # the user's roles, the count, one page with its organisations, regelingen and behandelaars
    ({"status": ["ingediend", "in_behandeling"], "ordering": "uiterste_beslisdatum"}, 3),
    ({"page": 2}, 4),  # a deeper page first reads the page's keys, then those rows
])
def test_queue_runs_a_constant_number_of_queries(wachtrij, filters, expected):
    behandelaar = wachtrij["behandelaar"]
    small, page_small = _queries(behandelaar, "/api/aanvragen/", {**filters, "page_size": 5})
    large, page_large = _queries(behandelaar, "/api/aanvragen/", {**filters, "page_size": 100})
    assert len(page_small["results"]) == 5 and len(page_large["results"]) >= 20
    assert small == large == expected


def test_applicants_own_list_is_constant_too(wachtrij):
    lid = Aanvraag.objects.first().organisatie.leden.get()
    small, page_small = _queries(lid, "/api/aanvragen/", {"page_size": 2})
    large, page_large = _queries(lid, "/api/aanvragen/", {"page_size": 100})
    assert (len(page_small["results"]), len(page_large["results"])) == (2, 20)
    assert small == large <= 3


@pytest.mark.parametrize(("resource", "expected"), [
    ("subsidies", 6),  # roles, count, page, its commitments, its payments, its tranches
    ("betalingen", 3),
    ("beschikkingen", 3),
    ("organisaties", 4),  # roles, count, page, contact persons
])
def test_other_lists_run_a_constant_number_of_queries(wachtrij, resource, expected):
    small, page_small = _queries(wachtrij["behandelaar"], f"/api/{resource}/", {"page_size": 2})
    large, page_large = _queries(wachtrij["behandelaar"], f"/api/{resource}/", {"page_size": 100})
    assert len(page_small["results"]) == 2 and len(page_large["results"]) == page_large["count"] > 5
    assert small == large == expected


@pytest.mark.parametrize("extra_budgets", [0, 30])
def test_ledger_is_one_query_for_all_rows(db, extra_budgets):
    """Three budgets or thirty-three: the same queries, and exactly one reads the budget rows with their sums."""
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR)
    breng_naar(AanvraagFactory(), "verleend", behandelaar=behandelaar)
    breng_naar(AanvraagFactory(gevraagd_bedrag=Decimal("4000.00")), "verleend", behandelaar=behandelaar)
    for i in range(extra_budgets):
        BudgetFactory(begrotingspost=BegrotingspostFactory(), boekjaar=JAAR + i % 3)
    client = client_for(User.objects.get(pk=behandelaar.pk))
    with CaptureQueriesContext(connection) as captured:
        rows = client.get("/api/begroting/").json()
    assert len(rows) == Budget.objects.count() >= 2 + extra_budgets
    ledger = [q["sql"] for q in captured.captured_queries if 'FROM "subsidies_budget"' in q["sql"]]
    assert len(ledger) == 1
    assert len(captured) == 2, "the roles, and the ledger"


def test_filters_select_exactly_the_matching_requests(wachtrij):
    client = client_for(wachtrij["behandelaar"])
    alle = Aanvraag.objects.all()

    def ids(**params):
        response = client.get("/api/aanvragen/", {**params, "page_size": 200})
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    def pks(queryset):
        return set(queryset.values_list("pk", flat=True))

    open_ = ["ingediend", "aanvulling_gevraagd"]
    assert ids(status=open_) == pks(alle.filter(status__in=open_)) and len(ids(status=open_)) == 45
    regeling = wachtrij["regelingen"][1]
    assert ids(regeling=regeling.code) == pks(alle.filter(regeling=regeling)) and len(ids(regeling=regeling.code)) == 30
    assert ids(boekjaar=JAAR + 1) == pks(alle.filter(periode_van__year=JAAR + 1)) != set()
    grens = timezone.localdate() + dt.timedelta(weeks=9)
    voor = ids(beslisdatum_voor=grens.isoformat())
    assert voor == pks(alle.filter(uiterste_beslisdatum__lte=grens)) and 0 < len(voor) < 120
    zonder = ids(zonder_behandelaar="true", status=["ingediend"])
    assert zonder == pks(alle.filter(status="ingediend")) and len(zonder) == 30
    assert ids(zonder_behandelaar="false") == pks(alle.exclude(behandelaar=None))
    combined = ids(status=["in_behandeling"], regeling=regeling.code, boekjaar=JAAR)
    assert combined == pks(alle.filter(status="in_behandeling", regeling=regeling, periode_van__year=JAAR))


@pytest.mark.parametrize("ordering", ["uiterste_beslisdatum", "-uiterste_beslisdatum"])
def test_queue_orders_by_decision_deadline(wachtrij, ordering):
    response = client_for(wachtrij["behandelaar"]).get(
        "/api/aanvragen/", {"status": ["ingediend", "in_behandeling", "aanvulling_gevraagd"], "ordering": ordering,
                            "page_size": 200})
    deadlines = [row["uiterste_beslisdatum"] for row in response.json()["results"]]
    assert len(deadlines) == 60 and None not in deadlines
    assert deadlines == sorted(deadlines, reverse=ordering.startswith("-"))
    assert len(set(deadlines)) > 1


def test_pagination_shape(wachtrij):
    client = client_for(wachtrij["behandelaar"])
    first = client.get("/api/aanvragen/", {"page_size": 50}).json()
    assert set(first) == {"count", "next", "previous", "results"}
    assert (first["count"], len(first["results"]), first["previous"]) == (120, 50, None)
    assert "page=2" in first["next"] and "page_size=50" in first["next"]
    last = client.get("/api/aanvragen/", {"page_size": 50, "page": 3}).json()
    assert (len(last["results"]), last["next"]) == (20, None)
    capped = client.get("/api/aanvragen/", {"page_size": 10_000}).json()
    assert len(capped["results"]) == 120 and capped["next"] is None
    rows = {row["id"] for page in (1, 2, 3) for row in client.get(
        "/api/aanvragen/", {"page_size": 50, "page": page}).json()["results"]}
    assert len(rows) == 120

