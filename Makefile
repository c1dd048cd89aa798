# CMCoord: the developer's commands.
#
#   make run    set up .venv, migrate, seed the demo data and serve on http://127.0.0.1:$(PORT)
#   make test   ruff, the import contract, the migrations check and the whole pytest suite (PYTEST_ARGS)
#   make lint   ruff check and ruff format --check
#   make format ruff format and ruff check --fix
#   make clean  remove .venv, caches and collected static files (keeps db.sqlite3, media/)
#   make bench  issue 15's benchmark on PostgreSQL with gunicorn (DATABASE_URL, BENCH_SCALE: see bench/run.py)
#   make catalogs  extract the marked strings into locale/*/django.po (needs xgettext) and compile them
#   make lock   re-resolve requirements.txt / requirements-test.txt from pyproject.toml (UPGRADE=1: newest)
#
# Needs only Python (3.11 to 3.14), make and git: `run` and `test` install the locked versions with pip.
# The SQLite database and in-process Celery are used unless DATABASE_URL / REDIS_URL are set.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
PYTEST_ARGS ?=
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# The Python to create .venv with: python3.11 (what CI runs) if there is one, else python3 (3.11 to
# 3.14, pyproject's requires-python; checked below).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python3)
# The .venv tools come first, for subprocesses the tests start (celery, python, ...).
VENV_PATH := PATH="$(CURDIR)/$(BIN):$$PATH" VIRTUAL_ENV="$(CURDIR)/$(VENV)"

.PHONY: help run test lint format clean catalogs lock bench

help:
	@sed -n '1,14p' Makefile | sed 's/^# \{0,1\}//'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 15) else "CMCoord needs Python 3.11 to 3.14; $(PYTHON) is " + sys.version.split()[0] + " (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)

# The locked dependencies: every package at an exact version with its hashes, installed by plain pip.
# requirements.txt is what the app runs on (the image installs it too); requirements-test.txt adds the
# test tools at the same versions. Both come from pyproject.toml through `make lock`;
# tests/deploy/test_lock.py fails when they disagree with it.
# Stamp files: reinstall only when a lock file changes (or .venv was recreated).
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt | $(PY)
	$(PIP_INSTALL) -r requirements-test.txt
	@touch $@ $(VENV)/.installed

# uv resolves for every Python pyproject allows (--universal, environment markers) and keeps the
# versions already locked unless UPGRADE=1 or pyproject.toml asks for others. The runtime lock is
# constrained by the test lock, so a package has one version in both. uv's own version is pyproject's.
UV_VERSION := $(shell sed -n 's/^ *"uv==\([^"]*\)".*/\1/p' pyproject.toml)
UV_COMPILE := UV_PYTHON_DOWNLOADS=never $(BIN)/uv pip compile pyproject.toml --quiet --universal \
	--python-version 3.11 --generate-hashes --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV_COMPILE) --extra test -o requirements-test.txt
	$(UV_COMPILE) -c requirements-test.txt -o requirements.txt

run: $(VENV)/.installed
	@$(VENV_PATH) PORT=$(PORT) bin/run-local

# All three steps run even when one fails, so one run shows every problem; the exit status is
# non-zero if any failed.
test: $(VENV)/.installed-test
	@failed=""; \
	echo "== ruff check ."; \
	$(VENV_PATH) ruff check . || failed="$$failed ruff"; \
	echo "== lint-imports (the architecture's import contract, pyproject.toml)"; \
	$(VENV_PATH) lint-imports || failed="$$failed import-contract"; \
	echo "== manage.py makemigrations --check --dry-run"; \
	$(VENV_PATH) python manage.py makemigrations --check --dry-run || failed="$$failed migrations"; \
	echo "== pytest $(PYTEST_ARGS)"; \
	$(VENV_PATH) pytest $(PYTEST_ARGS) || failed="$$failed pytest"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; exit 1; fi

# Seeds its own PostgreSQL database once per BENCH_SCALE (default 1: ~900k rows, a few minutes),
# then serves it with gunicorn on loopback and prints the table (README "Benchmarks"). Its load
# driver uses requests, which comes with the test tools.
bench: $(VENV)/.installed-test
	@$(VENV_PATH) python bench/run.py

lint: $(VENV)/.installed-test
	$(VENV_PATH) ruff check .
	$(VENV_PATH) ruff format --check .

format: $(VENV)/.installed-test
	$(VENV_PATH) ruff format .
	$(VENV_PATH) ruff check --fix .

# The .mo files are committed, so `make run` needs no gettext; compile_catalogs is pure Python.
CATALOG_LANGUAGES := -l fr -l es -l ar -l pt
catalogs: $(VENV)/.installed
	$(VENV_PATH) python manage.py makemessages $(CATALOG_LANGUAGES) --ignore=.venv --ignore=tests \
		--ignore=staticfiles --ignore=test-artifacts --ignore=bench
	$(VENV_PATH) python manage.py compile_catalogs

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles test-artifacts *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
