#!/usr/bin/env bash
# Production stack on this machine, in the foreground: migrate, collectstatic, then gunicorn (2 workers) on
# 127.0.0.1:8000, a Celery worker and Celery beat (schedule in the database). Ctrl-C stops all three; so does
# any one of them exiting. Needs DATABASE_URL, REDIS_URL (or CELERY_BROKER_URL), SECRET_KEY, ALLOWED_HOSTS and
# AUDIT_DIGEST_KEY(_FILE); with DATABASE_OWNER_URL, migrate runs as that owner (docs/audit-digests.md).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?serve: set DATABASE_URL (PostgreSQL; scripts/services.sh prints one)}"
if [ -z "${REDIS_URL:-}${CELERY_BROKER_URL:-}" ]; then
  echo "serve: set REDIS_URL or CELERY_BROKER_URL (scripts/services.sh prints one)" >&2
  exit 1
fi
export DEBUG=false
BIN=.venv/bin

"$BIN/python" manage.py migrate --noinput
"$BIN/python" manage.py collectstatic --noinput --verbosity 0

pids=()
stop() {
  trap - INT TERM EXIT
  echo "serve: stopping gunicorn, worker and beat" >&2
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

"$BIN/gunicorn" --config config/gunicorn.conf.py config.wsgi &
pids+=($!)
"$BIN/celery" -A config worker --loglevel INFO --concurrency 2 &
pids+=($!)
"$BIN/celery" -A config beat --loglevel INFO --scheduler django_celery_beat.schedulers:DatabaseScheduler &
pids+=($!)

echo "serve: http://127.0.0.1:8000/ (gunicorn pid ${pids[0]}, worker ${pids[1]}, beat ${pids[2]}); Ctrl-C stops"
set +e
wait -n
status=$?
set -e
echo "serve: a process exited (status $status); stopping the others" >&2
exit $(( status == 0 ? 1 : status ))
