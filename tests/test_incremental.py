"""Incremental builds: 30 days of daily builds, with late events, give one full build's tables.

Raw rows arrive on their own day (events on the day they occurred, leads on the day they
were created, dispositions and opportunities likewise), except one event in 10 which
arrives one to three days late, within the default late_event_lookback_days of 3. The
warehouse starts with what had arrived by START, is built in full, then gets each day's
arrivals and one incremental `dbt run` per day, except on SKIPPED days (more in a row than
the lookback: the next build must read back to the last build). On RESENT_ON, the events
of the day before are delivered again with the same ids, one day earlier, so that day
loses its events. On RESENT_OLD_ON, the events of RESENT_OLD_DAYS before (before the late
window) are delivered again with the same ids, dated that day: duplicates of copies the
daily build does not re-read. On CHANGED_ON, things other than events change past days: a
lead gets a new version that lets it meet the fit threshold (it becomes a history lead, all
of its days since its events could reach the engagement threshold are scored), one account
becomes a customer (its leads are disqualified on every past day, their past episodes
disappear) and another grows (its leads' fit rises on every past day). On LATE_REJECTION_ON,
sales reject a lead (not the marked one, below) whose MQL episode spans the day
LATE_REJECTION_DAYS before and ended before the late window, dated that day: the episode
ends there instead. On EPISODES_SKIPPED_ON, the build
leaves out int_mql_episodes_computed and what reads it (as when a test upstream fails), so
the next build must take in two days of changed scores. Before the build of
EPISODES_MARKED_ON, the first episode of the lead with the most episodes under a definition
is left marked (built_as_of null), as a build that failed after reopen_mql_episodes would
leave it: it and the episodes after it must be computed again. On REJECTION_AHEAD_ON, sales
reject a lead dated REJECTION_AHEAD_DAYS ahead, while its open episode is in its cool-down
(min_days_as_mql) then: the daily build of that day, which goes on with the episode from its
stored entry, must end it there. After the last day, the
episodes are built again on their own (no new scores to take in: they must stay as they
are). A --full-refresh build of the final data must give the same rows in every public table
and in every incremental model (except the BOOKKEEPING columns, which record the build that
wrote a row; the history models' scores at full precision are compared to 1e-9, as sums of
doubles in another order may differ in the last bits). The first and the daily builds
compute the history models in LEAD_BUCKETS passes (each pass the leads of one bucket, the
others appended by a post-hook), the full build in one: a lead lost or computed twice by a
pass would show as a difference. A daily build that computes at most a bucket's share of the
rows computes the scores and the episodes in one pass (every day here but CHANGED_ON, built
in CHANGED_ON_BUCKETS passes so that its changed rows are more than a bucket's share): both
ways are compared. A daily build of the decayed model makes fewer passes than its buckets
(its share of the event days), except the one after the SKIPPED days, which reads every
event day as a full build does: both ways are compared too.

The daily runs reuse one parsed manifest through dbt's Python entry point: a changed
`as_of` var makes the command line re-parse the project each time, which would cost more
than the 30 builds themselves.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner

from tests.dbt_project_runner import ROOT, as_of_vars, query, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from compare_engines import TABLES as PUBLIC_TABLES
from generate_demo_data import generate
from project_copy import Row, copy_project, edit_seed

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

HISTORY_MODELS = [
    "intermediate.int_lead_engagement_rules_decayed",
    "intermediate.int_lead_scores_computed",
]
# compared like the history models (sums of doubles), but one row per lead-rule, not per day
SUMMED_MODELS = [*HISTORY_MODELS, "intermediate.int_lead_rule_events_settled"]
COMPARED = [
    *PUBLIC_TABLES,
    "intermediate.int_marketing_events_checked",
    "intermediate.int_rule_events_daily",
    "intermediate.int_mql_episodes_computed",
]

# which build wrote a row: differs between daily builds and one full build by design
BOOKKEEPING = ["built_as_of", "build_number", "scores_build_number", "settled_before"]
MODELS_AND_SEEDS = ["build", "--resource-type", "seed", "--resource-type", "model"]
SKIPPED = {10, 11, 12, 13, 14}
RESENT_ON = 20
RESENT_OLD_ON = 17
RESENT_OLD_DAYS = 10
CHANGED_ON = 8
LATE_REJECTION_ON = 24
LATE_REJECTION_DAYS = 20
EPISODES_SKIPPED_ON = 26
EPISODES_MARKED_ON = 22
REJECTION_AHEAD_ON = 27
REJECTION_AHEAD_DAYS = 2
LEAD_BUCKETS = 3
# (entry, exit) engagement thresholds of the project built here. With 15 events per lead,
# the shipped ones (30 and 40) would leave history to a few leads with short histories, and
# the daily builds, which score every lead on the as-of day, would compute more than a
# bucket's share of the stored rows every day (no day in one pass). Lower, most leads with
# fit at the threshold get history from early on, and some reach the threshold during the
# daily builds (history from that day on, computed again then)
ENGAGEMENT_THRESHOLDS = {"b2b_default": ("5", "4"), "b2b_intent_heavy": ("8", "6")}
# the bucketed models that compute every bucket in one pass in a daily build with few rows
ONE_PASS_MODELS = ["int_lead_scores_computed", "int_mql_episodes_computed"]
# the bucketed model whose daily build makes as many passes as its share of the event days
# needs (engagement_history_passes)
FEWER_PASSES_MODEL = "int_lead_engagement_rules_decayed"
BUCKET_COUNT = re.compile(r"/\* of (\d+) lead buckets \*/")
# the build of CHANGED_ON recomputes the whole history of the leads it changes: made in this
# many buckets, the rows it writes are more than a bucket's share of the daily scores, so the
# scores and episodes are computed in buckets that day; on the other days in one pass (with
# LEAD_BUCKETS, about 725 lead-days x 3 against 2,800 stored rows on that day). With 10, the
# as-of day's rows alone are more than a bucket's share: the changed leads' histories add
# to a count that is over it anyway (before the engagement bound cut the histories, 7,500
# stored rows left them the margin); a change of the generated data may need another count
CHANGED_ON_BUCKETS = 10


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


def resend_old_events(database: Path, day: dt.date) -> str:
    """Deliver the events of RESENT_OLD_DAYS before `day` again, same ids, dated `day`.

    Their first copies are before the late window: a daily build reads only the new ones and
    must find the old ones among its stored rows to reject the new as duplicates. Returns
    the smallest id of those the last build accepted."""
    old_day = day - dt.timedelta(days=RESENT_OLD_DAYS)
    with duckdb.connect(str(database)) as con:
        con.execute(
            "insert into raw.marketing_events"
            f" select event_id, lead_id, event_type, occurred_at + interval {RESENT_OLD_DAYS} day,"
            " url, asset_name, campaign from raw.marketing_events"
            " where cast(occurred_at as date) = ?",
            [old_day],
        )
        return con.execute(
            "select min(event_id) from intermediate.int_marketing_events_checked"
            " where event_date = ? and reject_reason is null",
            [old_day],
        ).fetchone()[0]


def non_event_changes(database: Path, day: dt.date) -> dict[str, str]:
    """Change a lead version and two accounts as described above; returns what was changed.

    Picked from the previous build's tables, among the leads without history (b2b_default)
    with fit below the threshold of 40, created a month before START and with events by
    then whose points reach the engagement threshold: the one with the highest fit gets a
    new version titled VP of Engineering (vp +20, engineering +10); the account of the
    earliest MQL episode becomes a customer; the account of one whose fit would reach 40 at
    6,000 employees (enterprise size, +20) gets 6,000 employees."""
    history = "intermediate.int_lead_score_dates"
    threshold = ENGAGEMENT_THRESHOLDS["b2b_default"][0]
    on_last_day = (
        "intermediate.int_lead_scores_computed as scores"
        " inner join intermediate.int_leads_enriched as leads on scores.lead_id = leads.lead_id"
        " inner join raw.accounts as accounts on leads.account_id = accounts.account_id"
        f" inner join {history} as dates on scores.lead_id = dates.lead_id"
        " and scores.scoring_model = dates.scoring_model"
        " where scores.scoring_model = 'b2b_default' and not dates.has_history"
        " and not scores.is_disqualified"
        " and scores.score_date = (select max(score_date)"
        " from intermediate.int_lead_scores_computed)"
        " and scores.fit_score < 40"
        # created before then, with positive points enough to reach the engagement
        # threshold (every rule's cap is at least that), so that its history goes back to then
        " and cast(leads.created_at as date) < ?"
        " and (select sum(events.event_count * rules.points)"
        " from intermediate.int_rule_events_daily as events"
        " inner join scoring_definition.engagement_rules as rules"
        " on events.scoring_model = rules.scoring_model and events.rule_id = rules.rule_id"
        " where events.scoring_model = 'b2b_default' and events.lead_id = scores.lead_id"
        f" and rules.points > 0 and events.event_date < ?) >= {threshold}"
    )
    early = START - dt.timedelta(days=30)
    with duckdb.connect(str(database)) as con:
        [(promoted,)] = con.execute(
            f"select scores.lead_id from {on_last_day}"
            " and leads.seniority not in ('executive', 'vp')"
            " order by scores.fit_score desc, scores.lead_id limit 1",
            [early, early],
        ).fetchall()
        con.execute(
            "insert into raw.leads select lead_id, account_id, email, first_name, last_name,"
            " 'VP of Engineering', country, lead_source, created_at, ? from raw.leads"
            " where lead_id = ? order by updated_at desc nulls last limit 1",
            [dt.datetime.combine(day, dt.time(9)), promoted],
        )
        [(customer,)] = con.execute(
            "select leads.account_id from marts.mql_transitions as transitions"
            " inner join intermediate.int_leads_enriched as leads"
            " on transitions.lead_id = leads.lead_id"
            " where transitions.scoring_model = 'b2b_default' and leads.account_id is not null"
            " order by transitions.entered_on, leads.account_id limit 1"
        ).fetchall()
        con.execute("update raw.accounts set is_customer = true where account_id = ?", [customer])
        size_points = (
            "case when accounts.employee_count < 10 then -10"
            " when accounts.employee_count between 50 and 199 then 5"
            " when accounts.employee_count between 200 and 4999 then 15"
            " when accounts.employee_count >= 5000 then 20 else 0 end"
        )
        [(grown, grown_lead)] = con.execute(
            f"select leads.account_id, scores.lead_id from {on_last_day}"
            f" and scores.fit_score - {size_points} + 20 >= 40 and leads.account_id != ?"
            " order by scores.fit_score desc, scores.lead_id limit 1",
            [early, early, customer],
        ).fetchall()
        con.execute("update raw.accounts set employee_count = 6000 where account_id = ?", [grown])
    return {"promoted_lead": promoted, "customer_account": customer, "grown_lead": grown_lead}


def reject_late(database: Path, day: dt.date, other_than: str) -> dict[str, str]:
    """Reject, dated LATE_REJECTION_DAYS before `day`, the earliest lead (b2b_default) whose
    stored MQL episode spans that day and ended before the late window (so that the daily
    build would keep it as it is), other than `other_than` (the marked lead, computed again
    anyway); returns the lead and the episode's entry day."""
    rejected_on = day - dt.timedelta(days=LATE_REJECTION_DAYS)
    with duckdb.connect(str(database)) as con:
        [(lead_id, entered_on)] = con.execute(
            "select lead_id, entered_on from marts.mql_transitions"
            " where scoring_model = 'b2b_default' and entered_on < ?"
            " and exited_on > ? and exited_on < ? and lead_id != ?"
            " order by entered_on, lead_id limit 1",
            [rejected_on, rejected_on, day - dt.timedelta(days=5), other_than],
        ).fetchall()
        con.execute(
            "insert into raw.sales_dispositions values ('D_LATE', ?, 'rejected', 'no budget', ?)",
            [lead_id, dt.datetime.combine(rejected_on, dt.time(15))],
        )
    return {"late_rejected_lead": lead_id, "late_rejected_entered_on": entered_on.isoformat()}


def reject_ahead(database: Path, day: dt.date, other_than: list[str]) -> dict[str, str]:
    """Reject, dated REJECTION_AHEAD_DAYS after `day`, the earliest lead with a stored open
    episode whose cool-down (min_days_as_mql from its entry) lasts past that day, other than
    the leads of the other scenarios; returns the lead, its model and the episode's entry."""
    rejected_on = day + dt.timedelta(days=REJECTION_AHEAD_DAYS)
    with duckdb.connect(str(database)) as con:
        found = con.execute(
            "select episodes.scoring_model, episodes.lead_id, episodes.entered_on"
            " from intermediate.int_mql_episodes_computed as episodes"
            " inner join scoring_definition.scoring_models as models"
            "   on episodes.scoring_model = models.scoring_model"
            " where episodes.exited_on is null"
            "   and episodes.entered_on + cast(models.min_days_as_mql as integer) > ?"
            f"  and episodes.lead_id not in ({', '.join('?' for _ in other_than)})"
            " order by episodes.entered_on, episodes.lead_id, episodes.scoring_model limit 1",
            [rejected_on, *other_than],
        ).fetchall()
        assert found, "some lead should be in the cool-down of an open episode by now"
        [(scoring_model, lead_id, entered_on)] = found
        con.execute(
            "insert into raw.sales_dispositions values ('D_AHEAD', ?, 'rejected', 'no budget', ?)",
            [lead_id, dt.datetime.combine(rejected_on, dt.time(9))],
        )
    return {
        "ahead_rejected_lead": lead_id,
        "ahead_rejected_model": scoring_model,
        "ahead_rejected_entered_on": entered_on.isoformat(),
    }


def mark_first_episode(database: Path) -> str:
    """Mark the first episode of the lead with the most episodes under a definition; returns
    the lead."""
    with duckdb.connect(str(database)) as con:
        [(scoring_model, lead_id, episodes)] = con.execute(
            "select scoring_model, lead_id, count(*) from intermediate.int_mql_episodes_computed"
            " group by scoring_model, lead_id"
            " order by count(*) desc, scoring_model, lead_id limit 1"
        ).fetchall()
        assert episodes > 1, "some lead should have had more than one episode by now"
        con.execute(
            "update intermediate.int_mql_episodes_computed set built_as_of = null"
            " where scoring_model = ? and lead_id = ? and episode_number = 1",
            [scoring_model, lead_id],
        )
    return lead_id


def rows_of(database: Path, table: str) -> list[tuple]:
    bookkeeping = [name for name in BOOKKEEPING if table_has_column(database, table, name)]
    columns = f"* exclude ({', '.join(bookkeeping)})" if bookkeeping else "*"
    return sorted(query(database, f"select {columns} from {table}"), key=repr)


def rows_to_compare(database: Path, table: str) -> list[tuple]:
    """Rows sorted on their exact columns, doubles rounded to 1e-9 in a separate part."""
    described = query(database, f"describe {table}")
    exact = [name for name, kind, *_ in described if kind != "DOUBLE" and name not in BOOKKEEPING]
    doubles = [name for name, kind, *_ in described if kind == "DOUBLE"]
    key_part = ", ".join(exact)
    rows = query(database, f"select {key_part}, {', '.join(doubles) or 'null'} from {table}")
    return sorted(
        ((row[: len(exact)], tuple(row[len(exact) :])) for row in rows),
        key=lambda row: repr(row[0]),
    )


def assert_rows_close(incremental: list[tuple], full: list[tuple]) -> None:
    """Equal rows, doubles to 1e-9 (relative above 1: half-life weights reach 1e16)."""
    assert [exact for exact, _ in incremental] == [exact for exact, _ in full]
    for (exact, left), (_, right) in zip(incremental, full, strict=True):
        for a, b in zip(left, right, strict=True):
            close = a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))
            assert (a is None and b is None) or close, f"{exact}: {left} != {right}"


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
        # per model that may take one pass, per day whose run built it: did it compute every
        # lead bucket in one pass?
        self.in_one_pass: dict[str, dict[dt.date, bool]] = {model: {} for model in ONE_PASS_MODELS}
        # per day whose run built it: the passes the decayed model made over the leads
        self.passes: dict[dt.date, int] = {}

    def run(self, day: dt.date, *selection: str, buckets: int = LEAD_BUCKETS) -> None:
        result = self.runner.invoke(
            ["run", *as_of_vars(day.isoformat(), buckets), *selection, *self.args]
        )
        assert result.success, f"incremental run for {day} failed: {result.exception}"
        for node_result in result.result.results:
            if node_result.node.name in ONE_PASS_MODELS:
                one_pass = "/* every lead bucket in one pass */" in node_result.node.compiled_code
                self.in_one_pass[node_result.node.name][day] = one_pass
            if node_result.node.name == FEWER_PASSES_MODEL:
                self.passes[day] = passes_made(node_result.node.compiled_code)


def passes_made(compiled: str) -> int:
    """The passes over the leads a bucketed model's compiled SQL makes (its post-hook's count)."""
    if "/* every lead bucket in one pass */" in compiled:
        return 1
    counts = set(BUCKET_COUNT.findall(compiled))
    assert len(counts) == 1, f"lead_bucket_filter calls with different bucket counts: {counts}"
    return int(counts.pop())


def lower_engagement_thresholds(rows: list[Row]) -> list[Row]:
    """ENGAGEMENT_THRESHOLDS (entry, exit) instead of the shipped ones."""
    return [
        {
            **row,
            "engagement_threshold": ENGAGEMENT_THRESHOLDS[row["scoring_model"]][0],
            "exit_engagement_threshold": ENGAGEMENT_THRESHOLDS[row["scoring_model"]][1],
        }
        for row in rows
    ]


@pytest.fixture(scope="module")
def test_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the engagement thresholds of ENGAGEMENT_THRESHOLDS."""
    project = copy_project(tmp_path_factory.mktemp("incremental_project") / "project")
    edit_seed(project, "scoring_models", lower_engagement_thresholds)
    return project


@pytest.fixture(scope="module")
def daily_and_full(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch_module: pytest.MonkeyPatch,
    test_project: Path,
) -> tuple[Path, Path, int, Path, dict[str, str]]:
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
    first = run_dbt(
        [*MODELS_AND_SEEDS, *as_of_vars(START.isoformat(), LEAD_BUCKETS)],
        daily,
        project_dir=test_project,
    )
    assert first.ok, first.output[-4000:]

    monkeypatch_module.setenv("MQL_DUCKDB_PATH", str(daily))
    monkeypatch_module.setenv("DBT_PROFILES_DIR", str(ROOT))
    runner = DailyRunner(root / "daily" / "target", project=test_project)
    changed: dict[str, str] = {}
    for offset in range(1, 31):
        day = START + dt.timedelta(days=offset)
        assert add_arrivals_of(daily, source, day) > 0
        if offset == RESENT_ON:
            assert resend_day_before(daily, day) > 0
        if offset == RESENT_OLD_ON:
            changed["resent_old_event"] = resend_old_events(daily, day)
        if offset == CHANGED_ON:
            changed |= non_event_changes(daily, day)
        if offset == LATE_REJECTION_ON:
            changed |= reject_late(daily, day, changed["marked_lead"])
        if offset == EPISODES_MARKED_ON:
            changed["marked_lead"] = mark_first_episode(daily)
        if offset == REJECTION_AHEAD_ON:
            changed |= reject_ahead(
                daily, day, [changed["marked_lead"], changed["late_rejected_lead"]]
            )
        if offset == EPISODES_SKIPPED_ON:
            runner.run(day, "--exclude", "int_mql_episodes_computed+")
        elif offset == CHANGED_ON:
            runner.run(day, buckets=CHANGED_ON_BUCKETS)
        elif offset not in SKIPPED:
            runner.run(day)
    # per model, the daily builds in buckets (the others computed it in one pass)
    for model, days in runner.in_one_pass.items():
        changed[f"{model}_in_buckets_on"] = " ".join(
            str((day - START).days) for day, one_pass in days.items() if not one_pass
        )
        changed[f"{model}_in_one_pass_days"] = str(sum(days.values()))
    changed["decayed_passes"] = " ".join(
        f"{(day - START).days}:{passes}" for day, passes in runner.passes.items()
    )
    # the episodes again on their own, with no new build of the scores: nothing to take in
    runner.run(END, "--select", "int_mql_episodes_computed+")
    with duckdb.connect(str(source), read_only=True) as con:
        late = con.execute(
            f"select count(*) from raw.marketing_events where {EVENT_ARRIVAL}"
            " > cast(occurred_at as date) and cast(occurred_at as date) between ? and ?",
            [START, END - dt.timedelta(days=3)],
        ).fetchone()[0]

    full = root / "full" / "mql.duckdb"
    full.parent.mkdir()
    shutil.copy(daily, full)
    rebuilt = run_dbt(
        [*MODELS_AND_SEEDS, "--full-refresh", *as_of_vars(END.isoformat())],
        full,
        project_dir=test_project,
    )
    assert rebuilt.ok, rebuilt.output[-4000:]
    return daily, full, late, root / "daily" / "target", changed


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_daily_builds_were_incremental_and_saw_late_events(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]],
) -> None:
    daily, _, late, target, changed = daily_and_full
    assert late > 10, "the simulation should deliver late events"
    # the scores and episodes of a daily build are computed in one pass when it computes few
    # rows, else in buckets: CHANGED_ON (whole histories rewritten, in CHANGED_ON_BUCKETS) in
    # buckets, every other daily build in one pass, and the comparison with the full build
    # covers both
    score_builds = 30 - len(SKIPPED)
    episode_builds = score_builds - 1  # EPISODES_SKIPPED_ON leaves them out
    for model, builds in [
        ("int_lead_scores_computed", score_builds),
        ("int_mql_episodes_computed", episode_builds),
    ]:
        assert changed[f"{model}_in_buckets_on"] == str(CHANGED_ON), changed
        assert changed[f"{model}_in_one_pass_days"] == str(builds - 1), changed
    # the decayed model's daily builds read the event days not settled and the settled sums,
    # fewer rows than a full build: fewer passes than lead_buckets, and the comparison with
    # the full build covers them. The build after the skipped days re-reads from before the
    # settled sums' day, so no lead takes them: every event day, in lead_buckets passes
    passes = {
        int(day): int(count)
        for day, count in (entry.split(":") for entry in changed["decayed_passes"].split())
    }
    assert len(passes) == score_builds, changed["decayed_passes"]
    assert passes.pop(max(SKIPPED) + 1) == LEAD_BUCKETS, changed["decayed_passes"]
    assert 1 <= passes.pop(CHANGED_ON) < CHANGED_ON_BUCKETS, changed["decayed_passes"]
    assert all(1 <= count < LEAD_BUCKETS for count in passes.values()), changed["decayed_passes"]
    # and in more than one pass (each bucket's statement then counts its share of the leads)
    assert any(count > 1 for count in passes.values()), changed["decayed_passes"]
    compiled = target / "run" / "lead_scoring" / "models" / "intermediate"
    for model in [
        "int_marketing_events_checked",
        "int_rule_events_daily",
        "int_lead_engagement_rules_decayed",
        "int_lead_scores_computed",
        "int_mql_episodes_computed",
    ]:
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
    scores = (
        target
        / "compiled"
        / "lead_scoring"
        / "models"
        / "intermediate"
        / "int_lead_scores_computed.sql"
    ).read_text()
    assert "leads_built" in scores, "the last daily run recomputed every day of every lead"
    assert query(daily, "select max(as_of_date) from marts.lead_scores") == [(END,)]
    # the settled sums hold up to the first day the last daily build computed for a history
    # lead (the day before its window of 3 days: it followed a build for the day before),
    # so that the history leads took them instead of reading every event day
    assert query(
        daily, "select max(settled_before) from intermediate.int_lead_rule_events_settled"
    ) == [(END - dt.timedelta(days=4),)]


def test_leads_whose_events_reached_the_threshold_got_history_from_that_day(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]],
) -> None:
    """A lead on the threshold path gets history from the first day its events could reach
    the engagement threshold, not from its first event: where that day came during the daily
    builds, the build of that day (or the next) computed the lead's days from it on, and
    the comparison with the full build checks them."""
    daily, _, _, _, _ = daily_and_full
    reached = query(
        daily,
        "select dates.first_score_date, min(scores.score_date)"
        " from intermediate.int_lead_score_dates as dates"
        " inner join (select lead_id, min(cast(created_at as date)) as created_on"
        " from intermediate.int_leads_enriched group by lead_id) as leads"
        " on dates.lead_id = leads.lead_id"
        " inner join (select scoring_model, lead_id, min(event_date) as first_event_date"
        " from intermediate.int_rule_events_daily group by scoring_model, lead_id) as events"
        " on dates.scoring_model = events.scoring_model and dates.lead_id = events.lead_id"
        " inner join intermediate.int_lead_scores_computed as scores"
        " on dates.scoring_model = scores.scoring_model and dates.lead_id = scores.lead_id"
        " where dates.has_history and dates.first_score_date > ?"
        " and dates.first_score_date > events.first_event_date"
        " and dates.first_score_date > leads.created_on"
        " group by dates.scoring_model, dates.lead_id, dates.first_score_date",
        [START],
    )
    assert reached, "some lead's events should reach the threshold during the daily builds"
    assert all(first_day == first_scored for first_day, first_scored in reached), reached


def test_the_changes_rewrote_past_days_in_a_full_build(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]],
) -> None:
    _, full, _, _, changed = daily_and_full
    long_before = START - dt.timedelta(days=30)
    for lead_id in [changed["promoted_lead"], changed["grown_lead"]]:
        assert query(
            full,
            "select has_history, first_score_date < ? from intermediate.int_lead_score_dates"
            " where scoring_model = 'b2b_default' and lead_id = ?",
            [long_before, lead_id],
        ) == [(True, True)], f"{lead_id} should be scored on days long before START"
    assert query(
        full,
        "select count(*) from marts.mql_transitions as transitions"
        " inner join intermediate.int_leads_enriched as leads"
        " on transitions.lead_id = leads.lead_id where leads.account_id = ?",
        [changed["customer_account"]],
    ) == [(0,)], "a customer's leads should have no MQL episodes, past ones included"
    rejected_on = START + dt.timedelta(days=LATE_REJECTION_ON - LATE_REJECTION_DAYS)
    assert query(
        full,
        "select exited_on, exit_reason, exit_detail from marts.mql_transitions"
        " where scoring_model = 'b2b_default' and lead_id = ? and entered_on = ?",
        [changed["late_rejected_lead"], dt.date.fromisoformat(changed["late_rejected_entered_on"])],
    ) == [(rejected_on, "rejected_by_sales", "no budget")], "the late rejection ends the episode"
    resent = changed["resent_old_event"]
    resent_on = START + dt.timedelta(days=RESENT_OLD_ON)
    assert query(
        full,
        "select event_date, reject_reason from intermediate.int_marketing_events_checked"
        " where event_id = ? order by event_date",
        [resent],
    ) == [
        (resent_on - dt.timedelta(days=RESENT_OLD_DAYS), None),
        (resent_on, f"duplicate_of {resent}"),
    ], "an id sent again after the window is a duplicate of its first copy"


def test_a_rejection_dated_ahead_ends_the_episode_in_its_cool_down(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]],
) -> None:
    daily, _, _, _, changed = daily_and_full
    # the rejection arrived before its day, so the daily build of that day found the lead's
    # episode open and went on with it from its stored entry; on that day the episode was in
    # its cool-down, where only a hard exit ends it: it ends that day, rejected
    rejected_on = START + dt.timedelta(days=REJECTION_AHEAD_ON + REJECTION_AHEAD_DAYS)
    assert query(
        daily,
        "select exited_on, exit_reason, exit_detail from intermediate.int_mql_episodes_computed"
        " where scoring_model = ? and lead_id = ? and entered_on = ?",
        [
            changed["ahead_rejected_model"],
            changed["ahead_rejected_lead"],
            dt.date.fromisoformat(changed["ahead_rejected_entered_on"]),
        ],
    ) == [(rejected_on, "rejected_by_sales", "no budget")]


@pytest.mark.parametrize("table", COMPARED)
def test_thirty_daily_builds_equal_one_full_refresh(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]], table: str
) -> None:
    daily, full, _, _, _ = daily_and_full
    incremental_rows = rows_of(daily, table)
    assert incremental_rows, f"{table} is empty"
    assert incremental_rows == rows_of(full, table)


@pytest.mark.parametrize("table", SUMMED_MODELS)
def test_thirty_daily_builds_equal_one_full_refresh_in_the_history_models(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]], table: str
) -> None:
    daily, full, _, _, _ = daily_and_full
    incremental_rows = rows_to_compare(daily, table)
    assert incremental_rows, f"{table} is empty"
    assert_rows_close(incremental_rows, rows_to_compare(full, table))


def add_webinar_bonus_rule(rows: list[Row]) -> list[Row]:
    """A new rule on an existing event type: it needs every past event re-aggregated."""
    [webinar] = [
        row
        for row in rows
        if row["scoring_model"] == "b2b_default" and row["rule_id"] == "eng_webinar_attended"
    ]
    return [*rows, {**webinar, "rule_id": "eng_webinar_bonus", "description": "Webinar bonus"}]


def test_an_edited_rule_is_applied_to_every_past_event_by_the_next_daily_build(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]],
    test_project: Path,
    tmp_path: Path,
) -> None:
    daily, _, _, _, _ = daily_and_full
    project = copy_project(tmp_path / "project", source=test_project)
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
    for table in [
        "intermediate.int_rule_events_daily",
        "marts.lead_scores",
        "marts.mql_transitions",
    ]:
        assert rows_of(edited_daily, table) == rows_of(edited_full, table)


PAST_DAY_BEFORE = 12


def test_a_build_for_a_past_day_between_daily_builds_leaves_no_day_unscored(
    daily_and_full: tuple[Path, Path, int, Path, dict[str, str]],
    test_project: Path,
    tmp_path: Path,
) -> None:
    """A build for a past day keeps the rows before its window, some of which a later build
    wrote when it rewrote whole histories; the next build for today must still compute every
    day after the past one, as the rows stored now end there."""
    daily, _, _, _, _ = daily_and_full
    past = END - dt.timedelta(days=PAST_DAY_BEFORE)
    database = tmp_path / "daily" / "mql.duckdb"
    database.parent.mkdir()
    shutil.copy(daily, database)
    with duckdb.connect(str(database)) as con:
        # mid-sized accounts grow (enterprise size): their leads' fit rises on every past
        # day, so the next build rewrites their whole histories
        con.execute(
            "update raw.accounts set employee_count = 6000"
            " where employee_count between 200 and 4999"
        )
    for day in [END, past]:
        result = run_dbt(
            [*MODELS_AND_SEEDS, *as_of_vars(day.isoformat(), LEAD_BUCKETS)],
            database,
            project_dir=test_project,
        )
        assert result.ok, result.output[-4000:]
    cutoff = past - dt.timedelta(days=3)
    for table in HISTORY_MODELS:
        # what this test is about: rows before the past day's window written by the build for
        # END, while the table's last day is now the past day
        assert query(
            database,
            f"select max(score_date), max(built_as_of) filter (where score_date < ?) from {table}",
            [cutoff],
        ) == [(past, END)], table
    result = run_dbt(
        [*MODELS_AND_SEEDS, *as_of_vars(END.isoformat(), LEAD_BUCKETS)],
        database,
        project_dir=test_project,
    )
    assert result.ok, result.output[-4000:]
    full = tmp_path / "full" / "mql.duckdb"
    full.parent.mkdir()
    shutil.copy(database, full)
    rebuilt = run_dbt(
        [*MODELS_AND_SEEDS, "--full-refresh", *as_of_vars(END.isoformat())],
        full,
        project_dir=test_project,
    )
    assert rebuilt.ok, rebuilt.output[-4000:]
    for table in COMPARED:
        assert rows_of(database, table) == rows_of(full, table), table
    for table in SUMMED_MODELS:
        assert_rows_close(rows_to_compare(database, table), rows_to_compare(full, table))
