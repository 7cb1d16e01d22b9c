"""Proof that the trail holds without a global write lock (issue 12), on PostgreSQL with real threads and a real
process: many writers at once, some rolling back, a sealer running meanwhile, and a writer killed with SIGKILL
while its transaction with records is open. Afterwards the chain verifies, holds exactly the committed changes,
and its order is the same when sealed and verified again."""
import multiprocessing
import os
import signal
import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction

from subsidies.models import Organisatie
from tests.factories import OrganisatieFactory
from tests.subsidies.test_parallel_verlening import tegelijk
from workflows import audit
from workflows.models import AuditRecord

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL transactions, threads, processes"),
    pytest.mark.django_db(transaction=True),
]

SCHRIJVERS, RONDES = 6, 6


def keten() -> list[tuple]:
    return list(AuditRecord.objects.filter(positie__isnull=False).order_by("positie")
                .values_list("positie", "volgnummer", "transactie", "hash"))


def schrijver(nummer: int, pks: list[int]):
    """Renames its organisations, one transaction each; every third transaction rolls back after its write."""
    def run():
        for ronde in range(RONDES):
            for pk in pks:
                try:
                    with transaction.atomic():
                        organisatie = Organisatie.objects.get(pk=pk)
                        organisatie.naam = f"schrijver {nummer} ronde {ronde}"
                        organisatie.save()
                        if ronde % 3 == 2:
                            raise RuntimeError("teruggedraaid")
                except RuntimeError:
                    pass
    return run


def verzegelaar(stop: threading.Event):
    def run():
        runs = 0
        while not stop.is_set():
            audit.seal()
            runs += 1
            stop.wait(0.02)
        return runs
    return run


def vastgehouden_schrijver(pk: int, geschreven, klaar):
    """In a forked process: change an organisation, then hang with the transaction (and its record) open."""
    with transaction.atomic():
        organisatie = Organisatie.objects.get(pk=pk)
        organisatie.naam = "nooit vastgelegd"
        organisatie.save()
        geschreven.set()
        klaar.wait(60)
    os._exit(0)


def test_many_writers_a_sealer_and_a_killed_writer_leave_exactly_the_committed_changes_in_order():
    organisaties = [OrganisatieFactory().pk for _ in range(SCHRIJVERS * 2)]
    gedood_pk = OrganisatieFactory().pk
    voor = AuditRecord.objects.count()

    # A writer process takes a transaction id and holds records open.
    connections.close_all()  # the child must not inherit this connection
    fork = multiprocessing.get_context("fork")
    geschreven, klaar = fork.Event(), fork.Event()
    proces = fork.Process(target=vastgehouden_schrijver, args=(gedood_pk, geschreven, klaar))
    proces.start()
    assert geschreven.wait(60), "the writer process did not write"

    # Meanwhile: committed records of later transactions wait behind the open one; none is sealed past it.
    with transaction.atomic():
        achter = OrganisatieFactory()
    audit.seal()
    assert AuditRecord.objects.get(object_id=str(achter.pk), actie="aangemaakt").positie is None

    stop = threading.Event()
    writers = [schrijver(n, organisaties[2 * n:2 * n + 2]) for n in range(SCHRIJVERS)]

    def writers_then_stop():
        try:
            tegelijk(*writers)
        finally:
            stop.set()

    uitkomst = tegelijk(writers_then_stop, verzegelaar(stop), verzegelaar(stop))
    assert uitkomst[0] is None and all(isinstance(runs, int) and runs > 0 for runs in uitkomst[1:]), uitkomst

    os.kill(proces.pid, signal.SIGKILL)  # mid-transaction: the server rolls it back when the connection drops
    proces.join(30)
    connections.close_all()

    result = audit.verify()
    for _ in range(100):  # the server notices the dropped connection within moments
        if result.waiting == 0:
            break
        threading.Event().wait(0.1)
        result = audit.verify()
    assert (result.intact, result.waiting) == (True, 0), result

    # Exactly the committed changes: per writer two organisations, four committed rounds of six.
    gewijzigd = AuditRecord.objects.filter(actie="gewijzigd",
                                           object_type=ContentType.objects.get_for_model(Organisatie))
    toegezegd = RONDES - RONDES // 3
    assert gewijzigd.count() == SCHRIJVERS * 2 * toegezegd
    assert not gewijzigd.filter(wijzigingen__naam__1__endswith="ronde 2").exists()
    assert not gewijzigd.filter(object_id=str(gedood_pk)).exists()
    assert Organisatie.objects.get(pk=gedood_pk).naam != "nooit vastgelegd"
    assert AuditRecord.objects.count() == voor + achter_records(achter) + SCHRIJVERS * 2 * toegezegd
    assert result.checked == AuditRecord.objects.count()

    # The order is the chain's key, and stays the same when sealed and verified again.
    chain = keten()
    keys = [(transactie, volgnummer) for _, volgnummer, transactie, _ in chain]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert audit.seal() == 0
    assert (audit.verify(workers=2), keten()) == (result, chain)


def achter_records(organisatie) -> int:
    return AuditRecord.objects.filter(object_id=str(organisatie.pk)).count()
