"""Latency of the officer's queue, `GET /api/aanvragen/`, on a real gunicorn server on 127.0.0.1.

    python -m bench.queue_latency [--requests 200] [--warmup 20] [--workers 2] [--name queue]

Starts `gunicorn config.wsgi` (DEBUG=false) on a free loopback port, calls the API as behandelaar01 (token from
the seed) with a bounded sequential loop per scenario, then a bounded concurrent run, and stops the server. Each
scenario's SQL is also captured in-process and run under EXPLAIN ANALYZE, so a slow figure comes with its cause.
Target (docs/benchmarks.md): p95 under 50 ms at 100,000 aanvragen.
"""
import argparse
import http.client
import json
import math
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from .common import ROOT, latency_summary, production_env, setup_django, write_result

OPEN = "status=ingediend&status=in_behandeling&status=aanvulling_gevraagd&status=in_beoordeling&status=besluit_voorgesteld"
PAGE_SIZE = 25
TIME_LIMIT_S = 60  # per scenario, on top of the request count


def scenarios() -> list[tuple[str, str]]:
    """(name, query) for first and deep pages, without and with a status filter, default and deadline order."""
    from subsidies.models import Aanvraag
    from subsidies.models.aanvragen import OPEN_STATUSSEN

    open_count = Aanvraag.objects.filter(status__in=OPEN_STATUSSEN).count()
    in_behandeling = Aanvraag.objects.filter(status="in_behandeling").count()
    last = lambda n: max(1, math.ceil(n / PAGE_SIZE))  # noqa: E731
    return [
        ("all_default_first", ""),
        ("all_default_page2000", "page=2000"),
        ("all_deadline_first", "ordering=uiterste_beslisdatum"),
        ("all_deadline_page2000", "ordering=uiterste_beslisdatum&page=2000"),
        ("in_behandeling_deadline_first", "status=in_behandeling&ordering=uiterste_beslisdatum"),
        ("in_behandeling_deadline_last", f"status=in_behandeling&ordering=uiterste_beslisdatum&page={last(in_behandeling)}"),
        ("open_deadline_first", f"{OPEN}&ordering=uiterste_beslisdatum"),
        ("open_deadline_last", f"{OPEN}&ordering=uiterste_beslisdatum&page={last(open_count)}"),
        ("verleend_deadline_page1500", "status=verleend&ordering=uiterste_beslisdatum&page=1500"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int, app_dir) -> subprocess.Popen:
    env = production_env(SECURE_SSL_REDIRECT="false", LOG_LEVEL="WARNING")
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=app_dir, env=env, start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/regelingen/")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not answer within 30 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def timed_get(conn: http.client.HTTPConnection, path: str, token: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Token {token}", "Accept": "application/json"})
    response = conn.getresponse()
    body = response.read()
    return time.perf_counter() - started, response.status, body


def run_sequential(port: int, token: str, path: str, requests: int, warmup: int) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(warmup):
        timed_get(conn, path, token)
    samples, statuses, body = [], set(), b""
    deadline = time.monotonic() + TIME_LIMIT_S
    while len(samples) < requests and time.monotonic() < deadline:
        elapsed, status, body = timed_get(conn, path, token)
        samples.append(elapsed)
        statuses.add(status)
    conn.close()
    data = json.loads(body) if statuses == {200} else {}
    return {**latency_summary(samples), "statuses": sorted(statuses), "count": data.get("count"),
            "rows": len(data.get("results", [])), "bytes": len(body)}


def run_concurrent(port: int, token: str, path: str, threads: int, per_thread: int) -> dict:
    samples, statuses, lock = [], set(), threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT_S

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(per_thread):
            if time.monotonic() > deadline:
                break
            elapsed, status, _ = timed_get(conn, path, token)
            with lock:
                samples.append(elapsed)
                statuses.add(status)
        conn.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    wall = time.perf_counter() - started
    return {"threads": threads, **latency_summary(samples), "statuses": sorted(statuses),
            "requests_per_s": round(len(samples) / wall, 1)}


def explain(query: str, token: str) -> dict:
    """The SQL one request runs, each statement with its EXPLAIN ANALYZE execution time and plan."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    client.get(f"/api/aanvragen/?{query}")
    with CaptureQueriesContext(connection) as captured:
        client.get(f"/api/aanvragen/?{query}")
    statements = []
    for q in captured.captured_queries:
        sql = q["sql"]
        if "subsidies_aanvraag" not in sql:
            statements.append({"sql": sql[:120], "ms": round(float(q["time"]) * 1000, 2)})
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
        plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
        shown = sql if len(sql) <= 400 else f"{sql[:200]} … {sql[-200:]}"  # the tail holds ORDER BY and OFFSET
        statements.append({"sql": shown, "execution_ms": plan["Execution Time"],
                           "plan": _plan_lines(plan["Plan"])})
    return {"queries": len(captured.captured_queries), "statements": statements}


def _plan_lines(node: dict, depth: int = 0) -> list[str]:
    label = node["Node Type"] + (f" using {node['Index Name']}" if "Index Name" in node else "")
    lines = [f"{'  ' * depth}{label} (rows={node.get('Actual Rows')}, ms={node.get('Actual Total Time')})"]
    for child in node.get("Plans", []):
        lines += _plan_lines(child, depth + 1)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="measured requests per scenario")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (the machine has 2 cores)")
    parser.add_argument("--threads", type=int, default=4, help="client threads for the concurrent run")
    parser.add_argument("--name", default="queue", help="result file name (bench/results/<name>.json)")
    parser.add_argument("--app-dir", type=Path, default=ROOT,
                        help="serve the code in this tree instead, e.g. an older commit unpacked with git archive; "
                             "the SQL plans are then left out (they would be this tree's)")
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth.models import User

    from access.services import uitgeven
    from subsidies.models import Aanvraag

    _, token = uitgeven(User.objects.get(username="behandelaar01"))  # the benchmark calls the API as this officer
    plan = scenarios()
    port = free_port()
    server = start_server(port, args.workers, args.app_dir.resolve())
    figures = {}
    try:
        for name, query in plan:
            path = f"/api/aanvragen/?{query}" if query else "/api/aanvragen/"
            figures[name] = {"path": path, **run_sequential(port, token, path, args.requests, args.warmup)}
            print(f"{name:32} p50 {figures[name]['p50_ms']:7.2f} ms  p95 {figures[name]['p95_ms']:7.2f} ms  "
                  f"statuses {figures[name]['statuses']}", flush=True)
        concurrent = run_concurrent(port, token, f"/api/aanvragen/?{OPEN}&ordering=uiterste_beslisdatum",
                                    args.threads, args.requests // 2)
        print(f"concurrent open queue, {args.threads} clients: {concurrent['requests_per_s']} req/s, "
              f"p95 {concurrent['p95_ms']} ms", flush=True)
    finally:
        stop_server(server)
    same_code = args.app_dir.resolve() == ROOT
    plans = {name: explain(query, token) for name, query in plan} if same_code else {}
    target_met = all(f["p95_ms"] < 50 and f["statuses"] == [200] for f in figures.values())
    write_result(args.name, {
        "parameters": {**vars(args), "app_dir": str(args.app_dir), "page_size": PAGE_SIZE, "server": f"gunicorn config.wsgi --workers {args.workers}",
                       "client": "http.client, sequential, one request at a time", "aanvragen": Aanvraag.objects.count()},
        "target": "p95 < 50 ms", "target_met": target_met, "scenarios": figures,
        "concurrent_open_queue": concurrent, "sql": plans,
    })


if __name__ == "__main__":
    main()
