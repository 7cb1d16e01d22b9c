"""`verify_audit_trail --workers N` (PostgreSQL, outside a transaction) finds exactly what one walk finds."""
import pytest
from django.db import connection

from tests.factories import OrganisatieFactory
from tests.workflows.test_audit import knoei
from workflows import audit
from workflows.models import AuditRecord

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="parallel verification shares a PostgreSQL snapshot; SQLite walks in one process"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def trail():
    """Forty records, so two workers each walk a stretch of twenty."""
    for _ in range(40):
        OrganisatieFactory()
    assert audit.verify().checked == 40
    return 40


def test_parallel_and_single_walks_agree_on_an_intact_trail(trail):
    parallel, single = audit.verify(workers=2), audit.verify(workers=1)
    assert parallel == single
    assert (parallel.intact, parallel.checked, parallel.waiting, parallel.head[0]) == (True, trail, 0, trail)


@pytest.mark.parametrize("positie", [1, 20, 21, 40],
                         ids=["first", "end-of-stretch", "start-of-stretch", "last"])
@pytest.mark.parametrize("knoeiwerk", [
    "UPDATE workflows_auditrecord SET toelichting = 'achteraf aangepast' WHERE positie = %s",
    "DELETE FROM workflows_auditrecord WHERE positie = %s",
], ids=["altered", "deleted"])
def test_parallel_walk_names_the_same_first_bad_record(trail, knoeiwerk, positie):
    deleted = knoeiwerk.startswith("DELETE")
    # A removed record is missed at its successor, or (the last one) at the chain head, which still names it.
    eerste_foute = AuditRecord.objects.get(positie=positie + 1 if deleted and positie < trail else positie)
    knoei(knoeiwerk, [positie])

    parallel, single = audit.verify(workers=2), audit.verify(workers=1)

    assert parallel == single
    assert not parallel.intact and parallel.volgnummer == eerste_foute.volgnummer
