# CMCoord: the developer's commands.
#
#   make run    set up .venv, migrate, seed the demo data and serve on http://127.0.0.1:$(PORT)
#   make test   ruff, the import contract, the migrations check and the whole pytest suite (PYTEST_ARGS)
#   make lint   ruff check and ruff format --check
#   make format ruff format and ruff check --fix
#   make clean  remove .venv, caches and collected static files (keeps db.sqlite3, media/)
#   make bench  issue 15's benchmark on PostgreSQL with gunicorn (DATABASE_URL, BENCH_SCALE: see bench/run.py)
#   make catalogs  extract the marked strings into locale/*/django.po (needs xgettext) and compile them
#
# Needs only Python 3.11, make and git. The SQLite database and in-process Celery are used unless
# DATABASE_URL / REDIS_URL are set (see .env.example).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
PYTEST_ARGS ?=
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Python 3.11 to create .venv with: python3.11 if there is one, else python3 (checked below).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python3)
# The .venv tools come first, for subprocesses the tests start (celery, python, ...).
VENV_PATH := PATH="$(CURDIR)/$(BIN):$$PATH" VIRTUAL_ENV="$(CURDIR)/$(VENV)"

.PHONY: help run test lint format clean catalogs bench

help:
	@sed -n '1,12p' Makefile | sed 's/^# \{0,1\}//'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "CMCoord needs Python 3.11; $(PYTHON) is " + sys.version.split()[0] + " (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)

# Stamp files: reinstall only when pyproject.toml changes (or .venv was recreated).
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(VENV)/.installed

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
