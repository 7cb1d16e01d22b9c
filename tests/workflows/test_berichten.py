"""The outbox: a message exists only if the change that queued it committed, is sent once, and a failed send is
tried again later, up to a limit."""
import threading

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core import mail
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


@pytest.fixture
def mailserver(monkeypatch):
    """send_mail with a server that refuses given addresses, for the first `n` tries (None: always)."""
    weigert: dict[str, int | None] = {}
    pogingen: dict[str, int] = {}
    echte_send_mail = berichten.send_mail

    def send_mail(onderwerp, tekst, van, aan):
        (adres,) = aan
        pogingen[adres] = pogingen.get(adres, 0) + 1
        if adres in weigert and (weigert[adres] is None or pogingen[adres] <= weigert[adres]):
            raise ConnectionRefusedError(f"451 {adres}: probeer het later opnieuw")
        return echte_send_mail(onderwerp, tekst, van, aan)

    monkeypatch.setattr(berichten, "send_mail", send_mail)
    return weigert, pogingen


def test_a_failed_send_is_kept_and_tried_again_later(onderwerp, mailoutbox, mailserver):
    weigert, pogingen = mailserver
    weigert["tijdelijk@example.org"] = 2
    berichten.plaats("a", ["tijdelijk@example.org", "goed@example.org"], "Herinnering", "Tekst")

    assert berichten.verstuur() == 1
    bericht = Bericht.objects.get(aan="tijdelijk@example.org")
    assert (bericht.verzonden_op, bericht.pogingen) == (None, 1)
    assert "451" in bericht.laatste_fout
    assert berichten.verstuur() == 0
    assert berichten.verstuur() == 1
    bericht.refresh_from_db()
    assert bericht.verzonden_op is not None and bericht.pogingen == 3
    assert sorted(m.to[0] for m in mailoutbox) == ["goed@example.org", "tijdelijk@example.org"]
    assert pogingen == {"goed@example.org": 1, "tijdelijk@example.org": 3}


def test_a_message_that_keeps_failing_is_given_up_after_its_limit(onderwerp, mailoutbox, mailserver):
    weigert, pogingen = mailserver
    weigert["bestaat-niet@example.org"] = None
    berichten.plaats("a", ["bestaat-niet@example.org"], "Herinnering", "Tekst")

    for _ in range(berichten.MAX_POGINGEN + 3):
        assert berichten.verstuur() == 0
    assert pogingen == {"bestaat-niet@example.org": berichten.MAX_POGINGEN}
    bericht = Bericht.objects.get()
    assert (bericht.verzonden_op, bericht.pogingen) == (None, berichten.MAX_POGINGEN)
    assert mailoutbox == []


def test_a_worker_that_dies_mid_run_keeps_what_it_sent_and_sends_nothing_twice(onderwerp, mailoutbox, monkeypatch):
    for n in range(3):
        berichten.plaats(f"bericht-{n}", [f"ontvanger{n}@example.org"], f"Bericht {n}", "Tekst")
    echte_send_mail = berichten.send_mail

    def sterft_bij_de_tweede(onderwerp, tekst, van, aan):
        if onderwerp == "Bericht 1":
            raise SystemExit("de worker wordt gestopt")  # not a mail error: the process goes down
        return echte_send_mail(onderwerp, tekst, van, aan)

    monkeypatch.setattr(berichten, "send_mail", sterft_bij_de_tweede)
    with pytest.raises(SystemExit):
        berichten.verstuur()
    assert list(Bericht.objects.filter(verzonden_op__isnull=False).values_list("onderwerp", flat=True)) == [
        "Bericht 0"]

    monkeypatch.setattr(berichten, "send_mail", echte_send_mail)
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
