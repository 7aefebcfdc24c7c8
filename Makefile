# Parley — developer entry points. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PARLEY := $(VENV)/bin/parley
export PARLEY_SHARED_DIR ?= $(abspath ../shared)
INFRA := $(PYTHON) deploy/local/infra.py

.PHONY: help setup infra-up infra-down infra-status run demo test lint typecheck eval eval-cv train bench bench-quick chaos soak clean dashboard-snapshot desk-screenshots fuzz reliability-doc

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

setup: $(VENV)/.installed tests/browser/node_modules/.installed ## install Python dependencies (pinned), axe-core for the browser tests, and system packages the tests use

$(VENV)/.installed: pyproject.toml requirements.lock
	bash deploy/local/setup-system.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -c requirements.lock -e '.[dev]'
	touch $@

# axe-core (pinned in tests/browser/package-lock.json), injected into pages by the browser tests.
tests/browser/node_modules/.installed: tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $@

infra-up: ## start the local Kafka (KRaft) and Elasticsearch on 127.0.0.1 (reuses running ones)
	$(INFRA) up

infra-down: ## stop the local Kafka and Elasticsearch
	$(INFRA) down

infra-status: ## show whether the local Kafka and Elasticsearch are running
	$(INFRA) status

lint: setup ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	bash deploy/local/typecheck.sh $(VENV)

test: setup infra-up lint ## everything: setup, servers, lint, all tests but benchmarks
	PARLEY_CHAOS=short $(VENV)/bin/pytest -m "not bench"

fuzz: setup infra-up ## property-based tests with 50x the examples of `make test` (same fixed seeds; budgets in docs/reliability.md)
	PARLEY_FUZZ=long $(VENV)/bin/pytest -m fuzz -o timeout=0

reliability-doc: setup ## re-render the bad-input table and fuzzing budgets in docs/reliability.md (no chaos run; the chaos table is kept)
	$(PY) -m tests.bad_input_table docs/reliability.md

eval: setup ## score talks extraction on every corpus file, held-out split excluded (HELDOUT=1: only it; STRICT=1: dev below targets fails)
	@mkdir -p build/eval
	$(PY) -m parley.services.enrichment.evaluate $(PARLEY_SHARED_DIR) --out build/eval $(if $(HELDOUT),--heldout)
	@if [ "$(STRICT)" = "1" ] && [ -z "$(HELDOUT)" ]; then $(PY) -m parley.services.enrichment.eval_targets build/eval/summary.json; fi

train: setup ## rebuild the talks models in services/enrichment/models/ from the training corpus (bit-for-bit)
	$(PY) -m parley.services.enrichment.train $(PARLEY_SHARED_DIR)

eval-cv: setup ## grouped 5-fold cross-validation of talks extraction on the training files (held-out excluded)
	$(PY) -m parley.services.enrichment.train $(PARLEY_SHARED_DIR) --cv-only

bench: setup infra-up ## full benchmark run (bench/results/full.json, docs/benchmarks.md)
	$(PY) -m bench.run --mode full

bench-quick: setup infra-up ## quick benchmark run (bench/results/quick.json)
	$(PY) -m bench.run --mode quick

run: setup infra-up ## start everything locally, ingest the example article (ARTICLE=path for another), keep running
	$(PARLEY) run $(if $(ARTICLE),--article $(ARTICLE))

demo: setup infra-up ## the same as run in a fresh namespace; exits 0 once the alert arrived
	$(PARLEY) demo $(if $(ARTICLE),--article $(ARTICLE))

desk-screenshots: setup infra-up ## run the stack on the Desk's example articles, save its main pages to docs/img/desk-*.png
	$(PY) deploy/desk/screenshots.py --out docs/img

dashboard-snapshot: setup infra-up ## run the stack with a real Prometheus, render the main dashboard panels to docs/img/dashboard.png
	$(PY) deploy/prometheus/snapshot.py --out docs/img/dashboard.png

chaos: setup ## fault-injection suite on a private Kafka + ES, writes docs/reliability.md (CHAOS_REPEAT=N: each kill -9 N times, worst shown)
	PARLEY_CHAOS=full PARLEY_CHAOS_REPEAT=$(or $(CHAOS_REPEAT),1) $(VENV)/bin/pytest -m chaos tests/chaos

soak: setup ## steady-rate run, memory and lag sampled (SOAK_MINUTES=30); writes docs/soak.md
	$(PY) -m tests.chaos.soak --minutes $(or $(SOAK_MINUTES),30)

.PHONY: compose-test
compose-test: ## run docker-compose.yml for real: private Docker engine, stand-in servers, checks; leaves nothing running
	$(PYTHON) deploy/compose-test/run.py

clean: infra-down ## stop servers and remove local data, logs and build output
	rm -rf .local build
