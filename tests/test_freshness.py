"""`dbt source freshness` on the event feed: passes on fresh demo data, fails on a stale feed."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from tests.dbt_project_runner import ROOT, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

# Freshness compares the newest event with the wall clock (it is a monitor, not a model).
TODAY = dt.datetime.now(dt.UTC).date()


def test_fresh_demo_data_passes(tmp_path: Path) -> None:
    database = tmp_path / "fresh.duckdb"
    generate(str(database), leads=200, seed=3, end_date=TODAY, progress=False)
    result = run_dbt(["source", "freshness"], database)
    assert result.ok, result.output[-3000:]
    assert "PASS freshness of marketing.marketing_events" in result.output


def test_a_feed_stopped_ten_days_ago_is_an_error(tmp_path: Path) -> None:
    database = tmp_path / "stale.duckdb"
    generate(
        str(database), leads=200, seed=3, end_date=TODAY - dt.timedelta(days=10), progress=False
    )
    result = run_dbt(["source", "freshness"], database)
    assert not result.ok
    assert "ERROR STALE freshness of marketing.marketing_events" in result.output
