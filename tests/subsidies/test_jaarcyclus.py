"""The yearly cycle of structural subsidies that Celery beat runs: opening a boekjaar and watching its terms.

Real perform(), the real outbox, the clock moved with `vandaag`. Every job is run as beat would: on the day,
again and again, late after a missed day, and again after a crash halfway.

The subsidies of these tests run 2026-2028 and were granted on 1-9-2025: the council adopted the 2026 budget on
1-6-2025, so 2026 runs (lopend); 2027 and 2028 are planned under the begrotingsvoorbehoud. Dates that follow:
werkplan 2027 due 2-10-2026, werkplan 2028 due 2-10-2027, jaarverantwoording 2026 due 30-6-2027.
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction

from subsidies.models import Contactpersoon, Jaartranche
from subsidies.rollen import systeemgebruiker
from subsidies.services import boekjaar, meerjarig, meldingen
from tests.conftest import database_state
from tests.factories import (
    BegrotingsjaarFactory, OrganisatieFactory, breng_naar, meerjarige_aanvraag, meerjarige_regeling,
)
from workflows.audit import verify
from workflows.models import AuditRecord, Bericht
from workflows.transitions import check, perform

BEDRAG = Decimal("120000.00")
WERKPLAN_2027_UITERLIJK = dt.date(2026, 10, 2)
VERANTWOORDING_2026_UITERLIJK = dt.date(2027, 6, 30)


def lopende_subsidies(aantal: int, vandaag, behandelaar, beslisser, *, bedragen: dict | None = None,
                      begroting_2027: dt.date | None = dt.date(2026, 11, 12), voorschotschema: str = "kwartaal"):
    """That many structural subsidies 2026-2028 granted on 1-9-2025 through perform() (see above)."""
    vandaag(dt.date(2025, 9, 1))
    BegrotingsjaarFactory(boekjaar=2026, vastgesteld_op=dt.date(2025, 6, 1))
    BegrotingsjaarFactory(boekjaar=2027, vastgesteld_op=begroting_2027)
    BegrotingsjaarFactory(boekjaar=2028, vastgesteld_op=None)
    regeling = meerjarige_regeling(2026, 3, voorschotschema=voorschotschema)
    return [
        breng_naar(meerjarige_aanvraag(regeling, bedragen or dict.fromkeys((2026, 2027, 2028), BEDRAG),
                                       organisatie=OrganisatieFactory(email=f"bestuur{i}@example.org")),
                   "verleend", behandelaar=behandelaar, beslisser=beslisser).subsidie
        for i in range(aantal)
    ]


@pytest.fixture
def structureel(db, vandaag, behandelaar, beslisser):
    """`structureel(aantal, begroting_2027=...)`: running structural subsidies, see `lopende_subsidies`."""
    return lambda aantal=1, **kwargs: lopende_subsidies(aantal, vandaag, behandelaar, beslisser, **kwargs)


def tranche(subsidie, jaar: int) -> Jaartranche:
    return Jaartranche.objects.select_related("verplichting").get(subsidie=subsidie, boekjaar=jaar)


def berichten(sleutel: str) -> list[str]:
    """The addresses the outbox holds a message for under this key."""
    return sorted(Bericht.objects.filter(sleutel__startswith=f"{sleutel}:").values_list("aan", flat=True))


def adressen(subsidie) -> list[str]:
    organisatie = subsidie.aanvraag.organisatie
    alle = [organisatie.email, *organisatie.leden.values_list("email", flat=True),
            *organisatie.contactpersonen.values_list("email", flat=True)]
    return sorted({adres.strip().lower() for adres in alle})


def records(obj, **filters):
    return AuditRecord.objects.filter(object_id=str(obj.pk), object_type__model=obj._meta.model_name, **filters)


def rijen_per_tabel() -> dict[str, int]:
    """The row count of every table in the database, ours and Django's alike."""
    with connection.cursor() as cursor:
        tellingen = {}
        for tabel in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabel)}")
            tellingen[tabel] = cursor.fetchone()[0]
    return tellingen


# --- open_boekjaar -----------------------------------------------------------------------------------------------
def test_opening_a_year_confirms_it_asks_the_next_werkplan_and_the_last_report(structureel, vandaag):
    (subsidie,) = structureel(1)
    organisatie = subsidie.aanvraag.organisatie
    Contactpersoon.objects.create(organisatie=organisatie, naam="P. Enning", email="penningmeester@example.org")
    Contactpersoon.objects.create(organisatie=organisatie, naam="Bestuur", email=" BESTUUR0@example.org")  # a double
    # volgnummer comes from a sequence that rolled-back tests also advanced: compare with the highest, not the count
    voor = AuditRecord.objects.order_by("-volgnummer").values_list("volgnummer", flat=True).first() or 0
    berichten_voor = Bericht.objects.count()

    vandaag(dt.date(2027, 1, 4))
    telling = boekjaar.open_boekjaar(2027)

    assert telling == {"definitief": 1, "werkplan_gevraagd": 1, "verantwoording_gevraagd": 1}
    t2026, t2027, t2028 = (tranche(subsidie, jaar) for jaar in (2026, 2027, 2028))
    assert (t2027.status, t2027.verplichting.voorwaardelijk) == ("definitief", False)
    assert (t2028.status, t2028.werkplan_gevraagd_op) == ("gepland", dt.date(2027, 1, 4))
    assert (t2026.status, t2026.verantwoording_gevraagd_op) == ("lopend", dt.date(2027, 1, 4))
    # Every change is on the trail, by the system account.
    nieuw = AuditRecord.objects.filter(volgnummer__gt=voor)
    assert set(nieuw.values_list("actor_weergave", flat=True)) == {"systeem (Geplande taak)"}
    (overgang,) = records(t2027, actie="overgang")
    assert (overgang.handeling, overgang.van_status, overgang.naar_status) == ("definitief_maken", "gepland",
                                                                              "definitief")
    assert "12-11-2026" in overgang.toelichting and "Awb 4:34" in overgang.toelichting
    assert records(t2028, wijzigingen={"werkplan_gevraagd_op": [None, "2027-01-04"]}).count() == 1
    assert records(t2026, wijzigingen={"verantwoording_gevraagd_op": [None, "2027-01-04"]}).count() == 1
    # One message per recipient: the organisation, its contact persons and its members, each address once.
    ontvangers = adressen(subsidie)
    assert ontvangers == sorted({"bestuur0@example.org", "penningmeester@example.org",
                                 *organisatie.leden.values_list("email", flat=True)})
    assert berichten(f"werkplan-{t2028.pk}") == ontvangers
    assert berichten(f"verantwoording-{t2026.pk}") == ontvangers
    assert Bericht.objects.count() - berichten_voor == 2 * len(ontvangers)
    werkplan = Bericht.objects.filter(sleutel__startswith=f"werkplan-{t2028.pk}:").first()
    assert "02-10-2027" in werkplan.tekst and "2028" in werkplan.onderwerp
    verantwoording = Bericht.objects.filter(sleutel__startswith=f"verantwoording-{t2026.pk}:").first()
    assert "30-06-2027" in verantwoording.tekst and "2026" in verantwoording.onderwerp
    assert verify().intact


@pytest.mark.parametrize(("vastgesteld_op", "nog_voorwaardelijk", "definitief_op"), [
    # 4 weeks after Friday 27-11-2026 is Christmas; Atw moves the end past 26-12 and the Sunday to Monday 28-12.
    (dt.date(2026, 11, 27), [dt.date(2026, 12, 25), dt.date(2026, 12, 28)], dt.date(2026, 12, 29)),
    (dt.date(2026, 11, 12), [dt.date(2026, 12, 10)], dt.date(2026, 12, 11)),
    # A budget adopted late, in the year itself: the year opens conditional and becomes definite in February.
    (dt.date(2027, 1, 14), [dt.date(2027, 1, 4), dt.date(2027, 2, 11)], dt.date(2027, 2, 12)),
])
def test_a_year_becomes_definite_only_after_the_four_weeks_of_the_budget_condition(
        structureel, vandaag, beslisser, vastgesteld_op, nog_voorwaardelijk, definitief_op):
    (subsidie,) = structureel(1, begroting_2027=vastgesteld_op)
    t2027 = tranche(subsidie, 2027)
    for dag in nog_voorwaardelijk:
        vandaag(dag)
        assert boekjaar.open_boekjaar(2027)["definitief"] == 0
        assert boekjaar.bewaak_termijnen()["definitief"] == 0
        t2027.refresh_from_db()
        assert t2027.status == "gepland" and t2027.verplichting.voorwaardelijk
        if dag >= vastgesteld_op:  # the council's condition can still be invoked
            check(t2027, "voorbehoud_inroepen", beslisser)

    vandaag(definitief_op)
    assert boekjaar.open_boekjaar(2027)["definitief"] == 1
    t2027 = tranche(subsidie, 2027)
    assert (t2027.status, t2027.verplichting.voorwaardelijk) == ("definitief", False)


def test_a_year_whose_budget_is_not_adopted_stays_conditional(structureel, vandaag):
    (subsidie,) = structureel(1, begroting_2027=None)
    vandaag(dt.date(2027, 1, 4))
    assert boekjaar.open_boekjaar(2027) == {"definitief": 0, "werkplan_gevraagd": 1, "verantwoording_gevraagd": 1}
    assert tranche(subsidie, 2027).status == "gepland"


def test_opening_a_year_twice_changes_nothing(structureel, vandaag):
    structureel(3)
    vandaag(dt.date(2027, 1, 4))
    assert boekjaar.open_boekjaar(2027) == {"definitief": 3, "werkplan_gevraagd": 3, "verantwoording_gevraagd": 3}
    voor = database_state(), rijen_per_tabel()

    for dag in (dt.date(2027, 1, 4), dt.date(2027, 1, 5)):  # again the same day, and the next day
        vandaag(dag)
        assert boekjaar.open_boekjaar(2027) == {"definitief": 0, "werkplan_gevraagd": 0,
                                                "verantwoording_gevraagd": 0}
        assert (database_state(), rijen_per_tabel()) == voor


def test_recipients_messages_and_trail_are_handled_per_batch_not_per_tranche(structureel, vandaag, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    structureel(5)
    monkeypatch.setattr(boekjaar, "BATCH", 3)  # 5 tranches per step: two batches
    vandaag(dt.date(2027, 1, 4))
    berichten_voor = Bericht.objects.count()  # the award's own messages
    with CaptureQueriesContext(connection) as queries:
        assert boekjaar.open_boekjaar(2027) == {"definitief": 5, "werkplan_gevraagd": 5, "verantwoording_gevraagd": 5}

    def statements(tabel: str, soort: str) -> int:
        return sum(q["sql"].startswith(soort) and f'"{tabel}"' in q["sql"] for q in queries.captured_queries)

    # The two steps that write to the organisations, two batches each; the first step needs no recipients.
    assert statements("subsidies_contactpersoon", "SELECT") == 4
    assert statements("workflows_bericht", "SELECT") == 4
    assert statements("workflows_bericht", "INSERT") == 4
    assert Bericht.objects.count() - berichten_voor == 5 * 2 * 2  # five organisations, two addresses each, two messages
    # The trail is written per batch: one INSERT of its records; on SQLite the batch seals them itself (one look at
    # the chain head, one move of it), on PostgreSQL the sealer does later and writers never touch the head.
    per_batch = 0 if connection.vendor == "postgresql" else 1
    assert [statements("workflows_auditchainhead", soort) for soort in ("SELECT", "UPDATE")] == [6 * per_batch] * 2
    assert statements("workflows_auditrecord", "INSERT") == 6
    # Each transition writes its tranche (and its commitment); each request step one UPDATE per batch.
    assert statements("subsidies_jaartranche", "UPDATE") == 5 + 2 * 2
    # The budget year is read once for the run and once per batch, not once per tranche.
    assert statements("subsidies_begrotingsjaar", "SELECT") == 1 + 2


# On PostgreSQL a record's volgnummer comes from a sequence that a rolled-back run advanced too (and its content hash
# covers the request id): equal runs differ there, as in the record ids.
VERSCHILT_PER_RUN = {"id", "request_id", "volgnummer", "inhoud_hash", "vorige_hash", "hash", "laatste_volgnummer",
                     "laatste_hash"}


def eindstand() -> dict:
    """Every row of our tables, without what differs between two equal runs (row ids, request ids, hashes)."""
    return {model: [{k: v for k, v in row.items() if k not in VERSCHILT_PER_RUN} for row in rows]
            for model, rows in database_state().items()}


@pytest.mark.parametrize(("module", "stap", "jaar", "gedaan"), [
    (meerjarig, "maak_definitief", 2027, lambda t: t.status == "definitief"),
    (meldingen, "jaarstuk_gevraagd", 2028, lambda t: t.werkplan_gevraagd_op is not None),
    (meldingen, "jaarstuk_gevraagd", 2026, lambda t: t.verantwoording_gevraagd_op is not None),
], ids=["definitief", "werkplan", "verantwoording"])
def test_a_run_that_crashes_halfway_keeps_whole_batches_and_a_rerun_finishes_it(
        structureel, vandaag, monkeypatch, module, stap, jaar, gedaan):
    subsidies = structureel(7)
    vandaag(dt.date(2027, 1, 4))
    systeemgebruiker()  # the account exists before both runs below
    monkeypatch.setattr(boekjaar, "BATCH", 3)
    begin = eindstand()
    voor_de_run = transaction.savepoint()
    boekjaar.open_boekjaar(2027)
    ononderbroken = eindstand()
    transaction.savepoint_rollback(voor_de_run)
    assert eindstand() == begin

    echte_stap, behandeld = getattr(module, stap), []

    def valt_uit_bij_de_vijfde(tranche, *args, **kwargs):  # a step taken for each tranche of the year
        gelukt = echte_stap(tranche, *args, **kwargs)
        if tranche.boekjaar == jaar:
            behandeld.append(tranche.pk)
            if len(behandeld) == 5:
                raise RuntimeError("de worker is gestopt")
        return gelukt

    monkeypatch.setattr(module, stap, valt_uit_bij_de_vijfde)
    with pytest.raises(RuntimeError, match="gestopt"):
        boekjaar.open_boekjaar(2027)

    tranches = [tranche(s, jaar) for s in subsidies]
    # The first batch of three stays done; the second, cut off at its second tranche, is rolled back entirely.
    assert [gedaan(t) for t in tranches] == [True] * 3 + [False] * 4
    for t in tranches[3:5]:  # done, then rolled back with their batch: no trace in the trail or the outbox
        assert not records(t, tijdstip__date=dt.date(2027, 1, 4)).exists()
        assert not Bericht.objects.filter(object_id=str(t.pk)).exists()
    assert verify().intact

    monkeypatch.setattr(module, stap, echte_stap)
    boekjaar.open_boekjaar(2027)
    assert eindstand() == ononderbroken
    assert verify().intact


# --- bewaak_termijnen ----------------------------------------------------------------------------------------------
def dagen(van: dt.date, tot: dt.date) -> list[dt.date]:
    return [van + dt.timedelta(days=d) for d in range((tot - van).days + 1)]


def draai_op(dagen: list[dt.date], vandaag, sleutel: str, keer_per_dag=(6, 12, 18)) -> dict:
    """Run the daily job several times on each of `dagen`; return {day: the new messages under `sleutel`}."""
    nieuw, gezien = {}, set(Bericht.objects.filter(sleutel__startswith=sleutel).values_list("sleutel", flat=True))
    for dag in dagen:
        for uur in keer_per_dag:
            vandaag(dag, uur)
            boekjaar.bewaak_termijnen()
        sleutels = set(Bericht.objects.filter(sleutel__startswith=sleutel).values_list("sleutel", flat=True))
        if sleutels - gezien:
            nieuw[dag] = sorted(sleutels - gezien)
        gezien |= sleutels
    return nieuw


HERINNERINGEN = {  # soort: (the tranche's year, due date)
    "werkplan": (2027, WERKPLAN_2027_UITERLIJK),
    "verantwoording": (2026, VERANTWOORDING_2026_UITERLIJK),
}


@pytest.mark.parametrize("soort", HERINNERINGEN)
def test_reminders_a_week_before_and_on_the_day_each_once(structureel, vandaag, soort):
    (subsidie,) = structureel(1)
    jaar, uiterlijk = HERINNERINGEN[soort]
    t = tranche(subsidie, jaar)
    sleutel = f"herinnering-{soort}-{t.pk}-"

    nieuw = draai_op(dagen(uiterlijk - dt.timedelta(days=12), uiterlijk + dt.timedelta(days=10)), vandaag, sleutel)

    ontvangers = adressen(subsidie)
    assert nieuw == {uiterlijk - dt.timedelta(days=7): [f"{sleutel}week:{a}" for a in ontvangers],
                     uiterlijk: [f"{sleutel}dag:{a}" for a in ontvangers]}
    week, dag = (Bericht.objects.filter(sleutel=f"{sleutel}{m}:{ontvangers[0]}").get() for m in ("week", "dag"))
    assert f"{uiterlijk:%d-%m-%Y}" in week.tekst
    assert "vandaag" in dag.tekst and dag.taal == "nl"  # in the reader's language, Dutch unless chosen otherwise


@pytest.mark.parametrize("soort", HERINNERINGEN)
@pytest.mark.parametrize(("loopt_op", "herinnerd_op"), [
    # days (relative to the due date) the job ran  ->  day: the reminders it sent then
    ([-5, 3], {-5: ["week"], 3: ["dag"]}),
    ([-1, 6], {-1: ["week"], 6: ["dag"]}),   # catch-up up to six days after a missed day
    ([0], {0: ["dag"]}),                     # no week reminder once the day itself has come
    ([-8, 7], {}),                           # too early, then more than a week too late
])
def test_a_missed_day_is_caught_up_within_the_week(structureel, vandaag, soort, loopt_op, herinnerd_op):
    (subsidie,) = structureel(1)
    jaar, uiterlijk = HERINNERINGEN[soort]
    t = tranche(subsidie, jaar)
    sleutel = f"herinnering-{soort}-{t.pk}-"
    ontvangers = adressen(subsidie)
    verwacht = {uiterlijk + dt.timedelta(days=d): [f"{sleutel}{m}:{a}" for m in momenten for a in ontvangers]
                for d, momenten in herinnerd_op.items()}

    assert draai_op([uiterlijk + dt.timedelta(days=d) for d in loopt_op], vandaag, sleutel) == verwacht


def test_a_late_reminder_says_the_date_it_was_due(structureel, vandaag):
    (subsidie,) = structureel(1)
    t = tranche(subsidie, 2027)
    vandaag(WERKPLAN_2027_UITERLIJK + dt.timedelta(days=3))
    boekjaar.bewaak_termijnen()
    bericht = Bericht.objects.filter(sleutel__startswith=f"herinnering-werkplan-{t.pk}-dag:").first()
    assert "02-10-2026" in bericht.tekst and "vandaag" not in bericht.tekst and "today" not in bericht.tekst


def test_what_came_in_is_not_reminded_or_flagged(structureel, vandaag, aanvrager):
    (subsidie,) = structureel(1, begroting_2027=dt.date(2026, 6, 1))
    lid = subsidie.aanvraag.organisatie.leden.first()
    vandaag(dt.date(2026, 7, 1))
    assert boekjaar.bewaak_termijnen()["definitief"] == 1  # 2027's budget adopted early: its werkplan can come in
    perform(tranche(subsidie, 2027), "werkplan_indienen", lid, werkplan="Inloop, buurtfeest en huiswerkklas.")
    vandaag(dt.date(2027, 6, 1))
    perform(tranche(subsidie, 2026), "jaarverantwoording_indienen", lid, activiteitenverslag="Alles gedaan.",
            werkelijke_kosten=BEDRAG)
    voor = Bericht.objects.count()

    draai_op(dagen(WERKPLAN_2027_UITERLIJK - dt.timedelta(days=8), WERKPLAN_2027_UITERLIJK + dt.timedelta(days=1)),
             vandaag, "herinnering")
    draai_op(dagen(VERANTWOORDING_2026_UITERLIJK - dt.timedelta(days=8),
                   VERANTWOORDING_2026_UITERLIJK + dt.timedelta(days=8)), vandaag, "herinnering")

    assert Bericht.objects.count() == voor
    assert tranche(subsidie, 2026).te_laat_gemeld_op is None


def test_an_overdue_annual_report_is_flagged_once_to_the_behandelaar(structureel, vandaag, behandelaar):
    (subsidie,) = structureel(1)
    t = tranche(subsidie, 2026)
    van_de_verlening = set(Bericht.objects.values_list("pk", flat=True))  # the receipt, the beschikking, …
    vandaag(VERANTWOORDING_2026_UITERLIJK)
    assert boekjaar.bewaak_termijnen()["te_laat_gemeld"] == 0

    vandaag(VERANTWOORDING_2026_UITERLIJK + dt.timedelta(days=1))
    assert boekjaar.bewaak_termijnen()["te_laat_gemeld"] == 1
    voor = database_state()
    for dag in range(1, 40, 3):  # every few days, several times a day: nothing more
        for uur in (7, 19):
            vandaag(VERANTWOORDING_2026_UITERLIJK + dt.timedelta(days=dag), uur)
            assert boekjaar.bewaak_termijnen().get("te_laat_gemeld", 0) == 0
    assert database_state() == voor

    t.refresh_from_db()
    assert t.te_laat_gemeld_op == dt.date(2027, 7, 1)
    (record,) = records(t, wijzigingen={"te_laat_gemeld_op": [None, "2027-07-01"]})
    assert record.actor_weergave == "systeem (Geplande taak)"
    assert berichten(f"te-laat-{t.pk}") == [behandelaar.email]
    melding = Bericht.objects.get(sleutel=f"te-laat-{t.pk}:{behandelaar.email}")
    assert "30-06-2027" in melding.tekst and "2026" in melding.onderwerp
    # The aanvrager was reminded, not told off: messages to the organisation are reminders only.
    assert {b.split("-")[0] for b in Bericht.objects.exclude(aan=behandelaar.email).exclude(pk__in=van_de_verlening)
            .values_list("sleutel", flat=True)} == {"herinnering"}


# --- Celery beat -----------------------------------------------------------------------------------------------
def test_beat_schedules_every_job_and_each_is_a_registered_task(db):
    from django_celery_beat.models import PeriodicTask

    from config.celery import app

    app.loader.import_default_modules()
    taken = {taak.task: taak for taak in PeriodicTask.objects.select_related("crontab").filter(
        task__in=["subsidies.open_boekjaar", "subsidies.bewaak_termijnen", "subsidies.betaalrun",
                  "workflows.verstuur_berichten"])}
    schema = {naam: (t.crontab.minute, t.crontab.hour, t.crontab.day_of_month, t.crontab.month_of_year, t.enabled)
              for naam, t in taken.items()}
    assert schema == {
        "subsidies.open_boekjaar": ("0", "6", "1", "1", True),        # 1 January
        "subsidies.bewaak_termijnen": ("30", "6", "*", "*", True),    # daily
        "subsidies.betaalrun": ("0", "7", "*", "*", True),            # daily, after the terms are watched
        "workflows.verstuur_berichten": ("*/5", "*", "*", "*", True),
    }
    assert {t.crontab.timezone.key for t in taken.values()} == {"Europe/Amsterdam"}
    assert set(taken) <= set(app.tasks)


def test_the_tasks_run_eagerly_through_delay(structureel, vandaag, monkeypatch):
    from config.celery import app
    from subsidies import tasks

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    (subsidie,) = structureel(1)
    vandaag(dt.date(2027, 1, 4))
    assert tasks.open_boekjaar.delay().get() == {"definitief": 1, "werkplan_gevraagd": 1,
                                                 "verantwoording_gevraagd": 1}
    assert tasks.bewaak_termijnen.delay().get() == {"definitief": 0, "te_laat_gemeld": 0, "aanvulling_verstreken": 0,
                                                     "herinnering_aanvulling": 0}
    assert tasks.plan_voorschotten.delay("2027-01-04").get() == 4  # the four quarters of 2026, caught up
    assert tasks.plan_voorschotten.delay().get() == 0
    assert tranche(subsidie, 2027).status == "definitief"
