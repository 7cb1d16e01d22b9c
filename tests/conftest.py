import contextlib
import datetime as dt
from dataclasses import dataclass
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from subsidies.rollen import Rol
from tests.factories import AanvraagFactory, OrganisatieFactory, maak_gebruiker, met_code_ingelogd, met_twee_stappen


GROUP_LOST = pytest.StashKey[str]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup` (make test) pytest-xdist gives a worker's tests marked `xdist_group(name)` the node id
    suffix `@name`, by which the controller sends a group to one worker. Where that suffix is missing (pytest 9.2 with
    pytest-xdist 3.8: pytest-dev/pytest-xdist#1386) the group is silently spread over the workers and every one of
    them builds the demo (minutes each): those tests fail at once instead, saying why."""
    if not config.getoption("loadgroup", default=False):
        return  # not a pytest-xdist worker under --dist loadgroup
    for item in items:
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
            item.stash[GROUP_LOST] = (
                f"--dist loadgroup does not keep xdist_group together on pytest {pytest.__version__} with this "
                "pytest-xdist (pytest-dev/pytest-xdist#1386), so every worker would build the demo; install the "
                "versions pyproject.toml allows: pip install -e '.[test]'")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if GROUP_LOST in item.stash:
        pytest.fail(item.stash[GROUP_LOST], pytrace=False)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_use_migrations, django_db_keepdb,
                    django_db_createdb, django_db_modify_db_settings):
    """pytest-django's test database, but migrated once and copied per worker and run (tests/testdatabase.py).
    With --reuse-db or --no-migrations, pytest-django's own setup."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from tests import testdatabase

    verbosity = request.config.option.verbose
    aliases, serialized = _get_databases_for_setup(request.session.items)
    keepdb = django_db_keepdb and not django_db_createdb
    with django_db_blocker.unblock():
        if keepdb or not django_db_use_migrations:
            if not django_db_use_migrations:
                _disable_migrations()
            old_config = setup_databases(verbosity=verbosity, interactive=False, aliases=aliases,
                                         serialized_aliases=serialized, keepdb=keepdb)
        else:
            old_config = testdatabase.setup(verbosity, rebuild=django_db_createdb,
                                            serialize=testdatabase.ALIAS in serialized)
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            teardown_databases(old_config, verbosity=verbosity)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """Logins are tested, not the hasher's deliberate slowness: PBKDF2's million rounds cost about half a CPU-second
    for every password set or checked (the demo alone does that some sixty times)."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@dataclass(frozen=True)
class Demo:
    output: str  # what `manage.py seed_demo` printed when it built the demo
    rows: dict  # tests.momentopname.take()


@pytest.fixture(scope="session")
def _demo_once(django_db_setup, django_db_blocker) -> Demo:
    """The whole demo, built once per worker by `manage.py seed_demo` (on today's date, as `make run` does) in a
    transaction that is rolled back, and kept as a snapshot of its rows."""
    from django.core.management import call_command

    from tests import momentopname

    output = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", force=True, stdout=output)
        demo = Demo(output.getvalue(), momentopname.take())
        transaction.set_rollback(True)
    return demo


@pytest.fixture
def full_demo(_demo_once, db) -> Demo:
    """The database holds the whole demo, exactly as `seed_demo` left it, for this test only. Building it takes
    about a minute of CPU, so it is built once per worker and copied into each test that needs it; mark such tests
    `xdist_group("demo")`, so that under `--dist loadgroup` (make test) one worker builds it for all of them."""
    from tests import momentopname

    momentopname.restore(_demo_once.rows)
    return _demo_once


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """With DATABASE_OWNER_URL (PostgreSQL, two roles) the suite runs as the tables' owner, as migrations do.

    The owner creates the test databases and tampers with the trail as an administrator could;
    tests/workflows/test_dbrollen.py connects as the application's role (DATABASE_URL) by itself.
    """
    from django.conf import settings
    from django.db import connections

    if settings.DATABASE_OWNER is not None and connections["default"].vendor == "postgresql":
        connections["default"].close()
        settings.DATABASES["default"].update(
            {key: settings.DATABASE_OWNER[key] for key in ("USER", "PASSWORD", "HOST", "PORT")})


@pytest.fixture
def aanvrager(db):
    return maak_gebruiker(Rol.AANVRAGER, username="aanvrager")


@pytest.fixture
def behandelaar(db):
    return maak_gebruiker(Rol.BEHANDELAAR, username="behandelaar")


@pytest.fixture
def beslisser(db):
    return maak_gebruiker(Rol.BESLISSER, username="beslisser")


@pytest.fixture
def auditor(db):
    return maak_gebruiker(Rol.AUDITOR, username="auditor")


@pytest.fixture
def beheerder(db):
    return maak_gebruiker(Rol.BEHEERDER, username="beheerder")


@pytest.fixture
def organisatie(aanvrager):
    return OrganisatieFactory(leden=[aanvrager])


@pytest.fixture
def concept(organisatie):
    """A complete draft of the aanvrager's organisation."""
    return AanvraagFactory(organisatie=organisatie)


# --- refusals change nothing; a fixed clock -------------------------------------------------------------------
OWN_APPS = ("workflows", "subsidies", "initiatieven", "accommodaties", "bewonersorganisaties")


def database_state() -> dict:
    """Every row of every table of our own apps, in primary-key order."""
    from django.apps import apps

    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for config in apps.get_app_configs() if config.label in OWN_APPS
        for model in config.get_models()
    }


@pytest.fixture
def geweigerd():
    """`with geweigerd(NotPermitted, "code"):` — the block is refused with that error and no row changes at all."""

    @contextlib.contextmanager
    def refused(error_type, code: str | None = None):
        before = database_state()
        with pytest.raises(error_type) as info:
            yield info
        if code is not None:
            assert info.value.code == code, info.value.as_dict()
        assert database_state() == before, "a refused action changed the database"

    return refused


AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def in_beheer(client, user):
    """`client` logged in to the admin as `user`; its transitions there still need the user's role."""
    user.is_staff = user.is_superuser = True
    user.save()
    met_twee_stappen(user)  # staff reach the admin only with a second step (access.tweestaps)
    client.force_login(user)
    session = client.session
    met_code_ingelogd(session, user)
    session.save()
    return client


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the second login step every staff member has."""
    return met_twee_stappen(admin_user)


@pytest.fixture
def admin_client(client, behandelaar):
    """A behandelaar in the admin (replaces pytest-django's fixture of that name: a superuser without a role)."""
    return in_beheer(client, behandelaar)


@pytest.fixture
def vandaag(time_machine):
    """Set the clock to 10:00 Amsterdam time on a given day: `vandaag(date(2026, 2, 2))`. The clock stands still."""

    def set_day(dag: dt.date, uur: int = 10):
        time_machine.move_to(dt.datetime.combine(dag, dt.time(uur), tzinfo=AMSTERDAM), tick=False)

    return set_day


@pytest.fixture
def actoren(aanvrager, behandelaar, beslisser, auditor, beheerder, organisatie):
    """Everyone who might try to act on the `organisatie`'s requests, by the name the tests use for them."""
    from subsidies.models import Belangenverklaring

    met_belang = {
        "behandelaar_met_belang": maak_gebruiker(Rol.BEHANDELAAR, username="behandelaar-met-belang"),
        "beslisser_met_belang": maak_gebruiker(Rol.BESLISSER, username="beslisser-met-belang"),
    }
    for medewerker in met_belang.values():
        Belangenverklaring.objects.create(medewerker=medewerker, organisatie=organisatie,
                                          toelichting="Bestuurslid van deze stichting")
    return {
        "aanvrager": aanvrager,
        "buitenstaander": maak_gebruiker(Rol.AANVRAGER, username="buitenstaander"),
        "behandelaar": behandelaar,
        "beslisser": beslisser,
        "tweede_beslisser": maak_gebruiker(Rol.BESLISSER, username="tweede-beslisser"),
        "auditor": auditor,
        "beheerder": beheerder,
        **met_belang,
    }


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    """Uploaded documents land in the test's own folder, never in the working tree; no virus scanner unless a test
    starts its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTEN_ROOT = tmp_path / "documenten"
    settings.CLAMD_SOCKET = ""


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    """DRF's throttles count in the cache: each test starts with none, whatever ran before it in this process."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _not_inside_a_celery_task():
    """Each test starts outside any task. Celery marks "inside a task" in one process-wide flag that every eager call
    saves and restores; eager tasks run at once in the threads of a concurrency test can restore it in the wrong
    order and leave it set, and a later `.delay().get()` in this process would then be refused."""
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)
