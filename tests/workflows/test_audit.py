"""The accountability trail as an auditor relies on it (DESIGN §7).

One record per create, change and transition, written in the same transaction; the actor survives the removal of
the account; any edit, gap or truncation is found by `manage.py verify_audit_trail`, which names the first bad
record. On PostgreSQL the database itself refuses to edit or delete a record, except the one update that seals it.

Records are sealed (linked into the chain) once their transaction has ended, so the tests of the chain itself
commit what they write (`transaction=True`); on SQLite records are sealed as they are written.
"""
import datetime as dt
import json
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from tests.factories import OrganisatieFactory, UserFactory, breng_naar
from workflows import audit
from workflows.context import acting_as
from workflows.models import AuditChainHead, AuditRecord
from workflows.transitions import perform

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


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_no_record(jan):
    organisatie = OrganisatieFactory()
    before, head = AuditRecord.objects.count(), audit.verify().head

    with pytest.raises(RuntimeError), acting_as(jan), transaction.atomic():
        organisatie.naam = "Stichting Nooit Bestaan"
        organisatie.save()
        raise RuntimeError("the request failed after the save")

    assert AuditRecord.objects.count() == before
    after = audit.verify()
    assert (after.intact, after.head, after.waiting) == (True, head, 0)


def test_the_actor_is_kept_by_name_after_the_account_is_removed(jan):
    with acting_as(jan):
        organisatie = OrganisatieFactory()
    jan_pk = jan.pk
    jan.delete()

    record = records_over(organisatie).get()
    assert (record.actor_id, record.actor_weergave) == (jan_pk, "jdevries (Jan de Vries)")
    assert audit.verify().intact


# --- verification ----------------------------------------------------------------------------------------------
verzegeld = pytest.mark.django_db(transaction=True)  # committed, so the sealer links them


@pytest.fixture
def trail(concept, aanvrager, behandelaar, beslisser):
    """A real, sealed trail: one request from draft to award (some thirty records)."""
    breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar, beslisser=beslisser)
    count = AuditRecord.objects.count()
    assert count >= 10
    assert audit.seal() == (count if connection.vendor == "postgresql" else 0)  # SQLite sealed them inline
    return count


def op(positie: int) -> int:
    """The volgnummer of the record at `positie` in the chain."""
    return AuditRecord.objects.get(positie=positie).volgnummer


def verify_command() -> str:
    out = StringIO()
    call_command("verify_audit_trail", "--workers=1", stdout=out)
    return out.getvalue()


@verzegeld
def test_an_intact_trail_verifies(trail):
    result = audit.verify()
    assert (result.intact, result.checked, result.waiting) == (True, trail, 0)
    assert result.head == AuditChainHead.objects.values_list("laatste_positie", "laatste_volgnummer",
                                                              "laatste_hash").get()
    assert f"Audit trail intact: {trail} records" in verify_command()
    assert f"sealed up to position {trail} (#{AuditRecord.objects.last().volgnummer}), 0 records waiting" in (
        verify_command())


def test_records_of_a_transaction_still_open_wait_and_are_reported(concept, aanvrager):
    """On PostgreSQL the test's own transaction is still open: its records wait. On SQLite they are sealed."""
    breng_naar(concept, "ingediend", aanvrager=aanvrager)
    written = AuditRecord.objects.count()

    result = audit.verify()

    assert result.intact
    if connection.vendor == "postgresql":
        assert (result.checked, result.waiting) == (0, written)
        assert not AuditRecord.objects.filter(positie__isnull=False).exists()
    else:
        assert (result.checked, result.waiting) == (written, 0)
        assert list(AuditRecord.objects.values_list("positie", flat=True)) == list(range(1, written + 1))


def knoei(sql: str | list, params=()):
    """Tamper as a DBA could: on PostgreSQL with the append-only triggers switched off for the moment. `sql` is one
    statement, or a list of (statement, params)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Check the deferred foreign keys now: a table with pending trigger events cannot be altered.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE workflows_auditrecord DISABLE TRIGGER USER")
        for statement, values in (sql if isinstance(sql, list) else [(sql, params)]):
            cursor.execute(statement, values)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE workflows_auditrecord ENABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _herschreven(positie: int):
    """A cleverer tamperer also recomputes the altered record's content hash and chain hash: its successor's link
    still breaks."""
    values = AuditRecord.objects.filter(positie=positie).values(*audit.HASHED_FIELDS).get()
    values["toelichting"] = "Alles in orde bevonden."
    return ("UPDATE workflows_auditrecord SET toelichting = %s, inhoud_hash = %s, hash = %s WHERE positie = %s",
            [values["toelichting"], audit.content_hash(values), audit.compute_hash(values), positie])


def _tussengevoegd(positie: int):
    """A record put in between: the records from `positie` on move up one place, a new one takes it, linked to its
    predecessor with a correct hash of its own. Its successor still links to the old predecessor."""
    values = AuditRecord.objects.filter(positie=positie).values(*audit.HASHED_FIELDS).get()
    values.update(toelichting="Ingevoegd achteraf.", transactie=None)
    moved = "UPDATE workflows_auditrecord SET positie = -positie - 1 WHERE positie >= %s"
    back = "UPDATE workflows_auditrecord SET positie = -positie WHERE positie < 0"
    columns = [*audit.CONTENT_FIELDS, "positie", "vorige_hash", "inhoud_hash", "hash"]
    values["wijzigingen"] = json.dumps(values["wijzigingen"])
    values["volgnummer"] = AuditRecord.objects.order_by("-volgnummer").first().volgnummer + 1000
    insert = (f"INSERT INTO workflows_auditrecord (volgnummer, {', '.join(columns)}) "
              f"VALUES (%s, {', '.join(['%s'] * len(columns))})")
    values["inhoud_hash"] = audit.content_hash({**values, "wijzigingen": json.loads(values["wijzigingen"])})
    values["hash"] = audit.link_hash(positie, values["volgnummer"], None, values["vorige_hash"], values["inhoud_hash"])
    return [(moved, [positie]), (back, []), (insert, [values["volgnummer"], *(values[c] for c in columns)])], ()


TAMPERING = {  # name: (sql, params, position of the first record found bad) for a trail of n records
    "record-gewijzigd": lambda n: ("UPDATE workflows_auditrecord SET toelichting = %s WHERE positie = %s",
                                   ["Alles in orde bevonden.", 5], 5),
    "record-gewijzigd-en-hashes-herberekend": lambda n: (*_herschreven(5), 6),
    "middelste-record-verwijderd": lambda n: ("DELETE FROM workflows_auditrecord WHERE positie = %s", [n // 2],
                                              n // 2 + 1),
    "laatste-record-verwijderd": lambda n: ("DELETE FROM workflows_auditrecord WHERE positie = %s", [n], n),
    # PostgreSQL: out of the chain's order, the record itself; SQLite (no transaction ids): its successor's link.
    "record-tussengevoegd": lambda n: (*_tussengevoegd(4), 4 if connection.vendor == "postgresql" else 5),
    "transactie-van-verzegeld-record-gewijzigd": lambda n: (
        "UPDATE workflows_auditrecord SET transactie = coalesce(transactie, 0) + 1 WHERE positie = %s", [3], 3),
}


@verzegeld
@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_tampering_is_found_and_the_first_bad_record_named(trail, tampering):
    sql, params, eerste_foute = TAMPERING[tampering](trail)
    if tampering == "laatste-record-verwijderd":  # its volgnummer: the chain head still names it
        eerste_foute_nummer = op(eerste_foute)
    knoei(sql, params)
    if tampering != "laatste-record-verwijderd":
        eerste_foute_nummer = op(eerste_foute)

    result = audit.verify()
    assert (result.intact, result.volgnummer) == (False, eerste_foute_nummer), result.problem
    with pytest.raises(CommandError, match=rf"NOT intact at record #{eerste_foute_nummer}\b") as failure:
        verify_command()
    assert failure.value.returncode == 1


@verzegeld
def test_a_waiting_record_that_names_its_own_transaction_is_refused(trail):
    """Only the sealer writes `transactie`: a record that arrives with one (to sort itself in between sealed
    records) is not sealed, and verification names it."""
    values = AuditRecord.objects.filter(positie=3).values(*audit.CONTENT_FIELDS, "transactie").get()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO workflows_auditrecord (transactie, tijdstip, actor_weergave, object_type_id, "
                       "object_id, object_weergave, actie, handeling, van_status, naar_status, toelichting, "
                       "wijzigingen, request_id, inhoud_hash, vorige_hash, hash) "
                       "VALUES (%s, %s, '', %s, %s, '', 'gewijzigd', '', '', '', 'achteraf', '{}', '', %s, '', '')",
                       [values["transactie"] or 1, values["tijdstip"], values["object_type_id"], values["object_id"],
                        "0" * 64])
    ingevoegd = AuditRecord.objects.order_by("-volgnummer").first().volgnummer

    result = audit.verify()

    assert (result.intact, result.volgnummer, result.checked) == (False, ingevoegd, trail)
    assert "claims a writing transaction" in result.problem
    assert AuditRecord.objects.get(volgnummer=ingevoegd).positie is None


@op_postgresql
@pytest.mark.postgres
@verzegeld
def test_a_sealed_record_of_a_rolled_back_transaction_is_found(trail):
    """Appended with correct hashes and the head moved along, but naming a transaction that rolled back."""
    with pytest.raises(RuntimeError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()::text::bigint")
        teruggedraaid = cursor.fetchone()[0]
        raise RuntimeError("rolled back")
    head = AuditChainHead.objects.get()
    values = AuditRecord.objects.filter(positie=head.laatste_positie).values(*audit.CONTENT_FIELDS).get()
    values.update(positie=head.laatste_positie + 1, volgnummer=head.laatste_volgnummer + 1000,
                  transactie=teruggedraaid, vorige_hash=head.laatste_hash)
    inhoud, chained = audit.content_hash(values), audit.compute_hash(values)
    columns = [*audit.CONTENT_FIELDS, "positie", "volgnummer", "transactie", "vorige_hash"]
    knoei(f"INSERT INTO workflows_auditrecord ({', '.join(columns)}, inhoud_hash, hash) "
          f"VALUES ({', '.join(['%s'] * (len(columns) + 2))})",
          [*(json.dumps(values[c]) if c == "wijzigingen" else values[c] for c in columns), inhoud, chained])
    AuditChainHead.objects.filter(pk=1).update(laatste_positie=values["positie"],
                                               laatste_volgnummer=values["volgnummer"], laatste_hash=chained)

    result = audit.verify()

    assert (result.intact, result.volgnummer) == (False, values["volgnummer"])
    assert f"transaction {teruggedraaid}, which never committed" in result.problem


@verzegeld
def test_a_record_waiting_longer_than_allowed_raises_the_alarm(trail, settings, time_machine):
    """The sealer (Celery beat) stopped: records of ended transactions wait. Verification seals them, but says so."""
    settings.AUDIT_SEAL_MAX_WAIT_SECONDS = 60
    with transaction.atomic():
        OrganisatieFactory()
    if connection.vendor != "postgresql":  # sealed inline at once: nothing can wait
        assert audit.verify().intact
        return
    wachtend = AuditRecord.objects.get(positie__isnull=True).volgnummer
    time_machine.move_to(timezone.now() + dt.timedelta(seconds=61))

    result = audit.verify()

    assert (result.intact, result.volgnummer) == (False, wachtend)
    assert "waited 61 s to be sealed (limit 60 s)" in result.problem
    assert audit.verify().intact  # sealed by the first verification: nothing waits any more


@op_postgresql
@pytest.mark.postgres
@verzegeld
@pytest.mark.parametrize("sql", [
    "UPDATE workflows_auditrecord SET toelichting = 'weg ermee' WHERE positie = 1",
    "UPDATE workflows_auditrecord SET positie = 99, hash = 'x' WHERE positie = 1",
    "DELETE FROM workflows_auditrecord WHERE positie = 1",
], ids=["edit", "seal-again", "delete"])
def test_postgresql_refuses_to_edit_or_delete_a_record(trail, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(positie=2).update(toelichting="ook niet via de ORM")
    assert audit.verify().intact


@op_postgresql
@pytest.mark.postgres
def test_postgresql_refuses_to_change_a_waiting_record_other_than_by_sealing_it(organisatie):
    record = AuditRecord.objects.filter(positie__isnull=True, object_id=str(organisatie.pk)).first()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).update(positie=1, toelichting="en meteen iets anders")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).update(transactie=7)


# --- a record deleted before it was sealed: the chain never held it, the object's statuses show the gap -------------
@pytest.fixture
def ingediend(concept, aanvrager):
    """A submitted request whose records are all sealed."""
    aanvraag = breng_naar(concept, "ingediend", aanvrager=aanvrager)
    audit.seal()
    return aanvraag


def _wachtend(aanvraag, handeling: str) -> int:
    """The volgnummer of the request's record of `handeling` (on PostgreSQL still waiting for the sealer)."""
    record = records_over(aanvraag).get(handeling=handeling)
    assert record.positie is None or connection.vendor != "postgresql"
    return record.volgnummer


@op_postgresql
@pytest.mark.postgres
@verzegeld
def test_the_last_record_deleted_before_sealing_is_found_by_the_objects_status(ingediend, behandelaar):
    aanvraag = perform(ingediend, "in_behandeling_nemen", behandelaar)
    weg = _wachtend(aanvraag, "in_behandeling_nemen")
    vorige = records_over(aanvraag).get(handeling="indienen").volgnummer
    knoei("DELETE FROM workflows_auditrecord WHERE volgnummer = %s", [weg])

    result = audit.verify()

    assert (result.intact, result.volgnummer, result.waiting) == (False, vorige, 0), result.problem
    assert result.problem == (f"aanvraag {aanvraag.pk} is in status 'in_behandeling', but its last record "
                              f"#{vorige} left it in 'ingediend': the record of that change is missing")
    with pytest.raises(CommandError, match=rf"NOT intact at record #{vorige}\b"):
        verify_command()


@op_postgresql
@pytest.mark.postgres
@verzegeld
def test_a_record_deleted_before_sealing_between_two_others_is_found(ingediend, behandelaar):
    aanvraag = perform(ingediend, "in_behandeling_nemen", behandelaar)
    weg = _wachtend(aanvraag, "in_behandeling_nemen")
    aanvraag = perform(aanvraag, "volledig_verklaren", behandelaar)
    volgende = _wachtend(aanvraag, "volledig_verklaren")
    knoei("DELETE FROM workflows_auditrecord WHERE volgnummer = %s", [weg])

    result = audit.verify()

    assert (result.intact, result.volgnummer) == (False, volgende), result.problem
    assert f"#{volgende} takes aanvraag {aanvraag.pk} from status 'in_behandeling', but its previous record" \
           in result.problem and "left it in 'ingediend': a record between them is missing" in result.problem


@verzegeld
def test_a_cut_tail_with_the_head_moved_back_is_found_by_the_objects_status(ingediend, behandelaar):
    """Without a digest too: the chain ends where the head says, but the request is further than its trail."""
    aanvraag = perform(ingediend, "in_behandeling_nemen", behandelaar)
    audit.seal()
    laatste = records_over(aanvraag).get(handeling="in_behandeling_nemen")
    vorige = AuditRecord.objects.get(positie=laatste.positie - 1)
    assert laatste.positie == AuditChainHead.objects.get().laatste_positie
    knoei([("DELETE FROM workflows_auditrecord WHERE volgnummer = %s", [laatste.volgnummer]),
           ("UPDATE workflows_auditchainhead SET laatste_positie = %s, laatste_volgnummer = %s, laatste_hash = %s",
            [vorige.positie, vorige.volgnummer, vorige.hash])])

    result = audit.verify()

    assert not result.intact
    assert f"aanvraag {aanvraag.pk} is in status 'in_behandeling'" in result.problem


@verzegeld
def test_a_deletion_that_also_undoes_the_change_looks_like_a_rolled_back_transaction(ingediend, behandelaar):
    """The documented limit: record and change both gone is what a rolled-back transaction leaves."""
    with pytest.raises(RuntimeError), transaction.atomic():
        perform(ingediend, "in_behandeling_nemen", behandelaar)
        raise RuntimeError("rolled back")

    assert audit.verify().intact
