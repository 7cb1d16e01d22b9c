"""Shared by the benchmark scripts: Django setup against a real PostgreSQL database, figures, result files.

Run every script from the project root as a module (`python -m bench.seed`), with DATABASE_URL pointing at a
PostgreSQL database made for benchmarking (never the test or the production database).
"""
import json
import os
import platform
import subprocess
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
_LOAD_BEFORE: list[float] = []  # the machine's load when the benchmark started, before it added its own
ROOT = Path(__file__).resolve().parent.parent


def production_env(**overrides: str) -> dict:
    """The environment of a benchmark's child process: production settings (DEBUG off, as gunicorn and the Celery
    workers run), with bench-only stand-ins for the secrets production refuses to start without."""
    return {**os.environ, "DEBUG": "false", "SECRET_KEY": "bench-only-not-a-secret",
            "AUDIT_DIGEST_KEY": "YmVuY2gtb25seS1ub3QtYS1zZWNyZXQtMzItYnl0ZXM=", "ALLOWED_HOSTS": "127.0.0.1",
            **overrides}


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL benchmark database, e.g. "
                         "postgres://subsidies:subsidies@127.0.0.1:5432/subsidies_bench")
    import django

    _LOAD_BEFORE[:] = [round(x, 2) for x in os.getloadavg()]
    django.setup()


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest sample that at least `pct` % of the samples do not exceed."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def latency_summary(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {
        "requests": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
        "mean_ms": round(sum(ms) / len(ms), 2),
    }


def environment() -> dict:
    """What the figures were measured on, so a reader can compare like with like."""
    import django
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = {"postgresql": cursor.fetchone()[0]}
            cursor.execute("SHOW shared_buffers")
            database["postgresql_shared_buffers"] = cursor.fetchone()[0]
    else:  # the portal benchmark's default, the demo in a fresh SQLite file
        import sqlite3

        database = {connection.vendor: sqlite3.sqlite_version}
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = ""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "django": django.get_version(),
        **database,
        "git_commit": commit,
        "load_average_before": list(_LOAD_BEFORE),
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def write_result(name: str, payload: dict) -> Path:
    """Store one benchmark's raw figures as bench/results/<name>.json (overwriting the previous run)."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    document = {"benchmark": name, "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "environment": environment(), **payload}
    path.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")
    return path
