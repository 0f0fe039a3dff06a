"""The benchmark's failure report: a step that fails (out of memory, out of disk) is
recorded with its command and its errors instead of ending the benchmark without a JSON.
Its comparisons, and the fit no lead reaches in the build without history."""

import datetime as dt
import os
import sys

import duckdb
import pytest
from bench import (
    DBT,
    PRIMARY,
    StepFailed,
    compare,
    failure_record,
    run_measured,
    unreachable_fit_score,
)


def test_a_failed_step_is_reported_with_its_command_and_errors():
    script = "print('1 of 2 OK'); print('  IO Error: No space left on device'); raise SystemExit(3)"
    with pytest.raises(StepFailed) as raised:
        run_measured([sys.executable, "-c", script], dict(os.environ))
    record = failure_record(raised.value)
    assert record["errors"] == ["IO Error: No space left on device"]
    assert record["command"].endswith(script)
    assert record["wall_s"] > 0
    assert record["peak_rss_mb"] > 0


def test_dbt_is_named_without_its_path_and_output_without_errors_is_kept():
    failed = StepFailed([DBT, "run", "--full-refresh"], 12.3456, 100.04, "a\nb\n")
    assert failure_record(failed) == {
        "command": "dbt run --full-refresh",
        "wall_s": 12.346,
        "peak_rss_mb": 100.0,
        "errors": ["a", "b"],
    }


def test_a_step_that_succeeds_returns_its_output():
    _, _, output = run_measured([sys.executable, "-c", "print('done')"], dict(os.environ))
    assert output.strip() == "done"


def test_the_unreachable_fit_is_above_every_definitions_positive_fit_points(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "fit_rules.csv").write_text(
        "scoring_model,rule_id,points\n"
        "a,r1,20\na,r2,15\na,r3,-10\n"  # a: 35 at most (the negative rule only lowers it)
        "b,r1,30\nb,r2,30.5\n"  # b: 60.5 at most
    )
    assert unreachable_fit_score(tmp_path) == 61


def test_under_a_definition_no_lead_can_meet_only_fit_engagement_and_entry_count(tmp_path):
    database = tmp_path / "scores.duckdb"
    day = dt.date(2026, 11, 1)
    with duckdb.connect(str(database)) as con:
        con.execute("create schema intermediate")
        con.execute(
            """create table intermediate.int_lead_scores_computed (scoring_model varchar,
            score_date date, lead_id varchar, fit_score decimal(18,2),
            engagement_score decimal(18,2), meets_entry boolean)"""
        )
        con.execute(
            "insert into intermediate.int_lead_scores_computed values"
            " (?, ?, 'same', 10, 5, false),"  # as in the full build but no longer entering
            " (?, ?, 'engagement', 10, 6, false),"  # engagement differs
            " (?, ?, 'enters', 10, 5, true),"  # meets a definition no lead can meet
            " (?, ?, 'only_here', 10, 5, false),"  # missing from the other side
            " ('other_model', ?, 'elsewhere', 99, 99, true)",  # another definition: ignored
            [PRIMARY, day] * 4 + [day],
        )
    other = tmp_path / "full_build.csv"
    other.write_text(
        "lead_id,fit_score,engagement_score,meets_entry\n"
        "same,10.00,5.00,true\nengagement,10.00,5.00,false\nenters,10.00,5.00,true\n"
        "only_there,1.00,1.00,false\n"
    )
    # engagement, enters, only_here, only_there
    assert compare(database, day, other, entry_possible=False) == 4
    # with entry possible: same (entry differs), engagement, only_here, only_there
    assert compare(database, day, other) == 4
    other.write_text(
        "lead_id,fit_score,engagement_score,meets_entry\n"
        "same,10.00,5.00,false\nengagement,10.00,6.00,false\nenters,10.00,5.00,true\n"
        "only_here,10.00,5.00,false\n"
    )
    assert compare(database, day, other) == 0
    assert compare(database, day, other, entry_possible=False) == 1  # enters
