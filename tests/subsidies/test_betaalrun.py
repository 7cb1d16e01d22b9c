"""The payment run: the advances of running tranches on the subsidie's schedule, each term once, adding up to the cent.

The subsidies are those of test_jaarcyclus, here for 2026-2027: granted on 1-9-2025, the 2026 budget adopted on
1-6-2025, so the 2026 tranche runs; 2027 waits for the council.
"""
import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from hypothesis import given
from hypothesis import strategies as st

from subsidies.models import Betaling, Jaartranche, Voorschotschema
from subsidies.services import betaalrun, boekjaar
from tests.conftest import database_state
from tests.subsidies.test_jaarcyclus import lopende_subsidies, tranche
from workflows.audit import verify
from workflows.models import AuditRecord
from workflows.transitions import perform

D = Decimal


def maak_subsidies(aantal, vandaag, behandelaar, beslisser, *, schema="kwartaal", bedragen=None, **kwargs):
    return lopende_subsidies(aantal, vandaag, behandelaar, beslisser, voorschotschema=schema,
                             bedragen=bedragen or {2026: D("120000.00"), 2027: D("120000.00")}, **kwargs)


def termijnen(t: Jaartranche) -> list[tuple[int, dt.date, Decimal]]:
    return list(Betaling.objects.filter(verplichting_id=t.verplichting_id).order_by("termijn")
                .values_list("termijn", "gepland_op", "bedrag"))


@given(bedrag=st.decimals(min_value=D("0.01"), max_value=D("999999999999.99"), places=2),
       schema=st.sampled_from(Voorschotschema.values))
def test_the_terms_add_up_to_the_tranche_to_the_cent(bedrag, schema):
    aantal = Voorschotschema(schema).termijnen
    delen = betaalrun.termijnbedragen(bedrag, aantal)
    assert len(delen) == aantal and sum(delen) == bedrag
    assert all(deel == deel.quantize(D("0.01")) and deel >= 0 for deel in delen)
    assert max(delen) - min(delen) < D("0.01") * aantal  # equal terms; the last one takes the rounding


@pytest.mark.parametrize(("schema", "bedrag", "verwacht"), [
    ("maandelijks", D("100000.07"), [(dt.date(2026, m, 1), D("8333.33")) for m in range(1, 12)]
     + [(dt.date(2026, 12, 1), D("8333.44"))]),
    ("kwartaal", D("120000.03"), [(dt.date(2026, m, 1), D("30000.00")) for m in (1, 4, 7)]
     + [(dt.date(2026, 10, 1), D("30000.03"))]),
    ("halfjaar", D("99999.99"), [(dt.date(2026, 1, 1), D("49999.99")), (dt.date(2026, 7, 1), D("50000.00"))]),
    ("jaarlijks", D("12345.67"), [(dt.date(2026, 1, 1), D("12345.67"))]),
])
def test_each_term_is_planned_on_its_day_once(db, vandaag, behandelaar, beslisser, schema, bedrag, verwacht):
    (subsidie,) = maak_subsidies(1, vandaag, behandelaar, beslisser, schema=schema,
                                 bedragen={2026: bedrag, 2027: D("50000.00")})
    t = tranche(subsidie, 2026)
    gepland_op = {}
    dag = dt.date(2025, 12, 20)
    while dag <= dt.date(2027, 1, 10):  # daily, as beat runs it; 2027 is not running, so it gets nothing
        for betaling in betaalrun.betaalrun(dag):
            gepland_op[betaling.termijn] = dag
        dag += dt.timedelta(days=1)

    assert termijnen(t) == [(k, datum, deel) for k, (datum, deel) in enumerate(verwacht, start=1)]
    assert gepland_op == {k: datum for k, (datum, _) in enumerate(verwacht, start=1)}
    assert sum(deel for _, _, deel in termijnen(t)) == t.bedrag == bedrag
    assert not Betaling.objects.filter(verplichting_id=tranche(subsidie, 2027).verplichting_id).exists()
    betalingen = Betaling.objects.filter(subsidie=subsidie)
    assert {(b.soort, b.status) for b in betalingen} == {("voorschot", "gepland")}
    aangemaakt = AuditRecord.objects.filter(object_type__model="betaling", actie="aangemaakt")
    assert aangemaakt.count() == len(verwacht)
    assert set(aangemaakt.values_list("actor_weergave", flat=True)) == {"systeem (Geplande taak)"}


def test_a_rerun_plans_nothing(db, vandaag, behandelaar, beslisser, django_assert_max_num_queries):
    maak_subsidies(3, vandaag, behandelaar, beslisser)
    assert len(betaalrun.betaalrun(dt.date(2026, 7, 1))) == 9  # three quarters each, caught up at once
    voor = database_state()
    for _ in range(3):
        assert betaalrun.betaalrun(dt.date(2026, 7, 1)) == []
        with django_assert_max_num_queries(2):  # the system account and one look at all tranches: no locks taken
            assert betaalrun.betaalrun(dt.date(2026, 9, 30)) == []
    assert database_state() == voor


def test_a_run_locks_and_writes_per_batch_not_per_tranche(db, vandaag, behandelaar, beslisser, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    maak_subsidies(5, vandaag, behandelaar, beslisser)
    monkeypatch.setattr(betaalrun, "BATCH", 3)  # 5 tranches: two batches
    with CaptureQueriesContext(connection) as queries:
        assert len(betaalrun.betaalrun(dt.date(2026, 7, 1))) == 5 * 3

    def statements(tabel: str, soort: str) -> int:
        return sum(q["sql"].startswith(soort) and f'"{tabel}"' in q["sql"] for q in queries.captured_queries)

    # Writers never touch the chain head on PostgreSQL (the sealer links their records later); on SQLite each batch
    # seals its own records: one look at the head, one move of it.
    per_batch = 0 if connection.vendor == "postgresql" else 1
    assert [statements("workflows_auditchainhead", soort) for soort in ("SELECT", "UPDATE")] == [2 * per_batch] * 2
    assert statements("workflows_auditrecord", "INSERT") == 2
    # The terms already planned are read once per batch (the one look at which tranches are due counts them).
    gepland_gelezen = [sql for sql in (q["sql"] for q in queries.captured_queries)
                       if sql.startswith("SELECT") and '"subsidies_betaling"' in sql and "COUNT(" not in sql]
    assert len(gepland_gelezen) == 2
    assert AuditRecord.objects.filter(object_type__model="betaling", actie="aangemaakt").count() == 5 * 3
    assert verify().intact


def test_a_tranche_approved_late_catches_up_on_past_terms(db, vandaag, behandelaar, beslisser):
    (subsidie,) = maak_subsidies(1, vandaag, behandelaar, beslisser)
    lid = subsidie.aanvraag.organisatie.leden.first()
    vandaag(dt.date(2026, 12, 11))
    boekjaar.bewaak_termijnen()  # the 2027 budget's condition lapsed: definitief, waiting for the werkplan
    t = tranche(subsidie, 2027)
    assert t.status == "definitief"
    for dag in (dt.date(2026, 12, 31), dt.date(2027, 1, 1), dt.date(2027, 5, 9)):
        betaalrun.betaalrun(dag)
    assert termijnen(t) == []

    vandaag(dt.date(2027, 5, 10))
    t = perform(t, "werkplan_indienen", lid, werkplan="Inloop en buurtfeest.")
    perform(t, "werkplan_goedkeuren", behandelaar)
    nieuw = betaalrun.betaalrun()
    assert [(b.termijn, b.gepland_op) for b in nieuw] == [(1, dt.date(2027, 1, 1)), (2, dt.date(2027, 4, 1))]
    assert betaalrun.betaalrun() == []
    assert [(b.termijn, b.gepland_op) for b in betaalrun.betaalrun(dt.date(2027, 7, 1))] == [(3, dt.date(2027, 7, 1))]


def test_only_running_tranches_are_paid(db, vandaag, behandelaar, beslisser):
    verantwoord, definitief, werkplan_ingediend, vervallen, lopend = maak_subsidies(5, vandaag, behandelaar, beslisser)
    vandaag(dt.date(2026, 12, 11))
    boekjaar.bewaak_termijnen()
    lid = {s.pk: s.aanvraag.organisatie.leden.first() for s in (verantwoord, werkplan_ingediend, lopend)}
    perform(tranche(werkplan_ingediend, 2027), "werkplan_indienen", lid[werkplan_ingediend.pk], werkplan="Plan.")
    perform(tranche(vervallen, 2027), "vervallen", behandelaar, reden="De organisatie stopt met deze activiteit.")
    t = perform(tranche(lopend, 2027), "werkplan_indienen", lid[lopend.pk], werkplan="Plan.")
    perform(t, "werkplan_goedkeuren", behandelaar)
    vandaag(dt.date(2027, 1, 5))
    perform(tranche(verantwoord, 2026), "jaarverantwoording_indienen", lid[verantwoord.pk],
            activiteitenverslag="Gedaan.", werkelijke_kosten=D("120000.00"))

    nieuw = betaalrun.betaalrun(dt.date(2027, 4, 1))

    betaald = {(b.subsidie_id, tranche_jaar(b)) for b in nieuw}
    assert betaald == {(s.pk, 2026) for s in (definitief, werkplan_ingediend, vervallen, lopend)} | {(lopend.pk, 2027)}
    assert len(nieuw) == 4 * 4 + 2
    statussen = {s.pk: tranche(s, 2027).status for s in (definitief, werkplan_ingediend, vervallen)}
    assert sorted(statussen.values()) == ["definitief", "vervallen", "werkplan_ingediend"]
    assert tranche(verantwoord, 2026).status == "verantwoord"


def test_a_year_whose_budget_is_not_adopted_is_not_paid(db, vandaag, behandelaar, beslisser):
    (subsidie,) = maak_subsidies(1, vandaag, behandelaar, beslisser, begroting_2027=None)
    vandaag(dt.date(2027, 4, 1))
    boekjaar.open_boekjaar(2027)
    assert tranche(subsidie, 2027).status == "gepland"
    assert {tranche_jaar(b) for b in betaalrun.betaalrun()} == {2026}


def tranche_jaar(betaling) -> int:
    return Jaartranche.objects.get(verplichting_id=betaling.verplichting_id).boekjaar


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs PostgreSQL row locks; SQLite serialises all writes, so there is no race to lose")
@pytest.mark.django_db(transaction=True)
def test_parallel_runs_never_plan_a_term_twice(vandaag, behandelaar, beslisser):
    subsidies = maak_subsidies(8, vandaag, behandelaar, beslisser, schema="maandelijks")
    barrier, resultaten = threading.Barrier(4), []

    def run():
        try:
            barrier.wait(timeout=30)
            resultaten.append(betaalrun.betaalrun(dt.date(2026, 12, 31)))
        except Exception as exc:  # noqa: BLE001 — the test inspects what each thread got
            resultaten.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"

    assert [r for r in resultaten if isinstance(r, Exception)] == []
    gepland = [(b.verplichting_id, b.termijn) for r in resultaten for b in r]
    assert len(gepland) == len(set(gepland)) == 8 * 12  # every term planned by exactly one of the runs
    assert Betaling.objects.count() == 8 * 12
    for subsidie in subsidies:
        t = tranche(subsidie, 2026)
        assert [k for k, _, _ in termijnen(t)] == list(range(1, 13))
        assert sum(deel for _, _, deel in termijnen(t)) == t.bedrag
    assert verify().intact
