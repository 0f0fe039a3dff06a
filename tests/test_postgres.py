"""The same models on PostgreSQL give the same public tables as on DuckDB.

Run by `make test-postgres`, which starts a throwaway PostgreSQL server (scripts/pg_server.py)
and sets the MQL_PG_* variables; deselected from the default run by the `postgres` marker.
One data set (generated leads, the handcrafted leads and every kind of bad input) is built
on DuckDB and, loaded as it is, on PostgreSQL; every public table must be equal row for row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from tests import bad_input, handcrafted
from tests.dbt_project_runner import ROOT, as_of_vars, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

pytestmark = pytest.mark.postgres

AS_OF = handcrafted.AS_OF
PYTHON = sys.executable


@pytest.fixture(scope="module")
def duckdb_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert os.environ.get("MQL_PG_DATABASE"), "run through `make test-postgres`"
    database = tmp_path_factory.mktemp("engines") / "mql.duckdb"
    generate(str(database), leads=800, seed=9, end_date=AS_OF, events_per_lead=15, progress=False)
    with duckdb.connect(str(database)) as con:
        handcrafted.load(con)
        bad_input.inject(con)
    result = run_dbt(["build", *as_of_vars(AS_OF.isoformat())], database)
    assert result.ok, result.output[-4000:]
    return database


@pytest.fixture(scope="module")
def postgres_build(duckdb_build: Path) -> Path:
    load = [
        PYTHON,
        str(ROOT / "scripts" / "load_raw_to_postgres.py"),
        "--duckdb",
        str(duckdb_build),
    ]
    subprocess.run(load, check=True, cwd=ROOT)
    result = run_dbt(
        ["build", "--target", "postgres", *as_of_vars(AS_OF.isoformat())],
        duckdb_build,
        target_path=duckdb_build.parent / "target-postgres",
    )
    assert result.ok, result.output[-4000:]
    return duckdb_build


def test_postgres_build_ran_every_model_and_test(postgres_build: Path) -> None:
    results = json.loads(
        (postgres_build.parent / "target-postgres" / "run_results.json").read_text()
    )["results"]
    kinds = Counter(result["unique_id"].split(".")[0] for result in results)
    assert {result["status"] for result in results} <= {"success", "pass"}
    # every model, seed, unit test and data test of the project ran on PostgreSQL
    assert kinds["model"] >= 28 and kinds["seed"] == 11
    assert kinds["unit_test"] >= 38 and kinds["test"] >= 110


def test_every_public_table_is_equal_on_both_engines(postgres_build: Path) -> None:
    compare = [
        PYTHON,
        str(ROOT / "scripts" / "compare_pg_duckdb.py"),
        "--duckdb",
        str(postgres_build),
    ]
    completed = subprocess.run(compare, capture_output=True, text=True, cwd=ROOT, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
