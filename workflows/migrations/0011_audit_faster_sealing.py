"""Issue 12's targets: sealing a record costs the database less.

Each seal is an UPDATE of the record that writes a new version of the row and an entry in each of the table's
indexes. The single-column index on `object_type` goes: the (object_type, object_id, volgnummer) index starts with
the same column and serves the same lookups. The append-only trigger no longer calls its function for a legal seal:
its WHEN clause (an expression PostgreSQL evaluates without entering PL/pgSQL) lets exactly the seal through — no
position before, one after, no writer before, content and volgnummer unchanged, as migration 0009 defined it — and
calls the refusing function for any other UPDATE. DELETE gets a trigger of its own (WHEN may not name NEW there).
"""
from django.db import migrations, models

SEAL_ONLY = """(OLD.positie IS NULL AND NEW.positie IS NOT NULL AND OLD.transactie IS NULL
       AND (NEW.volgnummer, NEW.tijdstip, NEW.actor_id, NEW.actor_weergave, NEW.object_type_id, NEW.object_id,
            NEW.object_weergave, NEW.actie, NEW.handeling, NEW.van_status, NEW.naar_status, NEW.toelichting,
            NEW.wijzigingen::text, NEW.request_id, NEW.inhoud_hash)
           IS NOT DISTINCT FROM
           (OLD.volgnummer, OLD.tijdstip, OLD.actor_id, OLD.actor_weergave, OLD.object_type_id, OLD.object_id,
            OLD.object_weergave, OLD.actie, OLD.handeling, OLD.van_status, OLD.naar_status, OLD.toelichting,
            OLD.wijzigingen::text, OLD.request_id, OLD.inhoud_hash))"""

REFUSE = """
CREATE OR REPLACE FUNCTION workflows_auditrecord_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % refused on record %', TG_OP, OLD.volgnummer
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

WHEN_TRIGGERS = REFUSE + f"""
DROP TRIGGER IF EXISTS workflows_auditrecord_append_only ON workflows_auditrecord;
CREATE TRIGGER workflows_auditrecord_append_only
    BEFORE UPDATE ON workflows_auditrecord
    FOR EACH ROW WHEN ({SEAL_ONLY} IS NOT TRUE)
    EXECUTE FUNCTION workflows_auditrecord_append_only();
CREATE TRIGGER workflows_auditrecord_refuse_delete
    BEFORE DELETE ON workflows_auditrecord
    FOR EACH ROW EXECUTE FUNCTION workflows_auditrecord_append_only();
"""

# Back to migration 0009's form: one trigger whose function decides.
FUNCTION_TRIGGER = f"""
CREATE OR REPLACE FUNCTION workflows_auditrecord_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND {SEAL_ONLY} THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit trail is append-only: % refused on record %', TG_OP, OLD.volgnummer
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS workflows_auditrecord_refuse_delete ON workflows_auditrecord;
DROP TRIGGER IF EXISTS workflows_auditrecord_append_only ON workflows_auditrecord;
CREATE TRIGGER workflows_auditrecord_append_only
    BEFORE UPDATE OR DELETE ON workflows_auditrecord
    FOR EACH ROW EXECUTE FUNCTION workflows_auditrecord_append_only();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("workflows", "0010_audit_sealer_schedule")]

    operations = [
        migrations.AlterField(
            model_name="auditrecord", name="object_type",
            field=models.ForeignKey(db_index=False, on_delete=models.deletion.PROTECT, related_name="+",
                                    to="contenttypes.contenttype"),
        ),
        migrations.RunPython(on_postgresql(WHEN_TRIGGERS), on_postgresql(FUNCTION_TRIGGER)),
    ]
