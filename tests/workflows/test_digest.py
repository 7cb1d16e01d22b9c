"""Signed digests of the audit trail, against its own administrators (DESIGN §7, workflows.digest).

Each tamper below leaves a chain that verifies on its own (the tamperer is the tables' owner and recomputes what the
chain checks); the digest taken before it catches it and says what was done. On PostgreSQL the suite runs as the
owner (tests/conftest.py), who switches the trail's triggers off first, as such an administrator would. There the
tests commit what they write (`verzegeld`): the sealer links the records of ended transactions only.
"""
import base64
import contextlib
import json
import pkgutil
from importlib import import_module
from io import StringIO

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django_celery_beat.models import PeriodicTask

import workflows.migrations
from tests.factories import OrganisatieFactory, breng_naar
from workflows import audit, digest, tasks
from workflows.models import AuditChainHead, AuditRecord, Bericht


# On PostgreSQL the sealer links committed records only, and a digest signs the sealed chain: these tests commit.
verzegeld = pytest.mark.django_db(transaction=connection.vendor == "postgresql")


def pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


@pytest.fixture
def sleutel(settings, tmp_path):
    """A signing key from the environment, the digest directory, and the auditor's copy of the public key."""
    key = Ed25519PrivateKey.generate()
    settings.AUDIT_DIGEST_KEY = pem(key)
    settings.AUDIT_DIGEST_KEY_FILE = ""
    settings.AUDIT_DIGEST_DIR = tmp_path / "digests"
    settings.AUDIT_DIGEST_EMAILS = ["accountant@example.org"]
    public = tmp_path / "digest.pub"
    public.write_text(digest.public_key_pem(key.public_key()))
    return public


@pytest.fixture
def trail(concept, aanvrager, behandelaar, beslisser, auditor):
    """One request from draft to award (some thirty records), then three changes of an organisation's details; the
    auditor has an email address. The tail holds no status change, so cutting it leaves each object's statuses
    continuous (audit._check_continuity): only a digest finds that cut."""
    auditor.email = "auditor@groningen.nl"
    auditor.save()
    aanvraag = breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar, beslisser=beslisser)
    organisatie = OrganisatieFactory(naam="Stichting Wijkwerk")
    for naam in ("Stichting Wijkwerk Noord", "Stichting Wijkwerk Noord-Oost"):
        organisatie.naam = naam
        organisatie.save()
    return aanvraag


def take_digest():
    out = StringIO()
    call_command("audit_digest", stdout=out)
    path = digest.newest_on_file()
    assert str(path) in out.getvalue()
    return path


def verify_against(*paths, public_key):
    out = StringIO()
    call_command("verify_audit_trail", "--digest", *map(str, paths), "--public-key", str(public_key), stdout=out)
    return out.getvalue()


@verzegeld
def test_a_digest_pins_the_chain_head_signed_in_a_new_read_only_file_and_mails_it_to_the_auditors(sleutel, trail):
    path = take_digest()

    inhoud = json.loads(path.read_text())
    head = AuditChainHead.objects.get()
    laatste = AuditRecord.objects.order_by("positie").last()
    assert not AuditRecord.objects.filter(positie__isnull=True).exists()  # sealed first: the digest covers all
    assert (inhoud["positie"], inhoud["volgnummer"], inhoud["hash"], inhoud["record_hash"]) == (
        head.laatste_positie, laatste.volgnummer, head.laatste_hash, laatste.hash)
    assert laatste.positie == head.laatste_positie == AuditRecord.objects.count()
    assert inhoud["algoritme"] == "Ed25519" and inhoud["handtekening"]
    assert oct(path.stat().st_mode & 0o777) == "0o444"
    mails = Bericht.objects.filter(sleutel__startswith=f"audit-digest:{path.name}")
    assert sorted(mails.values_list("aan", flat=True)) == ["accountant@example.org", "auditor@groningen.nl"]
    assert json.dumps(inhoud, indent=2, sort_keys=True) in mails.first().tekst
    assert f"#{head.laatste_volgnummer}" in mails.first().onderwerp


@verzegeld
def test_the_trail_verifies_against_an_earlier_digest_also_after_it_grew(sleutel, trail):
    path = take_digest()
    OrganisatieFactory()  # more records after the digest: normal growth
    audit.seal()
    assert AuditChainHead.objects.get().laatste_positie > json.loads(path.read_text())["positie"]

    out = verify_against(path, public_key=sleutel)

    assert f"Digest {path.name}" in out and "signature valid; the chain still holds its head" in out
    assert "Audit trail intact" in out


@verzegeld
def test_each_digest_is_a_new_file_checked_against_the_one_before(sleutel, trail):
    eerste = take_digest()
    OrganisatieFactory()
    call_command("audit_digest", stdout=StringIO())

    files = sorted(eerste.parent.glob("audit-digest-*.json"))
    assert len(files) == 2 and files[0] == eerste
    assert json.loads(eerste.read_text()) != json.loads(files[1].read_text())


# --- the three rewrites an owner of the tables can do, each after a digest -----------------------------------------
TRAIL = ("workflows_auditrecord", "workflows_auditchainhead")


@contextlib.contextmanager
def als_eigenaar():
    """Tamper as the tables' owner: on PostgreSQL with the trail's own triggers switched off for the moment."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # a table with pending trigger events cannot be altered
            for table in TRAIL:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        yield cursor
        if connection.vendor == "postgresql":
            for table in TRAIL:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def herschreven_met_herberekende_hashes():
    """The record at position 5 says something else; it gets a new content hash, it and every record after it new
    chain hashes, the head the new last hash."""
    with als_eigenaar() as cursor:
        previous = AuditRecord.objects.values_list("hash", flat=True).get(positie=4)
        for values in AuditRecord.objects.filter(positie__gte=5).order_by("positie").values(*audit.HASHED_FIELDS):
            if values["positie"] == 5:
                values["toelichting"] = "Alles in orde bevonden."
            values["vorige_hash"] = previous
            previous = audit.compute_hash(values)
            cursor.execute("UPDATE workflows_auditrecord SET toelichting = %s, inhoud_hash = %s, vorige_hash = %s, "
                           "hash = %s WHERE volgnummer = %s",
                           [values["toelichting"], audit.content_hash(values), values["vorige_hash"], previous,
                            values["volgnummer"]])
        cursor.execute("UPDATE workflows_auditchainhead SET laatste_hash = %s", [previous])


def staart_afgeknipt_en_kop_teruggezet():
    """The last three sealed records deleted, the chain head moved back to the record before them."""
    keep = AuditRecord.objects.get(positie=AuditChainHead.objects.get().laatste_positie - 3)
    with als_eigenaar() as cursor:
        cursor.execute("DELETE FROM workflows_auditrecord WHERE positie > %s", [keep.positie])
        cursor.execute("UPDATE workflows_auditchainhead SET laatste_positie = %s, laatste_volgnummer = %s, "
                       "laatste_hash = %s", [keep.positie, keep.volgnummer, keep.hash])


def beide_tabellen_geleegd():
    with als_eigenaar() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE workflows_auditrecord, workflows_auditchainhead")
        else:
            cursor.execute("DELETE FROM workflows_auditrecord")
            cursor.execute("DELETE FROM workflows_auditchainhead")


TAMPERING = {
    "herschreven-met-herberekende-hashes": (
        herschreven_met_herberekende_hashes, r"#\d+ is not the record the digest vouches for .* rewritten and its "
                                             r"hashes recomputed"),
    "staart-afgeknipt-en-kop-teruggezet": (
        staart_afgeknipt_en_kop_teruggezet, r"the chain ends at #\d+ \(position \d+\), before the digest's #\d+ "
                                            r"\(position \d+\): records were cut from the end and the chain head "
                                            r"moved back"),
    "beide-tabellen-geleegd": (
        beide_tabellen_geleegd, r"the trail holds no records and its chain head is gone: both tables were emptied "
                                r"\(truncated\)"),
}


@verzegeld
@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_a_digest_finds_what_the_chain_alone_misses_and_says_what_was_done(sleutel, trail, tampering):
    knoei, melding = TAMPERING[tampering]
    path = take_digest()
    knoei()

    assert audit.verify().intact, "the tamper should fool the chain on its own"
    with pytest.raises(CommandError, match=rf"NOT intact against its digests:\n  digest {path.name} .*: {melding}"):
        verify_against(path, public_key=sleutel)
    with pytest.raises(CommandError, match=r"No digest signed: the trail no longer matches digest"):
        call_command("audit_digest", stdout=StringIO())
    assert len(list(path.parent.glob("audit-digest-*.json"))) == 1


# --- the digest itself cannot be forged -----------------------------------------------------------------------------
@verzegeld
def test_a_digest_edited_to_match_a_tampered_trail_fails_its_signature(sleutel, trail):
    path = take_digest()
    staart_afgeknipt_en_kop_teruggezet()
    head = AuditChainHead.objects.get()
    vervalst = json.loads(path.read_text()) | {"positie": head.laatste_positie, "volgnummer": head.laatste_volgnummer,
                                               "hash": head.laatste_hash, "record_hash": head.laatste_hash}
    path.chmod(0o644)
    path.write_text(json.dumps(vervalst))

    with pytest.raises(CommandError, match="the signature does not match its contents"):
        verify_against(path, public_key=sleutel)


@verzegeld
def test_a_digest_signed_with_another_key_is_refused(sleutel, trail, settings, tmp_path):
    settings.AUDIT_DIGEST_KEY = pem(Ed25519PrivateKey.generate())  # e.g. the administrator's own key
    path = take_digest()

    with pytest.raises(CommandError, match=r"signed with key \w+, which is not among the public keys given"):
        verify_against(path, public_key=sleutel)


def test_an_empty_trail_gets_no_digest(sleutel, db):
    out = StringIO()
    call_command("audit_digest", stdout=out)
    assert "no digest to sign" in out.getvalue()
    assert digest.newest_on_file() is None


@verzegeld
def test_the_digest_is_taken_every_night(sleutel, trail):
    # A transactional test before this one on the worker flushed what the data migration wrote: write it again.
    [migratie] = [m.name for m in pkgutil.iter_modules(workflows.migrations.__path__)
                  if m.name.endswith("_nightly_audit_digest")]
    import_module(f"workflows.migrations.{migratie}").schedule(apps, None)
    taak = PeriodicTask.objects.get(task="workflows.audit_digest")
    assert (taak.enabled, taak.crontab.hour, taak.crontab.minute) == (True, "3", "0")

    uitkomst = tasks.audit_digest.delay().get()

    head = AuditChainHead.objects.get()
    assert uitkomst == {"bestand": str(digest.newest_on_file()), "volgnummer": head.laatste_volgnummer}
    assert json.loads(digest.newest_on_file().read_text())["positie"] == head.laatste_positie


# --- keys ---------------------------------------------------------------------------------------------------------
def test_without_a_key_development_signs_with_a_generated_key_and_warns(settings, tmp_path, caplog):
    settings.DEBUG, settings.AUDIT_DIGEST_KEY, settings.AUDIT_DIGEST_KEY_FILE = True, "", ""
    settings.AUDIT_DIGEST_DEV_KEY_FILE = tmp_path / "dev.key"

    first, again = digest.signing_key(), digest.signing_key()

    assert digest.key_id(first.public_key()) == digest.key_id(again.public_key())
    assert "AUDIT_DIGEST_KEY is not set" in caplog.text and "Never use it in production" in caplog.text


def test_without_a_key_outside_development_nothing_is_signed(settings):
    settings.DEBUG, settings.AUDIT_DIGEST_KEY, settings.AUDIT_DIGEST_KEY_FILE = False, "", ""
    with pytest.raises(digest.DigestError, match="No digest signing key"):
        digest.signing_key()


def test_a_key_from_a_file_in_raw_base64_signs_too(settings, tmp_path):
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    (tmp_path / "digest.key").write_bytes(base64.b64encode(raw))
    settings.AUDIT_DIGEST_KEY, settings.AUDIT_DIGEST_KEY_FILE = "", str(tmp_path / "digest.key")

    assert digest.key_id(digest.signing_key().public_key()) == digest.key_id(key.public_key())


# --- TRUNCATE ------------------------------------------------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the TRUNCATE trigger exists on PostgreSQL only")
@pytest.mark.parametrize("table", ["workflows_auditrecord", "workflows_auditchainhead"])
def test_postgresql_refuses_truncate_even_to_the_owner(trail, table):
    with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {table}")
    assert AuditRecord.objects.exists()  # (the head row is made by the first seal: here, none yet)
