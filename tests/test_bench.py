"""The benchmark's failure report: a step that fails (out of memory, out of disk) is
recorded with its command and its errors instead of ending the benchmark without a JSON."""

import os
import sys

import pytest
from bench import DBT, StepFailed, failure_record, run_measured


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
