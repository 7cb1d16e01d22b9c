"""Exactly once, for real: a Celery worker sends the outbox to an SMTP server started in this test, through a Redis
broker of this test's own. The server refuses the first tries (451), the broker is stopped and started again in
between, and every message arrives once, counted by its Message-ID.

Redis here is a private `redis-server` on a free port (stopping the shared one would stop everyone else's work). The
worker must see this process's database and write to it, so the test needs PostgreSQL; on SQLite it is skipped.
"""
import collections
import email
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest
from aiosmtpd.controller import Controller
from celery import Celery
from celery.result import allow_join_result
from django.db import connection
from kombu.exceptions import OperationalError

from tests.test_celery_worker import BASE_DIR, worker_database_url
from workflows import berichten
from workflows.models import Bericht

TIMEOUT = 60  # seconds for one task's round trip, a reconnect after the broker's restart included

pytestmark = [
    pytest.mark.worker,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="the worker writes to this test's database: needs PostgreSQL"),
    pytest.mark.skipif(not shutil.which("redis-server") and not os.environ.get("CI"),
                       reason="needs redis-server (scripts/services.sh installs it)"),
]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postkamer:
    """The receiving mail server's handler: refuses the first `weiger` mails with a temporary error, then keeps
    the Message-ID of each mail it accepts."""

    def __init__(self, weiger: int):
        self.weiger = weiger
        self.geweigerd = 0
        self.ontvangen: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):
        if self.geweigerd < self.weiger:
            self.geweigerd += 1
            return "451 4.3.0 Probeer het later opnieuw"
        self.ontvangen.append(email.message_from_bytes(envelope.content))
        return "250 2.0.0 OK"


class Redis:
    """A redis-server of this test alone, that can be stopped and started again on the same port."""

    def __init__(self):
        self.poort, self.proces = vrije_poort(), None
        self.url = f"redis://127.0.0.1:{self.poort}/0"

    def start(self):
        self.proces = subprocess.Popen(["redis-server", "--port", str(self.poort), "--bind", "127.0.0.1", "--save",
                                        "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.poort), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        pytest.fail("redis-server did not start")

    def stop(self):
        self.proces.terminate()
        self.proces.wait(timeout=10)


@pytest.fixture
def omgeving(tmp_path):
    """A mail server that refuses the first six mails, a private Redis, and a worker started on both."""
    postkamer = Postkamer(weiger=6)
    smtp = Controller(postkamer, hostname="127.0.0.1", port=vrije_poort())
    smtp.start()
    redis = Redis()
    redis.start()
    queue = f"test-berichten-{uuid.uuid4().hex}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": worker_database_url(tmp_path),
           "REDIS_URL": redis.url, "CELERY_BROKER_URL": redis.url, "CELERY_RESULT_BACKEND": redis.url,
           "CELERY_TASK_ALWAYS_EAGER": "false", "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
           "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp.port), "EMAIL_TIMEOUT": "10",
           "BERICHTEN_WACHTTIJD": "0"}  # a refused message is due again at the next run
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1", "-Q", queue,
             "--hostname", f"{queue}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--loglevel=INFO"], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def run() -> int:
        """One run of the send task on the worker; its result (how many were sent)."""
        client = Celery("berichten-test", broker=redis.url, backend=redis.url, set_as_current=False)
        try:
            result = client.send_task("workflows.verstuur_berichten", queue=queue)
            deadline = time.monotonic() + TIMEOUT
            while not result.ready():
                if worker.poll() is not None:
                    pytest.fail(f"the worker exited with {worker.returncode}:\n{log_path.read_text()}")
                if time.monotonic() > deadline:
                    pytest.fail(f"no result from the worker within {TIMEOUT} s:\n{log_path.read_text()}")
                time.sleep(0.05)
            with allow_join_result():  # this process is the client, never inside a task
                return result.get(timeout=5)
        finally:
            client.close()

    yield postkamer, redis, run
    worker.terminate()
    try:
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)
    redis.stop()
    smtp.stop()


@pytest.mark.django_db(transaction=True)
def test_every_message_arrives_exactly_once_through_smtp_refusals_and_a_broker_outage(omgeving):
    postkamer, redis, run = omgeving
    for n in range(4):
        berichten.plaats_alle(berichten.opstellen(f"besluit-{n}", [f"ontvanger{n}@example.org"], f"Besluit {n}",
                                                  f"Wij hebben besloten ({n}).", html=f"<p>Wij hebben besloten ({n}).</p>"))

    assert run() == 0  # the server refuses all four: each stays in the outbox, due again
    assert set(Bericht.objects.values_list("pogingen", flat=True)) == {1}
    assert run() == 2  # two more refusals, then two accepted

    redis.stop()  # the broker goes down: no run can be asked for, and nothing is lost
    with pytest.raises(OperationalError):
        Celery("zonder-broker", broker=redis.url, set_as_current=False).send_task("workflows.verstuur_berichten",
                                                            retry_policy={"max_retries": 1})
    berichten.plaats("herinnering", ["ontvanger9@example.org"], "Herinnering", "Vergeet uw werkplan niet.")
    redis.start()

    gestuurd = [run() for _ in range(3)]
    assert sum(gestuurd) == 3 and gestuurd[-1] == 0

    verwacht = {b.message_id for b in Bericht.objects.all()}
    aantallen = collections.Counter(mail["Message-ID"] for mail in postkamer.ontvangen)
    assert set(aantallen) == verwacht and set(aantallen.values()) == {1}  # every message once, none twice
    assert postkamer.geweigerd == 6
    assert not Bericht.objects.filter(verzonden_op__isnull=True).exists()
    besluit = next(m for m in postkamer.ontvangen if m["Subject"] == "Besluit 0")
    assert besluit.get_content_type() == "multipart/alternative"  # text and HTML
