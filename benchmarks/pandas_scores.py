"""The pandas peer for `make bench`: the primary definition's scores, written in pandas.

What a team would write instead of the dbt project: load the raw events and the lead
attributes into data frames and compute, for one day, each lead's fit_score,
engagement_score and meets_entry under b2b_default, with the rules written into the code.
It reads the same inputs as benchmarks/reference_scores.sql and must give the same values.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import numpy as np
import pandas as pd

EVENT_MAP = [
    # source name (lowercase), URL fragment, event type, priority
    ("visit web page", "/pricing", "pricing_page_view", 1),
    ("visit web page", "/careers", "careers_page_view", 1),
    ("visit web page", None, "page_view", 9),
    ("pageview", "/pricing", "pricing_page_view", 1),
    ("pageview", "/careers", "careers_page_view", 1),
    ("pageview", None, "page_view", 9),
    ("fill out form", "/demo", "demo_request", 1),
    ("fill out form", "/contact", "contact_request", 1),
    ("fill out form", "/trial", "trial_signup", 1),
    ("fill out form", "/webinars/", "webinar_registered", 1),
    ("fill out form", "/resources/", "content_download", 1),
    ("fill out form", None, "form_submit", 9),
    ("form_submission", "/demo", "demo_request", 1),
    ("form_submission", "/contact", "contact_request", 1),
    ("form_submission", "/trial", "trial_signup", 1),
    ("form_submission", "/webinars/", "webinar_registered", 1),
    ("form_submission", "/resources/", "content_download", 1),
    ("form_submission", None, "form_submit", 9),
    ("open email", None, "email_open", 9),
    ("email_open", None, "email_open", 9),
    ("click email", None, "email_click", 9),
    ("email_click", None, "email_click", 9),
    ("email replied", None, "email_reply", 9),
    ("email_reply", None, "email_reply", 9),
    ("content_download", None, "content_download", 9),
    ("webinar_registration", None, "webinar_registered", 9),
    ("attend event", None, "webinar_attended", 9),
    ("webinar_attendance", None, "webinar_attended", 9),
    ("meeting_booked", None, "demo_request", 9),
    ("unsubscribe email", None, "unsubscribe", 9),
    ("unsubscribe", None, "unsubscribe", 9),
    ("email bounced", None, "email_bounce", 9),
    ("hard_bounce", None, "email_bounce", 9),
]

# rule, event type, property, property value, points, cap, decay, half-life or lifespan
RULES = [
    ("demo", "demo_request", None, None, 40.0, 40.0, "half_life", 30.0),
    ("trial", "trial_signup", None, None, 35.0, 35.0, "half_life", 30.0),
    ("contact", "contact_request", None, None, 30.0, 30.0, "half_life", 30.0),
    ("pricing", "pricing_page_view", None, None, 10.0, 30.0, "half_life", 14.0),
    ("webinar", "webinar_attended", None, None, 10.0, 20.0, "half_life", 30.0),
    ("webinar_reg", "webinar_registered", None, None, 5.0, 10.0, "half_life", 30.0),
    ("content", "content_download", None, None, 8.0, 24.0, "half_life", 30.0),
    ("security", "content_download", "asset_name", "security", 5.0, 10.0, "half_life", 30.0),
    ("integrations", "page_view", "url", "/product/integrations", 3.0, 9.0, "half_life", 14.0),
    ("reply", "email_reply", None, None, 10.0, 20.0, "half_life", 30.0),
    ("click", "email_click", None, None, 3.0, 15.0, "half_life", 14.0),
    ("open", "email_open", None, None, 1.0, 5.0, "step", None),
    ("page", "page_view", None, None, 1.0, 15.0, "linear", 60.0),
    ("careers", "careers_page_view", None, None, -5.0, 15.0, "half_life", 30.0),
    ("unsubscribe", "unsubscribe", None, None, -20.0, 20.0, "none", None),
    ("bounce", "email_bounce", None, None, -10.0, 10.0, "none", None),
]

FREE_MAIL = {
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "outlook.com",
    "live.com", "icloud.com", "aol.com", "gmx.de", "web.de", "proton.me", "protonmail.com",
}  # fmt: skip
BLOCKED = {"example.com", "test.com", "mailinator.com"}
STUDENT_DOMAIN = r"(?i)(?:\.edu|\.ac\.[a-z]{2})$|^student\."


NINE_PLACES = Decimal("0.000000001")
CENTS = Decimal("0.01")


def round2(values: pd.Series) -> pd.Series:
    """As the project rounds: to a decimal with 9 places, then half away from zero to 2."""
    return values.map(
        lambda x: (
            Decimal(repr(float(x)))
            .quantize(NINE_PLACES, rounding=ROUND_HALF_UP)
            .quantize(CENTS, rounding=ROUND_HALF_UP)
        )
    )


def load(database: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    with duckdb.connect(database, read_only=True) as con:
        events = con.execute(
            "select event_id, lead_id, event_type, occurred_at, url, asset_name, campaign"
            " from raw.marketing_events"
        ).df()
        leads = con.execute("select * from intermediate.int_leads_enriched").df()
        lead_ids = con.execute("select * from intermediate.int_lead_ids_resolved").df()
    return events, leads, lead_ids


def typed_events(events: pd.DataFrame, lead_ids: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    events = events.dropna(subset=["event_id", "lead_id", "occurred_at"])
    events = events.sort_values(
        ["event_id", "occurred_at", "lead_id", "event_type", "url", "asset_name", "campaign"],
        na_position="last",
        kind="stable",
    ).drop_duplicates("event_id", keep="first")
    events = events.assign(event_date=events["occurred_at"].dt.normalize())
    events = events[events["event_date"] <= pd.Timestamp(as_of)]
    events = events.merge(lead_ids[["lead_id", "surviving_lead_id"]], on="lead_id")
    events = events.assign(source_name=events["event_type"].str.strip().str.lower())
    mapping = pd.DataFrame(EVENT_MAP, columns=["source_name", "url_contains", "mapped", "priority"])
    candidates = events.merge(mapping, on="source_name")
    url = candidates["url"].fillna("")
    matches = candidates["url_contains"].isna()
    for fragment in mapping["url_contains"].dropna().unique():
        rows = candidates["url_contains"] == fragment
        matches |= rows & url.str.contains(fragment, regex=False)
    candidates = candidates[matches].sort_values(["event_id", "priority", "mapped"], kind="stable")
    typed = candidates.drop_duplicates("event_id", keep="first")
    age = (pd.Timestamp(as_of) - typed["event_date"]).dt.days
    return typed.assign(lead=typed["surviving_lead_id"], age=age)[
        ["lead", "mapped", "url", "asset_name", "event_date", "age"]
    ]


def decay(mode: str, days: float | None, age: pd.Series) -> pd.Series:
    if mode == "none":
        return pd.Series(1.0, index=age.index)
    if mode == "half_life":
        return np.power(0.5, age / days)
    if mode == "linear":
        return (1 - age / days).clip(lower=0.0)
    bands = np.select([age <= 7, age <= 30, age <= 60, age <= 90], [1.0, 0.8, 0.6, 0.4], 0.2)
    return pd.Series(bands, index=age.index)


def engagement(events: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for _rule, event_type, prop, value, points, cap, mode, days in RULES:
        matched = events[events["mapped"] == event_type]
        if prop is not None:
            text = matched[prop].fillna("").str.lower()
            matched = matched[text.str.contains(value, regex=False)]
        if matched.empty:
            continue
        worth = points * decay(mode, days, matched["age"])
        totals = worth.groupby(matched["lead"]).sum().clip(lower=-cap, upper=cap)
        frame = totals.to_frame("capped")
        if points > 0:
            frame["last_activity"] = matched.groupby("lead")["age"].min()
        parts.append(frame)
    combined = pd.concat(parts)
    return combined.groupby(level=0).agg(
        rule_points=("capped", "sum"), age=("last_activity", "min")
    )


def fit(leads: pd.DataFrame) -> pd.DataFrame:
    seniority = leads["seniority"].fillna("").str.lower()
    function = leads["job_function"].fillna("").str.strip().str.lower()
    size = leads["employee_count"].astype("float64")  # unknown size: NaN, never in a band
    title = leads["job_title"]
    title_lower = title.fillna("").str.lower()
    points = (
        seniority.map({"executive": 20, "vp": 20, "director": 15, "manager": 8}).fillna(0)
        + function.isin(["engineering", "data", "it"]) * 10
        + ((size >= 50) & (size < 200)) * 5
        + ((size >= 200) & (size < 5000)) * 15
        + (size >= 5000) * 20
        + (size < 10) * -10
        + leads["industry"]
        .fillna("")
        .str.strip()
        .str.lower()
        .isin(["software", "financial services"])
        * 10
        + leads["country"]
        .fillna("")
        .str.strip()
        .str.lower()
        .isin(["us", "ca", "gb", "de", "fr", "nl", "au"])
        * 5
        + title_lower.str.contains("data (?:platform|infrastructure)", regex=True) * 5
        + title_lower.str.contains("consultant", regex=False) * -5
        + (title.fillna("").str.strip() == "") * -5
    )
    domain = leads["email_domain"].fillna("").str.strip().str.lower()
    disqualified = (
        leads["is_competitor"].fillna(False).astype(bool)
        | leads["is_customer"].fillna(False).astype(bool)
        | domain.isin(BLOCKED)
        | leads["email_domain"].fillna("\x00").str.contains(STUDENT_DOMAIN, regex=True)
        | (seniority == "student")
        | domain.isin(FREE_MAIL)
    )
    return pd.DataFrame(
        {"fit_points": points.astype(float), "is_disqualified": disqualified}
    ).set_index(leads["lead_id"])


def score(database: str, as_of: dt.date) -> pd.DataFrame:
    raw_events, leads, lead_ids = load(database)
    events = typed_events(raw_events, lead_ids, as_of)
    lead_fit = fit(leads)
    lead_engagement = engagement(events)
    table = lead_fit.join(lead_engagement, how="left")
    rule_points = table["rule_points"].fillna(0.0)
    days_inactive = table["age"]
    periods = np.floor(((days_inactive - 30).clip(lower=0)) / 7) * 2
    penalty = np.where(
        days_inactive.isna() | (rule_points <= 0), 0.0, -np.minimum(rule_points, periods)
    )
    fit_score = round2(table["fit_points"])
    before_gate = rule_points + penalty
    gated = np.where((fit_score.astype(float) < 20) & (before_gate > 15), 15.0, before_gate)
    engagement_score = round2(pd.Series(np.clip(gated, 0, 100), index=table.index))
    demo = events[(events["mapped"] == "demo_request") & (events["age"] <= 14)]["lead"]
    contact = events[(events["mapped"] == "contact_request") & (events["age"] <= 7)]["lead"]
    fit_value = fit_score.astype(float)
    meets = ~table["is_disqualified"] & (
        ((fit_value >= 40) & (engagement_score.astype(float) >= 30))
        | (table.index.isin(set(demo)) & (fit_value >= 25))
        | (table.index.isin(set(contact)) & (fit_value >= 30))
    )
    return pd.DataFrame(
        {
            "lead_id": table.index,
            "fit_score": fit_score.values,
            "engagement_score": engagement_score.values,
            "meets_entry": meets.values,
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="DuckDB file built by the project")
    parser.add_argument("--as-of", required=True, type=dt.date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--output", required=True, help="CSV file for the scores")
    args = parser.parse_args(argv)
    score(args.database, args.as_of).to_csv(args.output, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
