"""A broken scoring definition stops the build with a message naming definition, rule, problem.

The check lists every problem at once, so the catalogue of broken rows is applied to one
copy of the project and built once (dbt parsing costs seconds per run); each kind is still
its own test on that output. A separate build with a single broken rule shows that one
problem alone stops the build. Only what the check needs is built: the seeds and
int_scoring_definition_problems.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.dbt_project_runner import ROOT, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate
from project_copy import Row, copy_project, edit_seed

CHECK_ONLY = [
    "build",
    "--select",
    "+int_scoring_definition_problems",
    "--indirect-selection",
    "cautious",
]


def set_field(model: str, rule_id: str, **changes: str) -> Callable[[list[Row]], list[Row]]:
    """Change fields of the row of one rule (rule_id, or grade for grade_bands)."""

    def edit(rows: list[Row]) -> list[Row]:
        matched = 0
        for row in rows:
            key = row.get("rule_id", row.get("grade"))
            if row["scoring_model"] == model and key == rule_id:
                row.update(changes)
                matched += 1
        assert matched == 1, f"expected one row for {model}/{rule_id}, found {matched}"
        return rows

    return edit


def append_row(**row: str) -> Callable[[list[Row]], list[Row]]:
    def edit(rows: list[Row]) -> list[Row]:
        return [*rows, {field: row.get(field, "") for field in rows[0]}]

    return edit


def duplicate_rule(model: str, rule_id: str) -> Callable[[list[Row]], list[Row]]:
    def edit(rows: list[Row]) -> list[Row]:
        original = next(r for r in rows if r["scoring_model"] == model and r["rule_id"] == rule_id)
        return [*rows, dict(original)]

    return edit


CASES = [
    pytest.param(
        "fit_rules",
        set_field("b2b_default", "fit_seniority_vp", attribute="seniorty"),
        ["b2b_default", "fit_seniority_vp", "unknown attribute 'seniorty'"],
        id="unknown-attribute",
    ),
    pytest.param(
        "fit_rules",
        set_field("b2b_default", "fit_seniority_vp", operator="equal"),
        ["b2b_default", "fit_seniority_vp", "unknown operator 'equal'"],
        id="unknown-operator",
    ),
    pytest.param(
        "fit_rules",
        set_field("b2b_default", "fit_industry_target", operator="between", value=""),
        ["b2b_default", "fit_industry_target", "does not apply to the text attribute 'industry'"],
        id="operator-wrong-for-attribute-type",
    ),
    pytest.param(
        "fit_rules",
        set_field("b2b_default", "fit_function_core", value="core_functionz"),
        ["b2b_default", "fit_function_core", "value list 'core_functionz' does not exist"],
        id="unknown-value-list",
    ),
    pytest.param(
        "engagement_rules",
        set_field("b2b_default", "eng_demo_request", event_type="demo_requested"),
        ["b2b_default", "eng_demo_request", "unknown event type 'demo_requested'"],
        id="unknown-event-type",
    ),
    pytest.param(
        "engagement_rules",
        set_field("b2b_default", "eng_pricing_view", half_life_days="-3"),
        ["b2b_default", "eng_pricing_view", "half_life_days must be a positive number"],
        id="negative-half-life",
    ),
    pytest.param(
        "engagement_rules",
        set_field("b2b_default", "eng_page_view", decay_mode="exponential"),
        ["b2b_default", "eng_page_view", "unknown decay_mode 'exponential'"],
        id="unknown-decay-mode",
    ),
    pytest.param(
        "grade_bands",
        set_field("b2b_default", "B", max_score="60"),
        ["b2b_default", "grade A", "overlapping grade B which ends at 60"],
        id="overlapping-grade-bands",
    ),
    pytest.param(
        "grade_bands",
        set_field("b2b_intent_heavy", "C", max_score="25"),
        ["b2b_intent_heavy", "grade B", "leaving a gap after grade C ends at 25"],
        id="gapped-grade-bands",
    ),
    pytest.param(
        "decay_steps",
        lambda rows: [
            {**r, "min_age_days": "9"}
            if (r["rule_id"], r["min_age_days"]) == ("eng_email_open", "8")
            and r["scoring_model"] == "b2b_default"
            else r
            for r in rows
        ],
        ["b2b_default", "eng_email_open", "band starting at age 9 leaves a gap after age 7"],
        id="gapped-decay-steps",
    ),
    pytest.param(
        "grade_bands",
        set_field("b2b_default", "2", engagement_multiplier="1.5"),
        ["b2b_default", "grade 2", "engagement_multiplier applies to fit bands only"],
        id="multiplier-on-engagement-band",
    ),
    pytest.param(
        "grade_bands",
        lambda rows: [
            {**r, "grade": {"3": "4", "4": "3"}[r["grade"]]}
            if r["scoring_model"] == "b2b_intent_heavy" and r["grade"] in ("3", "4")
            else r
            for r in rows
        ],
        ["b2b_intent_heavy", "grade 4", "covers higher scores than grade 3"],
        id="grades-in-the-wrong-order",
    ),
    pytest.param(
        "grade_bands",
        append_row(scoring_model="b2b_ghost", grade_type="fit", grade="A"),
        ["b2b_ghost", "grade A", "scoring model 'b2b_ghost' does not exist"],
        id="grade-band-for-unknown-definition",
    ),
    pytest.param(
        "disqualifiers",
        set_field("b2b_default", "dq_customer", value="yes"),
        ["b2b_default", "dq_customer", "value 'yes' never matches"],
        id="boolean-attribute-with-a-non-boolean-value",
    ),
    pytest.param(
        "scoring_models",
        lambda rows: [
            {**r, "fit_threshold": ""} if r["scoring_model"] == "b2b_intent_heavy" else r
            for r in rows
        ],
        ["b2b_intent_heavy", "(definition)", "fit_threshold is missing"],
        id="missing-threshold",
    ),
    pytest.param(
        "engagement_rules",
        lambda rows: [
            {**r, "is_high_intent": "false"} if r["scoring_model"] == "b2b_intent_heavy" else r
            for r in rows
        ],
        ["b2b_intent_heavy", "(definition)", "no lead can qualify by thresholds"],
        id="high-intent-minimum-without-high-intent-rules",
    ),
    pytest.param(
        "fit_rules",
        duplicate_rule("b2b_default", "fit_size_mid"),
        ["b2b_default", "fit_size_mid", "duplicate rule_id: used 2 times"],
        id="duplicate-rule-id",
    ),
    pytest.param(
        "engagement_rules",
        append_row(
            scoring_model="b2b_experimental",
            rule_id="eng_x",
            description="x",
            event_type="page_view",
            points="1",
            decay_mode="none",
            is_high_intent="false",
        ),
        ["b2b_experimental", "eng_x", "scoring model 'b2b_experimental' does not exist"],
        id="rule-for-unknown-definition",
    ),
]


def problem_lines(output: str) -> list[str]:
    return [
        line.strip() for line in output.splitlines() if line.strip().startswith("- scoring model")
    ]


def build_with_edits(
    project_root: Path, edits: list[tuple[str, Callable[[list[Row]], list[Row]]]]
) -> str:
    project = copy_project(project_root / "project")
    for seed, edit in edits:
        edit_seed(project, seed, edit)
    result = run_dbt(CHECK_ONLY, project_root / "check.duckdb", project_dir=project)
    assert not result.ok, "the build should have failed"
    assert "The scoring definition is invalid" in result.output
    return result.output


@pytest.fixture(scope="module")
def catalogue_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    edits = [(case.values[0], case.values[1]) for case in CASES]
    return build_with_edits(tmp_path_factory.mktemp("catalogue"), edits)


@pytest.mark.parametrize(("seed", "edit", "expected"), CASES)
def test_broken_definition_is_named(
    catalogue_output: str,
    seed: str,
    edit: Callable[[list[Row]], list[Row]],
    expected: list[str],
) -> None:
    lines = problem_lines(catalogue_output)
    assert any(all(part in line for part in expected) for line in lines), (
        f"no problem line names {expected}; got:\n" + "\n".join(lines)
    )


def test_catalogue_reports_no_problem_twice(catalogue_output: str) -> None:
    lines = problem_lines(catalogue_output)
    assert len(lines) == len(set(lines))


def test_one_broken_rule_alone_stops_the_whole_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit_seed(
        project,
        "engagement_rules",
        set_field("b2b_default", "eng_pricing_view", half_life_days="-3"),
    )
    database = tmp_path / "full.duckdb"
    generate(str(database), leads=50, seed=1, end_date=dt.date(2026, 11, 1), progress=False)
    target = tmp_path / "target"
    result = run_dbt(
        ["build", "--vars", "{as_of: '2026-11-01'}"],
        database,
        project_dir=project,
        target_path=target,
    )
    assert not result.ok
    assert problem_lines(result.output) == [
        "- scoring model 'b2b_default', rule 'eng_pricing_view' (engagement_rules): "
        "half_life_days must be a positive number of days, got -3.0"
    ]
    statuses = {
        item["unique_id"].split(".")[-1]: item["status"]
        for item in json.loads((target / "run_results.json").read_text())["results"]
    }
    assert statuses["int_scoring_definition_problems"] == "error"
    # nothing that scores was built with the broken definition
    for model in ["int_rule_events_daily", "int_lead_scores_computed", "lead_scores"]:
        assert statuses[model] == "skipped", model


def test_shipped_definition_is_valid(tmp_path: Path) -> None:
    result = run_dbt(CHECK_ONLY, tmp_path / "check.duckdb")
    assert result.ok, result.output[-3000:]
