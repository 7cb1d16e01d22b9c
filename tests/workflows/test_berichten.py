"""The outbox: a message exists only if the change that queued it committed, is sent once, and a failed send is
tried again later, up to a limit."""
import datetime as dt
import smtplib
import threading

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection, connections, transaction

from workflows import berichten
from workflows.models import Bericht


@pytest.fixture
def onderwerp(db):
    """Something a message is about; the engine knows no subsidy, so a user account will do."""
    return User.objects.create(username="betrokkene")


def test_one_message_per_address_and_a_key_makes_queueing_idempotent(onderwerp):
    aan = ["Bestuur@Example.org", " bestuur@example.org", "", None, "penningmeester@example.org"]
    assert berichten.plaats("herinnering-1", aan, "Herinnering", "Tekst", obj=onderwerp) == 2
    assert berichten.plaats("herinnering-1", aan, "Herinnering", "Tekst", obj=onderwerp) == 0
    assert berichten.plaats("herinnering-1", ["nieuw@example.org"], "Herinnering", "Tekst") == 1
    assert sorted(Bericht.objects.values_list("sleutel", flat=True)) == [
        "herinnering-1:bestuur@example.org", "herinnering-1:nieuw@example.org",
        "herinnering-1:penningmeester@example.org"]
    bericht = Bericht.objects.get(aan="bestuur@example.org")
    assert (bericht.object_type, bericht.object_id) == (ContentType.objects.get_for_model(User), str(onderwerp.pk))


def test_a_message_queued_in_a_rolled_back_transaction_never_exists(onderwerp, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        berichten.plaats("besluit-1", ["bestuur@example.org"], "Besluit", "Tekst", obj=onderwerp)
        raise RuntimeError("het besluit gaat niet door")

    assert not Bericht.objects.exists()
    assert berichten.verstuur() == 0
    assert mailoutbox == []


def test_sending_uses_the_mail_backend_and_marks_each_message_sent(onderwerp, mailoutbox, settings):
    berichten.plaats("a", ["een@example.org", "twee@example.org"], "Werkplan gevraagd", "Stuur uw werkplan.")
    berichten.plaats("b", ["een@example.org"], "Herinnering", "Wij verwachten uw werkplan.")

    assert berichten.verstuur() == 3
    assert sorted((m.to[0], m.subject, m.body, m.from_email) for m in mailoutbox) == [
        ("een@example.org", "Herinnering", "Wij verwachten uw werkplan.", settings.DEFAULT_FROM_EMAIL),
        ("een@example.org", "Werkplan gevraagd", "Stuur uw werkplan.", settings.DEFAULT_FROM_EMAIL),
        ("twee@example.org", "Werkplan gevraagd", "Stuur uw werkplan.", settings.DEFAULT_FROM_EMAIL),
    ]
    assert not Bericht.objects.filter(verzonden_op__isnull=True).exists()
    assert set(Bericht.objects.values_list("pogingen", flat=True)) == {1}
    assert berichten.verstuur() == 0
    assert len(mailoutbox) == 3


def test_a_run_sends_at_most_its_limit_oldest_first(onderwerp, mailoutbox):
    for n in range(5):
        berichten.plaats(f"bericht-{n}", ["bestuur@example.org"], f"Bericht {n}", "Tekst")
    assert berichten.verstuur(limiet=2) == 2
    assert [m.subject for m in mailoutbox] == ["Bericht 0", "Bericht 1"]
    assert berichten.verstuur(limiet=2) == 2
    assert berichten.verstuur(limiet=2) == 1
    assert [m.subject for m in mailoutbox] == [f"Bericht {n}" for n in range(5)]


class Mailserver(locmem.EmailBackend):
    """The test mail server: takes mail like locmem, but refuses the addresses in `weigert` for their first `n`
    tries (None: always) with a temporary (4xx) SMTP error, and counts every try per address."""

    weigert: dict[str, int | None] = {}
    pogingen: dict[str, int] = {}

    def send_messages(self, messages):
        for message in messages:
            (adres,) = message.to
            Mailserver.pogingen[adres] = Mailserver.pogingen.get(adres, 0) + 1
            n = Mailserver.weigert.get(adres, 0)
            if n is None or Mailserver.pogingen[adres] <= n:
                raise smtplib.SMTPRecipientsRefused({adres: (451, b"probeer het later opnieuw")})
        return super().send_messages(messages)


@pytest.fixture
def mailserver(settings, mailoutbox):
    settings.EMAIL_BACKEND = f"{__name__}.Mailserver"
    Mailserver.weigert, Mailserver.pogingen = {}, {}
    return Mailserver


def test_a_failed_send_waits_longer_each_time_and_is_then_sent(onderwerp, mailoutbox, mailserver, time_machine,
                                                                settings):
    settings.BERICHTEN_WACHTTIJD = 60
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    mailserver.weigert["tijdelijk@example.org"] = 2
    berichten.plaats("a", ["tijdelijk@example.org", "goed@example.org"], "Herinnering", "Tekst")

    assert berichten.verstuur() == 1
    bericht = Bericht.objects.get(aan="tijdelijk@example.org")
    assert (bericht.verzonden_op, bericht.pogingen, bericht.mislukt_op) == (None, 1, None)
    assert "451" in bericht.laatste_fout
    assert bericht.volgende_poging == dt.datetime(2026, 3, 2, 9, 1, tzinfo=dt.UTC)
    assert berichten.verstuur() == 0  # not due yet: nobody asked the server
    time_machine.shift(60)
    assert berichten.verstuur() == 0  # refused again; now it waits twice as long
    bericht.refresh_from_db()
    assert (bericht.pogingen, bericht.volgende_poging) == (2, dt.datetime(2026, 3, 2, 9, 3, tzinfo=dt.UTC))
    time_machine.shift(119)
    assert berichten.verstuur() == 0
    time_machine.shift(1)
    assert berichten.verstuur() == 1
    bericht.refresh_from_db()
    assert bericht.verzonden_op is not None and bericht.pogingen == 3 and bericht.laatste_fout == ""
    assert sorted(m.to[0] for m in mailoutbox) == ["goed@example.org", "tijdelijk@example.org"]
    assert mailserver.pogingen == {"goed@example.org": 1, "tijdelijk@example.org": 3}


def test_a_message_that_keeps_failing_is_given_up_and_shown_to_the_beheerder(onderwerp, mailoutbox, mailserver,
                                                                               settings, admin_client):
    settings.BERICHTEN_WACHTTIJD = 0
    mailserver.weigert["bestaat-niet@example.org"] = None
    berichten.plaats("a", ["bestaat-niet@example.org"], "Herinnering", "Tekst")

    for _ in range(settings.BERICHTEN_MAX_POGINGEN + 3):
        assert berichten.verstuur() == 0
    assert mailserver.pogingen == {"bestaat-niet@example.org": settings.BERICHTEN_MAX_POGINGEN}
    bericht = Bericht.objects.get()
    assert (bericht.verzonden_op, bericht.pogingen) == (None, settings.BERICHTEN_MAX_POGINGEN)
    assert bericht.mislukt_op is not None and "451" in bericht.laatste_fout
    assert mailoutbox == []

    index = admin_client.get("/admin/").content.decode()
    assert "1 bericht kon niet worden verzonden" in index
    mislukt = admin_client.get("/admin/workflows/bericht/?status=mislukt").content.decode()
    assert "bestaat-niet@example.org" in mislukt


def test_a_sender_that_dies_after_sending_leaves_a_lease_that_expires(onderwerp, mailoutbox, time_machine, settings):
    """Between the server's 'accepted' and the mark there is no way to be sure: the message goes once more after
    the lease, under the same Message-ID, so the receiving side can drop the repeat."""
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    berichten.plaats("besluit", ["bestuur@example.org"], "Besluit", "Tekst")
    houder = berichten.eigenaar()
    bericht = berichten.claim(houder)
    berichten.mail(bericht).send()  # ... and the process dies here, before markeer_verzonden

    assert berichten.verstuur() == 0  # the lease holds: no second sender takes it meanwhile
    time_machine.shift(settings.BERICHTEN_CLAIM_SECONDEN + 1)
    assert berichten.verstuur() == 1
    assert [m.extra_headers["Message-ID"] for m in mailoutbox] == [bericht.message_id] * 2
    assert not berichten.markeer_verzonden(bericht, houder)  # the dead sender's lease is gone


def test_a_message_is_claimed_by_one_sender_only(onderwerp):
    berichten.plaats("a", ["een@example.org"], "Herinnering", "Tekst")
    eerste = berichten.claim("sender-1")
    assert eerste is not None and eerste.pogingen == 1
    assert berichten.claim("sender-2") is None
    assert Bericht.objects.get().geclaimd_door == "sender-1"


class SterftBijBericht1(locmem.EmailBackend):
    def send_messages(self, messages):
        if messages[0].subject == "Bericht 1":
            raise SystemExit("de worker wordt gestopt")  # not a mail error: the process goes down
        return super().send_messages(messages)


def test_a_worker_that_dies_mid_run_keeps_what_it_sent_and_sends_nothing_twice(onderwerp, mailoutbox, settings,
                                                                                 time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    for n in range(3):
        berichten.plaats(f"bericht-{n}", [f"ontvanger{n}@example.org"], f"Bericht {n}", "Tekst")
    settings.EMAIL_BACKEND = f"{__name__}.SterftBijBericht1"
    with pytest.raises(SystemExit):
        berichten.verstuur()
    assert list(Bericht.objects.filter(verzonden_op__isnull=False).values_list("onderwerp", flat=True)) == [
        "Bericht 0"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.shift(settings.BERICHTEN_CLAIM_SECONDEN + 1)  # the dead worker's lease on "Bericht 1" ran out
    assert berichten.verstuur() == 2
    assert [m.subject for m in mailoutbox] == ["Bericht 0", "Bericht 1", "Bericht 2"]


def test_the_outbox_task_runs_eagerly_through_delay(onderwerp, mailoutbox, monkeypatch):
    from config.celery import app
    from workflows.tasks import verstuur_berichten

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    berichten.plaats("a", ["een@example.org", "twee@example.org"], "Herinnering", "Tekst")
    assert verstuur_berichten.delay().get() == 2
    assert verstuur_berichten.delay().get() == 0
    assert len(mailoutbox) == 2


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's SKIP LOCKED")
@pytest.mark.django_db(transaction=True)
def test_senders_side_by_side_send_each_message_once(mailoutbox):
    for n in range(60):
        berichten.plaats(f"bericht-{n}", [f"ontvanger{n}@example.org"], f"Bericht {n}", "Tekst")
    barrier, verzonden = threading.Barrier(3), []

    def run():
        try:
            barrier.wait(timeout=30)
            while (aantal := berichten.verstuur(limiet=7)):
                verzonden.append(aantal)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)

    assert sum(verzonden) == 60
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"ontvanger{n}@example.org" for n in range(60))
    assert not Bericht.objects.filter(verzonden_op__isnull=True).exists()
