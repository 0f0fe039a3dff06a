"""Incremental builds: 30 days of daily builds, with late events, give one full build's tables.

Raw rows arrive on their own day (events on the day they occurred, leads on the day they
were created, dispositions and opportunities likewise), except one event in 10 which
arrives one to three days late, within the default late_event_lookback_days of 3. The
warehouse starts with what had arrived by START, is built in full, then gets each day's
arrivals and one incremental `dbt run` per day, except on SKIPPED days (more in a row than
the lookback: the next build must read back to the last build). On RESENT_ON, the events
of the day before are delivered again with the same ids, one day earlier, so that day
loses its events. A --full-refresh build of the final data must give the same rows in
every public table and in both incremental models (except built_as_of, which records the
build that wrote a row).

The daily runs reuse one parsed manifest through dbt's Python entry point: a changed
`as_of` var makes the command line re-parse the project each time, which would cost more
than the 30 builds themselves.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner

from tests.dbt_project_runner import (
    ROOT,
    Row,
    as_of_vars,
    copy_project,
    edit_seed,
    query,
    run_dbt,
)

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

END = dt.date(2026, 11, 1)
START = END - dt.timedelta(days=30)
LEADS = 300

EVENT_ARRIVAL = (
    "cast(occurred_at as date)"
    " + cast(case when hash(event_id) % 10 = 0 then 1 + hash(event_id) % 3 else 0 end as integer)"
)
ARRIVALS = {
    "accounts": "date '1900-01-01'",
    "leads": "cast(created_at as date)",
    "marketing_events": EVENT_ARRIVAL,
    "sales_dispositions": "cast(occurred_at as date)",
    "opportunities": "cast(created_at as date)",
}

COMPARED = [
    "marts.lead_scores",
    "marts.lead_score_explanations",
    "marts.mql_transitions",
    "marts.rejected_rows",
    "marts.source_reconciliation",
    "marts.unmapped_event_types",
    "intermediate.int_marketing_events_checked",
    "intermediate.int_rule_events_daily",
]

MODELS_AND_SEEDS = ["build", "--resource-type", "seed", "--resource-type", "model"]
SKIPPED = {10, 11, 12, 13, 14}
RESENT_ON = 20


def keep_arrived_by(database: Path, day: dt.date) -> None:
    with duckdb.connect(str(database)) as con:
        for table, arrival in ARRIVALS.items():
            con.execute(f"delete from raw.{table} where {arrival} > ?", [day])


def add_arrivals_of(database: Path, source: Path, day: dt.date) -> int:
    added = 0
    with duckdb.connect(str(database)) as con:
        con.execute(f"attach '{source}' as source (read_only)")
        for table, arrival in ARRIVALS.items():
            con.execute(
                f"insert into raw.{table} select * from source.raw.{table} where {arrival} = ?",
                [day],
            )
            added += con.execute(
                f"select count(*) from source.raw.{table} where {arrival} = ?", [day]
            ).fetchone()[0]
        con.execute("detach source")
    return added


def resend_day_before(database: Path, day: dt.date) -> int:
    """Deliver the events of the day before `day` again, same ids, one day earlier."""
    with duckdb.connect(str(database)) as con:
        con.execute(
            "insert into raw.marketing_events"
            " select event_id, lead_id, event_type, occurred_at - interval 1 day, url,"
            " asset_name, campaign from raw.marketing_events"
            " where cast(occurred_at as date) = ?",
            [day - dt.timedelta(days=1)],
        )
        return con.execute(
            "select count(*) from raw.marketing_events where cast(occurred_at as date) = ?",
            [day - dt.timedelta(days=1)],
        ).fetchone()[0]


def rows_of(database: Path, table: str) -> list[tuple]:
    columns = "* exclude (built_as_of)" if table_has_column(database, table, "built_as_of") else "*"
    return sorted(query(database, f"select {columns} from {table}"), key=repr)


def table_has_column(database: Path, table: str, column: str) -> bool:
    schema, name = table.split(".")
    return bool(
        query(
            database,
            "select 1 from information_schema.columns"
            " where table_schema = ? and table_name = ? and column_name = ?",
            [schema, name, column],
        )
    )


class DailyRunner:
    """dbt run on one warehouse, day after day, from one parsed manifest."""

    def __init__(self, target: Path, project: Path = ROOT) -> None:
        self.args = ["--project-dir", str(project), "--target-path", str(target), "--quiet"]
        parsed = dbtRunner().invoke(["parse", *self.args])
        assert parsed.success, parsed.exception
        self.runner = dbtRunner(manifest=parsed.result)

    def run(self, day: dt.date) -> None:
        result = self.runner.invoke(["run", *as_of_vars(day.isoformat()), *self.args])
        assert result.success, f"incremental run for {day} failed: {result.exception}"


@pytest.fixture(scope="module")
def daily_and_full(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
) -> tuple[Path, Path, int, Path]:
    root = tmp_path_factory.mktemp("incremental")
    source = root / "source.duckdb"
    generate(
        database=str(source),
        leads=LEADS,
        seed=5,
        end_date=END,
        events_per_lead=15.0,
        progress=False,
    )
    daily = root / "daily" / "mql.duckdb"
    daily.parent.mkdir()
    shutil.copy(source, daily)
    keep_arrived_by(daily, START)
    first = run_dbt([*MODELS_AND_SEEDS, *as_of_vars(START.isoformat())], daily)
    assert first.ok, first.output[-4000:]

    monkeypatch_module.setenv("MQL_DUCKDB_PATH", str(daily))
    monkeypatch_module.setenv("DBT_PROFILES_DIR", str(ROOT))
    runner = DailyRunner(root / "daily" / "target")
    for offset in range(1, 31):
        day = START + dt.timedelta(days=offset)
        assert add_arrivals_of(daily, source, day) > 0
        if offset == RESENT_ON:
            assert resend_day_before(daily, day) > 0
        if offset not in SKIPPED:
            runner.run(day)
    with duckdb.connect(str(source), read_only=True) as con:
        late = con.execute(
            f"select count(*) from raw.marketing_events where {EVENT_ARRIVAL}"
            " > cast(occurred_at as date) and cast(occurred_at as date) between ? and ?",
            [START, END - dt.timedelta(days=3)],
        ).fetchone()[0]

    full = root / "full" / "mql.duckdb"
    full.parent.mkdir()
    shutil.copy(daily, full)
    rebuilt = run_dbt([*MODELS_AND_SEEDS, "--full-refresh", *as_of_vars(END.isoformat())], full)
    assert rebuilt.ok, rebuilt.output[-4000:]
    return daily, full, late, root / "daily" / "target"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_daily_builds_were_incremental_and_saw_late_events(
    daily_and_full: tuple[Path, Path, int, Path],
) -> None:
    daily, _, late, target = daily_and_full
    assert late > 10, "the simulation should deliver late events"
    compiled = target / "run" / "lead_scoring" / "models" / "intermediate"
    for model in ["int_marketing_events_checked", "int_rule_events_daily"]:
        sql = (compiled / f"{model}.sql").read_text()
        # an incremental run appends to the table; a full build would create it
        assert sql.lstrip().startswith("insert into"), f"{model} was not built incrementally"
    window = (
        target
        / "compiled"
        / "lead_scoring"
        / "models"
        / "intermediate"
        / "int_rule_events_daily.sql"
    ).read_text()
    assert "event_date >= cast(" in window, "the last daily run did not read the window only"
    assert query(daily, "select max(as_of_date) from marts.lead_scores") == [(END,)]


@pytest.mark.parametrize("table", COMPARED)
def test_thirty_daily_builds_equal_one_full_refresh(
    daily_and_full: tuple[Path, Path, int, Path], table: str
) -> None:
    daily, full, _, _ = daily_and_full
    incremental_rows = rows_of(daily, table)
    assert incremental_rows, f"{table} is empty"
    assert incremental_rows == rows_of(full, table)


def add_webinar_bonus_rule(rows: list[Row]) -> list[Row]:
    """A new rule on an existing event type: it needs every past event re-aggregated."""
    [webinar] = [
        row
        for row in rows
        if row["scoring_model"] == "b2b_default" and row["rule_id"] == "eng_webinar_attended"
    ]
    return [*rows, {**webinar, "rule_id": "eng_webinar_bonus", "description": "Webinar bonus"}]


def test_an_edited_rule_is_applied_to_every_past_event_by_the_next_daily_build(
    daily_and_full: tuple[Path, Path, int, Path], tmp_path: Path
) -> None:
    daily, _, _, _ = daily_and_full
    project = copy_project(tmp_path / "project")
    edit_seed(project, "engagement_rules", add_webinar_bonus_rule)
    edited_daily = tmp_path / "daily.duckdb"
    edited_full = tmp_path / "full.duckdb"
    shutil.copy(daily, edited_daily)
    shutil.copy(daily, edited_full)
    next_day = [*as_of_vars(END.isoformat())]
    for database, extra in [(edited_daily, []), (edited_full, ["--full-refresh"])]:
        result = run_dbt([*MODELS_AND_SEEDS, *extra, *next_day], database, project_dir=project)
        assert result.ok, result.output[-4000:]
    before = rows_of(daily, "marts.lead_scores")
    after = rows_of(edited_daily, "marts.lead_scores")
    assert before != after, "a new webinar rule should change some scores"
    for table in ["intermediate.int_rule_events_daily", "marts.lead_scores"]:
        assert rows_of(edited_daily, table) == rows_of(edited_full, table)
