"""Transitions per second through `workflows.transitions.perform`, sequentially and with 2 and 4 threads.

    python -m bench.transitions [--per-run 1000] [--threads 1 2 4]

Each run takes its own `--per-run` aanvragen in status ingediend and moves them one step with
`in_behandeling_nemen`, then a second step with `volledig_verklaren`, each as a real behandelaar (one per thread,
each with its own database connection). Every perform() takes the audit-chain head's row lock first and holds it
to commit, so writers are serialised by design: extra threads can only overlap what happens outside that lock.
The database is changed: run it on the benchmark database, after the queue benchmark.
"""
import argparse
import threading
import time

from .common import latency_summary, setup_django, write_result

STEPS = ("in_behandeling_nemen", "volledig_verklaren")
BEHANDELAARS = ("behandelaar01", "behandelaar07", "behandelaar08", "behandelaar09")  # no declared ties in the seed
TIME_LIMIT_S = 120  # per step and run, on top of the count


def run(ids: list[int], threads: int, actie: str) -> dict:
    """Perform `actie` on every id, split over `threads` threads; the figures of that one step."""
    from django.contrib.auth.models import User
    from django.db import connection

    from subsidies.models import Aanvraag
    from workflows.errors import DomainError
    from workflows.transitions import perform

    samples, errors, lock = [], {}, threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT_S
    shares = [ids[i::threads] for i in range(threads)]
    start = threading.Barrier(threads + 1, timeout=60)  # a worker that fails to start breaks it, not hangs

    def worker(share: list[int], username: str):
        try:
            user = User.objects.get(username=username)
            objects = list(Aanvraag.objects.filter(pk__in=share))
            start.wait()
            for aanvraag in objects:
                if time.monotonic() > deadline:
                    break
                began = time.perf_counter()
                try:
                    perform(aanvraag, actie, user)
                except DomainError as refusal:
                    with lock:
                        errors[refusal.code] = errors.get(refusal.code, 0) + 1
                    continue
                elapsed = time.perf_counter() - began
                with lock:
                    samples.append(elapsed)
        finally:
            connection.close()

    workers = [threading.Thread(target=worker, args=(share, BEHANDELAARS[i % len(BEHANDELAARS)]))
               for i, share in enumerate(shares)]
    for w in workers:
        w.start()
    start.wait()
    began = time.perf_counter()
    for w in workers:
        w.join()
    wall = time.perf_counter() - began
    return {"actie": actie, "threads": threads, "performed": len(samples), "errors": errors,
            "wall_s": round(wall, 2), "transitions_per_s": round(len(samples) / wall, 1),
            **({"latency": latency_summary(samples)} if samples else {})}


def database_settings() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        values = {}
        for name in ("synchronous_commit", "fsync", "wal_sync_method", "commit_delay"):
            cursor.execute(f"SHOW {name}")
            values[name] = cursor.fetchone()[0]
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-run", type=int, default=1000, help="aanvragen per run (each run takes fresh ones)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    setup_django()
    from subsidies.models import Aanvraag
    from workflows.models import AuditRecord

    needed = args.per_run * len(args.threads)
    ids = list(Aanvraag.objects.filter(status="ingediend", behandelaar__isnull=True).order_by("pk")
               .values_list("pk", flat=True)[:needed])
    if len(ids) < needed:
        raise SystemExit(f"Need {needed} untouched aanvragen in status ingediend, found {len(ids)}: reseed.")
    records_before = AuditRecord.objects.count()
    runs = []
    for n, threads in enumerate(args.threads):
        batch = ids[n * args.per_run:(n + 1) * args.per_run]
        for actie in STEPS:
            result = run(batch, threads, actie)
            runs.append(result)
            print(f"{actie:22} threads {threads}: {result['transitions_per_s']:7.1f}/s  "
                  f"p50 {result.get('latency', {}).get('p50_ms')} ms  p95 {result.get('latency', {}).get('p95_ms')} ms"
                  f"  errors {result['errors']}", flush=True)
    records = AuditRecord.objects.count() - records_before
    write_result("transitions", {
        "parameters": vars(args), "database": database_settings(), "runs": runs,
        "audit_records_written": records,
        "note": "one audit record per transition; perform() takes no chain lock (the sealer links records later)",
    })


if __name__ == "__main__":
    main()
