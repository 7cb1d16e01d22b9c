"""A real Celery worker, fed through Redis, verifies the audit trail of the test database.

The rest of the suite runs tasks eagerly; this is the one test of the broker, the result backend, the worker's
own Django start-up and its database connection. The worker listens on a queue of its own in Redis database 1,
so parallel runs (xdist, other developers) never take each other's tasks. On PostgreSQL the worker connects to
this process's test database. SQLite's test database lives in this process's memory, out of the worker's reach,
so there the worker reads a snapshot of it (sqlite3's backup API), taken after the test wrote its records.
"""
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
import redis
from celery import Celery
from celery.result import allow_join_result
from django.db import connection

from tests.factories import OrganisatieFactory
from workflows.models import AuditRecord

BASE_DIR = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")
TIMEOUT = 30  # seconds; the round trip normally takes about three

pytestmark = [
    pytest.mark.worker,
    # CI always provides Redis; there a missing REDIS_URL fails the test instead of hiding it.
    pytest.mark.skipif(not REDIS_URL and not os.environ.get("CI"),
                       reason="needs Redis: set REDIS_URL (scripts/services.sh starts Redis and prints it)"),
]


def redis_database(url: str, number: int) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{number}"))


def worker_database_url(tmp_path: Path) -> str:
    """A DATABASE_URL that gives the worker the data this test process sees."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        credentials = quote(settings["USER"], safe="") + (":" + quote(settings["PASSWORD"], safe="")
                                                          if settings["PASSWORD"] else "")
        host = f"{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}"
        return f"postgres://{credentials}@{host}/{quote(settings['NAME'], safe='')}"
    if connection.vendor == "sqlite":
        snapshot = tmp_path / "snapshot.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(snapshot)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return f"sqlite:///{snapshot}"
    pytest.fail(f"no worker database for vendor {connection.vendor}")


@pytest.fixture
def worker(tmp_path):
    """`worker(task_name)` starts a worker on the current database, runs the task there and returns its result."""
    if not REDIS_URL:
        pytest.fail("CI must export REDIS_URL: the real-worker test may not be skipped there")
    broker = redis_database(REDIS_URL, 1)
    queue = f"test-worker-{uuid.uuid4().hex}"
    client = Celery("worker-test", broker=broker, backend=broker, set_as_current=False)
    log_path = tmp_path / "worker.log"
    processes = []

    def run(task_name: str):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": worker_database_url(tmp_path),
               "REDIS_URL": broker, "CELERY_BROKER_URL": broker, "CELERY_RESULT_BACKEND": broker,
               "CELERY_TASK_ALWAYS_EAGER": "false"}
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
                   "-Q", queue, "--hostname", f"{queue}@%h", "--without-gossip", "--without-mingle",
                   "--without-heartbeat", "--loglevel=INFO"]
        with open(log_path, "wb") as log:
            processes.append(subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                                              stdin=subprocess.DEVNULL))
        result = client.send_task(task_name, queue=queue)
        deadline = time.monotonic() + TIMEOUT
        while not result.ready():
            if processes[-1].poll() is not None:
                pytest.fail(f"the worker exited with {processes[-1].returncode}:\n{log_path.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"no result from the worker within {TIMEOUT} s:\n{log_path.read_text()}")
            time.sleep(0.05)
        try:
            with allow_join_result():  # this process is the client, never inside a task
                return result.get(timeout=1)
        finally:
            result.forget()

    yield run

    for process in processes:
        process.terminate()  # warm shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    client.close()
    keys = redis.Redis.from_url(broker)
    for key in keys.scan_iter(f"*{queue}*"):
        keys.delete(key)
    keys.close()


@pytest.mark.django_db(transaction=True)
def test_worker_reports_the_trail_of_the_database_intact(worker):
    OrganisatieFactory.create_batch(3)
    written = AuditRecord.objects.count()
    assert written >= 3, "creating organisations writes the trail"

    outcome = worker("workflows.verify_audit_trail")

    assert outcome == {"intact": True, "checked": written, "problem": "", "volgnummer": None, "waiting": 0}
