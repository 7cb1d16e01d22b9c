"""Issue 12: writers insert audit records unlinked; a sealer links them into the chain (docs/architecture.md).

`volgnummer` becomes the table's own identity (given at insert, in insertion order); the chain position moves to
`positie`, given by the sealer together with `transactie`, `vorige_hash` and the chain `hash`; every record gets the
hash of its own content (`inhoud_hash`). The existing chain is first verified under the old rule (the migration
stops on a broken trail rather than re-seal it), then re-sealed under the new one, in its old order.

On PostgreSQL the append-only trigger now lets exactly one UPDATE through per record: the seal (no position yet,
one afterwards, the content and volgnummer unchanged). A new column must be added to its comparison.
"""
import datetime as dt
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

OLD_TRIGGER = """
CREATE OR REPLACE FUNCTION workflows_auditrecord_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % refused on record %', TG_OP, OLD.volgnummer
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER workflows_auditrecord_append_only
    BEFORE UPDATE OR DELETE ON workflows_auditrecord
    FOR EACH ROW EXECUTE FUNCTION workflows_auditrecord_append_only();
"""

SEALING_TRIGGER = """
CREATE OR REPLACE FUNCTION workflows_auditrecord_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.positie IS NULL AND NEW.positie IS NOT NULL AND OLD.transactie IS NULL
       AND (NEW.volgnummer, NEW.tijdstip, NEW.actor_id, NEW.actor_weergave, NEW.object_type_id, NEW.object_id,
            NEW.object_weergave, NEW.actie, NEW.handeling, NEW.van_status, NEW.naar_status, NEW.toelichting,
            NEW.wijzigingen::text, NEW.request_id, NEW.inhoud_hash)
           IS NOT DISTINCT FROM
           (OLD.volgnummer, OLD.tijdstip, OLD.actor_id, OLD.actor_weergave, OLD.object_type_id, OLD.object_id,
            OLD.object_weergave, OLD.actie, OLD.handeling, OLD.van_status, OLD.naar_status, OLD.toelichting,
            OLD.wijzigingen::text, OLD.request_id, OLD.inhoud_hash) THEN
        RETURN NEW;  -- the seal: a place in the chain, once, nothing else changed
    END IF;
    RAISE EXCEPTION 'audit trail is append-only: % refused on record %', TG_OP, OLD.volgnummer
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER workflows_auditrecord_append_only
    BEFORE UPDATE OR DELETE ON workflows_auditrecord
    FOR EACH ROW EXECUTE FUNCTION workflows_auditrecord_append_only();
"""

# The new identity column numbers on from the existing records.
CONTINUE_NUMBERING = """
SELECT setval(pg_get_serial_sequence('workflows_auditrecord', 'volgnummer'), coalesce(max(volgnummer), 0) + 1, false)
FROM workflows_auditrecord;
"""

DROP_TRIGGER = """
DROP TRIGGER IF EXISTS workflows_auditrecord_append_only ON workflows_auditrecord;
DROP FUNCTION IF EXISTS workflows_auditrecord_append_only();
"""

OLD_HASHED = ("volgnummer", "tijdstip", "actor_id", "actor_weergave", "object_type_id", "object_id",
              "object_weergave", "actie", "handeling", "van_status", "naar_status", "toelichting", "wijzigingen",
              "request_id", "vorige_hash")
CONTENT = ("tijdstip", "actor_id", "actor_weergave", "object_type_id", "object_id", "object_weergave", "actie",
           "handeling", "van_status", "naar_status", "toelichting", "wijzigingen", "request_id")


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


def _sha(payload: dict) -> str:
    payload["tijdstip"] = payload["tijdstip"].astimezone(dt.timezone.utc).isoformat()
    return hashlib.sha256(json.dumps(payload, sort_keys=True, separators=(",", ":"),
                                     cls=DjangoJSONEncoder).encode()).hexdigest()


def reseal(apps, schema_editor):
    """Verify the chain under the old rule, then give every record its content hash and re-seal it in place."""
    AuditRecord = apps.get_model("workflows", "AuditRecord")
    AuditChainHead = apps.get_model("workflows", "AuditChainHead")
    head = AuditChainHead.objects.filter(pk=1).first()
    previous, position = "0" * 64, 0
    for record in AuditRecord.objects.order_by("volgnummer").iterator(chunk_size=2000):
        values = {name: getattr(record, name) for name in (*OLD_HASHED, "hash")}
        if (record.volgnummer != position + 1 or record.vorige_hash != previous
                or _sha({name: values[name] for name in OLD_HASHED}) != record.hash):
            raise RuntimeError(f"The audit trail is not intact at record #{record.volgnummer}; "
                               "run verify_audit_trail on the previous release before migrating.")
        position, previous = record.volgnummer, record.hash
    if head is not None and (head.laatste_volgnummer, head.laatste_hash) != (position, previous):
        raise RuntimeError(f"The audit trail is not intact after record #{position}.")
    previous = "0" * 64
    for record in AuditRecord.objects.order_by("volgnummer").iterator(chunk_size=2000):
        record.inhoud_hash = _sha({name: getattr(record, name) for name in CONTENT})
        record.positie = record.volgnummer
        link = f"{record.positie}:{record.volgnummer}::{previous}:{record.inhoud_hash}"
        record.vorige_hash, record.hash = previous, hashlib.sha256(link.encode()).hexdigest()
        previous = record.hash
        record.save(update_fields=["inhoud_hash", "positie", "vorige_hash", "hash"])
    if head is not None:
        head.laatste_positie, head.laatste_hash = position, previous
        head.save(update_fields=["laatste_positie", "laatste_hash"])


class Migration(migrations.Migration):
    dependencies = [("workflows", "0008_audit_refuse_truncate")]

    operations = [
        migrations.RunPython(on_postgresql(DROP_TRIGGER), on_postgresql(OLD_TRIGGER)),
        migrations.RemoveField(model_name="auditrecord", name="id"),
        migrations.AlterField(
            model_name="auditrecord", name="volgnummer",
            field=models.BigAutoField(primary_key=True, serialize=False, verbose_name="volgnummer"),
        ),
        migrations.RunPython(on_postgresql(CONTINUE_NUMBERING), migrations.RunPython.noop),
        migrations.AddField(model_name="auditrecord", name="inhoud_hash",
                            field=models.CharField(default="", editable=False, max_length=64), preserve_default=False),
        migrations.AddField(model_name="auditrecord", name="transactie",
                            field=models.BigIntegerField(editable=False, null=True, verbose_name="transactie")),
        migrations.AddField(model_name="auditrecord", name="positie",
                            field=models.BigIntegerField(editable=False, null=True, unique=True,
                                                         verbose_name="positie in de keten")),
        migrations.AlterField(model_name="auditrecord", name="vorige_hash",
                              field=models.CharField(blank=True, editable=False, max_length=64)),
        migrations.AlterField(model_name="auditrecord", name="hash",
                              field=models.CharField(blank=True, editable=False, max_length=64)),
        migrations.AddField(model_name="auditchainhead", name="laatste_positie",
                            field=models.BigIntegerField(default=0)),
        migrations.AddField(model_name="auditchainhead", name="horizon",
                            field=models.BigIntegerField(default=0, help_text="Transaction ids below this were "
                                                                              "sealed by the last run.")),
        migrations.AddIndex(model_name="auditrecord",
                            index=models.Index(condition=models.Q(("positie__isnull", True)), fields=["volgnummer"],
                                               name="auditrecord_wachtend_idx")),
        migrations.RunPython(reseal, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(on_postgresql(SEALING_TRIGGER), on_postgresql(DROP_TRIGGER)),
    ]
