"""The catalogue of bad input: every kind of messy raw row, and what the build does with it.

One generated data set (300 leads) is built twice: once clean, once with the rows of
tests/bad_input.py injected into text-typed raw tables. The expected outcomes are the
documented ones (README, "What happens to bad data"): each raw row is either accepted (and
normalised) or a row of marts.rejected_rows with its reason, and no lead that the injected
rows do not touch changes its score.

Scores asserted below are worked out by hand from the seeds, for b2b_default: a
`pageview` of /pricing is worth 10 points (half-life 14 days, cap 30) and a web page view
1 point (linear over 60 days); fit is seniority (vp 20, director 15) + core function
(engineering, data, it: 10) + size + target industry (software: 10) + core market (us, de,
...: 5). A fit below 20 caps engagement at 15. AS_OF is 2026-11-01; an event's age is the
whole days between its UTC date and AS_OF.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests import bad_input
from tests.bad_input import AS_OF, BadRow
from tests.dbt_project_runner import ROOT, as_of_vars, query, run_dbt

sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate

DEFAULT = "b2b_default"
INTENT = "b2b_intent_heavy"
MODELS = (DEFAULT, INTENT)
GENERATED_LEADS = 300


@dataclass(frozen=True)
class Builds:
    """The same generated data set built clean and with the bad rows injected."""

    clean: Path
    bad: Path
    injected: list[BadRow]


def build(database: Path) -> None:
    result = run_dbt(["build", *as_of_vars(AS_OF.isoformat())], database)
    assert result.ok, f"dbt build of {database} failed:\n{result.output[-6000:]}"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    clean = tmp_path_factory.mktemp("clean") / "mql.duckdb"
    bad = tmp_path_factory.mktemp("injected") / "mql.duckdb"
    generate(
        database=str(clean),
        leads=GENERATED_LEADS,
        seed=5,
        end_date=AS_OF,
        events_per_lead=10.0,
        progress=False,
    )
    assert not clean.with_name(clean.name + ".wal").exists(), "generate() left a WAL behind"
    shutil.copyfile(clean, bad)
    with duckdb.connect(str(bad)) as con:
        injected = bad_input.inject(con)
    # Two files, two target directories: the builds are independent, so run them together.
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(build, [clean, bad]))
    return Builds(clean, bad, injected)


# --- helpers ------------------------------------------------------------------------------
def records(database: Path, sql: str, params: list | None = None) -> list[dict[str, object]]:
    """Rows of a read-only query as dicts keyed by column name."""
    with duckdb.connect(str(database), read_only=True) as con:
        cursor = con.execute(sql, params or [])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def one(database: Path, sql: str, params: list | None = None) -> dict[str, object]:
    rows = records(database, sql, params)
    assert len(rows) == 1, f"expected one row, got {len(rows)}: {rows}"
    return rows[0]


def score(database: Path, lead_id: str, model: str = DEFAULT) -> dict[str, object]:
    return one(
        database,
        "select * from marts.lead_scores where lead_id = ? and scoring_model = ?",
        [lead_id, model],
    )


def scored_lead_ids(database: Path) -> set[str]:
    return {row[0] for row in query(database, "select distinct lead_id from marts.lead_scores")}


def explanation(database: Path, lead_id: str, rule_id: str, model: str = DEFAULT) -> dict:
    return one(
        database,
        """
        select * from marts.lead_score_explanations
        where lead_id = ? and rule_id = ? and scoring_model = ?
        """,
        [lead_id, rule_id, model],
    )


def rule_ids(database: Path, lead_id: str, model: str = DEFAULT) -> set[str]:
    rows = query(
        database,
        "select rule_id from marts.lead_score_explanations where lead_id = ? and scoring_model = ?",
        [lead_id, model],
    )
    return {rule_id for (rule_id,) in rows}


def rejects(database: Path, source_table: str, source_key: str) -> list[str]:
    """Reasons of the rejected rows of one source with this id, sorted."""
    rows = query(
        database,
        """
        select reject_reason from marts.rejected_rows
        where source_table = ? and source_key = ? order by reject_reason
        """,
        [source_table, source_key],
    )
    return [reason for (reason,) in rows]


def rejects_with_raw(database: Path, source_table: str, raw_like: str) -> list[tuple]:
    """(source_key, reject_reason, raw_row) of rejected rows whose raw row matches."""
    return query(
        database,
        """
        select source_key, reject_reason, raw_row from marts.rejected_rows
        where source_table = ? and raw_row like ? order by raw_row
        """,
        [source_table, raw_like],
    )


def checked(database: Path, model: str, key_column: str, key: str) -> list[dict]:
    """Rows of an int_*_checked model for one id, accepted first."""
    return records(
        database,
        f"""
        select * from intermediate.{model} where {key_column} = ?
        order by reject_reason nulls first
        """,
        [key],
    )


def event_checked(database: Path, event_id: str) -> dict:
    [row] = checked(database, "int_marketing_events_checked", "event_id", event_id)
    return row


def enriched(database: Path, lead_id: str) -> dict:
    return one(
        database, "select * from intermediate.int_leads_enriched where lead_id = ?", [lead_id]
    )


# the columns of lead_scores that are about the as-of date (not about MQL history)
SCORE_COLUMNS = [
    "fit_score",
    "fit_grade",
    "engagement_score",
    "engagement_grade",
    "is_disqualified",
    "disqualification_reason",
    "high_intent_actions",
    "last_activity_at",
]


def table_by_key(
    database: Path,
    table: str,
    key: list[str],
    where: str = "true",
    columns: list[str] | None = None,
) -> dict[tuple, dict]:
    selected = ", ".join([*key, *columns]) if columns else "*"
    rows = records(database, f"select {selected} from {table} where {where}")
    return {tuple(row[column] for column in key): row for row in rows}


def assert_scores_unchanged(builds: Builds, lead_id: str) -> None:
    """The lead's published rows (scores and explanations) are those of the clean build."""
    for table, key in [
        ("marts.lead_scores", ["scoring_model"]),
        ("marts.lead_score_explanations", ["scoring_model", "rule_id"]),
    ]:
        where = f"lead_id = '{lead_id}'"
        before = table_by_key(builds.clean, table, key, where)
        after = table_by_key(builds.bad, table, key, where)
        assert before, f"{lead_id} has no rows in {table} of the clean build"
        assert after == before, f"{lead_id} changed in {table}"


# --- kind 1 -------------------------------------------------------------------------------
def test_null_or_blank_lead_id_is_rejected_as_missing(builds: Builds) -> None:
    rows = [
        *rejects_with_raw(builds.bad, "crm.leads", "%email=null.id@bad-input-test.io%"),
        *rejects_with_raw(builds.bad, "crm.leads", "%email=blank.id@bad-input-test.io%"),
    ]
    assert [(key, reason) for key, reason, _ in rows] == [(None, "missing lead_id")] * 2
    # the raw row keeps what was there: nothing, or three spaces
    assert sorted(raw.split(" | ")[0] for _, _, raw in rows) == ["lead_id=   ", "lead_id=∅"]


# --- kind 2 -------------------------------------------------------------------------------
def lead_versions(database: Path, lead_id: str) -> list[tuple]:
    return query(
        database,
        "select job_title, valid_from, valid_to, reject_reason from intermediate.int_leads_checked"
        " where lead_id = ? order by valid_from nulls first",
        [lead_id],
    )


def test_two_rows_of_one_lead_id_are_versions_the_latest_in_effect(builds: Builds) -> None:
    scores = score(builds.bad, "BADL_DUP")
    # on as_of the later row's VP title counts, not the earlier intern (which disqualifies)
    assert (scores["seniority"], scores["disqualification_reason"]) == ("vp", None)
    assert enriched(builds.bad, "BADL_DUP")["job_title"] == "VP Engineering"
    # the intern is the version before 2026-06-01 (updated_at of the VP row)
    assert lead_versions(builds.bad, "BADL_DUP") == [
        ("Marketing Intern", None, dt.date(2026, 6, 1), None),
        ("VP Engineering", dt.date(2026, 6, 1), None, None),
    ]
    assert rejects_with_raw(builds.bad, "crm.leads", "lead_id=BADL_DUP |%") == []


def test_stale_copy_of_a_generated_lead_is_an_older_version_and_changes_todays_scores_not(
    builds: Builds,
) -> None:
    lead_id = bad_input.STALE_COPY_LEAD
    [generated_updated] = query(
        builds.bad,
        "select cast(updated_at as date) from raw.leads where lead_id = ?"
        " and job_title != 'Student Intern'",
        [lead_id],
    )[0]
    versions = lead_versions(builds.bad, lead_id)
    assert versions[0] == ("Student Intern", None, generated_updated, None)
    assert len(versions) == 2 and versions[1][1:] == (generated_updated, None, None)
    for table, key, columns in [
        ("marts.lead_scores", ["scoring_model"], SCORE_COLUMNS),
        ("marts.lead_score_explanations", ["scoring_model", "rule_id"], None),
    ]:
        where = f"lead_id = '{lead_id}'"
        before = table_by_key(builds.clean, table, key, where, columns)
        assert before and table_by_key(builds.bad, table, key, where, columns) == before


# --- kind 3 -------------------------------------------------------------------------------
def test_duplicate_event_id_is_kept_once_and_counted_once(builds: Builds) -> None:
    rows = checked(builds.bad, "int_marketing_events_checked", "event_id", "BADE_DUP")
    assert [row["reject_reason"] for row in rows] == [None, "duplicate_of BADE_DUP"]
    assert rejects(builds.bad, "marketing.marketing_events", "BADE_DUP") == [
        "duplicate_of BADE_DUP"
    ]
    # one pricing view today: 10 points once; counted twice it would be 20 (capped to 15 by
    # the fit gate, fit 15 = engineering 10 + US 5)
    pricing = explanation(builds.bad, "BADL_EVT", "eng_pricing_view")
    assert (pricing["event_count"], pricing["contributed_points"]) == (1, Decimal("10.00"))
    assert score(builds.bad, "BADL_EVT")["engagement_score"] == Decimal("10.00")


def test_redelivered_generated_event_is_rejected_and_changes_nothing(builds: Builds) -> None:
    [copy] = [
        row
        for row in builds.injected
        if row.table == "marketing_events" and (row.source_key or "").startswith("E")
    ]
    event_id = copy.values[0]
    assert rejects(builds.bad, "marketing.marketing_events", event_id) == [
        f"duplicate_of {event_id}"
    ]
    assert_scores_unchanged(builds, bad_input.REDELIVERED_EVENT_LEAD)


# --- kind 4 -------------------------------------------------------------------------------
def test_same_person_under_two_lead_ids_merges_into_the_first_created(builds: Builds) -> None:
    # B was created first (A has the smaller id): B survives
    assert rejects(builds.bad, "crm.leads", "BADL_PERSON_A") == ["duplicate_of BADL_PERSON_B"]
    assert "BADL_PERSON_A" not in scored_lead_ids(builds.bad)
    loser_event = event_checked(builds.bad, "BADE_PERSON_A")
    assert (loser_event["reject_reason"], loser_event["lead_id"]) == (None, "BADL_PERSON_B")
    # both pricing views (one each, today) count for B: 2 x 10 = 20; fit 35 (vp 20 +
    # engineering 10 + US 5) is above the gate
    pricing = explanation(builds.bad, "BADL_PERSON_B", "eng_pricing_view")
    assert (pricing["event_count"], pricing["contributed_points"]) == (2, Decimal("20.00"))
    assert score(builds.bad, "BADL_PERSON_B")["engagement_score"] == Decimal("20.00")


# --- kind 5 -------------------------------------------------------------------------------
@pytest.mark.parametrize("lead_id", sorted(bad_input.MALFORMED_EMAILS))
def test_malformed_email_is_accepted_without_email_or_domain(builds: Builds, lead_id: str) -> None:
    lead = enriched(builds.bad, lead_id)
    assert (lead["email"], lead["email_domain"]) == (None, None)
    for model in MODELS:
        scores = score(builds.bad, lead_id, model)
        assert (scores["email_domain"], scores["disqualification_reason"]) == (None, None)


def test_free_mail_in_a_well_formed_email_still_disqualifies(builds: Builds) -> None:
    lead = enriched(builds.bad, bad_input.FREE_MAIL_LEAD)
    assert (lead["email"], lead["email_domain"]) == ("someone.else@gmail.com", "gmail.com")
    scores = score(builds.bad, bad_input.FREE_MAIL_LEAD)
    assert scores["disqualification_reason"] == "free-mail address"


# --- kinds 6, 7, 8 ------------------------------------------------------------------------
def test_lead_without_account_has_unknown_size(builds: Builds) -> None:
    scores = score(builds.bad, "BADL_NO_ACCOUNT")
    assert (scores["account_id"], scores["company_size_band"], scores["industry"]) == (
        None,
        "unknown",
        None,
    )


def test_lead_naming_a_missing_account_has_no_account_attributes(builds: Builds) -> None:
    lead = enriched(builds.bad, "BADL_GHOST_ACCOUNT")
    assert [lead[column] for column in ["account_name", "industry", "employee_count"]] == [None] * 3
    assert rejects(builds.bad, "crm.leads", "BADL_GHOST_ACCOUNT") == []
    scores = score(builds.bad, "BADL_GHOST_ACCOUNT")
    assert (scores["company_size_band"], scores["industry"]) == ("unknown", None)


def test_account_without_leads_is_accepted_and_not_scored(builds: Builds) -> None:
    [account] = checked(builds.bad, "int_accounts_checked", "account_id", "BADA_ALONE")
    assert account["reject_reason"] is None
    assert query(
        builds.bad, "select count(*) from marts.lead_scores where account_id = 'BADA_ALONE'"
    ) == [(0,)]


# --- kind 9 -------------------------------------------------------------------------------
def test_events_of_unknown_or_missing_leads_or_without_id_are_rejected(builds: Builds) -> None:
    events = "marketing.marketing_events"
    assert rejects(builds.bad, events, "BADE_UNKNOWN_LEAD") == ["unknown lead_id"]
    assert rejects(builds.bad, events, "BADE_NO_LEAD") == ["missing lead_id"]
    assert rejects(builds.bad, events, "BADE_NO_TYPE") == ["missing event_type"]
    without_id = query(
        builds.bad,
        """
        select reject_reason from marts.rejected_rows
        where source_table = ? and source_key is null and raw_row like '%lead_id=BADL_EVT |%'
        """,
        [events],
    )
    assert without_id == [("missing event_id",)] * 2


# --- kind 10 ------------------------------------------------------------------------------
def test_unmapped_event_type_is_quarantined_and_listed_with_counts(builds: Builds) -> None:
    for n in (1, 2, 3):
        assert rejects(builds.bad, "marketing.marketing_events", f"BADE_UNMAPPED_{n}") == [
            "unmapped event type"
        ]
    listed = one(
        builds.bad,
        "select * from marts.unmapped_event_types where source_event_type = 'BAD Chatbot Opened'",
    )
    assert listed == {
        "source_event_type": "BAD Chatbot Opened",
        "events": 3,
        "leads": 2,  # BADL_EVT twice, BADL_NO_ACCOUNT once
        "first_seen_at": dt.datetime(2026, 10, 1, 8, 0),
        "last_seen_at": dt.datetime(2026, 10, 20, 8, 0),
        "example_url": "https://www.acmecloud.io/chat/a",  # the smallest URL seen
    }


# --- kind 11 ------------------------------------------------------------------------------
def test_events_after_as_of_are_kept_but_do_not_change_the_score(builds: Builds) -> None:
    future = [row.values[0] for row in bad_input.FUTURE_EVENTS]
    for event_id in future:
        assert event_checked(builds.bad, event_id)["reject_reason"] is None
        assert rejects(builds.bad, "marketing.marketing_events", event_id) == []
    # 20:00 at -05:00 on the as_of day is already the next day in UTC
    late = event_checked(builds.bad, "BADE_FUTURE_PRICING")
    assert late["occurred_at"] == dt.datetime(2026, 11, 2, 1, 0)
    assert_scores_unchanged(builds, bad_input.FUTURE_EVENTS_LEAD)


# --- kind 12 ------------------------------------------------------------------------------
def test_event_without_a_readable_time_is_rejected(builds: Builds) -> None:
    events = "marketing.marketing_events"
    assert rejects(builds.bad, events, "BADE_NO_TIME") == ["missing occurred_at"]
    assert rejects(builds.bad, events, "BADE_TIME_WORD") == ["invalid occurred_at"]
    assert rejects(builds.bad, events, "BADE_TIME_FEB30") == ["invalid occurred_at"]


# --- kind 13 ------------------------------------------------------------------------------
def test_timestamp_with_offset_is_converted_to_utc(builds: Builds) -> None:
    west = event_checked(builds.bad, "BADE_TZ_WEST")  # 2026-10-31T23:30:00-05:00
    assert (west["occurred_at"], west["event_date"]) == (
        dt.datetime(2026, 11, 1, 4, 30),
        dt.date(2026, 11, 1),
    )
    # age 0: the full 10 points of a pricing view
    pricing = explanation(builds.bad, "BADL_TZ_WEST", "eng_pricing_view")
    assert (pricing["last_event_at"], pricing["contributed_points"]) == (
        dt.datetime(2026, 11, 1, 4, 30),
        Decimal("10.00"),
    )
    assert score(builds.bad, "BADL_TZ_WEST")["days_since_activity"] == 0

    east = event_checked(builds.bad, "BADE_TZ_EAST")  # 2026-11-01T01:30:00+05:00
    assert east["occurred_at"] == dt.datetime(2026, 10, 31, 20, 30)
    # age 1: 10 * 0.5 ** (1 / 14) = 9.5170 -> 9.52
    pricing = explanation(builds.bad, "BADL_TZ_EAST", "eng_pricing_view")
    assert pricing["contributed_points"] == Decimal("9.52")
    assert score(builds.bad, "BADL_TZ_EAST")["engagement_score"] == Decimal("9.52")


def test_hour_24_is_midnight_of_the_next_day(builds: Builds) -> None:
    midnight = event_checked(builds.bad, "BADE_TZ_MIDNIGHT")  # 2026-10-30T24:00+01:00
    assert (midnight["occurred_at"], midnight["event_date"]) == (
        dt.datetime(2026, 10, 30, 23, 0),
        dt.date(2026, 10, 30),
    )
    # age 2: 10 * 0.5 ** (2 / 14) = 9.0572 -> 9.06
    pricing = explanation(builds.bad, "BADL_TZ_MIDNIGHT", "eng_pricing_view")
    assert pricing["contributed_points"] == Decimal("9.06")


# --- kind 14 ------------------------------------------------------------------------------
@pytest.mark.parametrize("account_id", sorted(bad_input.EMPLOYEE_COUNTS))
def test_non_positive_or_absurd_employee_count_is_unknown_size(
    builds: Builds, account_id: str
) -> None:
    [account] = checked(builds.bad, "int_accounts_checked", "account_id", account_id)
    assert (account["reject_reason"], account["employee_count"]) == (None, None)
    lead_id = account_id.replace("BADA_", "BADL_")
    scores = score(builds.bad, lead_id)
    assert scores["company_size_band"] == "unknown"
    # engineering 10 + software 10 + US 5 = 25; read literally, -5 and 0 would add the
    # micro-company -10 and 2,000,000,000 the enterprise +20
    assert scores["fit_score"] == Decimal("25.00")
    for model in MODELS:
        assert not {rule for rule in rule_ids(builds.bad, lead_id, model) if "size" in rule}


# --- kind 15 ------------------------------------------------------------------------------
@pytest.mark.parametrize("lead_id", sorted(bad_input.COUNTRIES))
def test_country_values_are_normalised_to_iso_codes(builds: Builds, lead_id: str) -> None:
    typed, expected = bad_input.COUNTRIES[lead_id]
    assert score(builds.bad, lead_id)["country"] == expected, typed
    # US and DE are core markets (+5); an unknown country is no market at all
    assert ("fit_market_core" in rule_ids(builds.bad, lead_id)) == (expected is not None)


# --- kind 16 ------------------------------------------------------------------------------
def test_non_ascii_and_emoji_names_are_kept_unchanged(builds: Builds) -> None:
    lead = enriched(builds.bad, "BADL_UNICODE")
    assert (lead["first_name"], lead["last_name"]) == bad_input.UNICODE_NAME
    assert lead["job_title"] == "Directrice Données ✨"
    assert {score(builds.bad, "BADL_UNICODE", model)["scoring_model"] for model in MODELS} == set(
        MODELS
    )


# --- kind 17 ------------------------------------------------------------------------------
def test_ten_thousand_character_title_is_kept_and_scored(builds: Builds) -> None:
    [(length,)] = query(
        builds.bad,
        "select length(job_title) from staging.stg_crm__leads where lead_id = 'BADL_LONG_TITLE'",
    )
    assert length == 10_000
    assert enriched(builds.bad, "BADL_LONG_TITLE")["job_title"] == bad_input.LONG_TITLE
    scores = score(builds.bad, "BADL_LONG_TITLE")
    # "VP Data xxxx...": vp 20 + data 10 + US 5 = 35
    assert (scores["seniority"], scores["job_function"]) == ("vp", "data")
    assert scores["fit_score"] == Decimal("35.00")
    # a 10,000-character URL is a page view like any other: 1 point today
    long_url = event_checked(builds.bad, "BADE_LONG_URL")
    assert (long_url["reject_reason"], len(long_url["url"])) == (None, 10_000)
    page_view = explanation(builds.bad, "BADL_LONG_TITLE", "eng_page_view")
    assert page_view["contributed_points"] == Decimal("1.00")


# --- kind 18 ------------------------------------------------------------------------------
def test_dispositions_for_unknown_leads_or_with_unknown_values_are_rejected(
    builds: Builds,
) -> None:
    dispositions = "crm.sales_dispositions"
    assert rejects(builds.bad, dispositions, "BADD_UNKNOWN_LEAD") == ["unknown lead_id"]
    [reason] = rejects(builds.bad, dispositions, "BADD_MAYBE")
    assert reason.startswith("unknown disposition")
    [untidy] = checked(
        builds.bad, "int_sales_dispositions_checked", "disposition_id", "BADD_UNTIDY"
    )
    assert (untidy["reject_reason"], untidy["disposition"], untidy["occurred_at"]) == (
        None,
        "accepted",
        dt.datetime(2026, 10, 1, 8, 0),
    )


# --- kind 19 ------------------------------------------------------------------------------
def test_opportunities_for_unknown_leads_or_closed_before_created_are_rejected(
    builds: Builds,
) -> None:
    opportunities = "crm.opportunities"
    assert rejects(builds.bad, opportunities, "BADO_UNKNOWN_LEAD") == ["unknown lead_id"]
    assert rejects(builds.bad, opportunities, "BADO_BACKWARDS") == ["closed_at before created_at"]
    # an account-level opportunity (no lead) is fine
    [no_lead] = checked(builds.bad, "int_opportunities_checked", "opportunity_id", "BADO_NO_LEAD")
    assert no_lead["reject_reason"] is None


# --- kind 20 ------------------------------------------------------------------------------
@pytest.mark.parametrize("account_id", sorted(bad_input.BOOLEAN_ACCOUNTS))
def test_boolean_spellings_are_read(builds: Builds, account_id: str) -> None:
    typed, expected = bad_input.BOOLEAN_ACCOUNTS[account_id]
    [account] = checked(builds.bad, "int_accounts_checked", "account_id", account_id)
    assert (account["reject_reason"], account["is_customer"], account["is_competitor"]) == (
        None,
        *expected,
    ), typed


def test_customer_flag_written_yes_disqualifies_the_lead(builds: Builds) -> None:
    for model in MODELS:
        assert score(builds.bad, "BADL_BOOL_YES", model)["disqualification_reason"] == (
            "current customer"
        )
        assert score(builds.bad, "BADL_BOOL_N", model)["is_disqualified"] is False


def test_unreadable_boolean_rejects_the_account(builds: Builds) -> None:
    assert rejects(builds.bad, "crm.accounts", "BADA_BOOL_MAYBE") == ["invalid is_customer value"]


# --- kind 21 ------------------------------------------------------------------------------
def test_duplicate_account_id_keeps_the_latest_created(builds: Builds) -> None:
    kept, loser = checked(builds.bad, "int_accounts_checked", "account_id", "BADA_DUP")
    # 2025-02-01T00:00:00+01:00 is 2025-01-31 23:00 UTC, after 2024-01-01
    assert (kept["reject_reason"], kept["industry"], kept["created_at"]) == (
        None,
        "software",
        dt.datetime(2025, 1, 31, 23, 0),
    )
    assert loser["reject_reason"] == "duplicate_of BADA_DUP"
    [(_, _, raw)] = rejects_with_raw(builds.bad, "crm.accounts", "account_id=BADA_DUP |%")
    assert "industry=retail" in raw
    scores = score(builds.bad, "BADL_DUP_ACCOUNT")
    assert (scores["industry"], scores["company_size_band"]) == ("software", "201-1000")


# --- kind 22 ------------------------------------------------------------------------------
def test_quotes_semicolons_and_sql_in_data_are_literals(builds: Builds) -> None:
    lead = enriched(builds.bad, "BADL_SQL")
    assert (lead["first_name"], lead["last_name"]) == bad_input.SQL_NAME
    assert lead["job_title"] == bad_input.SQL_TITLE
    assert lead["lead_source"] == "organic'; --"
    assert lead["account_name"] == bad_input.SQL_ACCOUNT_NAME
    scores = score(builds.bad, "BADL_SQL")
    # "Head of 'Data'": a director in data (quotes separate words, as for handcrafted HC11).
    # The industry is the whole odd text: no target-industry points
    assert (scores["seniority"], scores["job_function"]) == ("director", "data")
    assert scores["industry"] == bad_input.SQL_INDUSTRY
    assert "fit_industry_target" not in rule_ids(builds.bad, "BADL_SQL")
    sql_event = event_checked(builds.bad, "BADE_SQL")
    assert (sql_event["reject_reason"], sql_event["event_type"], sql_event["url"]) == (
        None,
        "pricing_page_view",
        bad_input.SQL_URL.lower(),
    )
    assert explanation(builds.bad, "BADL_SQL", "eng_pricing_view")["contributed_points"] == (
        Decimal("10.00")
    )
    # nothing was dropped or deleted
    assert query(builds.bad, "select count(*) > 0 from raw.leads") == [(True,)]
    assert len(scored_lead_ids(builds.bad)) > GENERATED_LEADS


# --- every row accounted for --------------------------------------------------------------
def reject_keys(database: Path) -> Counter:
    return Counter(
        query(database, "select source_table, source_key, reject_reason from marts.rejected_rows")
    )


def reconciliation(database: Path) -> dict[str, tuple[int, int, int]]:
    rows = query(
        database,
        """
        select source_table, raw_rows, accepted_rows, rejected_rows
        from marts.source_reconciliation
        """,
    )
    return {table: (raw, accepted, rejected) for table, raw, accepted, rejected in rows}


def test_every_injected_row_is_accepted_or_rejected_as_documented(builds: Builds) -> None:
    expected = Counter(
        (row.source_table, row.source_key, row.reject_reason)
        for row in builds.injected
        if row.reject_reason is not None
    )
    before, after = reject_keys(builds.clean), reject_keys(builds.bad)
    assert after - before == expected
    assert before - after == Counter()
    counts_before, counts_after = reconciliation(builds.clean), reconciliation(builds.bad)
    for table, source_table in bad_input.SOURCE_TABLE.items():
        rows = [row for row in builds.injected if row.table == table]
        accepted = sum(row.reject_reason is None for row in rows)
        added = tuple(
            a - b
            for a, b in zip(counts_after[source_table], counts_before[source_table], strict=True)
        )
        assert added == (len(rows), accepted, len(rows) - accepted), source_table


@pytest.mark.parametrize("which", ["clean", "bad"])
def test_reconciliation_holds(builds: Builds, which: str) -> None:
    database = getattr(builds, which)
    counts = reconciliation(database)
    assert set(counts) == set(bad_input.SOURCE_TABLE.values())
    rejected = dict(
        query(database, "select source_table, count(*) from marts.rejected_rows group by 1")
    )
    for table, source_table in bad_input.SOURCE_TABLE.items():
        raw, accepted, rejected_rows = counts[source_table]
        assert query(database, f"select count(*) from raw.{table}") == [(raw,)]
        assert raw == accepted + rejected_rows, source_table
        assert rejected_rows == rejected.get(source_table, 0), source_table
    # and dbt's own reconciliation test ran in that build and passed
    results = json.loads((database.parent / "target" / "run_results.json").read_text())
    statuses = {
        result["unique_id"]: result["status"]
        for result in results["results"]
        if "assert_sources_reconcile" in result["unique_id"]
    }
    assert list(statuses.values()) == ["pass"]


# --- never a silent change to anyone's score ----------------------------------------------
@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("marts.lead_scores", ["lead_id", "scoring_model"]),
        ("marts.lead_score_explanations", ["lead_id", "scoring_model", "rule_id"]),
    ],
)
def test_untouched_generated_leads_score_exactly_as_in_the_clean_build(
    builds: Builds, table: str, key: list[str]
) -> None:
    # Every column is compared: the builds share as_of, so nothing may legitimately differ.
    touched = "', '".join(sorted(bad_input.TOUCHED_GENERATED_LEADS))
    where = f"lead_id not like 'BAD%' and lead_id not in ('{touched}')"
    before = table_by_key(builds.clean, table, key, where)
    after = table_by_key(builds.bad, table, key, where)
    untouched_leads = {row["lead_id"] for row in before.values()}
    assert len(untouched_leads) >= GENERATED_LEADS - len(bad_input.TOUCHED_GENERATED_LEADS)
    assert set(after) == set(before)
    changed = sorted(k for k in before if before[k] != after[k])
    assert changed == [], f"{len(changed)} rows changed, e.g. {changed[:5]}"
