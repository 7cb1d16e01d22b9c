#!/usr/bin/env bash
# Install (if missing) and start PostgreSQL and Redis on this machine, idempotently; print the URLs to use: the
# application's role (DATABASE_URL) and the tables' owner, who migrates (DATABASE_OWNER_URL); docs/architecture.md.
# Installs chromium too (if missing), for the browser tests, and pango and the DejaVu fonts for the letters.
# Needs root (CI and the dev machines run as root). No systemd, no Docker: pg_ctlcluster and redis-server direct.
set -euo pipefail

PG_USER=${PG_USER:-subsidies}
PG_PASSWORD=${PG_PASSWORD:-subsidies}
PG_DB=${PG_DB:-subsidies}
# The application's role: owns nothing; `manage.py migrate` (as PG_USER, the owner) grants it what it may do.
PG_APP_USER=${PG_APP_USER:-${PG_USER}_app}
PG_APP_PASSWORD=${PG_APP_PASSWORD:-$PG_PASSWORD}

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The browser tests (tests/browser/) drive Debian's chromium; Playwright never downloads one.
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
# The letters (WeasyPrint) need pango and embed the DejaVu fonts.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ ${#need[@]} -gt 0 ]; then
  echo "services: installing ${need[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
pg_isready -q -h 127.0.0.1 || pg_ctlcluster "$version" main start >&2 || true
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
pg_isready -q -h 127.0.0.1 || { echo "services: PostgreSQL did not start" >&2; exit 1; }

su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_APP_USER'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE $PG_APP_USER LOGIN NOCREATEDB NOCREATEROLE PASSWORD '$PG_APP_PASSWORD'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$PG_DB'\"" | grep -q 1 \
  || su postgres -c "createdb -O $PG_USER $PG_DB" >&2

redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 --save "" >&2
for _ in $(seq 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.25; done
redis-cli -h 127.0.0.1 ping >/dev/null || { echo "services: Redis did not start" >&2; exit 1; }

echo "DATABASE_URL=postgres://$PG_APP_USER:$PG_APP_PASSWORD@127.0.0.1:5432/$PG_DB"
echo "DATABASE_OWNER_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:5432/$PG_DB"
echo "REDIS_URL=redis://127.0.0.1:6379/0"
