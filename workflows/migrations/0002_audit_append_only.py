"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit trail (DESIGN §7).

Row triggers do not fire on TRUNCATE; migration 0006 refuses that with a statement trigger.
"""
from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION workflows_auditrecord_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % refused on record %', TG_OP, OLD.volgnummer
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS workflows_auditrecord_append_only ON workflows_auditrecord;
CREATE TRIGGER workflows_auditrecord_append_only
    BEFORE UPDATE OR DELETE ON workflows_auditrecord
    FOR EACH ROW EXECUTE FUNCTION workflows_auditrecord_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS workflows_auditrecord_append_only ON workflows_auditrecord;
DROP FUNCTION IF EXISTS workflows_auditrecord_append_only();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("workflows", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
