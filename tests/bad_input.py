"""The catalogue of bad input: raw rows injected into a generated data set (test_bad_input.py).

Real CRM and marketing-automation exports arrive as text, so `inject` first turns the raw
columns that need junk (timestamps, flags, employee counts) into varchar, then inserts the
rows below with parameterised statements: a value full of quotes or SQL is data, never
code. Every injected id starts with `BAD` so it never collides with a generated id
(`A...`, `L...`, `E...`, `D...`, `O...`).

Each row carries the outcome the documentation promises for it: `reject_reason` None means
accepted, anything else is the reason it must show in marts.rejected_rows. A few rows touch
generated leads on purpose (a re-delivered event, a stale copy of a lead, events after
as_of); those leads are listed in TOUCHED_GENERATED_LEADS and must still score exactly as
in the clean build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import duckdb

AS_OF = dt.date(2026, 11, 1)

SITE = "https://www.acmecloud.io"

# Raw columns that a text export can fill with anything; the generator types them.
TEXT_COLUMNS: dict[str, list[str]] = {
    "accounts": ["employee_count", "is_customer", "is_competitor", "created_at"],
    "leads": ["created_at", "updated_at"],
    "marketing_events": ["occurred_at"],
    "sales_dispositions": ["occurred_at"],
    "opportunities": ["created_at", "is_won", "closed_at"],
}

COLUMNS: dict[str, list[str]] = {
    "accounts": [
        "account_id",
        "name",
        "domain",
        "industry",
        "employee_count",
        "annual_revenue",
        "country",
        "is_customer",
        "is_competitor",
        "created_at",
    ],
    "leads": [
        "lead_id",
        "account_id",
        "email",
        "first_name",
        "last_name",
        "job_title",
        "country",
        "lead_source",
        "created_at",
        "updated_at",
    ],
    "marketing_events": [
        "event_id",
        "lead_id",
        "event_type",
        "occurred_at",
        "url",
        "asset_name",
        "campaign",
    ],
    "sales_dispositions": ["disposition_id", "lead_id", "disposition", "reason", "occurred_at"],
    "opportunities": [
        "opportunity_id",
        "account_id",
        "lead_id",
        "created_at",
        "stage",
        "is_won",
        "closed_at",
        "amount",
    ],
}

# Name of each raw table in marts.rejected_rows and marts.source_reconciliation.
SOURCE_TABLE: dict[str, str] = {
    "accounts": "crm.accounts",
    "leads": "crm.leads",
    "marketing_events": "marketing.marketing_events",
    "sales_dispositions": "crm.sales_dispositions",
    "opportunities": "crm.opportunities",
}

UNKNOWN_DISPOSITION = "unknown disposition (expected accepted, rejected or recycled)"


@dataclass(frozen=True)
class BadRow:
    """One injected raw row and its documented outcome (None: accepted)."""

    table: str
    values: tuple
    reject_reason: str | None

    @property
    def source_table(self) -> str:
        return SOURCE_TABLE[self.table]

    @property
    def source_key(self) -> str | None:
        """The id as rejected_rows shows it: trimmed, null when blank."""
        raw = self.values[0]
        return (raw.strip() or None) if raw is not None else None


def account(
    account_id: str,
    *,
    industry: str = "software",
    employee_count: str | None = "500",
    country: str | None = "US",
    is_customer: str | None = "false",
    is_competitor: str | None = "false",
    created_at: str | None = "2025-06-01 12:00:00",
    name: str | None = None,
    reject: str | None = None,
) -> BadRow:
    """A raw.accounts row; its domain is derived from the id."""
    domain = f"{account_id.lower().replace('_', '-')}.io"
    return BadRow(
        "accounts",
        (
            account_id,
            name or f"{account_id} Inc",
            domain,
            industry,
            employee_count,
            Decimal("1000000.00"),
            country,
            is_customer,
            is_competitor,
            created_at,
        ),
        reject,
    )


def lead(
    lead_id: str | None,
    *,
    account_id: str | None = None,
    email: str | None = None,
    name: tuple[str, str] = ("Test", "Lead"),
    job_title: str | None = "Software Engineer",
    country: str | None = "US",
    lead_source: str = "organic",
    created_at: str | None = "2025-06-01 12:00:00",
    updated_at: str | None = "2025-06-01 12:00:00",
    reject: str | None = None,
) -> BadRow:
    """A raw.leads row; without an email, one at a company domain made from the id."""
    if email is None:
        email = f"{(lead_id or 'nobody').strip().lower()}@bad-input-test.io"
    first_name, last_name = name
    return BadRow(
        "leads",
        (
            lead_id,
            account_id,
            email,
            first_name,
            last_name,
            job_title,
            country,
            lead_source,
            created_at,
            updated_at,
        ),
        reject,
    )


def event(
    event_id: str | None,
    lead_id: str | None,
    event_type: str | None,
    occurred_at: str | None,
    url: str | None = None,
    *,
    reject: str | None = None,
) -> BadRow:
    """A raw.marketing_events row (event_type is the source tool's name)."""
    return BadRow(
        "marketing_events",
        (event_id, lead_id, event_type, occurred_at, url, None, None),
        reject,
    )


def disposition(
    disposition_id: str,
    lead_id: str | None,
    value: str,
    occurred_at: str | None = "2026-10-01 10:00:00",
    *,
    reject: str | None = None,
) -> BadRow:
    """A raw.sales_dispositions row."""
    return BadRow("sales_dispositions", (disposition_id, lead_id, value, None, occurred_at), reject)


def opportunity(
    opportunity_id: str,
    lead_id: str | None,
    created_at: str,
    closed_at: str | None = None,
    *,
    stage: str = "discovery",
    is_won: str | None = "false",
    reject: str | None = None,
) -> BadRow:
    """A raw.opportunities row, on the account without leads."""
    return BadRow(
        "opportunities",
        (
            opportunity_id,
            "BADA_ALONE",
            lead_id,
            created_at,
            stage,
            is_won,
            closed_at,
            Decimal("25000.00"),
        ),
        reject,
    )


NOW = "2026-11-01 09:00:00"  # on the as_of day: an event this old is worth its full points
PRICING = f"{SITE}/pricing"
NOBODY = "BADL_NOBODY"  # a lead id that exists nowhere

# Kind 17: a job title of exactly 10,000 characters (a VP in data, going by its first words).
LONG_TITLE = "VP Data " + "x" * (10_000 - len("VP Data "))
LONG_URL = f"{SITE}/blog/" + "y" * (10_000 - len(f"{SITE}/blog/"))

# Kind 16: letters outside ASCII and emoji in names.
UNICODE_NAME = ("Zoë 🦄", "Ångström-Núñez 李 😀")

# Kind 22: quotes, semicolons and SQL keywords in names, titles, industries and URLs.
SQL_NAME = ("Robert'); DROP TABLE raw.leads; --", 'O\'Brien "Bobby" Tables')
SQL_TITLE = "Head of 'Data'; DELETE FROM marts.lead_scores; --"
SQL_INDUSTRY = "software' or '1'='1"
SQL_ACCOUNT_NAME = "Acme'; DROP TABLE raw.accounts; --"
SQL_URL = f"{SITE}/pricing?q=';DROP TABLE raw.marketing_events;--"

# Kind 5: malformed emails (accepted, email and domain unknown), and a well-formed free-mail
# address written untidily, which must still disqualify.
MALFORMED_EMAILS = {
    "BADL_EMAIL_TEXT": "not-an-email",
    "BADL_EMAIL_NO_DOT": "a@b",
    "BADL_EMAIL_TWO_AT": "x@@y.com",
    "BADL_EMAIL_EMPTY": "",
    "BADL_EMAIL_TWO_AT_FREE": "jane@@gmail.com",
}
FREE_MAIL_LEAD = "BADL_EMAIL_FREE"

# Kind 15: country values as people type them (leads without account, so the lead's own
# country is the one published).
COUNTRIES = {
    "BADL_COUNTRY_NAME": ("United States", "US"),
    "BADL_COUNTRY_NATIVE": (" deutschland ", "DE"),
    "BADL_COUNTRY_LOWER": ("us", "US"),
    "BADL_COUNTRY_UNKNOWN": ("Narnia", None),
}

# Kind 20: boolean spellings -> (is_customer, is_competitor) as read.
BOOLEAN_ACCOUNTS = {
    "BADA_BOOL_YES": (("yes", "no"), (True, False)),
    "BADA_BOOL_Y": (("Y", "N"), (True, False)),
    "BADA_BOOL_1": (("1", "0"), (True, False)),
    "BADA_BOOL_TRUE": (("TRUE", "no"), (True, False)),
    "BADA_BOOL_NO": (("no", "Y"), (False, True)),
    "BADA_BOOL_N": (("N", "0"), (False, False)),
    "BADA_BOOL_0": (("0", "1"), (False, True)),
}

# Kind 14: head counts that cannot be right.
EMPLOYEE_COUNTS = {"BADA_EMP_NEGATIVE": "-5", "BADA_EMP_ZERO": "0", "BADA_EMP_ABSURD": "2000000000"}

BAD_ROWS: list[BadRow] = [
    # --- kind 1: null and blank lead ids
    lead(None, email="null.id@bad-input-test.io", reject="missing lead_id"),
    lead("   ", email="blank.id@bad-input-test.io", reject="missing lead_id"),
    # --- kind 2: one lead id, conflicting attributes: two versions; the later one is in
    # effect from its updated_at (so on as_of), the earlier one before
    lead("BADL_DUP", job_title="Marketing Intern", updated_at="2026-01-01 00:00:00"),
    lead("BADL_DUP", job_title="VP Engineering", updated_at="2026-06-01 00:00:00"),
    # --- kind 3: one event id twice (same lead, same page, an hour apart)
    lead("BADL_EVT"),
    event("BADE_DUP", "BADL_EVT", "pageview", "2026-11-01 09:00:00", PRICING),
    event(
        "BADE_DUP",
        "BADL_EVT",
        "pageview",
        "2026-11-01 10:00:00",
        PRICING,
        reject="duplicate_of BADE_DUP",
    ),
    # --- kind 4: one person under two lead ids; the first created (not the smaller id)
    # survives, and both leads' events count for it
    lead(
        "BADL_PERSON_A",
        email=" Pat.Same@Merge-Test.io",
        job_title="VP Engineering",
        created_at="2025-03-01 08:00:00",
        reject="duplicate_of BADL_PERSON_B",
    ),
    lead(
        "BADL_PERSON_B",
        email="pat.same@merge-test.io ",
        job_title="VP Engineering",
        created_at="2025-01-01 08:00:00",
    ),
    event("BADE_PERSON_A", "BADL_PERSON_A", "pageview", NOW, PRICING),
    event("BADE_PERSON_B", "BADL_PERSON_B", "Visit Web Page", NOW, PRICING),
    # --- kind 5: malformed emails, and a free-mail one written untidily
    *[lead(lead_id, email=email) for lead_id, email in MALFORMED_EMAILS.items()],
    lead(FREE_MAIL_LEAD, email="  Someone.Else@GMAIL.com "),
    # --- kind 6: a lead without account
    lead("BADL_NO_ACCOUNT", account_id=None),
    # --- kind 7: a lead naming an account that does not exist
    lead("BADL_GHOST_ACCOUNT", account_id="BADA_GHOST"),
    # --- kind 8: an account without leads
    account("BADA_ALONE"),
    # --- kind 9: events for an unknown lead, without lead, without id
    event("BADE_UNKNOWN_LEAD", NOBODY, "pageview", NOW, PRICING, reject="unknown lead_id"),
    event("BADE_NO_LEAD", None, "pageview", NOW, PRICING, reject="missing lead_id"),
    event(None, "BADL_EVT", "pageview", NOW, PRICING, reject="missing event_id"),
    event("  ", "BADL_EVT", "pageview", NOW, PRICING, reject="missing event_id"),
    event("BADE_NO_TYPE", "BADL_EVT", None, NOW, PRICING, reject="missing event_type"),
    # --- kind 10: an event name nobody mapped: 3 events of 2 leads
    *[
        event(
            event_id, lead_id, "BAD Chatbot Opened", occurred_at, url, reject="unmapped event type"
        )
        for event_id, lead_id, occurred_at, url in [
            ("BADE_UNMAPPED_1", "BADL_EVT", "2026-10-01 08:00:00", f"{SITE}/chat/b"),
            ("BADE_UNMAPPED_2", "BADL_EVT", "2026-10-15 08:00:00", f"{SITE}/chat/a"),
            ("BADE_UNMAPPED_3", "BADL_NO_ACCOUNT", "2026-10-20 08:00:00", None),
        ]
    ],
    # --- kind 12: null and unreadable event times
    event("BADE_NO_TIME", "BADL_EVT", "pageview", None, PRICING, reject="missing occurred_at"),
    event(
        "BADE_TIME_WORD", "BADL_EVT", "pageview", "yesterday", PRICING, reject="invalid occurred_at"
    ),
    event(
        "BADE_TIME_FEB30",
        "BADL_EVT",
        "pageview",
        "2026-02-30 10:00:00",
        PRICING,
        reject="invalid occurred_at",
    ),
    # --- kind 13: times with offsets. 23:30 at -05:00 is 04:30 UTC on the as_of day (age
    # 0); 01:30 at +05:00 is 20:30 UTC the day before (age 1)
    lead("BADL_TZ_WEST"),
    event("BADE_TZ_WEST", "BADL_TZ_WEST", "pageview", "2026-10-31T23:30:00-05:00", PRICING),
    lead("BADL_TZ_EAST"),
    event("BADE_TZ_EAST", "BADL_TZ_EAST", "pageview", "2026-11-01T01:30:00+05:00", PRICING),
    # hour 24 is midnight of the next day: 2026-10-31 00:00 at +01:00, 23:00 UTC on 10-30
    lead("BADL_TZ_MIDNIGHT"),
    event("BADE_TZ_MIDNIGHT", "BADL_TZ_MIDNIGHT", "pageview", "2026-10-30T24:00+01:00", PRICING),
    # --- kind 14: negative, zero and absurd head counts (a software engineer in the US at a
    # software company: fit 25 without any size rule)
    *[
        row
        for account_id, count in EMPLOYEE_COUNTS.items()
        for row in (
            account(account_id, employee_count=count),
            lead(account_id.replace("BADA_", "BADL_"), account_id=account_id),
        )
    ],
    # --- kind 15: country names, native names, lowercase codes and nonsense
    *[lead(lead_id, country=typed) for lead_id, (typed, _) in COUNTRIES.items()],
    # --- kind 16: non-ASCII letters and emoji
    lead("BADL_UNICODE", name=UNICODE_NAME, job_title="Directrice Données ✨"),
    # --- kind 17: 10,000 characters in a title and in a URL
    lead("BADL_LONG_TITLE", job_title=LONG_TITLE),
    event("BADE_LONG_URL", "BADL_LONG_TITLE", "pageview", NOW, LONG_URL),
    # --- kind 18: dispositions for an unknown lead, with an unknown value, and a good one
    # written untidily
    disposition("BADD_UNKNOWN_LEAD", NOBODY, "accepted", reject="unknown lead_id"),
    disposition("BADD_MAYBE", "BADL_EVT", "maybe", reject=UNKNOWN_DISPOSITION),
    disposition("BADD_UNTIDY", "BADL_EVT", " Accepted ", "2026-10-01T10:00:00+02:00"),
    # --- kind 19: opportunities for an unknown lead, closed before created, without lead
    opportunity("BADO_UNKNOWN_LEAD", NOBODY, "2026-06-01 00:00:00", reject="unknown lead_id"),
    opportunity(
        "BADO_BACKWARDS",
        "BADL_EVT",
        "2026-06-01 00:00:00",
        "2026-05-01 00:00:00",
        stage="closed_lost",
        reject="closed_at before created_at",
    ),
    opportunity("BADO_NO_LEAD", None, "2026-06-01 00:00:00"),
    # --- kind 20: booleans as CRMs write them; a lead at the 'yes' and at the 'no' account
    *[
        account(account_id, is_customer=customer, is_competitor=competitor)
        for account_id, ((customer, competitor), _) in BOOLEAN_ACCOUNTS.items()
    ],
    lead("BADL_BOOL_YES", account_id="BADA_BOOL_YES"),
    lead("BADL_BOOL_N", account_id="BADA_BOOL_N"),
    account("BADA_BOOL_MAYBE", is_customer="maybe", reject="invalid is_customer value"),
    # --- kind 21: one account id twice: the latest created wins (the offset puts the second
    # row at 2025-01-31 23:00 UTC, still after the first)
    account(
        "BADA_DUP",
        industry="retail",
        employee_count="20",
        created_at="2024-01-01 00:00:00",
        reject="duplicate_of BADA_DUP",
    ),
    account(
        "BADA_DUP",
        industry="Software",
        employee_count="500",
        created_at="2025-02-01T00:00:00+01:00",
    ),
    lead("BADL_DUP_ACCOUNT", account_id="BADA_DUP"),
    # --- kind 22: SQL in the data
    account("BADA_SQL", name=SQL_ACCOUNT_NAME, industry=SQL_INDUSTRY),
    lead(
        "BADL_SQL",
        account_id="BADA_SQL",
        email="bobby.tables@sql-test.io",
        name=SQL_NAME,
        job_title=SQL_TITLE,
        lead_source="organic'; --",
    ),
    event("BADE_SQL", "BADL_SQL", "pageview", NOW, SQL_URL),
]

# Generated leads that injected rows touch (see generated_rows); they must score as before.
FUTURE_EVENTS_LEAD = "L00000001"
REDELIVERED_EVENT_LEAD = "L00000002"
STALE_COPY_LEAD = "L00000003"
TOUCHED_GENERATED_LEADS = {FUTURE_EVENTS_LEAD, REDELIVERED_EVENT_LEAD, STALE_COPY_LEAD}

# Kind 11: events after as_of for a generated lead (a demo at midnight after the scoring day,
# a trial weeks later, a pricing view at 20:00 -05:00 on the as_of day, i.e. 01:00 UTC the
# next day). Accepted and kept, but they do not exist yet for the score.
FUTURE_EVENTS: list[BadRow] = [
    event("BADE_FUTURE_DEMO", FUTURE_EVENTS_LEAD, "meeting_booked", "2026-11-02 00:00:00"),
    event(
        "BADE_FUTURE_TRIAL",
        FUTURE_EVENTS_LEAD,
        "form_submission",
        "2027-01-15 09:00:00",
        f"{SITE}/trial",
    ),
    event(
        "BADE_FUTURE_PRICING", FUTURE_EVENTS_LEAD, "pageview", "2026-11-01T20:00:00-05:00", PRICING
    ),
]


def generated_rows(con: duckdb.DuckDBPyConnection) -> list[BadRow]:
    """Rows made from generated ones: a re-delivered event and a stale copy of a lead (an
    older version of it)."""
    event_row = con.execute(
        "select * from raw.marketing_events where lead_id = ? order by event_id limit 1",
        [REDELIVERED_EVENT_LEAD],
    ).fetchone()
    lead_row = con.execute(
        "select * from raw.leads where lead_id = ?", [STALE_COPY_LEAD]
    ).fetchone()
    if event_row is None or lead_row is None:
        raise RuntimeError(
            f"the generated data set has no event of {REDELIVERED_EVENT_LEAD} or no lead "
            f"{STALE_COPY_LEAD}: generate more leads"
        )
    stale = list(lead_row)
    stale[COLUMNS["leads"].index("job_title")] = "Student Intern"
    stale[COLUMNS["leads"].index("created_at")] = "2000-01-01 00:00:00"
    stale[COLUMNS["leads"].index("updated_at")] = "2000-01-01 00:00:00"
    return [
        BadRow("marketing_events", tuple(event_row), f"duplicate_of {event_row[0]}"),
        BadRow("leads", tuple(stale), None),
    ]


def make_text(con: duckdb.DuckDBPyConnection) -> None:
    """Turn the raw columns that exports fill with junk into text, as real exports are."""
    for table, columns in TEXT_COLUMNS.items():
        for column in columns:
            con.execute(f"alter table raw.{table} alter {column} type varchar")


def insert(con: duckdb.DuckDBPyConnection, rows: Iterable[BadRow]) -> None:
    """Insert rows with parameters, one executemany per table."""
    by_table: dict[str, list[tuple]] = {}
    for row in rows:
        by_table.setdefault(row.table, []).append(row.values)
    for table, values in by_table.items():
        columns = COLUMNS[table]
        placeholders = ", ".join(["?"] * len(columns))
        con.executemany(
            f"insert into raw.{table} ({', '.join(columns)}) values ({placeholders})", values
        )


def inject(con: duckdb.DuckDBPyConnection) -> list[BadRow]:
    """Make the raw tables text where needed, insert every bad row; returns what was inserted."""
    make_text(con)
    rows = [*BAD_ROWS, *FUTURE_EVENTS, *generated_rows(con)]
    insert(con, rows)
    return rows
