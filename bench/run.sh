#!/usr/bin/env bash
# Reproduce every benchmark from scratch: fresh database, seed, queue, transitions, 1M-record trail, verification.
# About 10-15 minutes on 2 cores. Results land in bench/results/*.json; docs/benchmarks.md explains them.
#
# It DROPS and recreates the database named $BENCH_DB (default subsidies_bench) — never point it at real data.
# Needs root (like scripts/services.sh) for `su postgres`. All traffic stays on 127.0.0.1; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DB=${BENCH_DB:-subsidies_bench}
case "$BENCH_DB" in *bench*) ;; *) echo "BENCH_DB must contain 'bench' (it is dropped): $BENCH_DB" >&2; exit 2 ;; esac
export DATABASE_URL="postgres://subsidies:subsidies@127.0.0.1:5432/$BENCH_DB"
PY=.venv/bin/python

bash scripts/services.sh >/dev/null
su postgres -c "dropdb --if-exists $BENCH_DB && createdb -O subsidies $BENCH_DB"
$PY manage.py migrate -v0

$PY -m bench.seed                                   # 100,000 aanvragen, ~575,000 audit records
$PY -m bench.queue_latency                          # GET /api/aanvragen/ on gunicorn, 127.0.0.1 only
$PY -m bench.transitions                            # perform() with 1, 2 and 4 threads (changes data)
$PY -m bench.seed extend --to 1000000               # the trail to 1,000,000 records
$PY -m bench.audit_verify                           # manage.py verify_audit_trail under /usr/bin/time -v
$PY -m bench.audit_seal                             # sealing 1,000,000 waiting records

# Opening a boekjaar for 2,500 and 10,000 structural subsidies: a database of its own, recreated per size.
DATABASE_URL="postgres://subsidies:subsidies@127.0.0.1:5432/${BENCH_DB}_ob" $PY -m bench.open_boekjaar

# Issue 12's targets side by side (pgbench and perform() scaling, an officer during open_boekjaar, 1M seal/verify):
# databases ${BENCH_DB}, _pgbench, _ob and _trail of its own, recreated.
$PY -m bench.trail_targets
