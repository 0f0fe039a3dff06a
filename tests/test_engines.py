"""The same models on PostgreSQL and Spark give the same public tables as on DuckDB.

Selected by the `engines` marker (deselected from the default run) and the --engines option:
`make test-postgres` (--engines postgres, with the throwaway server of scripts/pg_server.py
and its MQL_PG_* variables), `make test-spark` (--engines spark, a local Spark session with
its tables in a temporary directory), and `make test` (both: the three-engine test).
One data set (generated leads, the handcrafted leads and every kind of bad input) is built
on DuckDB and, loaded as it is, on each engine: every model, seed, unit test and data test
must pass there, and every public table must be equal to DuckDB's on all of them. DuckDB
builds the history models in one pass, the other engines in LEAD_BUCKETS passes over the
leads (their lead_bucket_filter), so the comparison also checks the buckets. PostgreSQL is
built for the day before first, so its build for the day is incremental: the comparison also
checks its incremental path against DuckDB's one full build (there the scores and episodes,
with few rows to compute, take one pass; tests/test_incremental.py compares both ways on
DuckDB).
"""

from __future__ import annotations

import datetime as dt
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

pytestmark = pytest.mark.engines

AS_OF = handcrafted.AS_OF
LEAD_BUCKETS = 2
PYTHON = sys.executable


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", metafunc.config.getoption("engines"))


@pytest.fixture(scope="module")
def duckdb_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("engines") / "mql.duckdb"
    generate(str(database), leads=800, seed=9, end_date=AS_OF, events_per_lead=15, progress=False)
    with duckdb.connect(str(database)) as con:
        handcrafted.load(con)
        bad_input.inject(con)
    result = run_dbt(["build", *as_of_vars(AS_OF.isoformat())], database)
    assert result.ok, result.output[-4000:]
    return database


def load_raw(engine: str, database: Path) -> None:
    """Copy the raw tables of the DuckDB build's file into the engine."""
    if engine == "postgres":
        assert os.environ.get("MQL_PG_DATABASE"), "run through `make test-postgres`"
        load = [PYTHON, str(ROOT / "scripts" / "load_raw_to_postgres.py")]
    else:
        # tables and metastore of the spark target in this module's temporary directory
        os.environ["MQL_SPARK_DIR"] = str(database.parent / "spark")
        load = [PYTHON, str(ROOT / "scripts" / "spark_local.py"), "load-raw"]
    subprocess.run([*load, "--duckdb", str(database)], check=True, cwd=ROOT)


@pytest.fixture(scope="module")
def engine_builds(duckdb_build: Path, request: pytest.FixtureRequest) -> dict[str, Path]:
    """The selected engines, each built from the DuckDB build's raw tables: target paths."""
    builds = {}
    for engine in request.config.getoption("engines"):
        load_raw(engine, duckdb_build)
        target_path = duckdb_build.parent / f"target-{engine}"
        if engine == "postgres":
            # built first for the day before, so that the build below takes the incremental
            # path (delete pre-hooks, appends, buckets); Spark's parquet tables are rebuilt in
            # full anyway (late_window_materialization)
            day_before = (AS_OF - dt.timedelta(days=1)).isoformat()
            result = run_dbt(
                [
                    "build",
                    "--resource-type",
                    "seed",
                    "--resource-type",
                    "model",
                    "--target",
                    engine,
                    *as_of_vars(day_before, LEAD_BUCKETS),
                ],
                duckdb_build,
                target_path=target_path,
            )
            assert result.ok, f"{engine}, day before: {result.output[-4000:]}"
        result = run_dbt(
            ["build", "--target", engine, *as_of_vars(AS_OF.isoformat(), LEAD_BUCKETS)],
            duckdb_build,
            target_path=target_path,
        )
        assert result.ok, f"{engine}: {result.output[-4000:]}"
        builds[engine] = target_path
    return builds


def test_build_ran_every_model_and_test(engine: str, engine_builds: dict[str, Path]) -> None:
    results = json.loads((engine_builds[engine] / "run_results.json").read_text())["results"]
    kinds = Counter(result["unique_id"].split(".")[0] for result in results)
    assert {result["status"] for result in results} <= {"success", "pass"}
    # every model, seed, unit test and data test of the project ran on the engine
    assert kinds["model"] >= 28 and kinds["seed"] == 11
    assert kinds["unit_test"] >= 38 and kinds["test"] >= 110
    compiled = engine_builds[engine] / "compiled/lead_scoring/models/intermediate"
    decayed = (compiled / "int_lead_engagement_rules_decayed.sql").read_text()
    assert "/* lead bucket */" in decayed, "the history models were not bucketed"
    # PostgreSQL's build is incremental (after the day before): few rows, so the scores and
    # episodes take one pass there (lead_buckets_in_one_pass); Spark's is a full build, in
    # buckets
    scores = (compiled / "int_lead_scores_computed.sql").read_text()
    one_pass = "/* every lead bucket in one pass */" in scores
    assert one_pass == (engine == "postgres"), f"{engine}: scores in one pass is {one_pass}"
    if not one_pass:
        assert "/* lead bucket */" in scores, f"{engine}: the scores were not bucketed"
    episodes = (compiled / "int_mql_episodes_computed.sql").read_text()
    assert ("/* every lead bucket in one pass */" in episodes) == (engine == "postgres")
    # delete pre-hooks run before the transaction on DuckDB only: dbt-spark runs no hook
    # outside it (a Delta table would keep its late window twice)
    nodes = json.loads((engine_builds[engine] / "manifest.json").read_text())["nodes"]
    hooks = [hook for node in nodes.values() for hook in node.get("config", {}).get("pre-hook", [])]
    assert hooks and all(hook["transaction"] for hook in hooks), hooks
    if engine == "postgres":
        # the build for the day read the stored rows: the incremental path
        assert "leads_built" in scores, "the postgres build was not incremental"


def test_every_public_table_is_equal_on_every_engine(
    duckdb_build: Path, engine_builds: dict[str, Path]
) -> None:
    compare = [
        PYTHON,
        str(ROOT / "scripts" / "compare_engines.py"),
        "--duckdb",
        str(duckdb_build),
        *(f"--{engine}" for engine in engine_builds),
    ]
    completed = subprocess.run(compare, capture_output=True, text=True, cwd=ROOT, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    # each public table was compared on each engine besides DuckDB
    assert completed.stdout.count(": equal (") == 6 * len(engine_builds), completed.stdout
