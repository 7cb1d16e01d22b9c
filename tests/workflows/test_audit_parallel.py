"""`verify_audit_trail --workers N` (PostgreSQL, outside a transaction) finds exactly what one walk finds."""
import pytest
from django.db import connection

from tests.factories import OrganisatieFactory
from tests.workflows.test_audit import knoei
from workflows import audit

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
    assert audit.verify(workers=2) == audit.verify(workers=1) == audit.VerificationResult(trail)


@pytest.mark.parametrize("volgnummer", [1, 20, 21, 40], ids=["first", "end-of-stretch", "start-of-stretch", "last"])
@pytest.mark.parametrize("knoeiwerk", [
    "UPDATE workflows_auditrecord SET toelichting = 'achteraf aangepast' WHERE volgnummer = %s",
    "DELETE FROM workflows_auditrecord WHERE volgnummer = %s",
], ids=["altered", "deleted"])
def test_parallel_walk_names_the_same_first_bad_record(trail, knoeiwerk, volgnummer):
    knoei(knoeiwerk, [volgnummer])

    parallel, single = audit.verify(workers=2), audit.verify(workers=1)

    assert parallel == single
    assert not parallel.intact and parallel.volgnummer == volgnummer
