"""Officers deciding at the same moment can never together exceed the ceiling or half-write a decision.

Real threads, each with its own database connection, released together by a barrier. Needs PostgreSQL: SQLite
serialises every write, so it cannot show what row locks prevent.
"""
import threading
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection, connections

from subsidies.models import Aanvraag, Beschikking, Budget, Subsidie, Verdeelmethode, Verplichting
from subsidies.services.budget import overzicht
from tests.factories import AanvraagFactory, PlafondFactory, RegelingFactory, breng_naar
from workflows.audit import verify
from workflows.errors import TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL row locks; SQLite serialises all writes, so there is no race to lose"),
    pytest.mark.django_db(transaction=True),
]

D = Decimal


def tegelijk(*calls):
    """Run each call in its own thread and connection, all released at once; return results or raised errors."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 — the test inspects what each thread got
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return results


def als(user_pk, actie, aanvraag_pk):
    """perform() with objects read in the calling thread's own connection."""
    return lambda: perform(Aanvraag.objects.get(pk=aanvraag_pk), actie, User.objects.get(pk=user_pk))


def test_twenty_parallel_awards_fill_a_ceiling_for_ten_exactly(organisatie, actoren):
    regeling = RegelingFactory(verdeelmethode=Verdeelmethode.TENDER)
    plafond = PlafondFactory(regeling=regeling, bedrag=D("100000"))
    voorstellen = [
        breng_naar(AanvraagFactory(regeling=regeling, organisatie=organisatie, gevraagd_bedrag=D("10000")),
                   "besluit_voorgesteld", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
        for _ in range(20)
    ]

    results = tegelijk(*(als(actoren["beslisser"].pk, "verlenen", a.pk) for a in voorstellen))

    assert [r for r in results if isinstance(r, Exception)] == []
    statuses = sorted(r.status for r in results)
    assert statuses == ["geweigerd"] * 10 + ["verleend"] * 10
    assert sum(Verplichting.objects.values_list("bedrag", flat=True)) == plafond.bedrag
    assert Subsidie.objects.count() == 10
    assert sorted(Beschikking.objects.values_list("soort", flat=True)) == ["verlening"] * 10 + ["weigering"] * 10
    (row,) = overzicht(Budget.objects.filter(pk=plafond.budget_id))
    assert (row.verplicht, row.vrij + row.verplicht) == (D("100000.00"), row.bedrag)
    assert verify().intact


@pytest.mark.parametrize(("status", "actie", "rol"), [("ingediend", "in_behandeling_nemen", "behandelaar"),
                                                      ("besluit_voorgesteld", "verlenen", "beslisser")])
def test_two_officers_on_the_same_request_one_wins(concept, actoren, status, actie, rol):
    aanvraag = breng_naar(concept, status, aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"])
    tweede = {"behandelaar": "beslisser", "beslisser": "tweede_beslisser"}[rol]
    overgangen = AuditRecord.objects.filter(actie="overgang", object_id=str(aanvraag.pk))
    before = overgangen.count()

    results = tegelijk(als(actoren[rol].pk, actie, aanvraag.pk), als(actoren[tweede].pk, actie, aanvraag.pk))

    (winner,) = [r for r in results if isinstance(r, Aanvraag)]
    (loser,) = [r for r in results if isinstance(r, Exception)]
    assert isinstance(loser, TransitionNotPossible) and loser.code == "overgang_niet_toegestaan"
    aanvraag.refresh_from_db()
    assert aanvraag.status == winner.status
    assert overgangen.count() == before + 1
    if actie == "verlenen":
        assert Beschikking.objects.filter(aanvraag=aanvraag).count() == 1
        assert Subsidie.objects.filter(aanvraag=aanvraag).count() == 1
        assert Verplichting.objects.filter(subsidie__aanvraag=aanvraag).count() == 1
    else:
        assert aanvraag.behandelaar_id == overgangen.last().actor_id
    assert verify().intact
