"""Handcrafted leads whose scores were worked out by hand (see test_handcrafted_leads.py).

Every id starts with `HC`, so the rows never collide with generated ids (`A...`, `L...`,
`E...`). Event times are written as whole days before AS_OF, because an event's age is the
number of whole days between its UTC date and AS_OF; the time of day never matters.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import duckdb

AS_OF = datetime.date(2026, 11, 1)

SITE = "https://www.acmecloud.io"

RAW_TABLES_DDL = [
    "create schema if not exists raw",
    """
    create table if not exists raw.accounts (
        account_id varchar, name varchar, domain varchar, industry varchar,
        employee_count integer, annual_revenue decimal(18, 2), country varchar,
        is_customer boolean, is_competitor boolean, created_at timestamp
    )
    """,
    """
    create table if not exists raw.leads (
        lead_id varchar, account_id varchar, email varchar, first_name varchar,
        last_name varchar, job_title varchar, country varchar, lead_source varchar,
        created_at timestamp, updated_at timestamp
    )
    """,
    """
    create table if not exists raw.marketing_events (
        event_id varchar, lead_id varchar, event_type varchar, occurred_at timestamp,
        url varchar, asset_name varchar, campaign varchar
    )
    """,
    """
    create table if not exists raw.sales_dispositions (
        disposition_id varchar, lead_id varchar, disposition varchar, reason varchar,
        occurred_at timestamp
    )
    """,
    """
    create table if not exists raw.opportunities (
        opportunity_id varchar, account_id varchar, lead_id varchar, created_at timestamp,
        stage varchar, is_won boolean, closed_at timestamp, amount decimal(18, 2)
    )
    """,
]


def days_ago(days: int, hour: int = 9, minute: int = 0, second: int = 0) -> datetime.datetime:
    """A UTC timestamp on the day `days` whole days before AS_OF (negative: after AS_OF)."""
    day = AS_OF - datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second)


CREATED = datetime.datetime(2025, 6, 1, 12, 0, 0)


def account(
    account_id: str,
    name: str,
    domain: str,
    industry: str,
    employee_count: int,
    country: str,
    *,
    is_customer: bool = False,
    is_competitor: bool = False,
) -> tuple:
    """A raw.accounts row."""
    revenue = Decimal(employee_count * 150_000).quantize(Decimal("0.01"))
    return (
        account_id,
        name,
        domain,
        industry,
        employee_count,
        revenue,
        country,
        is_customer,
        is_competitor,
        CREATED,
    )


def lead(
    lead_id: str,
    account_id: str | None,
    email: str,
    name: tuple[str, str],
    job_title: str | None,
    country: str | None,
    lead_source: str = "organic",
    created: datetime.datetime = CREATED,
    updated: datetime.datetime | None = None,
) -> tuple:
    """A raw.leads row; a second row of one lead_id with a later `updated` is a new version."""
    first_name, last_name = name
    return (
        lead_id,
        account_id,
        email,
        first_name,
        last_name,
        job_title,
        country,
        lead_source,
        created,
        updated or created,
    )


def event(
    event_id: str,
    lead_id: str,
    event_type: str,
    occurred_at: datetime.datetime,
    url: str | None = None,
    asset_name: str | None = None,
    campaign: str | None = None,
) -> tuple:
    """A raw.marketing_events row; event_type is the source tool's name (event_type_map)."""
    return (event_id, lead_id, event_type, occurred_at, url, asset_name, campaign)


ACCOUNTS: list[tuple] = [
    # software, 1200 employees (200-4999), US
    account("HCA01", "Northwind Data HC", "northwind-hc.io", "Software", 1200, "US"),
    # not a target industry, 800 employees (200-4999), DE
    account("HCA02", "Bergmann Maschinenbau HC", "bergmann-hc.de", "Manufacturing", 800, "DE"),
    # not a target industry, 30 employees (no size rule), BR (not a core market)
    account("HCA03", "Loja Azul HC", "lojaazul-hc.com.br", "Retail", 30, "BR"),
    # 5 employees (fewer than 10), ES (not a core market)
    account("HCA04", "Tiny Studio HC", "tinystudio-hc.es", "Media", 5, "ES"),
    # a competitor: software, 300 employees, GB
    account(
        "HCA05", "Rival Analytics HC", "rival-hc.com", "Software", 300, "GB", is_competitor=True
    ),
    # a current customer: financial services, 6000 employees, US
    account(
        "HCA06",
        "Happy Customer Bank HC",
        "happycustomer-hc.com",
        "Financial Services",
        6000,
        "US",
        is_customer=True,
    ),
    # financial services, exactly 5000 employees (the inclusive lower edge of >= 5000), CA
    account("HCA07", "Globex Bank HC", "globex-hc.com", "financial services", 5000, "CA"),
]

LEADS: list[tuple] = [
    # Threshold equality under b2b_default: fit 40.00 and engagement 30.00 exactly; the
    # country comes from the account (the lead has none).
    lead(
        "HC01", "HCA02", "anna.kowalski@bergmann-hc.de", ("Anna", "Kowalski"), "VP Marketing", None
    ),
    # Default fast-track: demo exactly 14 days old, fit exactly 25.
    lead(
        "HC02",
        "HCA03",
        "joao.conceicao@lojaazul-hc.com.br",
        ("João", "Conceição"),
        "Director of Engineering",
        "BR",
    ),
    # Default fast-track too old: demo 15 days old.
    lead(
        "HC03",
        "HCA01",
        "sara.lind@northwind-hc.io",
        ("Sara", "Lind"),
        "Senior Software Engineer",
        "US",
    ),
    # Default fast-track fit too low (20 < 25); intent-heavy fast-track at both edges. The
    # lead's country US beats the account's BR.
    lead(
        "HC04",
        "HCA03",
        "pedro.alves@lojaazul-hc.com.br",
        ("Pedro", "Alves"),
        "Head of Growth",
        "US",
    ),
    # Competitor + free mail (competitor wins); a fresh demo does not make it an MQL.
    lead("HC05", "HCA05", "spy.rival@gmail.com", ("Eve", "Rival"), "CTO", "GB"),
    # Current customer; an apostrophe in the name.
    lead(
        "HC06",
        "HCA06",
        "liam.oconnor@happycustomer-hc.com",
        ("Liam", "O'Connor"),
        "Chief Information Officer",
        "US",
    ),
    # Blocked domain (b2b_default only), no account; engagement excluded by the intent gate.
    lead("HC07", None, "qa.bot@test.com", ("QA", "Bot"), "Engineer", "US"),
    # Student domain + student title: the domain (priority 4) beats the title (5).
    lead("HC08", None, "mathilde.weber@ox.ac.uk", ("Mathilde", "Weber"), "PhD Student", "GB"),
    # Student title only (a b2b_default disqualifier only).
    lead("HC09", "HCA01", "kim.park@northwind-hc.io", ("Kim", "Park"), "Data Science Intern", None),
    # Free mail, no account, non-ASCII name and title.
    lead(
        "HC10", None, "zoe.angstrom@proton.me", ("Zoë", "Ångström-Núñez"), "Head of Données", "FR"
    ),
    # A title full of quotes, a semicolon and SQL: scored literally, as a VP.
    lead(
        "HC11",
        "HCA01",
        "robert.tables@northwind-hc.io",
        ("Robert'); --", "Tables"),
        'VP of "Data"; DROP TABLE raw.leads; --',
        "US",
    ),
    # Step decay at band edges (7, 8, 60, 61, 91 days) and linear decay.
    lead(
        "HC12",
        "HCA07",
        "priya.raman@globex-hc.com",
        ("Priya", "Raman"),
        "Data Platform Manager",
        "CA",
    ),
    # Negative points: unsubscribe (no decay) and careers page views.
    lead(
        "HC13",
        "HCA01",
        "sam.negative@northwind-hc.io",
        ("Sam", "Negative"),
        "Engineering Manager",
        None,
    ),
    # A per-rule cap: five pricing views today.
    lead(
        "HC14",
        "HCA07",
        "ines.duarte@globex-hc.com",
        ("Inês", "Duarte"),
        "Director, IT Infrastructure",
        "CA",
    ),
    # The total engagement cap in both models (the A-grade multiplier pushes intent-heavy).
    lead("HC15", "HCA07", "hot.lead@globex-hc.com", ("Hana", "Hot"), "Chief Data Officer", "CA"),
    # Inactivity penalty; a later negative event is not activity; no recent high intent.
    lead("HC16", "HCA01", "old.timer@northwind-hc.io", ("Otto", "Timer"), "VP Engineering", "US"),
    # Fit gate: capped under b2b_default (fit -15 < 20), excluded under intent-heavy.
    lead(
        "HC17",
        "HCA04",
        "lucia.gomez@tinystudio-hc.es",
        ("Lucía", "Gómez"),
        "Marketing Consultant",
        "ES",
    ),
    # Events after AS_OF are ignored (a demo one second after the scoring day ends).
    lead(
        "HC18",
        "HCA02",
        "jonas.becker@bergmann-hc.de",
        ("Jonas", "Becker"),
        "Director of Data",
        "DE",
    ),
    # No events at all; fit on the A edge of both models.
    lead(
        "HC19",
        "HCA07",
        "victor.finance@globex-hc.com",
        ("Victor", "Finance"),
        "VP of Finance",
        "CA",
    ),
    # The inactivity penalty never takes more than the lead's points.
    lead("HC20", "HCA01", "ivy.manager@northwind-hc.io", ("Ivy", "Manager"), "IT Manager", "US"),
    # No job title; the country comes from the account.
    lead("HC21", "HCA03", "nameless@lojaazul-hc.com.br", ("Nina", "Semtítulo"), None, None),
    # MQL timelines (test_mql_history.py). All are VPs of Engineering at HCA01, like HC16:
    # fit 60 (A) under b2b_default and 45 (A, x1.3) under b2b_intent_heavy.
    # One demo 100 days ago: exits on the exact day of half-life and step decay.
    lead("HC22", "HCA01", "tia.decay@northwind-hc.io", ("Tia", "Decay"), "VP Engineering", "US"),
    # Three pricing views 50 days ago: the cool-down holds it in.
    lead("HC23", "HCA01", "carl.cool@northwind-hc.io", ("Carl", "Cool"), "VP Engineering", "US"),
    # A demo 15 days ago: held in by the exit threshold on AS_OF.
    lead("HC24", "HCA01", "hugo.held@northwind-hc.io", ("Hugo", "Held"), "VP Engineering", "US"),
    # Recycled by sales, then an MQL again on new activity.
    lead(
        "HC25", "HCA01", "rita.recycle@northwind-hc.io", ("Rita", "Recycle"), "VP Engineering", "US"
    ),
    # Rejected by sales: an MQL again under b2b_default, never under b2b_intent_heavy.
    lead(
        "HC26", "HCA01", "rex.rejected@northwind-hc.io", ("Rex", "Rejected"), "VP Engineering", "US"
    ),
    # Converted to an opportunity: never an MQL again.
    lead("HC27", "HCA01", "olga.opp@northwind-hc.io", ("Olga", "Opp"), "VP Engineering", "US"),
    # Created 12 days before AS_OF, after its first event: no history before its creation.
    lead(
        "HC28",
        "HCA01",
        "nina.new@northwind-hc.io",
        ("Nina", "New"),
        "VP Engineering",
        "US",
        created=days_ago(12, 10),
    ),
    # Attribute versions. HC29 changes its email to a free-mail address 12 days before
    # AS_OF (disqualified under b2b_default from that day); HC30 changes its title to
    # "Office Assistant" 7 days before AS_OF (fit 30 under b2b_default, 25 under intent).
    lead(
        "HC29", "HCA01", "vera.version@northwind-hc.io", ("Vera", "Version"), "VP Engineering", "US"
    ),
    lead(
        "HC29",
        "HCA01",
        "vera.version@gmail.com",
        ("Vera", "Version"),
        "VP Engineering",
        "US",
        updated=days_ago(12, 8),
    ),
    lead("HC30", "HCA01", "felix.fit@northwind-hc.io", ("Felix", "Fit"), "VP Engineering", "US"),
    lead(
        "HC30",
        "HCA01",
        "felix.fit@northwind-hc.io",
        ("Felix", "Fit"),
        "Office Assistant",
        "US",
        updated=days_ago(7, 8),
    ),
]

EVENTS: list[tuple] = [
    # HC01: demo 30 days old, webinar attended today
    event("HCE0101", "HC01", "form_submission", days_ago(30, 10), f"{SITE}/demo"),
    event("HCE0102", "HC01", "Attend Event", days_ago(0, 9), None, "Data Mesh Live"),
    # HC02: meeting booked 14 days ago
    event("HCE0201", "HC02", "meeting_booked", days_ago(14, 15, 30)),
    # HC03: demo 15 days ago
    event("HCE0301", "HC03", "form_submission", days_ago(15, 8), f"{SITE}/demo"),
    # HC04: demo 7 days ago (a URL with a query string)
    event("HCE0401", "HC04", "form_submission", days_ago(7, 12), f"{SITE}/demo?utm_source=li"),
    # HC05: meeting booked 2 days ago
    event("HCE0501", "HC05", "meeting_booked", days_ago(2, 11)),
    # HC06: trial today
    event("HCE0601", "HC06", "form_submission", days_ago(0, 8), f"{SITE}/trial"),
    # HC07: integrations page today
    event("HCE0701", "HC07", "Visit Web Page", days_ago(0, 7), f"{SITE}/product/integrations"),
    # HC08: security whitepaper 30 days ago
    event(
        "HCE0801",
        "HC08",
        "content_download",
        days_ago(30, 16),
        f"{SITE}/resources/security",
        "Security Whitepaper",
    ),
    # HC09: email click 14 days ago
    event("HCE0901", "HC09", "Click Email", days_ago(14, 10), f"{SITE}/blog/news"),
    # HC10: pricing page today
    event("HCE1001", "HC10", "Visit Web Page", days_ago(0, 13), f"{SITE}/pricing"),
    # HC11: pricing page 14 days ago
    event("HCE1101", "HC11", "pageview", days_ago(14, 9), f"{SITE}/pricing?plan=enterprise"),
    # HC12: email opens 7, 8, 60, 61 and 91 days ago; blog views 15, 45 and 75 days ago
    *[
        event(f"HCE120{n}", "HC12", "Open Email", days_ago(age, 6), campaign="Product Update")
        for n, age in enumerate([7, 8, 60, 61, 91], start=1)
    ],
    *[
        event(f"HCE121{n}", "HC12", "pageview", days_ago(age, 14), f"{SITE}/blog/lakehouse")
        for n, age in enumerate([15, 45, 75], start=1)
    ],
    # HC13: unsubscribed 100 days ago, careers pages 30 days ago and today, trial and
    # webinar today
    event("HCE1301", "HC13", "Unsubscribe Email", days_ago(100, 8)),
    event("HCE1302", "HC13", "pageview", days_ago(30, 8), f"{SITE}/careers"),
    event("HCE1303", "HC13", "pageview", days_ago(0, 8), f"{SITE}/careers/open-roles"),
    event("HCE1304", "HC13", "form_submission", days_ago(0, 9), f"{SITE}/trial"),
    event("HCE1305", "HC13", "Attend Event", days_ago(0, 10), None, "Data Mesh Live"),
    # HC14: five pricing views today
    *[
        event(f"HCE140{n}", "HC14", "pageview", days_ago(0, 9, n), f"{SITE}/pricing")
        for n in range(1, 6)
    ],
    # HC15: demo, trial and contact request today
    event("HCE1501", "HC15", "meeting_booked", days_ago(0, 9)),
    event("HCE1502", "HC15", "form_submission", days_ago(0, 10), f"{SITE}/trial"),
    event("HCE1503", "HC15", "form_submission", days_ago(0, 11), f"{SITE}/contact"),
    # HC16: demo and webinar 60 days ago, email open 90 days ago, careers page 30 days ago
    event("HCE1601", "HC16", "form_submission", days_ago(60, 9), f"{SITE}/demo"),
    event("HCE1602", "HC16", "Attend Event", days_ago(60, 17), None, "Data Mesh Live"),
    event("HCE1603", "HC16", "Open Email", days_ago(90, 7), campaign="Product Update"),
    event("HCE1604", "HC16", "Visit Web Page", days_ago(30, 12), f"{SITE}/careers"),
    # HC17: meeting booked and pricing page today
    event("HCE1701", "HC17", "meeting_booked", days_ago(0, 9)),
    event("HCE1702", "HC17", "Visit Web Page", days_ago(0, 10), f"{SITE}/pricing"),
    # HC18: webinar at the last second of AS_OF; a demo and a trial after AS_OF
    event("HCE1801", "HC18", "Attend Event", days_ago(0, 23, 59, 59), None, "Data Mesh Live"),
    event("HCE1802", "HC18", "meeting_booked", days_ago(-1, 0, 0, 0)),
    event("HCE1803", "HC18", "form_submission", days_ago(-44, 9), f"{SITE}/trial"),
    # HC19: no events
    # HC20: one email open 200 days ago
    event("HCE2001", "HC20", "Open Email", days_ago(200, 8), campaign="Product Update"),
    # HC21: one email click 28 days ago
    event("HCE2101", "HC21", "Click Email", days_ago(28, 8), f"{SITE}/blog/news"),
    # HC22: demo 100 days ago
    event("HCE2201", "HC22", "form_submission", days_ago(100, 9), f"{SITE}/demo"),
    # HC23: three pricing views 50 days ago
    *[
        event(f"HCE230{n}", "HC23", "pageview", days_ago(50, 9, n), f"{SITE}/pricing")
        for n in range(1, 4)
    ],
    # HC24: demo 15 days ago
    event("HCE2401", "HC24", "form_submission", days_ago(15, 9), f"{SITE}/demo"),
    # HC25: demo 40 days ago, recycled 35 days ago, trial 5 days ago
    event("HCE2501", "HC25", "form_submission", days_ago(40, 9), f"{SITE}/demo"),
    event("HCE2502", "HC25", "form_submission", days_ago(5, 9), f"{SITE}/trial"),
    # HC26: demo 20 days ago, rejected 18 days ago, trial 3 days ago
    event("HCE2601", "HC26", "form_submission", days_ago(20, 9), f"{SITE}/demo"),
    event("HCE2602", "HC26", "form_submission", days_ago(3, 9), f"{SITE}/trial"),
    # HC27: demo 30 days ago, opportunity 25 days ago, trial 2 days ago
    event("HCE2701", "HC27", "form_submission", days_ago(30, 9), f"{SITE}/demo"),
    event("HCE2702", "HC27", "form_submission", days_ago(2, 9), f"{SITE}/trial"),
    # HC28: demo 22 days ago, 10 days before the lead was created
    event("HCE2801", "HC28", "form_submission", days_ago(22, 9), f"{SITE}/demo"),
    # HC29, HC30: demo 17 days ago
    event("HCE2901", "HC29", "form_submission", days_ago(17, 9), f"{SITE}/demo"),
    event("HCE3001", "HC30", "form_submission", days_ago(17, 9), f"{SITE}/demo"),
]

# Sales verdicts and opportunities do not change scores; they end MQL episodes.
SALES_DISPOSITIONS: list[tuple] = [
    ("HCD01", "HC16", "recycled", "No budget this year", days_ago(50, 15)),
    ("HCD02", "HC25", "recycled", "Not now, nurture", days_ago(35, 11)),
    ("HCD03", "HC26", "rejected", "Student project", days_ago(18, 16)),
]

OPPORTUNITIES: list[tuple] = [
    (
        "HCO01",
        "HCA06",
        "HC06",
        days_ago(40, 10),
        "closed_won",
        True,
        days_ago(20, 10),
        Decimal("120000.00"),
    ),
    ("HCO02", "HCA01", "HC27", days_ago(25, 14), "discovery", False, None, Decimal("50000.00")),
]

LEAD_IDS: list[str] = list(dict.fromkeys(lead[0] for lead in LEADS))


def load(con: duckdb.DuckDBPyConnection) -> None:
    """Insert the handcrafted rows into the raw tables, creating them if they do not exist."""
    for statement in RAW_TABLES_DDL:
        con.execute(statement)
    inserts = [
        ("raw.accounts", ACCOUNTS, 10),
        ("raw.leads", LEADS, 10),
        ("raw.marketing_events", EVENTS, 7),
        ("raw.sales_dispositions", SALES_DISPOSITIONS, 5),
        ("raw.opportunities", OPPORTUNITIES, 8),
    ]
    for table, rows, width in inserts:
        if rows:
            placeholders = ", ".join(["?"] * width)
            con.executemany(f"insert into {table} values ({placeholders})", rows)
