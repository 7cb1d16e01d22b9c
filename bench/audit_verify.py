"""`manage.py verify_audit_trail` over the whole trail (1,000,000 records): wall time, CPU and peak memory.

    python -m bench.audit_verify [--workers 1 2] [--min-records 1000000]

Runs the command under `/usr/bin/time -v`, once per worker count, and meanwhile samples the CPU time of the
PostgreSQL backends serving it (from /proc), so the figures say where the time goes even on a busy machine.
Target (docs/benchmarks.md): under 30 s on 2 cores.
"""
import argparse
import os
import re
import subprocess
import threading

from .common import ROOT, setup_django, write_result

TIME_LIMIT_S = 600
TICKS = os.sysconf("SC_CLK_TCK")


def backend_cpu_seconds(pid: int) -> float | None:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


class BackendSampler(threading.Thread):
    """Every 0.2 s, the CPU seconds of each other backend on this database (the last reading before it exits)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop, self.seen = threading.Event(), {}

    def run(self):
        from django.db import connection

        with connection.cursor() as cursor:
            while not self.stop.is_set():
                cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                               "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
                for (pid,) in cursor.fetchall():
                    used = backend_cpu_seconds(pid)
                    if used is not None:
                        self.seen[pid] = max(used, self.seen.get(pid, 0.0))
                self.stop.wait(0.2)
        connection.close()


def parse_time_v(stderr: str) -> dict:
    def field(label):
        match = re.search(rf"{re.escape(label)}: (.+)", stderr)
        return match.group(1).strip() if match else None

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")] if wall else []
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return {"wall_s": round(seconds, 2), "user_s": float(field("User time (seconds)") or 0),
            "system_s": float(field("System time (seconds)") or 0),
            "max_rss_mb": round(int(field("Maximum resident set size (kbytes)") or 0) / 1024, 1),
            "cpu_percent": field("Percent of CPU this job got")}


def run(workers: int) -> dict:
    sampler = BackendSampler()
    sampler.start()
    started_load = os.getloadavg()[0]
    completed = subprocess.run(
        ["/usr/bin/time", "-v", str(ROOT / ".venv" / "bin" / "python"), "manage.py", "verify_audit_trail",
         "--workers", str(workers)],
        cwd=ROOT, capture_output=True, text=True, timeout=TIME_LIMIT_S,
    )
    sampler.stop.set()
    sampler.join()
    figures = parse_time_v(completed.stderr)
    postgres_cpu = round(sum(sampler.seen.values()), 2)
    return {"workers": workers, "exit_code": completed.returncode, "output": completed.stdout.strip(),
            **figures, "postgres_backend_cpu_s": postgres_cpu,
            "total_cpu_s": round(figures["user_s"] + figures["system_s"] + postgres_cpu, 2),
            "load_average_at_start": round(started_load, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--min-records", type=int, default=1_000_000)
    args = parser.parse_args()
    setup_django()
    from workflows.models import AuditRecord

    records = AuditRecord.objects.count()
    if records < args.min_records:
        raise SystemExit(f"The trail has {records} records; run `python -m bench.seed extend --to "
                         f"{args.min_records}` first.")
    runs = []
    for workers in args.workers:
        result = run(workers)
        runs.append(result)
        print(f"workers {workers}: {result['wall_s']} s wall, {result['max_rss_mb']} MB peak, "
              f"{result['total_cpu_s']} CPU-s (python {result['user_s'] + result['system_s']:.1f}, "
              f"postgres {result['postgres_backend_cpu_s']}) — {result['output'] or result['exit_code']}", flush=True)
    default = next((r for r in runs if r["workers"] == (os.cpu_count() or 1)), runs[-1])
    write_result("audit_verify", {
        "parameters": {**vars(args), "records": records}, "target": "under 30 s on 2 cores",
        "target_met": default["exit_code"] == 0 and default["wall_s"] < 30, "runs": runs,
    })


if __name__ == "__main__":
    main()
