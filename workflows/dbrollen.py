"""Two database roles on PostgreSQL: the owner migrates, the application may only insert and read the trail.

A role that owns the audit tables can disable their triggers, rewrite records and truncate them; the application
must not be that role. `manage.py migrate` (workflows' migrate command) connects as DATABASE_OWNER_URL's role and
afterwards applies `grants()` to the application's role (DATABASE_URL's user), so every table a migration adds is
covered. This module is the one place that says what the application's role may do.
"""
import contextlib

from django.db import transaction

TRAIL_TABLES = ("workflows_auditrecord", "workflows_auditchainhead")
TRUNCATE_TRIGGERS = {table: f"{table}_refuse_truncate" for table in TRAIL_TABLES}  # migration 0008
SEAL_COLUMNS = ("positie", "transactie", "vorige_hash", "hash")  # what audit.seal() writes on a waiting record


def grants(app_role: str, schema: str) -> list[str]:
    """What the application's role may do: read and write the business tables, add to, seal and read the trail.

    The role owns nothing (no ALTER, DROP, DISABLE TRIGGER) and gets no TRUNCATE, REFERENCES or TRIGGER anywhere.
    On the records it may UPDATE only the link columns the sealer fills in (`SEAL_COLUMNS`). The chain head row is
    moved forward by the sealer (UPDATE) and made by the first one (INSERT), never deleted.
    Revoking first makes this repeatable and takes back whatever an earlier version granted.
    """
    role, schema = _quote(app_role), _quote(schema)
    return [
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"REVOKE UPDATE, DELETE ON workflows_auditrecord FROM {role}",
        # The sealer runs as this role: it fills in the link columns, nothing else. The append-only trigger lets
        # that UPDATE through once per record (unsealed before, sealed after, content unchanged).
        f"GRANT UPDATE ({', '.join(SEAL_COLUMNS)}) ON workflows_auditrecord TO {role}",
        f"REVOKE DELETE ON workflows_auditchainhead FROM {role}",
    ]


def grant(connection, app_role: str) -> None:
    """Apply `grants()` to `app_role` in the connection's database (as its owner), in one transaction."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        for statement in grants(app_role, cursor.fetchone()[0]):
            cursor.execute(statement)


@contextlib.contextmanager
def as_owner(connection, owner: dict):
    """Connect `connection` as the owner (DATABASE_OWNER_URL's user, password, host, port) for the block.

    The database name stays the connection's own, so this works on a test database too.
    """
    keys = ("USER", "PASSWORD", "HOST", "PORT")
    own = {key: connection.settings_dict[key] for key in keys}
    connection.close()
    connection.settings_dict.update({key: owner[key] for key in keys})
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(own)


def disable_truncate_guard(cursor) -> None:
    """For `manage.py flush` (owner only): switch the TRUNCATE triggers off inside the caller's transaction."""
    _switch_truncate_guard(cursor, "DISABLE")


def enable_truncate_guard(cursor) -> None:
    _switch_truncate_guard(cursor, "ENABLE")


def _switch_truncate_guard(cursor, how: str) -> None:
    cursor.execute("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE tgname = ANY(%s)",
                   [list(TRUNCATE_TRIGGERS.values())])
    for table, trigger in cursor.fetchall():
        cursor.execute(f"ALTER TABLE {_quote(table)} {how} TRIGGER {_quote(trigger)}")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
