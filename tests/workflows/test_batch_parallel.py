"""A batch and an officer writing at the same moment: the batch holds the chain from its start, so the officer's
record links after the batch's records, and the chain stays whole. Needs PostgreSQL row locks (real threads)."""
import threading
import time

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


def test_a_writer_waits_for_a_running_batch_and_links_after_its_records():
    eerste, tweede, derde = (OrganisatieFactory().pk for _ in range(3))
    batch_loopt = threading.Event()

    def batch():
        with audit.batched():
            hernoem(eerste, "in de batch, eerst")
            batch_loopt.set()
            time.sleep(0.5)  # the officer tries to write now
            hernoem(tweede, "in de batch, daarna")

    def medewerker():
        assert batch_loopt.wait(timeout=30)
        with transaction.atomic():
            hernoem(derde, "los, tijdens de batch")

    assert tegelijk(batch, medewerker) == [None, None]
    laatste = AuditRecord.objects.order_by("-volgnummer")[:3]
    assert [r.object_id for r in reversed(laatste)] == [str(eerste), str(tweede), str(derde)]
    assert audit.verify().intact
