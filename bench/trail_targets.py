"""The Targets of issue 12, measured side by side in one run on one PostgreSQL server, each with PASS/FAIL.

    python -m bench.trail_targets [--repeats 3] [--seconds 8] [--per-client 250] [--parts scaling officer trail]

DATABASE_URL names the benchmark database (its name must contain "bench"; it and three siblings are DROPPED and
recreated): `<name>` (bench.seed data, for the transitions), `<name>_pgbench` (pgbench's own tables),
`<name>_ob` (10,000 structural subsidies for open_boekjaar) and `<name>_trail` (1,000,000 waiting records).

- scaling: per repeat, adjacent in time: `pgbench -N` with 1 client, `perform()` with 1 client, `pgbench -N` with
  4 clients, `perform()` with 4 clients. Each perform() client is a process of its own with its own connection and
  its own behandelaar, moving fresh aanvragen ingediend -> in_behandeling -> in_beoordeling; the sealer runs
  meanwhile in its own process every `--seal-interval` seconds, as Celery beat runs it. Targets: 4 clients at least
  1.6x 1 client, and perform() at 4 clients at least 6 % of pgbench's TPS at 4 clients (the medians of the
  repeats count; every repeat is recorded).
- officer: one behandelaar takes aanvragen into behandeling (one click every 50 ms) while open_boekjaar runs for
  10,000 subsidies in another process, the sealer in a third; target p95 wait under 100 ms. A few seconds of the
  same clicks before the job give the baseline.
- trail: 1,000,000 waiting records written with one INSERT ... SELECT generate_series (content hash computed by
  PostgreSQL's sha256 over the canonical JSON; checked against Python's `content_hash` first), then `seal()` timed
  (target < 60 s), then `verify()` with 2 and with 1 worker (target < 30 s with the command's default, one worker
  per CPU). Those records are not of a lifecycle model, so `verify()` has little continuity checking to do; its
  worst case is timed apart: `_check_continuity` over as many transition records of aanvragen (10 per aanvraag),
  inserted for the measurement in a transaction that is rolled back.

The figures, the load average at each measurement and PASS/FAIL go to bench/results/trail_targets_<UTC time>.json.
"""
import argparse
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from statistics import median
from urllib.parse import urlsplit, urlunsplit

from .common import ROOT, latency_summary, production_env, write_result

BEHANDELAARS = ("behandelaar01", "behandelaar07", "behandelaar08", "behandelaar09")  # no declared ties in the seed
STEPS = ("in_behandeling_nemen", "volledig_verklaren")
TIME_LIMIT_S = 1800
OFFICER = "officier"


# --- helpers for the orchestrating process (no Django there: each part runs in a child on its own database) --------
def database_url(suffix: str = "") -> str:
    parts = urlsplit(os.environ["BENCH_DATABASE_URL"])
    return urlunsplit(parts._replace(path=parts.path + suffix))


def recreate(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"The database is dropped and recreated, so its name must contain 'bench': {name}")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def child_env(url: str) -> dict:
    """A production-like process (DEBUG off, as a Celery worker runs) on the database `url`."""
    return production_env(DATABASE_URL=url)


def python(args: list[str], url: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=child_env(url), timeout=TIME_LIMIT_S, check=True,
                          **kwargs)


def child(mode: str, url: str, *args: str) -> dict:
    """Run one part of this script in a fresh process against `url`; the JSON it prints last."""
    completed = python(["-m", "bench.trail_targets", mode, *args], url, capture_output=True, text=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def start_sealer(url: str, interval: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bench.trail_targets", "sealer", "--interval", str(interval)],
                            cwd=ROOT, env=child_env(url), stdout=subprocess.PIPE, text=True)


def stop_sealer(sealer: subprocess.Popen) -> dict:
    sealer.send_signal(signal.SIGTERM)
    out, _ = sealer.communicate(timeout=120)
    return json.loads(out.strip().splitlines()[-1])


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def pgbench_binary() -> str:
    return shutil.which("pgbench") or "/usr/lib/postgresql/15/bin/pgbench"


def pgbench(url: str, *args: str) -> str:
    parts = urlsplit(url)
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    completed = subprocess.run([pgbench_binary(), "-h", parts.hostname, "-p", str(parts.port or 5432),
                                "-U", parts.username, *args, parts.path.lstrip("/")],
                               env=env, capture_output=True, text=True, timeout=TIME_LIMIT_S, check=True)
    return completed.stdout + completed.stderr


def pgbench_tps(url: str, clients: int, seconds: int) -> dict:
    before = load()
    out = pgbench(url, "-n", "-N", "-c", str(clients), "-j", str(clients), "-T", str(seconds))
    tps = float(re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out).group(1))
    return {"clients": clients, "tps": round(tps, 1), "seconds": seconds, "load": before}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# --- scaling: perform() clients in processes of their own ------------------------------------------------------------
def clients_main(clients: int, per_client: int) -> dict:
    """Fork `clients` processes, each moving `per_client` fresh aanvragen two steps; the rate over all of them."""
    from django.db import connections

    from subsidies.models import Aanvraag

    ids = list(Aanvraag.objects.filter(status="ingediend", behandelaar__isnull=True).order_by("pk")
               .values_list("pk", flat=True)[:clients * per_client])
    if len(ids) < clients * per_client:
        raise SystemExit(f"Need {clients * per_client} untouched aanvragen in status ingediend, found {len(ids)}.")
    connections.close_all()  # every client process opens its own connection
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(clients + 1, timeout=120), ctx.Queue()
    processes = [ctx.Process(target=_client, args=(ids[k::clients], BEHANDELAARS[k % len(BEHANDELAARS)], barrier,
                                                   results)) for k in range(clients)]
    for p in processes:
        p.start()
    barrier.wait()
    reports = [results.get(timeout=TIME_LIMIT_S) for _ in processes]
    for p in processes:
        p.join()
    began, ended = min(r["began"] for r in reports), max(r["ended"] for r in reports)
    samples = [s for r in reports for s in r["samples"]]
    errors = {}
    for r in reports:
        for code, n in r["errors"].items():
            errors[code] = errors.get(code, 0) + n
    return {"clients": clients, "performed": len(samples), "errors": errors, "wall_s": round(ended - began, 2),
            "per_s": round(len(samples) / (ended - began), 1), "latency": latency_summary(samples)}


def _client(ids: list[int], username: str, barrier, results) -> None:
    from django.contrib.auth.models import User
    from django.db import connection

    from subsidies.models import Aanvraag
    from workflows.errors import DomainError
    from workflows.transitions import perform

    user = User.objects.get(username=username)
    samples, errors = [], {}
    barrier.wait()
    began = time.perf_counter()
    deadline = began + 300
    for actie in STEPS:
        for aanvraag in Aanvraag.objects.filter(pk__in=ids).order_by("pk"):
            if time.perf_counter() > deadline:
                break
            t = time.perf_counter()
            try:
                perform(aanvraag, actie, user)
            except DomainError as refusal:
                errors[refusal.code] = errors.get(refusal.code, 0) + 1
                continue
            samples.append(time.perf_counter() - t)
    ended = time.perf_counter()
    connection.close()
    results.put({"began": began, "ended": ended, "samples": samples, "errors": errors})


def sealer_main(interval: float) -> dict:
    """Seal every `interval` seconds until SIGTERM, as the beat task does; what it did."""
    from django.db import connection

    from workflows.audit import seal

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    runs, durations, sealed = 0, [], 0
    while not stopping:
        t = time.perf_counter()
        sealed += seal()
        durations.append(time.perf_counter() - t)
        runs += 1
        end = time.monotonic() + interval
        while not stopping and time.monotonic() < end:
            time.sleep(0.05)
    sealed += seal()
    connection.close()
    return {"interval_s": interval, "runs": runs, "sealed": sealed,
            "seal_max_ms": round(max(durations) * 1000, 1) if durations else None}


def waiting_and_intact() -> dict:
    from workflows.audit import verify

    result = verify(workers=1)
    return {"intact": result.intact, "problem": result.problem, "summary": result.summary(),
            "chain_length": result.checked}


def scaling(args) -> dict:
    url = database_url()
    pg_url = database_url("_pgbench")
    recreate(url)
    recreate(pg_url)
    python(["manage.py", "migrate", "-v0"], url)
    started = time.perf_counter()
    python(["-m", "bench.seed", "--aanvragen", str(args.aanvragen)], url, stdout=subprocess.DEVNULL)
    seeded = round(time.perf_counter() - started, 1)
    print(f"seeded {args.aanvragen} aanvragen in {seeded} s", flush=True)
    pgbench(pg_url, "-i", "-q", "-s", str(args.pgbench_scale))
    sealer = start_sealer(url, args.seal_interval)
    repeats = []
    try:
        for k in range(args.repeats):
            row = {"load_before": load()}
            for clients in (1, 4):
                row[f"pgbench_{clients}"] = pgbench_tps(pg_url, clients, args.seconds)
                row[f"perform_{clients}"] = {**child("clients", url, "--clients", str(clients), "--per-client",
                                                     str(args.per_client if clients == 4 else 2 * args.per_client)),
                                             "load": load()}
            row["scaling"] = round(row["perform_4"]["per_s"] / row["perform_1"]["per_s"], 2)
            row["perform_vs_pgbench_1"] = round(row["perform_1"]["per_s"] / row["pgbench_1"]["tps"], 4)
            row["perform_vs_pgbench_4"] = round(row["perform_4"]["per_s"] / row["pgbench_4"]["tps"], 4)
            repeats.append(row)
            print(f"repeat {k + 1}: load {row['load_before']}  pgbench {row['pgbench_1']['tps']} / "
                  f"{row['pgbench_4']['tps']} tps  perform {row['perform_1']['per_s']} / {row['perform_4']['per_s']}/s"
                  f"  (p95 {row['perform_1']['latency']['p95_ms']} / {row['perform_4']['latency']['p95_ms']} ms)  "
                  f"4/1 {row['scaling']}  perform/pgbench at 4: {row['perform_vs_pgbench_4']:.1%}", flush=True)
    finally:
        sealed = stop_sealer(sealer)
    trail = child("check", url)
    scale, share = median(r["scaling"] for r in repeats), median(r["perform_vs_pgbench_4"] for r in repeats)
    return {"seed_s": seeded, "repeats": repeats, "sealer": sealed, "trail_after": trail,
            "targets": {
                "perform_4_over_1": {"median": scale, "target": 1.6, "met": scale >= 1.6},
                "perform_over_pgbench_at_4": {"median": share, "target": 0.06, "met": share >= 0.06},
            }}


# --- officer's transition while open_boekjaar runs -----------------------------------------------------------------
def officer_seed(aantal: int) -> dict:
    """A behandelaar and `aantal` submitted aanvragen next to the open_boekjaar seed (rows only, like that seed)."""
    import datetime as dt

    from django.contrib.auth.models import Group, User
    from django.db import transaction
    from django.utils import timezone

    from subsidies.models import Aanvraag
    from subsidies.rollen import Rol

    with transaction.atomic():
        officer = User.objects.create(username=OFFICER, email="officier@example.org")
        officer.groups.add(Group.objects.get_or_create(name=Rol.BEHANDELAAR)[0])
        voorbeeld = Aanvraag.objects.select_related("regeling").first()
        vandaag = timezone.localdate()
        Aanvraag.objects.bulk_create([
            Aanvraag(regeling=voorbeeld.regeling, organisatie_id=voorbeeld.organisatie_id, titel=f"Buurtfeest {k}",
                     status="ingediend", omschrijving="Een feest in de straat.", gevraagd_bedrag=1000,
                     gebied_id=voorbeeld.gebied_id, ontvangen_op=vandaag - dt.timedelta(days=3),
                     uiterste_beslisdatum=vandaag + dt.timedelta(days=50),
                     ingediend_door_id=voorbeeld.ingediend_door_id)
            for k in range(aantal)])
    return {"aanvragen": aantal}


def officer_main(baseline_s: float, think_s: float) -> dict:
    """Click `in_behandeling_nemen` every `think_s` for `baseline_s`, then start open_boekjaar in another process
    and keep clicking until it ends; the officer's waits in both periods."""
    from django.contrib.auth.models import User

    from subsidies.models import Aanvraag
    from workflows.transitions import perform

    officer = User.objects.get(username=OFFICER)
    queue = iter(Aanvraag.objects.filter(status="ingediend", behandelaar__isnull=True).order_by("pk"))

    def click() -> float | None:
        aanvraag = next(queue, None)
        if aanvraag is None:  # out of submitted aanvragen: stop clicking (the count bounds the loop)
            return None
        t = time.perf_counter()
        perform(aanvraag, "in_behandeling_nemen", officer)
        elapsed = time.perf_counter() - t
        time.sleep(think_s)
        return elapsed

    baseline, during = [], []
    end = time.perf_counter() + baseline_s
    while time.perf_counter() < end and (wait := click()) is not None:
        baseline.append(wait)
    job = subprocess.Popen([sys.executable, "-m", "bench.open_boekjaar", "measure"], cwd=ROOT, env=os.environ,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.perf_counter() + TIME_LIMIT_S
    while job.poll() is None and time.perf_counter() < deadline and (wait := click()) is not None:
        during.append(wait)
    out, err = job.communicate(timeout=TIME_LIMIT_S)
    if job.returncode:
        raise SystemExit(f"open_boekjaar failed:\n{err}")
    figures = json.loads(out.strip().splitlines()[-1])
    return {"baseline": latency_summary(baseline), "during_open_boekjaar": latency_summary(during),
            "open_boekjaar": {k: figures.get(k) for k in ("subsidies", "telling", "wall_s", "tranches_per_s",
                                                            "transitions_per_s", "steps", "audit_trail_intact")}}


def officer(args) -> dict:
    url = database_url("_ob")
    recreate(url)
    python(["manage.py", "migrate", "-v0"], url)
    python(["-m", "bench.open_boekjaar", "seed", "--subsidies", str(args.subsidies)], url, stdout=subprocess.DEVNULL)
    child("officer-seed", url, "--aanvragen", "5000")
    sealer = start_sealer(url, args.seal_interval)
    try:
        before = load()
        figures = child("officer", url)
        figures["load"] = [before, load()]
    finally:
        figures_sealer = stop_sealer(sealer)
    p95 = figures["during_open_boekjaar"]["p95_ms"]
    print(f"officer: baseline p95 {figures['baseline']['p95_ms']} ms; during open_boekjaar "
          f"({figures['open_boekjaar']['wall_s']} s) p95 {p95} ms, max {figures['during_open_boekjaar']['max_ms']} ms "
          f"over {figures['during_open_boekjaar']['requests']} clicks", flush=True)
    return {**figures, "sealer": figures_sealer, "trail_after": child("check", url),
            "targets": {"officer_p95_ms": {"value": p95, "target": 100, "met": p95 < 100}}}


# --- the trail: 1,000,000 waiting records, sealed, verified ----------------------------------------------------------
# The canonical JSON of `workflows.audit.content_hash`, built by PostgreSQL (keys sorted, no spaces, ASCII only).
# tijdstip's microseconds are never 0, so its isoformat always carries them.
WAITING_SQL = """
INSERT INTO workflows_auditrecord (tijdstip, actor_id, actor_weergave, object_type_id, object_id, object_weergave,
    actie, handeling, van_status, naar_status, toelichting, wijzigingen, request_id, inhoud_hash, vorige_hash, hash)
SELECT t, NULL, 'systeem', %(ct)s, k::text, 'Bench ' || k, 'gewijzigd', '', '', '', '',
       jsonb_build_object('naam', jsonb_build_array('oud', 'nieuw ' || k)), lpad(to_hex(k), 32, '0'),
       encode(sha256(convert_to(
           '{"actie":"gewijzigd","actor_id":null,"actor_weergave":"systeem","handeling":"","naar_status":"",'
           || '"object_id":"' || k || '","object_type_id":' || %(ct)s || ',"object_weergave":"Bench ' || k
           || '","request_id":"' || lpad(to_hex(k), 32, '0') || '","tijdstip":"'
           || to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00","toelichting":"",'
           || '"van_status":"","wijzigingen":{"naam":["oud","nieuw ' || k || '"]}}', 'UTF8')), 'hex'), '', ''
FROM (SELECT k, date_trunc('second', now()) + (10 * k + 1) * interval '1 microsecond' AS t
      FROM generate_series(1, %(n)s) AS k) AS g
"""


# The continuity check's worst case: every record a transition of a lifecycle object, 10 per aanvraag, each taking it
# on from where the previous one left it. Only the check reads them (no hashes), in a transaction that is rolled back.
TRANSITIONS_SQL = """
INSERT INTO workflows_auditrecord (tijdstip, actor_id, actor_weergave, object_type_id, object_id, object_weergave,
    actie, handeling, van_status, naar_status, toelichting, wijzigingen, request_id, inhoud_hash, vorige_hash, hash)
SELECT now(), NULL, 'systeem', %(ct)s, (k %% %(objects)s)::text, 'Bench', 'overgang', 'stap',
       's' || (k / %(objects)s), 's' || (k / %(objects)s + 1), '', '{}', '', '', '', ''
FROM generate_series(0, %(n)s - 1) AS k
"""


def continuity_main(records: int) -> dict:
    """Time `_check_continuity` over `records` transition records (rolled back afterwards)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from subsidies.models import Aanvraag
    from workflows.audit import VerificationResult, _check_continuity

    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(TRANSITIONS_SQL, {"ct": ContentType.objects.get_for_model(Aanvraag).pk, "n": records,
                                             "objects": max(records // 10, 1)})
            cursor.execute("ANALYZE workflows_auditrecord")
        result = VerificationResult(0)
        t = time.perf_counter()
        _check_continuity(result)
        seconds = time.perf_counter() - t
        transaction.set_rollback(True)
    return {"transition_records": records, "continuity_s": round(seconds, 2), "intact": result.intact,
            "problem": result.problem}


def trail_main(records: int) -> dict:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from subsidies.models import Organisatie
    from workflows.audit import CONTENT_FIELDS, content_hash, seal, verify
    from workflows.models import AuditRecord

    seal()  # what the migrations wrote
    before = AuditRecord.objects.count()
    t = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(WAITING_SQL, {"ct": ContentType.objects.get_for_model(Organisatie).pk, "n": records})
    write_s = time.perf_counter() - t
    waiting = AuditRecord.objects.filter(positie__isnull=True)
    for sample in (waiting.order_by("volgnummer").first(), waiting.order_by("-volgnummer").first()):
        values = {name: getattr(sample, name) for name in CONTENT_FIELDS}
        if content_hash(values) != sample.inhoud_hash:
            raise SystemExit(f"The SQL content hash differs from content_hash() for #{sample.volgnummer}")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE workflows_auditrecord")
    count = waiting.count()
    t = time.perf_counter()
    sealed = seal()
    seal_s = time.perf_counter() - t
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE workflows_auditrecord")
    runs = []
    for workers in (os.cpu_count() or 1, 1):
        began_load = load()
        t = time.perf_counter()
        result = verify(workers=workers)
        runs.append({"workers": workers, "wall_s": round(time.perf_counter() - t, 2), "intact": result.intact,
                     "problem": result.problem, "checked": result.checked, "load": began_load})
    return {"records_before": before, "written": records, "write_s": round(write_s, 2), "waiting": count,
            "sealed": sealed, "seal_s": round(seal_s, 2), "seal_per_s": round(sealed / seal_s),
            "verify": runs, "continuity": continuity_main(records)}


def trail(args) -> dict:
    url = database_url("_trail")
    recreate(url)
    python(["manage.py", "migrate", "-v0"], url)
    before = load()
    figures = child("trail-run", url, "--records", str(args.records))
    figures["load_before"] = before
    default = figures["verify"][0]
    print(f"trail: {figures['written']:,} waiting records written in {figures['write_s']} s; sealed "
          f"{figures['sealed']:,} in {figures['seal_s']} s; verify {default['checked']:,} records: "
          + ", ".join(f"{r['wall_s']} s with {r['workers']} worker(s) ({'intact' if r['intact'] else r['problem']})"
                      for r in figures["verify"])
          + f"; continuity check over {figures['continuity']['transition_records']:,} transition records "
            f"{figures['continuity']['continuity_s']} s", flush=True)
    return {**figures, "targets": {
        "seal_1m_s": {"value": figures["seal_s"], "target": 60,
                      "met": figures["seal_s"] < 60 and figures["sealed"] >= 1_000_000},
        "verify_1m_s": {"value": default["wall_s"], "target": 30,
                        "met": default["wall_s"] < 30 and default["intact"] and default["checked"] >= 1_000_000},
    }}


# --- entry point ---------------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", default="all",
                        choices=["all", "clients", "sealer", "check", "officer-seed", "officer", "trail-run"])
    parser.add_argument("--parts", nargs="+", default=["scaling", "officer", "trail"],
                        choices=["scaling", "officer", "trail"])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8, help="pgbench's duration per measurement")
    parser.add_argument("--pgbench-scale", type=int, default=10)
    parser.add_argument("--aanvragen", type=int, default=50_000, help="seed size for the transitions")
    parser.add_argument("--per-client", type=int, default=150,
                        help="aanvragen per client with 4 clients (twice as many with 1); two transitions each")
    parser.add_argument("--seal-interval", type=float, default=2.0)
    parser.add_argument("--subsidies", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--interval", type=float, default=2.0)
    args = parser.parse_args()
    if args.mode != "all":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        figures = {
            "clients": lambda: clients_main(args.clients, args.per_client),
            "sealer": lambda: sealer_main(args.interval),
            "check": waiting_and_intact,
            "officer-seed": lambda: officer_seed(args.aanvragen),
            "officer": lambda: officer_main(5.0, 0.05),
            "trail-run": lambda: trail_main(args.records),
        }[args.mode]()
        print(json.dumps(figures, default=str))
        return
    if "bench" not in urlsplit(os.environ.get("DATABASE_URL", "")).path:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database whose name contains 'bench' (it is dropped).")
    from .common import setup_django

    # The parts run in children on their own databases; this process reads only the server's facts for the
    # result file, from the maintenance database (the benchmark databases are dropped under it).
    os.environ["BENCH_DATABASE_URL"] = os.environ["DATABASE_URL"]
    os.environ["DATABASE_URL"] = urlunsplit(urlsplit(database_url())._replace(path="/postgres"))
    setup_django()
    stamp = time.strftime("%Y%m%dT%H%MZ", time.gmtime())
    version = subprocess.run([pgbench_binary(), "--version"], capture_output=True, text=True, check=True).stdout
    results = {"parameters": vars(args), "pgbench": version.strip()}
    for part in args.parts:
        results[part] = {"scaling": scaling, "officer": officer, "trail": trail}[part](args)
        write_result(f"trail_targets_{stamp}", results)  # after each part, so a later failure keeps the rest
    print("\nTargets of issue 12")
    for part in args.parts:
        for name, target in results[part]["targets"].items():
            value = target.get("median", target.get("value"))
            print(f"  {verdict(target['met'])}  {name}: {value} (target {target['target']})")


if __name__ == "__main__":
    main()
