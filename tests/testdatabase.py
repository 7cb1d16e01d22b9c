"""The test database, migrated once and copied: the migrations run once per set of migration files, not once per
pytest-xdist worker per session.

Every worker needs its own test database. Migrating one takes about 20 s of CPU (most of it Django rendering model
states), and every worker of every run did it. Now the first worker that finds no template migrates its own test
database exactly as pytest-django would (`create_test_db`: the real migrations, data migrations and PostgreSQL
triggers included) and saves a copy as the template; every later worker, in this run or a later one, gets a copy of
that template instead of migrating:
- SQLite: the template is a file in the cache folder (`SBS_TEST_DB_CACHE`, by default
  `~/.cache/sociale-basis-subsidies/test-db`); a worker's in-memory test database is filled from it with SQLite's
  backup API.
- PostgreSQL: the template is a database on the same server, `<test database>_tpl_<key>`; a worker's database is
  `CREATE DATABASE ... TEMPLATE` it.

The template's key is a hash of every migration file Django loads (the project's and the installed packages'), the
Django version, the database engine and this file: a changed, added or removed migration, or another Django, gives
another key, so a stale template is never used. A file lock per template makes one worker build it while the
others wait. `--create-db` rebuilds it; `--reuse-db` and `--no-migrations` keep pytest-django's own behaviour.
"""
import contextlib
import fcntl
import hashlib
import os
import sqlite3
import sys
import time
from pathlib import Path

import django
from django.conf import settings
from django.db import connections

ALIAS = "default"
# Templates a run no longer uses (another key) are removed once they are this old: another checkout may use them.
UNUSED_FOR = 7 * 24 * 3600


def cache_dir() -> Path:
    folder = Path(os.environ.get("SBS_TEST_DB_CACHE")
                  or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                  / "sociale-basis-subsidies" / "test-db")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


ROOT = Path(__file__).resolve().parent.parent
# Files that data migrations load into the database: an edit to them must not reuse a template made before it.
MIGRATION_INPUTS = [ROOT / "subsidies" / "briefsjablonen"]


def template_key(connection) -> str:
    """A hash of what the migrated database is made of: every migration file on disk and the files data migrations
    load, Django, the engine."""
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    digest.update(f"{django.get_version()} {connection.vendor} {Path(__file__).read_bytes()!r}".encode())
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        digest.update(f"{app_label}.{name}".encode())
        digest.update(Path(sys.modules[migration.__module__].__file__).read_bytes())
    for path in sorted(p for folder in MIGRATION_INPUTS for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def locked(name: str):
    """Only one process at a time past this point for `name` (a file lock: workers and runs on this machine)."""
    with open(cache_dir() / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def setup(verbosity: int, rebuild: bool, serialize: bool) -> list:
    """Creates this process's test database from the template (building the template first when there is none).
    Returns what `django.test.utils.teardown_databases` needs to drop it again."""
    connection = connections[ALIAS]
    old_name = connection.settings_dict["NAME"]
    backend = SQLite(connection) if connection.vendor == "sqlite" else PostgreSQL(connection)
    with locked(backend.template_name):
        if rebuild or not backend.template_exists():
            connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
            backend.save_as_template()
            backend.remove_stale_templates()
        else:
            backend.copy_template(verbosity)
    if serialize:
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return [(connection, old_name, True)]


class SQLite:
    """The template is a file; the test database stays in memory (as Django makes it) and is filled by backup."""

    def __init__(self, connection):
        self.connection = connection
        self.template_name = f"sqlite-{template_key(connection)}"
        self.path = cache_dir() / f"{self.template_name}.sqlite3"

    def template_exists(self) -> bool:
        if self.path.exists():
            self.path.touch()  # in use: not stale
            return True
        return False

    def save_as_template(self) -> None:
        unfinished = self.path.with_suffix(f".{os.getpid()}.tmp")
        with contextlib.closing(sqlite3.connect(unfinished)) as target:
            self.connection.ensure_connection()
            self.connection.connection.backup(target)
        os.replace(unfinished, self.path)  # whole or not at all

    def copy_template(self, verbosity: int) -> None:
        creation = self.connection.creation
        test_name = creation._create_test_db(verbosity, autoclobber=True, keepdb=False)
        if verbosity >= 1:
            creation.log(f"Copying test database for alias '{ALIAS}' from {self.path}...")
        self.connection.close()
        settings.DATABASES[ALIAS]["NAME"] = self.connection.settings_dict["NAME"] = test_name
        self.connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(self.path)) as source:
            source.backup(self.connection.connection)

    def remove_stale_templates(self) -> None:
        for path in cache_dir().glob("sqlite-*.sqlite3"):
            if path != self.path and time.time() - path.stat().st_mtime > UNUSED_FOR:
                path.unlink(missing_ok=True)


class PostgreSQL:
    """The template is a database beside the test databases; a worker's database is a copy made by the server."""

    def __init__(self, connection):
        self.connection = connection
        # One template for all workers: the test database's name without pytest-xdist's worker suffix (_gw0).
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        test_name = connection.creation._get_test_db_name()
        self.prefix = f"{test_name.removesuffix(f'_{worker}') if worker else test_name}_tpl_"
        self.template_name = f"{self.prefix}{template_key(connection)}"

    def _execute(self, *statements: str) -> None:
        """Runs the statements on the server's maintenance database; `{template}` is the template's quoted name."""
        template = self.connection.ops.quote_name(self.template_name)
        with self.connection.creation._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement.format(template=template))

    def template_exists(self) -> bool:
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.template_name])
            return cursor.fetchone() is not None

    def save_as_template(self) -> None:
        quote = self.connection.ops.quote_name
        own = quote(self.connection.settings_dict["NAME"])
        unfinished = quote(f"{self.template_name}_{os.getpid()}")
        self.connection.close()  # a database is copied only while nobody is connected to it
        self._execute(f"DROP DATABASE IF EXISTS {unfinished}", f"CREATE DATABASE {unfinished} TEMPLATE {own}",
                      f"ALTER DATABASE {unfinished} RENAME TO {{template}}")  # whole or not at all

    def copy_template(self, verbosity: int) -> None:
        test_name = self.connection.creation._get_test_db_name()
        if verbosity >= 1:
            self.connection.creation.log(f"Copying test database for alias '{ALIAS}' from {self.template_name}...")
        self.connection.close()
        test = self.connection.ops.quote_name(test_name)
        self._execute(f"DROP DATABASE IF EXISTS {test}", f"CREATE DATABASE {test} TEMPLATE {{template}}")
        settings.DATABASES[ALIAS]["NAME"] = self.connection.settings_dict["NAME"] = test_name
        self.connection.ensure_connection()

    def remove_stale_templates(self) -> None:
        """Templates of this test database with another key: made from other migrations, never used again."""
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND datname <> %s",
                           [self.prefix, self.template_name])
            stale = [name for (name,) in cursor.fetchall()]
        for name in stale:
            with contextlib.suppress(Exception):  # in use by a run that is still going: next time
                self._execute(f"DROP DATABASE {self.connection.ops.quote_name(name)}")
