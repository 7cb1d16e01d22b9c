"""On PostgreSQL the database refuses TRUNCATE on both trail tables, for every role including their owner.

Row triggers do not fire on TRUNCATE; these statement triggers do. The owner can still drop or disable them (an
ALTER TABLE, visible in the log), and `manage.py flush` does so in its own transaction (workflows' flush command);
a digest taken earlier then shows the emptied trail (workflows.digest).
"""
from django.db import migrations

TABLES = ("workflows_auditrecord", "workflows_auditchainhead")

CREATE = """
CREATE OR REPLACE FUNCTION workflows_audit_refuse_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: TRUNCATE refused on %', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
""" + "".join(f"""
DROP TRIGGER IF EXISTS {table}_refuse_truncate ON {table};
CREATE TRIGGER {table}_refuse_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION workflows_audit_refuse_truncate();
""" for table in TABLES)

DROP = "".join(f"DROP TRIGGER IF EXISTS {table}_refuse_truncate ON {table};\n" for table in TABLES) + """
DROP FUNCTION IF EXISTS workflows_audit_refuse_truncate();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("workflows", "0007_nightly_audit_digest")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
