"""MQL history: episodes of the handcrafted timelines, worked out by hand, and point in time.

The timeline leads HC22-HC27 (and HC16) are VPs of Engineering at HCA01: fit 60 under
b2b_default and 45 (grade A, engagement x1.3) under b2b_intent_heavy, far above both fit
thresholds, so only engagement, sales and opportunities move them. From the definition:

- b2b_default: enter at engagement >= 30, stay while >= 25 (exit_engagement_threshold),
  at least 7 days (min_days_as_mql); half-life decay, demo 40 and trial 35 (30 days),
  pricing view 10 (14 days, cap 30); fast-track on a demo <= 14 days old; inactivity
  penalty after 30 days. Re-entry after `rejected` or `recycled`: new activity.
- b2b_intent_heavy: enter at >= 40 with a high-intent event <= 30 days old, stay while
  >= 35, at least 14 days; step decay (0-7 days x1.0, 8-30 x0.8, 31-60 x0.6, 61-90 x0.4,
  91+ x0.2) of demo 50 and trial 40, times 1.3. Re-entry after `rejected`: never; after
  `recycled`: new activity.

Decay is by whole days, so an episode's days are exact dates. AS_OF is 2026-11-01.
"""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests import handcrafted
from tests.dbt_project_runner import as_of_vars, query, run_dbt

DEFAULT = "b2b_default"
INTENT = "b2b_intent_heavy"
D = datetime.date


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# (episode_number, entered_on, entry_reason, exited_on, exit_reason, exit_detail)
EPISODES: dict[tuple[str, str], list[tuple]] = {
    # HC22: demo on 2026-07-24 (100 days before AS_OF); it enters that day at 40.
    # b2b_default: 40 * 0.5**(a/30) is 29.62 on day 13 (below 30, held by hysteresis),
    # 25.20 on day 20 and 24.62 on day 21 (< 25): exits on 07-24 + 21 = 08-14.
    ("HC22", DEFAULT): [
        (1, day("2026-07-24"), "thresholds", day("2026-08-14"), "engagement_decayed", None)
    ],
    # b2b_intent_heavy: 50 * 1.3 = 65 on days 0-7, 52 on days 8-30, 39 (>= 35) on days
    # 31-60, 26 (< 35) from day 61: exits on 07-24 + 61 = 09-23, the first day of the band.
    ("HC22", INTENT): [
        (1, day("2026-07-24"), "thresholds", day("2026-09-23"), "engagement_decayed", None)
    ],
    # HC23: three pricing views on 2026-09-12: 30 (the cap) enters. 30 * 0.5**(a/14) is
    # 25.86 on day 3 and 24.61 on day 4 (< 25), but the 7-day cool-down holds it in until
    # day 7 (21.21 < 25): exits on 09-19.
    ("HC23", DEFAULT): [
        (1, day("2026-09-12"), "thresholds", day("2026-09-19"), "engagement_decayed", None)
    ],
    # b2b_intent_heavy: 3 * 8 = 24 * 1.3 = 31.2 < 40: never an MQL.
    ("HC23", INTENT): [],
    # HC24: demo on 2026-10-17 enters (40; 65); on AS_OF 28.28 (>= 25) and 52 (>= 35).
    ("HC24", DEFAULT): [(1, day("2026-10-17"), "thresholds", None, None, None)],
    ("HC24", INTENT): [(1, day("2026-10-17"), "thresholds", None, None, None)],
    # HC25: demo on 2026-09-22 enters; recycled on 09-27 (the cool-down does not hold
    # against sales). Still 34.82 on 09-28 but no activity since the recycle until the
    # trial on 10-27: demo 40 * 0.5**(35/30) = 17.82 + 35 = 52.82 (intent: (50 * 0.6 +
    # 40) * 1.3 = 91) enters again.
    ("HC25", DEFAULT): [
        (
            1,
            day("2026-09-22"),
            "thresholds",
            day("2026-09-27"),
            "recycled_by_sales",
            "Not now, nurture",
        ),
        (2, day("2026-10-27"), "thresholds", None, None, None),
    ],
    ("HC25", INTENT): [
        (
            1,
            day("2026-09-22"),
            "thresholds",
            day("2026-09-27"),
            "recycled_by_sales",
            "Not now, nurture",
        ),
        (2, day("2026-10-27"), "thresholds", None, None, None),
    ],
    # HC26: demo on 2026-10-12 enters; rejected on 10-14. Trial on 10-29: demo 40 *
    # 0.5**(17/30) = 27.01 + 35 = 62.01 enters again under b2b_default; never under
    # b2b_intent_heavy (reentry_after_rejected = never).
    ("HC26", DEFAULT): [
        (
            1,
            day("2026-10-12"),
            "thresholds",
            day("2026-10-14"),
            "rejected_by_sales",
            "Student project",
        ),
        (2, day("2026-10-29"), "thresholds", None, None, None),
    ],
    ("HC26", INTENT): [
        (
            1,
            day("2026-10-12"),
            "thresholds",
            day("2026-10-14"),
            "rejected_by_sales",
            "Student project",
        ),
    ],
    # HC27: demo on 2026-10-02 enters; opportunity HCO02 on 10-07 ends it for good, even
    # with a trial on 10-30.
    ("HC27", DEFAULT): [
        (
            1,
            day("2026-10-02"),
            "thresholds",
            day("2026-10-07"),
            "converted_to_opportunity",
            "opportunity HCO02",
        ),
    ],
    ("HC27", INTENT): [
        (
            1,
            day("2026-10-02"),
            "thresholds",
            day("2026-10-07"),
            "converted_to_opportunity",
            "opportunity HCO02",
        ),
    ],
    # HC16: demo and webinar on 2026-09-02 (40 + 10 + an email open 1 * 0.8 = 50.8; intent
    # (50 + 8) * 1.3 = 75.4) enters; recycled on 09-12. Its only later event is a careers
    # page view, which earns negative points and so is not activity: no second episode.
    ("HC16", DEFAULT): [
        (
            1,
            day("2026-09-02"),
            "thresholds",
            day("2026-09-12"),
            "recycled_by_sales",
            "No budget this year",
        ),
    ],
    ("HC16", INTENT): [
        (
            1,
            day("2026-09-02"),
            "thresholds",
            day("2026-09-12"),
            "recycled_by_sales",
            "No budget this year",
        ),
    ],
    # HC02: meeting booked on 2026-10-18 with fit 25: below the fit threshold 40, so it
    # enters by the fast-track (demo <= 14 days, fit >= 25); day 14 is AS_OF: still open.
    ("HC02", DEFAULT): [(1, day("2026-10-18"), "fast_track:ft_demo_request", None, None, None)],
    # HC28: demo on 2026-10-10, but the lead was created on 10-20: it is scored from 10-20,
    # when the demo is 10 days old: 40 * 0.5**(10/30) = 31.75 >= 30 enters. Held by the
    # cool-down to 10-27 and by the exit threshold to 10-30 (day 20: 25.20); day 21 (10-31):
    # 24.62 < 25, exit. b2b_intent_heavy: 50 * 0.8 * 1.3 = 52 from 10-20, still open.
    ("HC28", DEFAULT): [
        (1, day("2026-10-20"), "thresholds", day("2026-10-31"), "engagement_decayed", None)
    ],
    ("HC28", INTENT): [(1, day("2026-10-20"), "thresholds", None, None, None)],
    # HC29: demo on 2026-10-15 enters (40; 65). From 10-20 its email is at gmail.com:
    # disqualified under b2b_default, which ends the episode that day despite the 7-day
    # cool-down; b2b_intent_heavy does not disqualify free mail: still open.
    ("HC29", DEFAULT): [
        (1, day("2026-10-15"), "thresholds", day("2026-10-20"), "disqualified", "free-mail address")
    ],
    ("HC29", INTENT): [(1, day("2026-10-15"), "thresholds", None, None, None)],
    # HC30: demo on 2026-10-15 enters. From 10-25 its title is "Office Assistant": fit 30 <
    # 40, but the demo fast-track (<= 14 days, fit >= 25) holds it until 10-29; on 10-30 it
    # exits, fit_changed (its fit met the threshold on entry). b2b_intent_heavy: fit 25 < 30
    # from 10-25, its fast-track (<= 7 days) lapsed on 10-23, the 14-day cool-down ends on
    # 10-29: exit 10-29.
    ("HC30", DEFAULT): [
        (1, day("2026-10-15"), "thresholds", day("2026-10-30"), "fit_changed", None)
    ],
    ("HC30", INTENT): [
        (1, day("2026-10-15"), "thresholds", day("2026-10-29"), "fit_changed", None)
    ],
    # HC03: demo on 2026-10-17 with fit 40 enters by thresholds (40 >= 30); 28.28 on AS_OF
    # is below 30 but at least 25: held.
    ("HC03", DEFAULT): [(1, day("2026-10-17"), "thresholds", None, None, None)],
}


@pytest.mark.parametrize(
    "lead_model", list(EPISODES), ids=[f"{lead}-{model}" for lead, model in EPISODES]
)
def test_mql_episodes_of_handcrafted_timelines(
    warehouse: Path, lead_model: tuple[str, str]
) -> None:
    lead_id, scoring_model = lead_model
    rows = query(
        warehouse,
        "select episode_number, entered_on, entry_reason, exited_on, exit_reason, exit_detail"
        " from marts.mql_transitions where lead_id = ? and scoring_model = ?"
        " order by episode_number",
        [lead_id, scoring_model],
    )
    assert rows == EPISODES[lead_model]


CREATED = handcrafted.CREATED.date()

# (is_mql, mql_reason, first_mql_on, latest_mql_on, mql_episode_count, days_in_current_status)
HISTORY_COLUMNS: dict[tuple[str, str], tuple] = {
    # exited 2026-08-14: 79 days before AS_OF; intent exited 09-23: 39 days
    ("HC22", DEFAULT): (False, None, day("2026-07-24"), day("2026-07-24"), 1, 79),
    ("HC22", INTENT): (False, None, day("2026-07-24"), day("2026-07-24"), 1, 39),
    # exited 2026-09-19: 43 days; never an MQL under intent: days since created
    ("HC23", DEFAULT): (False, None, day("2026-09-12"), day("2026-09-12"), 1, 43),
    ("HC23", INTENT): (False, None, None, None, 0, (handcrafted.AS_OF - CREATED).days),
    ("HC24", DEFAULT): (True, "thresholds", day("2026-10-17"), day("2026-10-17"), 1, 15),
    ("HC25", DEFAULT): (True, "thresholds", day("2026-09-22"), day("2026-10-27"), 2, 5),
    ("HC26", DEFAULT): (True, "thresholds", day("2026-10-12"), day("2026-10-29"), 2, 3),
    # rejected on 2026-10-14: 18 days
    ("HC26", INTENT): (False, None, day("2026-10-12"), day("2026-10-12"), 1, 18),
    # converted on 2026-10-07: 25 days
    ("HC27", DEFAULT): (False, None, day("2026-10-02"), day("2026-10-02"), 1, 25),
    # left on 2026-10-31: 1 day
    ("HC28", DEFAULT): (False, None, day("2026-10-20"), day("2026-10-20"), 1, 1),
}


@pytest.mark.parametrize(
    "lead_model", list(HISTORY_COLUMNS), ids=[f"{lead}-{model}" for lead, model in HISTORY_COLUMNS]
)
def test_lead_scores_history_columns(warehouse: Path, lead_model: tuple[str, str]) -> None:
    lead_id, scoring_model = lead_model
    rows = query(
        warehouse,
        "select is_mql, mql_reason, first_mql_on, latest_mql_on, mql_episode_count,"
        " days_in_current_status from marts.lead_scores where lead_id = ? and scoring_model = ?",
        [lead_id, scoring_model],
    )
    assert rows == [HISTORY_COLUMNS[lead_model]]


def test_summary_says_why_a_lead_below_the_entry_threshold_is_still_an_mql(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select mql_reason_summary from marts.lead_scores"
        " where lead_id = 'HC24' and scoring_model = ?",
        [DEFAULT],
    )
    assert rows[0][0].startswith(
        "MQL since 2026-10-17, held by the exit threshold: engagement 28.28, leaves below 25.00."
    )


def test_summary_says_a_qualifying_lead_is_held_back_by_sales(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select is_mql, mql_reason_summary from marts.lead_scores"
        " where lead_id = 'HC26' and scoring_model = ?",
        [INTENT],
    )
    assert rows[0][0] is False
    assert rows[0][1].startswith("Not an MQL: meets the definition, but sales rejected or recycled")


def test_days_as_mql_counts_exit_minus_entry_or_up_to_as_of(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select lead_id, episode_number, days_as_mql, is_current from marts.mql_transitions"
        " where lead_id in ('HC22', 'HC25') and scoring_model = ? order by lead_id, episode_number",
        [DEFAULT],
    )
    # HC22: 08-14 - 07-24 = 21; HC25: 09-27 - 09-22 = 5, then 10-27 to 11-01 inclusive = 6
    assert rows == [("HC22", 1, 21, False), ("HC25", 1, 5, False), ("HC25", 2, 6, True)]


# --- point in time ---------------------------------------------------------------------

PAST = D(2026, 10, 12)  # HC26's demo day; HC25 between its two episodes; HC24 not yet active

PUBLIC_SCORE_TABLES = [
    "marts.lead_scores",
    "marts.lead_score_explanations",
    "marts.mql_transitions",
]


def build_models(database: Path, as_of: datetime.date) -> None:
    result = run_dbt(
        [
            "build",
            "--resource-type",
            "seed",
            "--resource-type",
            "model",
            *as_of_vars(as_of.isoformat()),
        ],
        database,
    )
    assert result.ok, f"dbt build failed:\n{result.output[-6000:]}"


def truncate_to(database: Path, as_of: datetime.date) -> None:
    """Delete what did not exist yet at the end of `as_of` (UTC) from the raw tables."""
    end = datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time())
    with duckdb.connect(str(database)) as con:
        con.execute("delete from raw.marketing_events where occurred_at >= ?", [end])
        con.execute("delete from raw.sales_dispositions where occurred_at >= ?", [end])
        con.execute("delete from raw.opportunities where created_at >= ?", [end])
        con.execute("delete from raw.leads where created_at >= ?", [end])
        # later versions of a lead were not known yet (its oldest row stands for its start)
        con.execute(
            "delete from raw.leads where updated_at >= ? and exists ("
            " select 1 from raw.leads as older"
            " where older.lead_id = leads.lead_id and older.updated_at < leads.updated_at)",
            [end],
        )


@pytest.fixture(scope="module")
def past_builds(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The full data built with as_of = PAST, and only what existed on PAST built likewise."""
    full = tmp_path_factory.mktemp("past_full") / "mql.duckdb"
    then = tmp_path_factory.mktemp("past_then") / "mql.duckdb"
    shutil.copy(warehouse, full)
    shutil.copy(warehouse, then)
    truncate_to(then, PAST)
    build_models(full, PAST)
    build_models(then, PAST)
    return full, then


def rows_of(database: Path, table: str) -> list[tuple]:
    return sorted(query(database, f"select * from {table}"), key=repr)


@pytest.mark.parametrize("table", PUBLIC_SCORE_TABLES)
def test_build_for_a_past_day_equals_a_build_made_on_that_day(
    past_builds: tuple[Path, Path], table: str
) -> None:
    full, then = past_builds
    later = query(full, "select count(*) from raw.marketing_events")[0][0]
    known = query(then, "select count(*) from raw.marketing_events")[0][0]
    assert later > known  # the full data really has events after PAST
    assert rows_of(full, table) == rows_of(then, table)


def test_past_build_knows_nothing_after_its_day(past_builds: tuple[Path, Path]) -> None:
    full, _ = past_builds
    # HC25 was recycled on 09-27 and had no activity until 10-27; HC24's demo is on 10-17
    assert query(
        full,
        "select lead_id, episode_number, entered_on, exited_on, exit_reason"
        " from marts.mql_transitions where lead_id in ('HC24', 'HC25', 'HC26')"
        " and scoring_model = ? order by 1, 2",
        [DEFAULT],
    ) == [
        ("HC25", 1, day("2026-09-22"), day("2026-09-27"), "recycled_by_sales"),
        ("HC26", 1, day("2026-10-12"), None, None),
    ]
    assert query(full, "select max(as_of_date), max(latest_mql_on) from marts.lead_scores") == [
        (PAST, PAST)
    ]


def test_every_past_day_in_the_history_equals_a_build_on_that_day(
    warehouse: Path, past_builds: tuple[Path, Path]
) -> None:
    """The day-by-day scores and episodes of the AS_OF build, cut at PAST, are the PAST build."""
    full, _ = past_builds
    scores_then = query(
        full,
        "select lead_id, scoring_model, fit_score, engagement_score from marts.lead_scores"
        " order by lead_id, scoring_model",
    )
    history_leads = {
        (lead, model): (fit, engagement) for lead, model, fit, engagement in scores_then
    }
    daily = query(
        warehouse,
        "select lead_id, scoring_model, fit_score, engagement_score"
        " from intermediate.int_lead_scores_computed where score_date = ?",
        [PAST],
    )
    assert len(daily) > 100
    for lead, model, fit, engagement in daily:
        assert history_leads[(lead, model)] == (fit, engagement), (lead, model)

    cut = query(
        warehouse,
        "select lead_id, scoring_model, episode_number, entered_on, entry_reason,"
        " case when exited_on <= ? then exited_on end,"
        " case when exited_on <= ? then exit_reason end"
        " from marts.mql_transitions where entered_on <= ? order by 1, 2, 3",
        [PAST, PAST, PAST],
    )
    episodes_then = query(
        full,
        "select lead_id, scoring_model, episode_number, entered_on, entry_reason, exited_on,"
        " exit_reason from marts.mql_transitions order by 1, 2, 3",
    )
    assert len(episodes_then) > 20
    assert cut == episodes_then


def test_episodes_keep_the_scores_of_their_first_and_last_day(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select entry_fit_score, entry_engagement_score, exit_fit_score, exit_engagement_score"
        " from marts.mql_transitions where lead_id = 'HC22' and scoring_model = ?",
        [DEFAULT],
    )
    # entry: demo 40 on its day; exit on day 21: 40 * 0.5**(21/30) = 24.62
    assert rows == [(Decimal("60.00"), Decimal("40.00"), Decimal("60.00"), Decimal("24.62"))]
