"""A snapshot of every row of every table, put back inside a test's transaction: data that takes long to build is
built once per worker and shared by the tests that read it (the demo: `full_demo` in tests/conftest.py).

The rows are copied as they are, column by column, with plain SQL: no model's `save()`, no signal, so putting them
back writes no audit record of its own and the copied trail stays exactly the trail that was built. Values go back
as the driver read them (Django has psycopg read jsonb and inet as text, and binds parameters client-side, so the
column's own type parses them again). Putting back
makes each table equal to the snapshot: rows the snapshot lacks are deleted, changed rows are set back, missing rows
are inserted. It runs inside the test's transaction, which is rolled back after the test like any other.
"""
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    pk: int  # index of the primary key in `columns`
    rows: dict  # primary key -> row


def take() -> dict[str, Table]:
    """Every row of every table of an installed model, as the current transaction sees it."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
            pk_column = connection.introspection.get_primary_key_column(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            columns = tuple(column[0] for column in cursor.description)
            pk = columns.index(pk_column)
            snapshot[table] = Table(columns, pk, {row[pk]: row for row in cursor.fetchall()})
    return snapshot


def restore(snapshot: dict[str, Table]) -> None:
    """Makes every table equal to the snapshot, in the current transaction: deletions first (so that a row with the
    same unique key under another primary key makes room), then changes, then insertions."""
    quote = connection.ops.quote_name
    current = take()
    with connection.cursor() as cursor:
        for table, saved in snapshot.items():
            gone = current[table].rows.keys() - saved.rows.keys()
            if gone:
                cursor.executemany(f"DELETE FROM {quote(table)} WHERE {quote(saved.columns[saved.pk])} = %s",
                                   [(pk,) for pk in gone])
        for table, saved in snapshot.items():
            rows = current[table].rows
            changed = [saved.rows[pk] for pk in saved.rows.keys() & rows.keys() if saved.rows[pk] != rows[pk]]
            if changed:
                others = [i for i in range(len(saved.columns)) if i != saved.pk]
                assignments = ", ".join(f"{quote(saved.columns[i])} = %s" for i in others)
                cursor.executemany(
                    f"UPDATE {quote(table)} SET {assignments} WHERE {quote(saved.columns[saved.pk])} = %s",
                    [[value for i, value in enumerate(row) if i != saved.pk] + [row[saved.pk]] for row in changed])
            missing = [saved.rows[pk] for pk in saved.rows.keys() - rows.keys()]
            if missing:
                columns = ", ".join(quote(column) for column in saved.columns)
                placeholders = ", ".join(["%s"] * len(saved.columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({columns}) VALUES ({placeholders})", missing)
        # PostgreSQL's sequences do not follow inserted ids: set them past the highest (SQLite's follow by themselves)
        models = [model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in snapshot]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
