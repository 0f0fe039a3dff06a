"""`dbt retry` after an interrupted build ends in the same public tables as a clean build.

One generated data set, two copies. Copy A is built in one go. Copy B's build is broken
half-way: the raw events table is renamed away, so staging of events errors and everything
downstream of it (all scoring) is skipped while the CRM side builds. The table is then put
back and `dbt retry` (same project and target directory, so it reads that build's
run_results.json) finishes the job. Every public table of B must then equal A's.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.dbt_project_runner import (
    ROOT,
    DbtResult,
    as_of_vars,
    query,
    run_dbt,
    table_fingerprint,
)

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

AS_OF = dt.date(2026, 11, 1)
PUBLIC_TABLES = [
    "marts.lead_scores",
    "marts.lead_score_explanations",
    "marts.rejected_rows",
    "marts.source_reconciliation",
    "marts.unmapped_event_types",
]
BROKEN_TABLE = "marketing_events"
PROJECT = "lead_scoring"


@dataclass(frozen=True)
class RetryRun:
    uninterrupted: Path
    interrupted: Path
    full_build: DbtResult
    failed_build: DbtResult
    failed_statuses: dict[str, str]
    tables_after_failure: set[str]
    retry: DbtResult
    retry_statuses: dict[str, str]


def statuses(database: Path) -> dict[str, str]:
    """unique_id -> status of the last dbt command run against this database's target."""
    results = json.loads((database.parent / "target" / "run_results.json").read_text())
    return {result["unique_id"]: result["status"] for result in results["results"]}


def tables(database: Path) -> set[str]:
    rows = query(
        database, "select table_schema || '.' || table_name from information_schema.tables"
    )
    return {name for (name,) in rows}


def rename_raw_table(database: Path, old: str, new: str) -> None:
    with duckdb.connect(str(database)) as con:
        con.execute(f"alter table raw.{old} rename to {new}")


def build(database: Path) -> DbtResult:
    return run_dbt(["build", *as_of_vars(AS_OF.isoformat())], database)


@pytest.fixture(scope="module")
def retry_run(tmp_path_factory: pytest.TempPathFactory) -> RetryRun:
    uninterrupted = tmp_path_factory.mktemp("uninterrupted") / "mql.duckdb"
    interrupted = tmp_path_factory.mktemp("interrupted") / "mql.duckdb"
    generate(
        str(uninterrupted), leads=200, seed=3, end_date=AS_OF, events_per_lead=10.0, progress=False
    )
    shutil.copyfile(uninterrupted, interrupted)
    rename_raw_table(interrupted, BROKEN_TABLE, f"{BROKEN_TABLE}_gone")
    with ThreadPoolExecutor(max_workers=2) as pool:
        full_build, failed_build = pool.map(build, [uninterrupted, interrupted])
    failed_statuses = statuses(interrupted)
    tables_after_failure = tables(interrupted)
    rename_raw_table(interrupted, f"{BROKEN_TABLE}_gone", BROKEN_TABLE)
    retry = run_dbt(["retry"], interrupted)
    return RetryRun(
        uninterrupted,
        interrupted,
        full_build,
        failed_build,
        failed_statuses,
        tables_after_failure,
        retry,
        statuses(interrupted),
    )


def test_uninterrupted_build_succeeds(retry_run: RetryRun) -> None:
    assert retry_run.full_build.ok, retry_run.full_build.output[-6000:]


def test_interrupted_build_failed_before_scoring_finished(retry_run: RetryRun) -> None:
    assert not retry_run.failed_build.ok
    status = retry_run.failed_statuses
    assert status[f"model.{PROJECT}.stg_marketing__events"] == "error"
    # the CRM side got built, scoring and the quarantine did not
    assert status[f"model.{PROJECT}.stg_crm__leads"] == "success"
    assert status[f"model.{PROJECT}.int_leads_enriched"] == "success"
    for model in ["int_marketing_events_checked", "lead_scores", "rejected_rows"]:
        assert status[f"model.{PROJECT}.{model}"] == "skipped", model
    assert "intermediate.int_leads_enriched" in retry_run.tables_after_failure
    assert not set(PUBLIC_TABLES) & retry_run.tables_after_failure


def test_retry_succeeds_and_reruns_only_what_did_not_finish(retry_run: RetryRun) -> None:
    assert retry_run.retry.ok, retry_run.retry.output[-6000:]
    rerun = retry_run.retry_statuses
    for model in ["stg_marketing__events", "int_marketing_events_checked", "lead_scores"]:
        assert rerun[f"model.{PROJECT}.{model}"] == "success", model
    assert rerun[f"test.{PROJECT}.assert_sources_reconcile"] == "pass"
    # nodes that succeeded the first time are not run again
    assert f"model.{PROJECT}.stg_crm__leads" not in rerun
    assert set(rerun.values()) <= {"success", "pass"}


@pytest.mark.parametrize("table", PUBLIC_TABLES)
def test_retried_build_equals_the_uninterrupted_one(retry_run: RetryRun, table: str) -> None:
    assert retry_run.retry.ok, "dbt retry failed (see the test above)"
    expected = table_fingerprint(retry_run.uninterrupted, table)
    assert expected[0] > 0, f"{table} is empty: the comparison would prove nothing"
    assert table_fingerprint(retry_run.interrupted, table) == expected
