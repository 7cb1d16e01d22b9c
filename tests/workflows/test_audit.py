"""The accountability trail as an auditor relies on it (DESIGN §7).

One record per create, change and transition, written in the same transaction; the actor survives the removal of
the account; any edit, gap or truncation is found by `manage.py verify_audit_trail`, which names the first bad
record. On PostgreSQL the database itself refuses to edit or delete a record.
"""
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from tests.factories import OrganisatieFactory, UserFactory, breng_naar
from workflows import audit
from workflows.context import acting_as
from workflows.models import AuditChainHead, AuditRecord
from workflows.transitions import perform

TRIGGER = "workflows_auditrecord_append_only"
op_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="the append-only trigger exists on PostgreSQL only")


def records_over(obj):
    return AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


@pytest.fixture
def jan(db):
    return UserFactory(username="jdevries", first_name="Jan", last_name="de Vries")


def test_create_change_and_delete_each_write_exactly_one_record(jan):
    with acting_as(jan):
        organisatie = OrganisatieFactory(naam="Stichting Vensterschool Beijum")
        assert AuditRecord.objects.count() == 1  # the gebied is reference data, not audited
        organisatie.iban = "NL20INGB0001234567"
        organisatie.save()
        organisatie.save()  # nothing changed: nothing to record
        pk = organisatie.pk
        organisatie.delete()

    aangemaakt, gewijzigd, verwijderd = AuditRecord.objects.order_by("volgnummer")
    assert (aangemaakt.actie, aangemaakt.object_id) == ("aangemaakt", str(pk))
    assert aangemaakt.wijzigingen["naam"] == [None, "Stichting Vensterschool Beijum"]
    assert (gewijzigd.actie, gewijzigd.wijzigingen) == ("gewijzigd", {"iban": ["NL91ABNA0417164300",
                                                                               "NL20INGB0001234567"]})
    assert (verwijderd.actie, verwijderd.wijzigingen) == ("verwijderd", {"id": [pk, None]})
    assert {r.actor_weergave for r in (aangemaakt, gewijzigd, verwijderd)} == {"jdevries (Jan de Vries)"}


def test_a_transition_writes_one_record_with_from_to_reason_and_changed_fields(concept, aanvrager, behandelaar):
    aanvraag = breng_naar(concept, "ingediend", aanvrager=aanvrager)
    before = AuditRecord.objects.count()

    perform(aanvraag, "in_behandeling_nemen", behandelaar, reden="Oppakken voor de gebiedstafel Oost.")

    assert AuditRecord.objects.count() == before + 1
    record = AuditRecord.objects.last()
    assert (record.actie, record.handeling, record.van_status, record.naar_status) == (
        "overgang", "in_behandeling_nemen", "ingediend", "in_behandeling")
    assert (record.actor_id, record.actor_weergave) == (behandelaar.pk, f"behandelaar ({behandelaar.get_full_name()})")
    assert record.toelichting == "Oppakken voor de gebiedstafel Oost."
    assert record.wijzigingen == {"status": ["ingediend", "in_behandeling"], "behandelaar_id": [None, behandelaar.pk]}


def test_everything_one_action_writes_shares_its_request_id(concept, aanvrager, behandelaar, beslisser):
    aanvraag = breng_naar(concept, "besluit_voorgesteld", aanvrager=aanvrager, behandelaar=behandelaar)
    voorstel = AuditRecord.objects.last()
    first_new = voorstel.volgnummer + 1

    perform(aanvraag, "verlenen", beslisser)

    verlening = AuditRecord.objects.filter(volgnummer__gte=first_new)
    soorten = {r.object_type.model for r in verlening}
    assert {"aanvraag", "subsidie", "verplichting", "beschikking"} <= soorten
    assert len({r.request_id for r in verlening}) == 1
    assert verlening.first().request_id not in ("", voorstel.request_id)


def test_a_rolled_back_transaction_leaves_no_record(jan):
    organisatie = OrganisatieFactory()
    before, head = AuditRecord.objects.count(), AuditChainHead.objects.get()

    with pytest.raises(RuntimeError), acting_as(jan), transaction.atomic():
        organisatie.naam = "Stichting Nooit Bestaan"
        organisatie.save()
        raise RuntimeError("the request failed after the save")

    assert AuditRecord.objects.count() == before
    assert AuditChainHead.objects.get().laatste_volgnummer == head.laatste_volgnummer
    assert audit.verify().intact


def test_the_actor_is_kept_by_name_after_the_account_is_removed(jan):
    with acting_as(jan):
        organisatie = OrganisatieFactory()
    jan_pk = jan.pk
    jan.delete()

    record = records_over(organisatie).get()
    assert (record.actor_id, record.actor_weergave) == (jan_pk, "jdevries (Jan de Vries)")
    assert audit.verify().intact


# --- verification ----------------------------------------------------------------------------------------------
@pytest.fixture
def trail(concept, aanvrager, behandelaar, beslisser):
    """A real trail: one request from draft to award (some thirty records)."""
    breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar, beslisser=beslisser)
    count = AuditRecord.objects.count()
    assert count >= 10
    return count


def verify_command() -> str:
    out = StringIO()
    call_command("verify_audit_trail", stdout=out)
    return out.getvalue()


def test_an_intact_trail_verifies(trail):
    result = audit.verify()
    assert (result.intact, result.checked) == (True, trail)
    assert f"Audit trail intact: {trail} records" in verify_command()


def knoei(sql: str, params=()):
    """Tamper as a DBA could: on PostgreSQL with the append-only trigger switched off for the moment."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Check the deferred foreign keys now: a table with pending trigger events cannot be altered.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE workflows_auditrecord DISABLE TRIGGER {TRIGGER}")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE workflows_auditrecord ENABLE TRIGGER {TRIGGER}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _rehash(volgnummer):
    """A cleverer tamperer also recomputes the altered record's own hash: its successor's link still breaks."""
    values = AuditRecord.objects.filter(volgnummer=volgnummer).values(*audit.HASHED_FIELDS).get()
    values["toelichting"] = "Alles in orde bevonden."
    return ("UPDATE workflows_auditrecord SET toelichting = %s, hash = %s WHERE volgnummer = %s",
            [values["toelichting"], audit.compute_hash(values), volgnummer])


TAMPERING = {
    "record-gewijzigd": lambda n: ("UPDATE workflows_auditrecord SET toelichting = %s WHERE volgnummer = %s",
                                   ["Alles in orde bevonden.", 5], 5),
    "record-gewijzigd-en-hash-herberekend": lambda n: (*_rehash(5), 6),
    "middelste-record-verwijderd": lambda n: ("DELETE FROM workflows_auditrecord WHERE volgnummer = %s", [n // 2],
                                              n // 2),
    "laatste-record-verwijderd": lambda n: ("DELETE FROM workflows_auditrecord WHERE volgnummer = %s", [n], n),
}


@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_tampering_is_found_and_the_first_bad_record_named(trail, tampering):
    sql, params, eerste_foute = TAMPERING[tampering](trail)
    knoei(sql, params)

    result = audit.verify()
    assert (result.intact, result.volgnummer) == (False, eerste_foute)
    with pytest.raises(CommandError, match=rf"NOT intact at record #{eerste_foute}\b") as failure:
        verify_command()
    assert failure.value.returncode == 1


@op_postgresql
@pytest.mark.postgres
@pytest.mark.parametrize("sql", [
    "UPDATE workflows_auditrecord SET toelichting = 'weg ermee' WHERE volgnummer = 1",
    "DELETE FROM workflows_auditrecord WHERE volgnummer = 1",
])
def test_postgresql_refuses_to_edit_or_delete_a_record(trail, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(volgnummer=2).update(toelichting="ook niet via de ORM")
    assert audit.verify().intact
