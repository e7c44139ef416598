# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate demo messages bench bench-db bench-load bench-lighthouse bench-generate bench-scale lock \
	clean backup restore

$(PY):
	$(PYTHON) -m venv $(VENV)

# Install a lock file of requirements/ (exact versions, each checked against its hashes), then
# the project itself without dependencies, so nothing unpinned comes in; again only when that
# lock file (or pyproject.toml, which lists the packages of the editable install) changes.
# Every lock file holds base.txt's pins, so any of them installs base too.
$(VENV)/.installed-%: requirements/%.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $<
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.installed-base

# Refresh the lock files from pyproject.toml, keeping the pins that still fit its bounds;
# `make lock UPGRADE=1` takes the newest releases within them. Targets Python 3.11 on Linux.
COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" \
	$(if $(UPGRADE),--upgrade) pyproject.toml requirements/build.in
lock: $(VENV)/.installed-dev
	$(COMPILE) -o requirements/base.txt
	$(COMPILE) --extra dev -c requirements/base.txt -o requirements/dev.txt
	$(COMPILE) --extra bench -c requirements/base.txt -o requirements/bench.txt

messages: $(VENV)/.installed-base
	$(PY) manage.py compilemessages --ignore=.venv -v0

run: $(VENV)/.installed-base messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	$(PY) manage.py import_whc heritage/data/whc-sco.csv --names heritage/data/whc-names.csv --publish -v0
	$(PY) manage.py generate_locator_maps
	$(PY) manage.py generate_placeholder_photos
	$(PY) manage.py ensure_admin --site-url http://$(HOST):$(PORT)
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The CSV export benchmark (scratch databases; PostgreSQL too when DATABASE_URL is set).
bench: $(VENV)/.installed-bench
	$(PY) bench/export_benchmark.py

# Requests lost when PostgreSQL restarts under 50 clients, before and after the connection
# settings (a throw-away cluster from PG_BIN, default /usr/lib/postgresql/15/bin; run as root or
# as a user who may run initdb).
bench-db: $(VENV)/.installed-base messages
	$(PY) bench/db_restart_benchmark.py

# 50 users for 60 s over the public pages and a staff export, with Redis and without
# (gunicorn, 2 workers, scratch SQLite; README, "Benchmarks"). ARGS="--users 20 --seconds 30".
bench-load: $(VENV)/.installed-base messages
	$(PY) bench/load.py $(ARGS)

# Lighthouse scores of home, a list and a detail page in each language, mobile and desktop
# (npm's lighthouse, installed into bench/.node/ if missing; Debian's Chromium). Reports in
# /tmp/lighthouse/.
bench-lighthouse: $(VENV)/.installed-base messages
	$(PY) bench/lighthouse.py $(ARGS)

# generate_data's rate in a scratch database (PostgreSQL when DATABASE_URL is set);
# ARGS="--programmes 1000000 --others 100000" for the full size.
bench-generate: $(VENV)/.installed-base messages
	$(PY) bench/generate_benchmark.py $(ARGS)

# Every public page and the programme admin's against its main SQL query, at scale (a scratch
# database, PostgreSQL when DATABASE_URL is set); ARGS="--programmes 100000", or
# ARGS="--existing" for a database generate_data already filled (README, "Pages at scale").
# Dev install: it reads the query plan test's page list (portal/tests/pages.py).
bench-scale: $(VENV)/.installed-dev messages
	$(PY) bench/scale_benchmark.py $(ARGS)

# Backups (README, "Backups"): `make backup` writes backups/<UTC time>/, or BACKUP=path;
# `make restore` puts back BACKUP, by default the newest backup under backups/, after asking.
NEWEST_BACKUP = $(patsubst %/manifest.json,%,$(lastword $(sort $(wildcard backups/*/manifest.json))))
backup: $(VENV)/.installed-base
	$(PY) manage.py backup $(or $(BACKUP),backups/$(shell date -u +%Y-%m-%dT%H%M%SZ))

restore: $(VENV)/.installed-base
	$(if $(or $(BACKUP),$(NEWEST_BACKUP)),,$(error No backup under backups/; give one: make restore BACKUP=path))
	$(PY) manage.py restore $(or $(BACKUP),$(NEWEST_BACKUP))

clean:
	rm -rf $(VENV) staticfiles
