"""The application's database role may add to and read the trail, and nothing more (PostgreSQL, workflows.dbrollen).

The suite runs as the tables' owner (tests/conftest.py). These tests switch the test process's connection to the
application's role of DATABASE_URL, as production runs, after `migrate` (which connects as DATABASE_OWNER_URL's
owner by itself) has granted that role its rights in the test database. They commit (transaction=True): another
role only sees committed grants and rows.
"""
import os

import environ
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from tests.factories import OrganisatieFactory
from workflows import audit
from workflows.models import AuditChainHead, AuditRecord

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="database roles: PostgreSQL only"),
    pytest.mark.skipif(settings.DATABASE_OWNER is None,
                       reason="needs two PostgreSQL roles: DATABASE_URL (the application's) and DATABASE_OWNER_URL "
                              "(the owner's); scripts/services.sh prints both"),
]
CREDENTIALS = ("USER", "PASSWORD", "HOST", "PORT")


@pytest.fixture
def als_applicatie():
    """The test's connection as the application's role, after a `migrate` that granted it its rights."""
    app = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    eigen = {key: connection.settings_dict[key] for key in CREDENTIALS}
    connection.close()
    connection.settings_dict.update({key: app[key] for key in CREDENTIALS})
    try:
        call_command("migrate", verbosity=0)
        yield app["USER"]
    finally:
        connection.close()
        connection.settings_dict.update(eigen)


def role_rows(sql: str, params=()) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_the_application_role_runs_the_application_and_owns_nothing(als_applicatie):
    organisatie = OrganisatieFactory(naam="Stichting Buurtkracht")  # the first record also makes the chain head
    organisatie.naam = "Stichting Buurtkracht Oost"
    organisatie.save()

    assert role_rows("SELECT current_user") == [(als_applicatie,)]
    assert audit.seal() == 2  # the sealer runs as the application's role too
    assert AuditRecord.objects.count() == 2 and AuditChainHead.objects.get().laatste_positie == 2
    assert audit.verify().intact
    assert role_rows("SELECT relname FROM pg_class WHERE relowner = "
                     "(SELECT oid FROM pg_roles WHERE rolname = current_user)") == []


REFUSED = [
    "UPDATE workflows_auditrecord SET toelichting = 'Alles in orde bevonden.'",
    "UPDATE workflows_auditrecord SET inhoud_hash = hash",
    "UPDATE workflows_auditrecord SET volgnummer = volgnummer + 1000",
    "DELETE FROM workflows_auditrecord",
    "TRUNCATE workflows_auditrecord",
    "DELETE FROM workflows_auditchainhead",
    "TRUNCATE workflows_auditchainhead",
    "ALTER TABLE workflows_auditrecord DISABLE TRIGGER workflows_auditrecord_append_only",
    "ALTER TABLE workflows_auditrecord DISABLE TRIGGER workflows_auditrecord_refuse_delete",
    "ALTER TABLE workflows_auditrecord DISABLE TRIGGER ALL",
    "DROP TRIGGER workflows_auditrecord_refuse_truncate ON workflows_auditrecord",
    "ALTER TABLE workflows_auditrecord OWNER TO CURRENT_USER",
]


def test_the_application_role_cannot_rewrite_empty_or_unguard_the_trail(als_applicatie):
    OrganisatieFactory()
    audit.seal()
    before = list(AuditRecord.objects.values_list("volgnummer", "hash"))

    for sql in REFUSED:
        with pytest.raises(DatabaseError, match="permission denied|must be owner") as refused:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
        assert refused.value.__cause__.sqlstate == "42501", sql  # insufficient_privilege, not some other error

    assert list(AuditRecord.objects.values_list("volgnummer", "hash")) == before
    assert role_rows("SELECT tgname FROM pg_trigger WHERE tgenabled = 'D'") == []
    assert audit.verify().intact


def test_flush_by_the_owner_empties_the_trail_and_leaves_truncate_refused():
    OrganisatieFactory()

    call_command("flush", interactive=False, verbosity=0)

    assert not AuditRecord.objects.exists()
    with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE workflows_auditrecord")


# The link columns the role may update: the trigger lets only the seal itself through.
RESEALS = [
    "UPDATE workflows_auditrecord SET hash = repeat('0', 64)",
    "UPDATE workflows_auditrecord SET vorige_hash = repeat('0', 64), hash = repeat('0', 64)",
    "UPDATE workflows_auditrecord SET positie = positie + 1000",
    "UPDATE workflows_auditrecord SET transactie = 1",
    "UPDATE workflows_auditrecord SET positie = NULL, transactie = NULL, vorige_hash = '', hash = ''",
]


def test_the_application_role_seals_each_record_once_and_can_reseal_none(als_applicatie):
    eerste = OrganisatieFactory(naam="Stichting De Linie")
    audit.seal()
    sealed = list(AuditRecord.objects.values_list("volgnummer", "positie", "transactie", "hash"))
    eerste.naam = "Stichting De Linie Zuid"
    eerste.save()  # waits for the sealer
    waiting = AuditRecord.objects.get(positie__isnull=True)

    for sql in RESEALS:
        with pytest.raises(DatabaseError, match="append-only: UPDATE refused") as refused:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
        assert refused.value.__cause__.sqlstate == "42501", sql
    # A waiting record's link columns filled in without a position, or with its content changed, is no seal either.
    for sql in ("UPDATE workflows_auditrecord SET hash = repeat('a', 64) WHERE positie IS NULL",
                "UPDATE workflows_auditrecord SET transactie = 7 WHERE positie IS NULL"):
        with pytest.raises(DatabaseError, match="append-only: UPDATE refused"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)

    assert list(AuditRecord.objects.filter(positie__isnull=False).values_list(
        "volgnummer", "positie", "transactie", "hash")) == sealed
    assert audit.seal() == 1
    waiting.refresh_from_db()
    assert waiting.positie == len(sealed) + 1 and waiting.hash
    assert audit.verify().intact
