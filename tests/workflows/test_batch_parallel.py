"""A batch and an officer writing at the same moment: the officer no longer waits for the batch (no chain lock).
The sealer chains by writing transaction: the batch's records stay together, before the officer's, though the
officer's record was inserted first. Needs PostgreSQL row locks and transaction ids (real threads)."""
import threading

import pytest
from django.db import connection, transaction

from subsidies.models import Organisatie
from tests.factories import OrganisatieFactory
from tests.subsidies.test_parallel_verlening import tegelijk
from workflows import audit
from workflows.models import AuditRecord

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real threads"),
    pytest.mark.django_db(transaction=True),
]


def hernoem(pk: int, naam: str) -> None:
    organisatie = Organisatie.objects.get(pk=pk)
    organisatie.naam = naam
    organisatie.save()


def test_an_officer_writes_while_a_batch_runs_and_the_sealer_keeps_the_batch_together():
    eerste, tweede, derde = (OrganisatieFactory().pk for _ in range(3))
    batch_loopt, medewerker_klaar = threading.Event(), threading.Event()

    def batch():
        with audit.batched():
            hernoem(eerste, "in de batch, eerst")
            batch_loopt.set()
            assert medewerker_klaar.wait(timeout=30), "the officer waited for the batch"
            hernoem(tweede, "in de batch, daarna")

    def medewerker():
        assert batch_loopt.wait(timeout=30)
        with transaction.atomic():
            hernoem(derde, "los, tijdens de batch")
        medewerker_klaar.set()

    assert tegelijk(batch, medewerker) == [None, None]
    audit.seal()
    laatste = list(AuditRecord.objects.order_by("-positie")[:3])[::-1]
    assert [r.object_id for r in laatste] == [str(eerste), str(tweede), str(derde)]
    assert laatste[0].transactie == laatste[1].transactie < laatste[2].transactie
    assert laatste[2].volgnummer < laatste[0].volgnummer  # inserted first, chained after the batch
    assert audit.verify().intact
