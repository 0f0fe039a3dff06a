"""Invariants over the whole built data set (generated leads + handcrafted leads).

These are written independently of the dbt singular tests in data-tests/ (which also run in
the session build) so that a mistake in one is caught by the other.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests.dbt_project_runner import ROOT, as_of_vars, query, run_dbt, table_fingerprint

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

from tests.conftest import AS_OF

PUBLIC_TABLES = ["marts.lead_scores", "marts.lead_score_explanations"]
MODELS = ["b2b_default", "b2b_intent_heavy"]
# tables with a row per lead, or lead-rule, per day or event day
HISTORY_TABLES = {
    "int_marketing_events_checked",
    "int_rule_events_daily",
    "int_lead_rule_events_settled",
    "int_lead_engagement_rules_decayed",
    "int_lead_scores_computed",
}


def test_every_lead_is_scored_once_by_every_model(warehouse: Path) -> None:
    [(raw_leads, score_rows, distinct_pairs, models)] = query(
        warehouse,
        """
        select
            (select count(distinct lead_id) from raw.leads),
            count(*),
            count(distinct lead_id || '|' || scoring_model),
            count(distinct scoring_model)
        from marts.lead_scores
        """,
    )
    assert models == len(MODELS)
    assert score_rows == distinct_pairs == raw_leads * len(MODELS)


def test_exactly_one_primary_model(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select distinct scoring_model from marts.lead_scores where is_primary_model",
    )
    assert rows == [("b2b_default",)]


def test_explanations_add_up_to_published_scores(warehouse: Path) -> None:
    mismatches = query(
        warehouse,
        """
        with sums as (
            select lead_id, scoring_model,
                sum(contributed_points) filter (where component = 'fit') as fit_sum,
                sum(contributed_points) filter (where component <> 'fit') as engagement_sum
            from marts.lead_score_explanations
            group by all
        )
        select scores.lead_id, scores.scoring_model
        from marts.lead_scores as scores
        left join sums using (lead_id, scoring_model)
        where scores.fit_score <> coalesce(sums.fit_sum, 0)
            or scores.engagement_score <> coalesce(sums.engagement_sum, 0)
        """,
    )
    assert mismatches == []


def test_disqualified_leads_are_never_mqls(warehouse: Path) -> None:
    [(disqualified, disqualified_mqls)] = query(
        warehouse,
        """
        select count(*) filter (where is_disqualified),
               count(*) filter (where is_disqualified and is_mql)
        from marts.lead_scores
        """,
    )
    assert disqualified > 0, "the demo data should contain disqualified leads"
    assert disqualified_mqls == 0


def test_every_mql_episode_began_on_a_day_that_met_its_path(warehouse: Path) -> None:
    """On the day each episode began, its entry_reason held, recomputed from the events."""
    rows = query(
        warehouse,
        """
        select
            scores.entry_reason,
            scores.entry_fit_score >= models.fit_threshold
                and scores.entry_engagement_score >= models.engagement_threshold
                and (
                    models.min_high_intent_actions is null
                    -- recomputed from the lead-rule-days, not read from the model's output
                    or (
                        select count(distinct daily.rule_id)
                        from intermediate.int_rule_events_daily as daily
                        join scoring_definition.engagement_rules as rules
                            on rules.scoring_model = daily.scoring_model
                            and rules.rule_id = daily.rule_id
                        where daily.scoring_model = scores.scoring_model
                            and daily.lead_id = scores.lead_id
                            and rules.is_high_intent
                            and daily.event_date <= scores.entered_on
                            and scores.entered_on - daily.event_date
                                <= models.high_intent_window_days
                    ) >= models.min_high_intent_actions
                )
                as meets_thresholds,
            (
                select count(*)
                from scoring_definition.fast_track_rules as fast_track
                join intermediate.int_marketing_events_checked as events
                    on events.event_type = fast_track.event_type
                    and events.reject_reason is null
                where fast_track.scoring_model = scores.scoring_model
                    and 'fast_track:' || fast_track.rule_id = scores.entry_reason
                    and events.lead_id = scores.lead_id
                    and events.event_date <= scores.entered_on
                    and scores.entered_on - events.event_date <= fast_track.within_days
                    and scores.entry_fit_score >= coalesce(fast_track.min_fit_score, -1e9)
            ) as fast_track_evidence
        from marts.mql_transitions as scores
        join scoring_definition.scoring_models as models using (scoring_model)
        """,
    )
    assert {reason for reason, _, _ in rows} >= {"thresholds"}
    assert any(reason.startswith("fast_track:") for reason, _, _ in rows)
    for reason, meets_thresholds, evidence in rows:
        if reason == "thresholds":
            assert meets_thresholds
        else:
            assert reason.startswith("fast_track:") and evidence > 0
            assert not meets_thresholds, "thresholds take precedence over fast-tracks"


def test_scores_within_the_definitions_bounds(warehouse: Path) -> None:
    rows = query(
        warehouse,
        """
        select scoring_model,
            min(engagement_score), max(engagement_score), max(models.total_engagement_cap),
            min(fit_score), max(fit_score)
        from marts.lead_scores
        join scoring_definition.scoring_models as models using (scoring_model)
        group by scoring_model
        """,
    )
    fit_bounds = dict(
        query(
            warehouse,
            """
            select scoring_model,
                [sum(least(points, 0)), sum(greatest(points, 0))]
            from scoring_definition.fit_rules group by scoring_model
            """,
        )
    )
    for model, low, high, cap, fit_low, fit_high in rows:
        assert 0 <= low <= high <= cap, model
        lowest, highest = fit_bounds[model]
        assert lowest <= fit_low <= fit_high <= highest, model


def test_grades_match_the_bands(warehouse: Path) -> None:
    wrong = query(
        warehouse,
        """
        select scores.lead_id, scores.scoring_model
        from marts.lead_scores as scores
        join scoring_definition.grade_bands as fit_band
            on fit_band.scoring_model = scores.scoring_model and fit_band.grade_type = 'fit'
            and fit_band.grade = scores.fit_grade
        join scoring_definition.grade_bands as engagement_band
            on engagement_band.scoring_model = scores.scoring_model
            and engagement_band.grade_type = 'engagement'
            and engagement_band.grade = scores.engagement_grade
        where not (scores.fit_score >= coalesce(fit_band.min_score, -1e9)
                and scores.fit_score < coalesce(fit_band.max_score, 1e9))
            or not (scores.engagement_score >= coalesce(engagement_band.min_score, -1e9)
                and scores.engagement_score < coalesce(engagement_band.max_score, 1e9))
            or scores.score_tier <> scores.fit_grade || scores.engagement_grade
        """,
    )
    assert wrong == []


def test_invariant_data_tests_ran_and_passed(warehouse: Path) -> None:
    results = json.loads((warehouse.parent / "target" / "run_results.json").read_text())
    singular = {
        Path(result["unique_id"].split(".")[2]).name: result["status"]
        for result in results["results"]
        if result["unique_id"].startswith("test.lead_scoring.assert_")
    }
    expected = {path.stem for path in (ROOT / "data-tests").glob("assert_*.sql")}
    assert set(singular) == expected
    assert set(singular.values()) == {"pass"}


def test_history_models_were_built_in_lead_buckets(warehouse: Path) -> None:
    # the session build passes lead_buckets (conftest.LEAD_BUCKETS); the second build below
    # uses one pass, and must give the same tables
    run = warehouse.parent / "target" / "run" / "lead_scoring" / "models" / "intermediate"
    for model in [
        "int_lead_engagement_rules_decayed",
        "int_lead_scores_computed",
        "int_mql_episodes_computed",
    ]:
        assert "= 0 /* lead bucket */" in (run / f"{model}.sql").read_text(), model


def materialized_ctes(database: Path, sql: str) -> set[str]:
    """The CTEs DuckDB's plan of `sql` stores before the query runs."""
    plan = json.loads(query(database, "explain (format json) " + sql)[0][1])
    names: set[str] = set()
    nodes = list(plan)
    while nodes:
        node = nodes.pop()
        if node.get("name") == "CTE":
            names.add(node["extra_info"]["CTE Name"])
        nodes.extend(node.get("children", []))
    return names


def test_no_model_stores_a_history_table_whole_in_a_cte(warehouse: Path) -> None:
    # DuckDB stores a CTE referenced more than once, every row and column of it: an import
    # CTE of a history table would copy the whole table in every pass over a few of its rows
    compiled = warehouse.parent / "target" / "compiled" / "lead_scoring" / "models"
    import_cte = re.compile(
        r"(\w+) as (?:not materialized )?\(\s*select \* from \"[^\"]+\"\.\"[^\"]+\"\.\"(\w+)\"\s*\)"
    )
    checked = {}
    for path in sorted(compiled.rglob("*.sql")):
        sql = path.read_text()
        imports = {cte for cte, table in import_cte.findall(sql) if table in HISTORY_TABLES}
        if imports:
            checked[path.stem] = imports & materialized_ctes(warehouse, sql)
    # the models that read a history table twice, at least, were checked
    assert {"int_mql_episodes_computed", "int_lead_engagement_rules_decayed"} <= set(checked)
    assert checked == {model: set() for model in checked}


@pytest.mark.parametrize(
    ("model", "var", "value", "message"),
    [
        ("int_lead_scores_computed", "lead_buckets", "0",
         "var 'lead_buckets' must be a whole number of at least 1, got 0"),
        ("lead_scores", "reason_summary_rules", "-1",
         "var 'reason_summary_rules' must be a whole number of at least 0, got -1"),
        ("lead_scores", "reason_summary_rules", "two",
         "var 'reason_summary_rules' must be a whole number of at least 0, got two"),
        ("int_lead_rule_events_settled", "late_event_lookback_days", "three",
         "var 'late_event_lookback_days' must be a whole number of at least 0, got three"),
    ],
)  # fmt: skip
def test_a_var_out_of_its_range_stops_the_build(
    warehouse: Path, tmp_path: Path, model: str, var: str, value: str, message: str
) -> None:
    result = run_dbt(
        ["compile", "--select", model, "--vars", f"{{as_of: '{AS_OF}', {var}: {value}}}"],
        warehouse,
        target_path=tmp_path / "target",
    )
    assert not result.ok
    assert message in result.output


def test_two_builds_in_a_row_give_identical_public_tables(warehouse: Path) -> None:
    before = {table: table_fingerprint(warehouse, table) for table in PUBLIC_TABLES}
    result = run_dbt(["run", *as_of_vars(AS_OF.isoformat())], warehouse)
    assert result.ok, result.output[-3000:]
    after = {table: table_fingerprint(warehouse, table) for table in PUBLIC_TABLES}
    assert all(count > 0 for count, _ in before.values())
    assert after == before


def test_generator_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    tables = ["accounts", "leads", "marketing_events", "sales_dispositions", "opportunities"]
    fingerprints = []
    for run in ("first", "second"):
        database = tmp_path / f"{run}.duckdb"
        generate(str(database), leads=300, seed=11, end_date=AS_OF, progress=False)
        fingerprints.append({t: table_fingerprint(database, f"raw.{t}") for t in tables})
    other = tmp_path / "other-seed.duckdb"
    generate(str(other), leads=300, seed=12, end_date=AS_OF, progress=False)
    assert fingerprints[0] == fingerprints[1]
    assert table_fingerprint(other, "raw.marketing_events") != fingerprints[0]["marketing_events"]
