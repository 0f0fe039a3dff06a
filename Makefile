# The verbs a newcomer types. Everything sets itself up: a fresh clone needs only Python 3.11+.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt
export DBT_PROFILES_DIR := $(CURDIR)
export MQL_DUCKDB_PATH ?= $(CURDIR)/warehouse/mql.duckdb

# sqlfluff compiles the models against an empty warehouse of its own, so that what a build
# left in the real one (incremental tables) does not change the SQL it lints
SQLFLUFF = MQL_DUCKDB_PATH=$$(mktemp -d)/lint.duckdb $(BIN)/sqlfluff

LEADS ?= 20000
SEED ?= 42
# Empty means "today in UTC" (the dbt default); set AS_OF=YYYY-MM-DD to score another day.
AS_OF ?=
DBT_VARS := $(if $(AS_OF),--vars '{as_of: "$(AS_OF)"}',)
GEN_END := $(if $(AS_OF),--end-date $(AS_OF),)

.PHONY: help venv venv-spark java data build demo summary lint format test test-duckdb \
	test-postgres test-spark test-engines bench test-bench docs clean

# make bench: 1M leads and 50 events per lead unless LEADS= / EVENTS_PER_LEAD= are given
BENCH_LEADS := $(if $(filter command line environment,$(origin LEADS)),$(LEADS),1000000)
EVENTS_PER_LEAD ?= 50
REPEATS ?= 3

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	mkdir -p warehouse
	touch $(BIN)/activate

venv: $(BIN)/activate ## Create .venv with the pinned requirements

$(VENV)/.spark-installed: $(BIN)/activate requirements-spark.txt
	$(BIN)/pip install --quiet -r requirements-spark.txt
	touch $@

venv-spark: $(VENV)/.spark-installed java ## Add dbt-spark and pyspark to .venv (for the spark target)

java: ## Java 17 for the local Spark session (installed with apt-get when missing)
	@command -v java >/dev/null || { apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; }

data: venv ## Generate the demo raw tables (LEADS=, SEED=, AS_OF=)
	$(BIN)/python scripts/generate_demo_data.py --leads $(LEADS) --seed $(SEED) $(GEN_END)

build: venv ## dbt build (seeds, models, tests) on the DuckDB warehouse
	$(DBT) build $(DBT_VARS)

summary: venv ## Print the scoring summary of the last build
	$(BIN)/python scripts/summary.py

demo: data build summary ## Set up, generate demo data, build, print the summary

lint: venv ## sqlfluff + ruff + project conventions
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/python scripts/check_project.py
	$(SQLFLUFF) lint models data-tests

format: venv ## Apply ruff and sqlfluff fixes
	$(BIN)/ruff format scripts tests benchmarks
	$(BIN)/ruff check --fix scripts tests benchmarks
	$(SQLFLUFF) fix models data-tests

test: venv lint test-duckdb test-engines test-bench ## Set up, lint, and run the whole test suite

test-duckdb: venv ## pytest on the embedded DuckDB warehouse
	$(BIN)/pytest

test-postgres: venv ## Same models on a throwaway PostgreSQL server, compared with DuckDB
	$(BIN)/python scripts/pg_server.py -- $(BIN)/pytest -m engines --engines postgres \
		tests/test_engines.py

test-spark: venv-spark ## Same models on a local Spark session, compared with DuckDB
	$(BIN)/pytest -m engines --engines spark tests/test_engines.py

test-engines: venv-spark ## Both: DuckDB, PostgreSQL and Spark built and compared in one run
	$(BIN)/python scripts/pg_server.py -- $(BIN)/pytest -m engines --engines postgres,spark \
		tests/test_engines.py

bench: venv ## Benchmark: project vs SQL reference vs pandas (LEADS=, EVENTS_PER_LEAD=, REPEATS=, WITHOUT_HISTORY=1)
	$(BIN)/python scripts/bench.py --leads $(BENCH_LEADS) --events-per-lead $(EVENTS_PER_LEAD) \
		--repeats $(REPEATS) $(if $(WITHOUT_HISTORY),--without-history)

test-bench: venv ## make bench at a tiny size: it runs and the three implementations agree
	$(BIN)/python scripts/bench.py --leads 500 --events-per-lead 10 --repeats 1 --without-history \
		--workdir benchmarks/tmp/work --output benchmarks/tmp/tiny.json

docs: venv ## Generate the dbt docs site into target/
	$(DBT) docs generate $(DBT_VARS)

clean: ## Remove build output and the warehouse (keeps .venv)
	rm -rf target logs warehouse .pytest_cache
