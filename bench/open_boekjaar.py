"""Opening a boekjaar for 10,000 running structural subsidies: `subsidies.services.boekjaar.open_boekjaar(N)`.

    python -m bench.open_boekjaar [--sizes 2500 10000] [--name open_boekjaar]    # fresh database per size
    python -m bench.open_boekjaar seed --subsidies 10000                        # the steps, one at a time
    python -m bench.open_boekjaar measure
    python -m bench.open_boekjaar betaalrun                                     # after measure: the payment run

Per size: drop and recreate the database of DATABASE_URL (its name must contain "bench"), migrate, seed in one
process, then open the year in a fresh process and measure it there: wall time, queries per tranche per step,
transitions per second, CPU of Python and of its PostgreSQL backend, and the process's resident memory before and
at its peak (sampled every 10 ms from /proc), so two sizes show whether memory grows with the number of subsidies.
Then, in another fresh process, the payment run that follows: every N-1 tranche has all four quarterly terms due.

Seed (N = the current year): per subsidie an organisation with an e-mail address and one member with an account,
a verleend aanvraag, a structural subsidie N-1..N+1 (half of them indexed), a commitment and a tranche per year:
N-1 lopend, N gepland under the begrotingsvoorbehoud (the budget for N was adopted 60 days ago, so the four weeks
are over), N+1 gepland with its werkplan due date. Rows are bulk-inserted without their 'aangemaakt' audit records
(reference data goes through the ORM and is audited); the trail stays a valid chain, and everything the run does
goes through perform() and Auditable.save, so its records are real. Target: under 60 s on 2 cores, flat memory.
"""
import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

from .common import ROOT, production_env, setup_django, write_result

TIME_LIMIT_S = 3600  # per step; on a busy shared machine 10,000 subsidies took 20 minutes
TICKS = os.sysconf("SC_CLK_TCK")
D = Decimal


# --- seed ----------------------------------------------------------------------------------------------------------
def seed(aantal: int, rng: random.Random) -> dict:
    from django.contrib.auth.models import User
    from django.db import transaction
    from django.utils import timezone

    from subsidies.models import (
        Aanvraag, Begrotingsjaar, Begrotingspost, Budget, Fondsbron, Gebied, Jaartranche, Organisatie, Regeling,
        Subsidie, Verplichting,
    )
    from subsidies.services.meerjarig import jaarverantwoording_uiterlijk

    if Subsidie.objects.exists():
        raise SystemExit("This database already has subsidies; seed a freshly migrated database.")
    started = time.perf_counter()
    vandaag = timezone.localdate()
    n = vandaag.year
    jaren = (n - 1, n, n + 1)
    with transaction.atomic():  # reference data through the ORM, audited
        gebied = Gebied.objects.create(naam="Oost")
        fondsbron = Fondsbron.objects.create(code="gemeente", naam="Gemeentelijke middelen", soort="gemeente")
        post = Begrotingspost.objects.create(code="accommodaties", naam="Sociaal-culturele accommodaties")
        regeling = Regeling.objects.create(
            code="exploitatie-accommodaties", naam="Exploitatiesubsidie accommodaties", begrotingspost=post,
            fondsbron=fondsbron, max_bedrag=D("250000.00"), toegestane_rechtsvormen=["stichting", "vereniging"],
            vier_ogen_drempel=D("100000.00"), meerjarig=True, max_boekjaren=4,
        )
        budgets = {jaar: Budget.objects.create(begrotingspost=post, fondsbron=fondsbron, boekjaar=jaar,
                                               bedrag=D("3000000000.00")) for jaar in jaren}
        Begrotingsjaar.objects.create(boekjaar=n - 1, vastgesteld_op=dt.date(n - 2, 11, 10))
        Begrotingsjaar.objects.create(boekjaar=n, vastgesteld_op=vandaag - dt.timedelta(days=60),
                                      indexatie_percentage=D("2.50"))
        Begrotingsjaar.objects.create(boekjaar=n + 1)
        behandelaars = [User.objects.create(username=f"behandelaar{k:02d}", email=f"behandelaar{k:02d}@example.org")
                        for k in range(1, 13)]
    t_reference = time.perf_counter() - started

    t = time.perf_counter()
    with transaction.atomic():
        organisaties = Organisatie.objects.bulk_create([
            Organisatie(naam=f"Stichting Buurthuis {i:05d}", rechtsvorm="stichting", kvk_nummer=f"{20000000 + i}",
                        iban="NL91ABNA0417164300", postcode="9711 AB", gebied=gebied,
                        email=f"bestuur{i:05d}@example.org")
            for i in range(aantal)], batch_size=5000)
        leden = User.objects.bulk_create([
            User(username=f"bestuurslid{i:05d}", email=f"bestuurslid{i:05d}@example.org", password="!")
            for i in range(aantal)], batch_size=5000)
        Organisatie.leden.through.objects.bulk_create([
            Organisatie.leden.through(organisatie_id=o.pk, user_id=u.pk) for o, u in zip(organisaties, leden)
        ], batch_size=5000)
        bedragen = [D(rng.randrange(25_000, 250_000)) for _ in range(aantal)]
        aanvragen = Aanvraag.objects.bulk_create([
            Aanvraag(regeling=regeling, organisatie=o, titel="Exploitatie buurthuis", status="verleend",
                     omschrijving="Exploitatie en beheer van het buurthuis.", gevraagd_bedrag=3 * bedrag,
                     periode_van=dt.date(n - 1, 1, 1), periode_tot=dt.date(n + 1, 12, 31), gebied=gebied,
                     werkplan="Inloop, activiteiten en verhuur.", ontvangen_op=dt.date(n - 2, 9, 1),
                     behandelaar=behandelaars[i % len(behandelaars)], voorstel_uitkomst="verlenen",
                     voorstel_bedrag=3 * bedrag, ingediend_door=leden[i])
            for i, (o, bedrag) in enumerate(zip(organisaties, bedragen))], batch_size=5000)
        subsidies = Subsidie.objects.bulk_create([
            Subsidie(aanvraag=a, verleend_bedrag=3 * bedrag, verantwoordingsniveau="activiteitenverslag",
                     structureel=True, eerste_boekjaar=n - 1, laatste_boekjaar=n + 1, indexeren=i % 2 == 0,
                     voorschotschema="kwartaal")
            for i, (a, bedrag) in enumerate(zip(aanvragen, bedragen))], batch_size=5000)
        verplichtingen = Verplichting.objects.bulk_create([
            Verplichting(subsidie=s, budget=budgets[jaar], boekjaar=jaar, oorspronkelijk_bedrag=bedrag,
                         bedrag=bedrag, voorwaardelijk=jaar > n - 1)
            for s, bedrag in zip(subsidies, bedragen) for jaar in jaren], batch_size=5000)
        uiterlijk = {jaar: jaarverantwoording_uiterlijk(regeling, jaar) for jaar in jaren}
        tranches = []
        for k, verplichting in enumerate(verplichtingen):
            jaar = verplichting.boekjaar
            tranches.append(Jaartranche(
                subsidie_id=verplichting.subsidie_id, verplichting=verplichting, boekjaar=jaar,
                basisbedrag=verplichting.bedrag, bedrag=verplichting.bedrag, status="lopend" if jaar < n else "gepland",
                werkplan="Inloop, activiteiten en verhuur." if jaar < n else "",
                werkplan_uiterlijk=regeling.aanvraag_uiterlijk(jaar) if jaar > n - 1 else None,
                verantwoording_uiterlijk=uiterlijk[jaar]))
        Jaartranche.objects.bulk_create(tranches, batch_size=5000)
    t_bulk = time.perf_counter() - t

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {"subsidies": aantal, "tranches": len(tranches), "boekjaar": n,
            "timings": {"reference_data_s": round(t_reference, 2), "bulk_insert_s": round(t_bulk, 2),
                        "total_s": round(time.perf_counter() - started, 2)}}


# --- measure -------------------------------------------------------------------------------------------------------
def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


class RssSampler(threading.Thread):
    """The process's resident memory every 10 ms; `peak` is the highest reading."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop, self.peak, self.samples = threading.Event(), 0.0, 0

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_mb())
            self.samples += 1
            self.stop.wait(0.01)


class QueryCounter:
    """A database execute wrapper: how many statements, by their first word."""

    def __init__(self):
        self.total, self.by_kind = 0, {}

    def __call__(self, execute, sql, params, many, context):
        self.total += 1
        kind = sql.lstrip().split(None, 1)[0].upper()
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        return execute(sql, params, many, context)


class Measured:
    """Around a call: wall time, statements by kind, CPU of Python and of its PostgreSQL backend, resident memory."""

    def __init__(self):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.backend = cursor.fetchone()[0]
        self.counter = QueryCounter()

    def run(self, call):
        from django.db import connection

        rss_before, sampler = rss_mb(), RssSampler()
        sampler.start()
        backend_cpu, python_cpu, began = cpu_seconds(self.backend), time.process_time(), time.perf_counter()
        with connection.execute_wrapper(self.counter):
            result = call()
        wall = time.perf_counter() - began
        python_cpu, backend_cpu = time.process_time() - python_cpu, cpu_seconds(self.backend) - backend_cpu
        sampler.stop.set()
        sampler.join()
        return result, {
            "wall_s": round(wall, 2), "queries": self.counter.total, "queries_by_kind": self.counter.by_kind,
            "python_cpu_s": round(python_cpu, 2), "postgres_backend_cpu_s": round(backend_cpu, 2),
            "rss_before_mb": round(rss_before, 1), "rss_peak_mb": round(sampler.peak, 1),
            "rss_growth_mb": round(sampler.peak - rss_before, 1), "rss_samples": sampler.samples,
            "max_rss_process_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }


def trail_figures(records_before: int) -> dict:
    from workflows.audit import verify
    from workflows.models import AuditRecord

    check = verify()
    return {"audit_records_written": AuditRecord.objects.count() - records_before,
            "audit_trail_intact": check.intact, "audit_records_verified": check.checked}


def chain_length() -> int:
    from workflows.models import AuditRecord

    return AuditRecord.objects.count()


def measure() -> dict:
    from django.utils import timezone

    from subsidies.models import Jaartranche
    from subsidies.services import boekjaar
    from workflows.models import Bericht

    jaar = timezone.localdate().year
    subsidies = Jaartranche.objects.filter(boekjaar=jaar).count()
    records_before = chain_length()
    meting, steps = Measured(), []
    counter, in_batches = meting.counter, boekjaar._in_batches

    def timed_step(queryset, stap, user, **kwargs):  # the three steps of open_boekjaar, each timed and counted
        began, queries = time.perf_counter(), counter.total
        python_cpu, backend_cpu = time.process_time(), cpu_seconds(meting.backend)
        done = in_batches(queryset, stap, user, **kwargs)
        seconds = time.perf_counter() - began
        steps.append({
            "stap": getattr(stap, "func", stap).__name__.lstrip("_"), "tranches": done, "s": round(seconds, 2),
            "per_s": round(done / seconds, 1) if seconds else None, "queries": counter.total - queries,
            "queries_per_tranche": round((counter.total - queries) / done, 2) if done else None,
            "python_cpu_s": round(time.process_time() - python_cpu, 2),
            "postgres_backend_cpu_s": round(cpu_seconds(meting.backend) - backend_cpu, 2),
        })
        return done

    boekjaar._in_batches = timed_step
    telling, figures = meting.run(lambda: boekjaar.open_boekjaar(jaar))
    boekjaar._in_batches = in_batches
    gedaan = sum(telling.values())
    return {
        "subsidies": subsidies, "telling": telling, **figures,
        "tranches_per_s": round(gedaan / figures["wall_s"], 1),
        "transitions_per_s": round(telling["definitief"] / steps[0]["s"], 1) if steps[0]["s"] else None,
        "steps": steps, "queries_per_tranche": round(figures["queries"] / gedaan, 2),
        "berichten_written": Bericht.objects.count(), **trail_figures(records_before),
    }


def measure_betaalrun() -> dict:
    """The payment run after the year was opened: every tranche of N-1 runs on a quarterly schedule, so all four
    of its terms are due at once (the catch-up case, the heaviest a run meets)."""
    from subsidies.models import Jaartranche
    from subsidies.services.betaalrun import betaalrun

    lopend = Jaartranche.objects.filter(status=Jaartranche.Status.LOPEND).count()
    records_before = chain_length()
    betalingen, figures = Measured().run(betaalrun)
    return {"tranches": lopend, "betalingen": len(betalingen), **figures,
            "betalingen_per_s": round(len(betalingen) / figures["wall_s"], 1),
            "queries_per_betaling": round(figures["queries"] / len(betalingen), 2),
            **trail_figures(records_before)}


# --- one size, end to end ------------------------------------------------------------------------------------------
def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"The database is dropped and recreated, so its name must contain 'bench': {name}")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def child(*args: str) -> dict:
    """Run this script in a fresh process (DEBUG=false, as a Celery worker runs); return the JSON it prints last."""
    completed = subprocess.run([sys.executable, "-m", "bench.open_boekjaar", *args], cwd=ROOT, env=production_env(),
                               capture_output=True, text=True, timeout=TIME_LIMIT_S)
    if completed.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run_size(aantal: int, seed_value: int) -> dict:
    url = os.environ["DATABASE_URL"]
    recreate_database(url)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True, timeout=TIME_LIMIT_S)
    seeded = child("seed", "--subsidies", str(aantal), "--seed", str(seed_value))
    print(f"{aantal:6} subsidies seeded in {seeded['timings']['total_s']} s", flush=True)
    figures = child("measure")
    print(f"{aantal:6} subsidies: open_boekjaar {figures['wall_s']} s, {figures['tranches_per_s']} tranches/s, "
          f"{figures['transitions_per_s']} transitions/s, {figures['queries_per_tranche']} queries/tranche, "
          f"RSS {figures['rss_before_mb']} -> {figures['rss_peak_mb']} MB", flush=True)
    betaalrun = child("betaalrun")
    print(f"{aantal:6} subsidies: betaalrun {betaalrun['wall_s']} s for {betaalrun['betalingen']} advances, "
          f"{betaalrun['queries_per_betaling']} queries/advance, RSS +{betaalrun['rss_growth_mb']} MB", flush=True)
    return {"seed": seeded, **figures, "betaalrun": betaalrun}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=["all", "seed", "measure", "betaalrun"], default="all")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 10000])
    parser.add_argument("--subsidies", type=int, default=10000, help="seed: how many")
    parser.add_argument("--seed", type=int, default=42, help="random seed: the same seed gives the same data")
    parser.add_argument("--name", default="open_boekjaar", help="the result file, bench/results/<name>.json")
    args = parser.parse_args()
    setup_django()
    from django.db import connections

    if args.mode == "seed":
        print(json.dumps(seed(args.subsidies, random.Random(args.seed))))
        return
    if args.mode == "measure":
        print(json.dumps(measure()))
        return
    if args.mode == "betaalrun":
        print(json.dumps(measure_betaalrun()))
        return
    runs = []
    for aantal in args.sizes:  # the file is rewritten after each size, so a later failure keeps what was measured
        runs.append(run_size(aantal, args.seed))
        largest = max(runs, key=lambda r: r["subsidies"])
        write_result(args.name, {
            "parameters": {"sizes": args.sizes, "seed": args.seed},
            "target": "under 60 s on 2 cores for 10,000 subsidies, memory not growing with their number",
            "target_met": largest["subsidies"] >= 10000 and largest["wall_s"] < 60 and largest["audit_trail_intact"],
            "rss_growth_mb_by_size": {r["subsidies"]: r["rss_growth_mb"] for r in runs},
            "runs": runs,
        })
        connections.close_all()  # the next size drops the database


if __name__ == "__main__":
    main()
