"""One dbt build per test session: a small generated data set plus the handcrafted leads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pytest

from tests import handcrafted
from tests.dbt_project_runner import ROOT, as_of_vars, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

AS_OF = handcrafted.AS_OF
GENERATED_LEADS = 1500
GENERATED_EVENTS_PER_LEAD = 20.0
# the history models are built in this many passes over the leads (var lead_buckets), so the
# hand-worked outcomes and the unit tests check the bucketed build; test_incremental and
# the engine tests compare it with one pass
LEAD_BUCKETS = 2


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file with demo data + handcrafted leads, built once with as_of = AS_OF, the
    history models in LEAD_BUCKETS passes."""
    database = tmp_path_factory.mktemp("warehouse") / "mql.duckdb"
    generate(
        database=str(database),
        leads=GENERATED_LEADS,
        seed=7,
        end_date=AS_OF,
        events_per_lead=GENERATED_EVENTS_PER_LEAD,
        progress=False,
    )
    with duckdb.connect(str(database)) as con:
        handcrafted.load(con)
    result = run_dbt(["build", *as_of_vars(AS_OF.isoformat(), LEAD_BUCKETS)], database)
    assert result.ok, f"dbt build failed:\n{result.output[-6000:]}"
    return database


ENGINES = ("postgres", "spark")


def engine_list(text: str) -> list[str]:
    engines = [engine for engine in text.split(",") if engine]
    unknown = [engine for engine in engines if engine not in ENGINES]
    if unknown or not engines:
        raise argparse.ArgumentTypeError(f"--engines takes {','.join(ENGINES)}, got {text!r}")
    return engines


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--engines",
        default="postgres",
        type=engine_list,
        help="engines tests/test_engines.py builds and compares with DuckDB: postgres,spark",
    )
