"""The demo data behaves like real B2B data: a good definition predicts pipeline, a bad one not.

Scores the demo-size data set as of 90 days before its end and counts the leads that got an
opportunity in the 90 days after. The shipped definitions must separate them well; ranking
leads by raw activity volume (email opens and page views, what a naive scoring counts)
must not.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from tests.dbt_project_runner import ROOT, as_of_vars, query, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

END_DATE = dt.date(2026, 11, 1)
SCORED_ON = END_DATE - dt.timedelta(days=90)
LEADS = 20_000

OUTCOME_WINDOW = f"""
    opportunities_after as (
        select distinct lead_id
        from raw.opportunities
        where created_at >= date '{SCORED_ON}' + interval 1 day
            and created_at < date '{END_DATE}' + interval 1 day
    )
"""


@pytest.fixture(scope="module")
def scored_in_the_past(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("outcomes") / "mql.duckdb"
    generate(str(database), leads=LEADS, seed=42, end_date=END_DATE, progress=False)
    build = [
        "build",
        "--select",
        "+lead_scores",
        "--resource-type",
        "seed",
        "--resource-type",
        "model",
    ]
    result = run_dbt([*build, *as_of_vars(str(SCORED_ON))], database)
    assert result.ok, result.output[-3000:]
    return database


def opportunity_rates(database: Path, model: str) -> tuple[float, float, int]:
    """Opportunity rate of MQLs, of the other leads, and the number of MQLs."""
    [(mql_rate, other_rate, mqls)] = query(
        database,
        f"""
        with {OUTCOME_WINDOW}
        select
            avg(case when opportunities_after.lead_id is not null then 1 else 0 end)
                filter (where is_mql),
            avg(case when opportunities_after.lead_id is not null then 1 else 0 end)
                filter (where not is_mql),
            count(*) filter (where is_mql)
        from marts.lead_scores
        left join opportunities_after using (lead_id)
        where scoring_model = ?
        """,
        [model],
    )
    return mql_rate, other_rate, mqls


@pytest.mark.parametrize("model", ["b2b_default", "b2b_intent_heavy"])
def test_shipped_definitions_predict_pipeline(scored_in_the_past: Path, model: str) -> None:
    mql_rate, other_rate, mqls = opportunity_rates(scored_in_the_past, model)
    assert mqls >= 50, "too few MQLs to measure"
    assert mql_rate >= 4 * other_rate, f"{model}: MQLs {mql_rate:.3f} vs others {other_rate:.3f}"


def test_ranking_by_activity_volume_does_not(scored_in_the_past: Path) -> None:
    [(top_rate, rest_rate)] = query(
        scored_in_the_past,
        f"""
        with {OUTCOME_WINDOW},
        volume as (
            select lead_id, count(*) as events
            from raw.marketing_events
            where event_type in ('Open Email', 'email_open', 'Visit Web Page', 'pageview')
                and occurred_at >= date '{SCORED_ON}' - interval 90 day
                and occurred_at < date '{SCORED_ON}' + interval 1 day
            group by lead_id
        ),
        ranked as (
            select leads.lead_id,
                ntile(20) over (order by coalesce(volume.events, 0), leads.lead_id) as twentieth
            from raw.leads as leads
            left join volume using (lead_id)
        )
        select
            avg(case when opportunities_after.lead_id is not null then 1 else 0 end)
                filter (where twentieth = 20),
            avg(case when opportunities_after.lead_id is not null then 1 else 0 end)
                filter (where twentieth < 20)
        from ranked
        left join opportunities_after using (lead_id)
        """,
    )
    default_mql_rate, _, _ = opportunity_rates(scored_in_the_past, "b2b_default")
    assert top_rate < 2.5 * rest_rate
    assert default_mql_rate > 2 * top_rate
