# Everything a newcomer or CI needs; only Python 3.11 and make are assumed. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Reinstall only when pyproject.toml changes.
STAMP := $(VENV)/.installed-from-pyproject
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers: one per core. loadgroup: tests marked xdist_group("demo") share one worker (and its demo).
WORKERS ?= auto
PYTEST_ARGS ?=

.PHONY: help install run test serve services check assets messages

help:
	@echo "make run       set up .venv, migrate, load demo data, serve http://$(HOST):$(PORT)/ (SQLite, eager Celery)"
	@echo "make test      the whole test suite (pytest -n $(WORKERS)) on DATABASE_URL, SQLite by default"
	@echo "make check     Django system checks and 'no missing migrations'"
	@echo "make services  install (if missing) and start PostgreSQL and Redis; prints DATABASE_URL (the application's role), DATABASE_OWNER_URL and REDIS_URL"
	@echo "make assets    re-fetch the vendored NL Design System CSS and htmx (needs npm; the files are committed)"
	@echo "make messages  update the web faces' translation files (.po) and compile them (.mo)"
	@echo "make serve     production stack: gunicorn, Celery worker and beat (needs DATABASE_URL, DATABASE_OWNER_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, AUDIT_DIGEST_KEY)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1))" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,demo]'
	@touch $@

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo
	@echo "  Sociale Basis Subsidies: http://$(HOST):$(PORT)/   (Ctrl-C stops)"
	@echo "  Applicant portal: http://$(HOST):$(PORT)/portaal/ (log in as a demo aanvrager above)"
	@echo "  Demo staff log in in two steps: the code is what '$(BIN)/python manage.py demo_code' prints"
	@echo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Tasks run eagerly in the test process even when REDIS_URL is set; only tests/test_celery_worker.py uses a real
# worker. -ra lists the reason of every skip. pytest's own exit code (5 when no test ran) fails the target.
test: install
	CELERY_TASK_ALWAYS_EAGER=true $(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup -ra $(PYTEST_ARGS)

serve: install
	scripts/serve.sh

services:
	scripts/services.sh

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# The vendored front-end files (web/static/web/vendor/): pinned versions in the script; only needed to update them.
assets:
	scripts/assets.sh

# The web faces' translation files: update each face's .po from its templates and code, then compile the .mo.
messages: install
	scripts/messages.sh
