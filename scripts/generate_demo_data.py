"""Generate realistic, deterministic B2B marketing demo data into DuckDB (schema ``raw``).

The data set imitates what a marketing-ops team would export from its CRM and marketing
automation tools: accounts, leads, raw marketing events (with a tool migration half-way),
sales dispositions and opportunities.  Outcomes are drawn from a *hidden* propensity that
depends on a latent "fit" (seniority, company size, industry, email type, customer or
competitor status) and on recent high-intent behaviour (pricing views, demo/trial/contact
requests, webinar attendance).  A good lead-scoring definition is therefore measurably
predictive, while a bad one (email opens, careers page views) is not.  The latent fit is
never written anywhere.

Everything is generated set-wise in DuckDB SQL, in batches of leads, so the script scales to
millions of leads and hundreds of millions of events with bounded memory.  Randomness never
comes from ``random()``: every random number is a hash of (seed, entity key, salt), which makes
the output identical for identical arguments regardless of thread scheduling.

Usage::

    python scripts/generate_demo_data.py --leads 20000 --end-date 2026-11-01
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
from tqdm import tqdm

DEFAULT_DATABASE = "warehouse/mql.duckdb"
SITE = "https://www.acmecloud.io"

EVENT_WINDOW_DAYS = 548  # events cover ~18 months before the end date
LEAD_HISTORY_DAYS = 730  # leads are created over ~2 years before the end date
ACCOUNT_HISTORY_DAYS = 1500
MIGRATION_DAYS_BEFORE_END = 200  # tool A names before, tool B names on/after
EPOCH = dt.date(1970, 1, 1)
SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY
EMAIL_SEND_HOUR_UTC = 15  # weekly marketing sends go out Tuesdays ~10am US Eastern

# Event keys are lead_num * 1e6 + slot * 1e5 + idx, which keeps event ids unique and
# stable.  Slots: 0 lead-creation form, 1 campaign opens, 2 campaign clicks/replies,
# 3 unsubscribe/bounce, 5..7 bursts 1..3, 9 unmapped noise events.
EVENT_KEY_LEAD = 1_000_000
EVENT_KEY_SLOT = 100_000
MAX_EVENTS_PER_SLOT = EVENT_KEY_SLOT - 1
BURST_SLOT_OFFSET = 4
NOISE_SLOT = 9
NOISE_EVENT_RATE = 0.002

# Events-per-lead calibration: about a quarter of the events are campaign email
# opens/clicks (see open_rate in chunk_leads_sql), the rest come from bursts.  Tuned
# empirically so that the realised mean matches --events-per-lead (both scale with it).
BURST_EVENTS_BASE = 33.0

# --- Hidden propensity (outcome model) -------------------------------------------------
# P(sales gets involved after a burst) = sigmoid(A * fit + B * high_intent_actions - C).
INVOLVE_FIT = 1.3
INVOLVE_INTENT = 0.55
INVOLVE_BIAS = 3.2
# Why sales passes on a decent lead ('unknown': logged without a reason).
OTHER_REJECTION_REASONS = [
    ("'bad timing'", 0.40),
    ("'no response'", 0.35),
    ("'no budget'", 0.15),
    ("'unknown'", 0.10),
]
# Explicit requests (demo, contact, trial) are followed up at least this often.
HAND_RAISE_FOLLOW_UP = 0.5
# Small rate of sales touches unrelated to intent (outbound prospecting, list imports).
NOISE_TOUCH_BIAS = 4.6

# --- Internal action codes (mapped to source-system event names on insert) -------------
PAGE, BLOG, DOCS, PRICING, CAREERS = 1, 2, 3, 4, 5
EMAIL_OPEN, EMAIL_CLICK, EMAIL_REPLY = 6, 7, 8
DEMO, CONTACT, TRIAL = 9, 10, 11
WEBINAR_REGISTER, WEBINAR_ATTEND, CONTENT_DOWNLOAD, NEWSLETTER_SIGNUP = 12, 13, 14, 15
UNSUBSCRIBE, BOUNCE, NOISE = 16, 17, 18
ALL_ACTIONS = range(PAGE, NOISE + 1)
HIGH_INTENT_ACTIONS = (PRICING, DEMO, CONTACT, TRIAL, WEBINAR_ATTEND)
HAND_RAISES = (DEMO, CONTACT, TRIAL)
EMAIL_ACTIONS = (EMAIL_OPEN, EMAIL_CLICK, EMAIL_REPLY)

# Burst kinds: what a lead is doing during a burst of activity.
RESEARCH, BUYING, JOB_SEEKING, COMPETITIVE_INTEL, CUSTOMER_USAGE = 1, 2, 3, 4, 5

# High-intent actions are planned per burst (n_intent, see chunk_bursts_sql) and drawn
# from HIGH_INTENT_MIX, so how many a lead performs does not depend on --events-per-lead.
# Buying bursts get several; other bursts occasionally one or two (a student signing up for
# a trial, a competitor checking prices).  Weights are normalised.
HIGH_INTENT_MIX = {
    BUYING: [(PRICING, 0.44), (DEMO, 0.14), (TRIAL, 0.12), (CONTACT, 0.08), (WEBINAR_ATTEND, 0.22)],
    RESEARCH: [(PRICING, 0.75), (TRIAL, 0.08), (WEBINAR_ATTEND, 0.15), (DEMO, 0.02)],
    JOB_SEEKING: [(PRICING, 0.45), (TRIAL, 0.45), (WEBINAR_ATTEND, 0.10)],
    COMPETITIVE_INTEL: [(PRICING, 0.80), (WEBINAR_ATTEND, 0.12), (TRIAL, 0.08)],
    CUSTOMER_USAGE: [(PRICING, 0.35), (CONTACT, 0.30), (WEBINAR_ATTEND, 0.35)],
}
# Chance that a non-buying burst contains any high-intent action at all.
INCIDENTAL_INTENT = {RESEARCH: 0.22, JOB_SEEKING: 0.12, COMPETITIVE_INTEL: 0.9, CUSTOMER_USAGE: 0.3}
# Everything else a lead does in a burst, by burst kind (weights are normalised).
BURST_ACTION_MIX = {
    # Email opens are mostly campaign background noise (see `opens` in insert_events_sql);
    # within bursts people arrive via clicks, so opens and careers views carry no signal.
    RESEARCH: [
        (PAGE, 0.34),
        (BLOG, 0.24),
        (DOCS, 0.12),
        (EMAIL_OPEN, 0.03),
        (EMAIL_CLICK, 0.07),
        (CONTENT_DOWNLOAD, 0.10),
        (WEBINAR_REGISTER, 0.015),
        (CAREERS, 0.001),
        (NEWSLETTER_SIGNUP, 0.015),
    ],
    BUYING: [
        (PAGE, 0.38),
        (DOCS, 0.20),
        (BLOG, 0.09),
        (EMAIL_OPEN, 0.02),
        (EMAIL_CLICK, 0.07),
        (CONTENT_DOWNLOAD, 0.12),
        (WEBINAR_REGISTER, 0.03),
        (CAREERS, 0.001),
        (EMAIL_REPLY, 0.01),
    ],
    JOB_SEEKING: [
        (CAREERS, 0.45),
        (PAGE, 0.18),
        (BLOG, 0.17),
        (EMAIL_OPEN, 0.12),
        (EMAIL_CLICK, 0.04),
        (CONTENT_DOWNLOAD, 0.02),
        (NEWSLETTER_SIGNUP, 0.015),
    ],
    COMPETITIVE_INTEL: [
        (PAGE, 0.38),
        (DOCS, 0.24),
        (BLOG, 0.14),
        (CONTENT_DOWNLOAD, 0.12),
        (WEBINAR_REGISTER, 0.05),
        (EMAIL_OPEN, 0.03),
    ],
    CUSTOMER_USAGE: [
        (DOCS, 0.42),
        (PAGE, 0.19),
        (BLOG, 0.10),
        (EMAIL_OPEN, 0.13),
        (EMAIL_CLICK, 0.07),
        (WEBINAR_REGISTER, 0.05),
    ],
}

# --- Reference lists --------------------------------------------------------------------
# (industry, share of accounts, fit contribution, revenue per employee, name suffixes)
INDUSTRIES: list[tuple[str, float, float, int, list[str]]] = [
    (
        "software",
        0.30,
        0.6,
        210_000,
        ["Software", "Labs", "Systems", "Cloud", "Analytics", "Technologies", "AI", "Data"],
    ),
    (
        "financial services",
        0.12,
        0.5,
        320_000,
        ["Capital", "Financial", "Bank", "Insurance", "Investments", "Payments", "Wealth"],
    ),
    (
        "healthcare",
        0.10,
        0.2,
        160_000,
        ["Health", "Medical", "Care", "Clinics", "Pharma", "Bio", "Diagnostics"],
    ),
    (
        "manufacturing",
        0.10,
        0.1,
        190_000,
        ["Manufacturing", "Industries", "Engineering", "Components", "Materials", "Robotics"],
    ),
    ("retail", 0.08, 0.0, 120_000, ["Retail", "Stores", "Brands", "Outfitters", "Market", "Goods"]),
    (
        "education",
        0.06,
        -0.4,
        80_000,
        ["Learning", "Academy", "Education", "Institute", "College"],
    ),
    (
        "government",
        0.04,
        -0.3,
        100_000,
        ["Council", "Public Services", "Transit Authority", "Housing Authority", "Agency"],
    ),
    ("media", 0.05, 0.0, 170_000, ["Media", "Studios", "Publishing", "Entertainment", "Network"]),
    ("logistics", 0.06, 0.1, 150_000, ["Logistics", "Freight", "Shipping", "Transport", "Supply"]),
    ("other", 0.09, -0.2, 140_000, ["Group", "Consulting", "Holdings", "Services", "Energy"]),
]
SOFTWARE = 1  # 1-based index of "software" in INDUSTRIES

# (ISO code, share of accounts, UTC offset in hours, domain TLDs, legal-entity suffixes)
COUNTRIES: list[tuple[str, float, float, list[str], list[str]]] = [
    ("US", 0.42, -6.0, [".com"], [" Inc.", " LLC", " Corp."]),
    ("GB", 0.10, 0.0, [".co.uk", ".com"], [" Ltd"]),
    ("DE", 0.09, 1.0, [".de", ".com"], [" GmbH", " AG"]),
    ("FR", 0.05, 1.0, [".fr", ".com"], [" SAS", " SA"]),
    ("NL", 0.04, 1.0, [".nl", ".com"], [" B.V."]),
    ("CA", 0.05, -5.0, [".ca", ".com"], [" Inc."]),
    ("AU", 0.03, 10.0, [".com.au", ".com"], [" Pty Ltd"]),
    ("IN", 0.05, 5.5, [".in", ".com"], [" Pvt Ltd"]),
    ("SE", 0.02, 1.0, [".se", ".com"], [" AB"]),
    ("ES", 0.02, 1.0, [".es", ".com"], [" S.L."]),
    ("IT", 0.02, 1.0, [".it", ".com"], [" S.p.A."]),
    ("BR", 0.02, -3.0, [".com.br", ".com"], [" Ltda"]),
    ("JP", 0.015, 9.0, [".co.jp", ".com"], [" K.K."]),
    ("SG", 0.015, 8.0, [".sg", ".com"], [" Pte Ltd"]),
    ("CH", 0.015, 1.0, [".ch", ".com"], [" AG"]),
    ("PL", 0.015, 1.0, [".pl", ".com"], [" Sp. z o.o."]),
    ("IE", 0.01, 0.0, [".ie", ".com"], [" Ltd"]),
    ("DK", 0.01, 1.0, [".dk", ".com"], [" A/S"]),
    ("BE", 0.01, 1.0, [".be", ".com"], [" NV"]),
    ("IL", 0.01, 2.0, [".co.il", ".com"], [" Ltd"]),
]

# (domain, share of free-mail leads, country or None for "any")
FREE_MAIL_DOMAINS: list[tuple[str, float, str | None]] = [
    ("gmail.com", 0.45, None),
    ("yahoo.com", 0.09, None),
    ("hotmail.com", 0.09, None),
    ("outlook.com", 0.10, None),
    ("icloud.com", 0.07, None),
    ("gmx.de", 0.05, "DE"),
    ("web.de", 0.04, "DE"),
    ("yahoo.co.uk", 0.04, "GB"),
    ("proton.me", 0.04, None),
    ("aol.com", 0.03, None),
]

# Student addresses stay recognisable: *.edu, *.ac.uk or student.*
UNIVERSITY_DOMAINS: list[tuple[str, str]] = [
    ("stanford.edu", "US"),
    ("mit.edu", "US"),
    ("berkeley.edu", "US"),
    ("umich.edu", "US"),
    ("cmu.edu", "US"),
    ("nyu.edu", "US"),
    ("utexas.edu", "US"),
    ("gatech.edu", "US"),
    ("ox.ac.uk", "GB"),
    ("cam.ac.uk", "GB"),
    ("ucl.ac.uk", "GB"),
    ("imperial.ac.uk", "GB"),
    ("ed.ac.uk", "GB"),
    ("student.uva.nl", "NL"),
    ("student.tudelft.nl", "NL"),
    ("student.kuleuven.be", "BE"),
    ("student.lu.se", "SE"),
    ("student.dtu.dk", "DK"),
    ("student.unimelb.edu.au", "AU"),
]

FIRST_NAMES = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
    "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
    "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Emily", "Matthew", "Nancy", "Anthony",
    "Lisa", "Mark", "Ashley", "Steven", "Michelle", "Andrew", "Amanda", "Kevin", "Melissa",
    "Brian", "Stephanie", "Ryan", "Rebecca", "Jason", "Laura", "Eric", "Rachel", "Priya",
    "Rahul", "Ananya", "Arjun", "Wei", "Mei", "Hiroshi", "Yuki", "Mohammed", "Fatima",
    "Omar", "Leila", "Lars", "Ingrid", "Henrik", "Astrid", "Pieter", "Sanne", "Jan",
    "Anna", "Lukas", "Lena", "Felix", "Sophie", "Julien", "Camille", "Marco", "Giulia",
    "Pablo", "Lucía", "José", "María", "Zoë", "Chloé", "Łukasz", "Agnieszka", "Søren",
    "Bjørn", "Jürgen", "Björn", "Renée", "François", "Noémie", "Ólafur", "Siobhán",
    "Seán", "Tomás", "Aoife", "Liam", "Olivia", "Noah", "Emma", "Mateo", "Isabela", "Kofi",
    "Amara", "Dmitri", "Olga", "Ahmet", "Elif", "Nguyen", "Linh", "Carlos", "Gabriela",
]  # fmt: skip
LAST_NAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas",
    "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Scott", "Green",
    "Baker", "Adams", "Nelson", "Patel", "Shah", "Singh", "Kumar", "Chen", "Wang", "Li",
    "Zhang", "Tanaka", "Suzuki", "Kim", "Park", "Nguyen", "Khan", "Ali", "Hassan",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Schäfer", "Köhler",
    "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Dubois", "Lefèvre", "Moreau",
    "Rossi", "Russo", "Bianchi", "Fernández", "González", "Pérez", "Sánchez", "Nowak",
    "Kowalski", "Wiśniewski", "Lewandowski", "Andersen", "Nielsen", "Søndergaard",
    "Johansson", "Lindqvist", "Ström", "O'Brien", "O'Connor", "Murphy", "Kelly",
    "MacDonald", "Yılmaz", "Öztürk", "Ivanov", "Petrov", "Silva", "Santos", "Oliveira",  # noqa: RUF001
    "Costa", "Okafor", "Mensah", "Cohen", "Levi",
]  # fmt: skip
COMPANY_ADJECTIVES = [
    "Blue", "North", "South", "East", "West", "Red", "Green", "Silver", "Golden", "Iron",
    "Bright", "Clear", "Swift", "True", "Prime", "Grand", "High", "New", "Royal", "Great",
    "First", "Open", "Bold", "Quiet", "Wild", "Deep", "Coastal", "Pacific", "Atlantic",
    "Alpine", "Northern", "Urban", "Rapid", "Solid", "Crystal", "Copper", "Granite",
    "Cobalt", "Amber", "Crimson", "Evergreen", "Silverline", "Blackstone", "Westfield",
]  # fmt: skip
COMPANY_NOUNS = [
    "Harbor", "Summit", "Ridge", "River", "Stone", "Pine", "Oak", "Falcon", "Atlas",
    "Beacon", "Bridge", "Canyon", "Cedar", "Comet", "Crest", "Delta", "Ember", "Field",
    "Forge", "Frontier", "Gate", "Grove", "Haven", "Horizon", "Lake", "Lantern", "Ledger",
    "Meadow", "Mesa", "Nova", "Orbit", "Peak", "Pillar", "Point", "Prairie", "Quarry",
    "Sail", "Shore", "Signal", "Spring", "Star", "Stream", "Tide", "Tower", "Trail",
    "Valley", "Vista", "Wave", "Willow", "Anchor", "Arrow", "Birch", "Harvest", "Meridian",
    "Keystone", "Northwind", "Zenith", "Vantage", "Pinnacle", "Lumina", "Quantix",
    "Veridian", "Nexus", "Solstice", "Tandem", "Verity", "Arcadia", "Brightline",
    "Cascade", "Sterling", "Paragon", "Ironwood", "Bluebird", "Redwood", "Everest",
]  # fmt: skip

# (prefix, suffix) for the 2nd, 3rd, ... company with the same domain label and TLD.
# No name word starts or ends with these (checked in check_reference_lists), so domains
# stay unique; beyond these variants a number is appended.
DOMAIN_VARIANTS = [
    ("", "hq"),
    ("get", ""),
    ("", "inc"),
    ("the", ""),
    ("", "global"),
    ("try", ""),
    ("", "online"),
    ("", "app"),
    ("", "team"),
]

# Seniority codes: 0 unknown (NULL title), 1 C-level, 2 VP, 3 head/director, 4 manager,
# 5 individual contributor, 6 consultant/freelancer, 7 student/intern.
SENIORITY_FIT = [-0.3, 0.9, 0.9, 0.7, 0.3, -0.1, -0.4, -1.5]  # indexed by code
# (title, function) per seniority code 1..7
TITLES: list[list[tuple[str, str]]] = [
    [
        ("Chief Technology Officer", "engineering"),
        ("CTO", "engineering"),
        ("CEO", "operations"),
        ("Chief Executive Officer", "operations"),
        ("Founder & CEO", "operations"),
        ("Co-Founder", "operations"),
        ("CFO", "finance"),
        ("Chief Financial Officer", "finance"),
        ("Chief Marketing Officer", "marketing"),
        ("CMO", "marketing"),
        ("Chief Information Officer", "it"),
        ("CIO", "it"),
        ("Chief Data Officer", "data"),
        ("Chief Revenue Officer", "sales"),
        ("COO", "operations"),
        ("Chief People Officer", "hr"),
    ],
    [
        ("VP of Engineering", "engineering"),
        ("VP Engineering", "engineering"),
        ("SVP, Technology", "engineering"),
        ("VP of IT", "it"),
        ("VP Infrastructure", "it"),
        ("VP Data & Analytics", "data"),
        ("VP of Marketing", "marketing"),
        ("Vice President, Sales", "sales"),
        ("VP Sales EMEA", "sales"),
        ("VP Finance", "finance"),
        ("VP of Operations", "operations"),
        ("VP People", "hr"),
    ],
    [
        ("Director of IT", "it"),
        ("IT Director", "it"),
        ("Head of Security", "it"),
        ("Head of Data", "data"),
        ("Director of Data Engineering", "data"),
        ("Head of Analytics", "data"),
        ("Director of Business Intelligence", "data"),
        ("Head of Engineering", "engineering"),
        ("Director, Platform Engineering", "engineering"),
        ("Director of Marketing", "marketing"),
        ("Head of Growth", "marketing"),
        ("Director of Sales", "sales"),
        ("Head of Sales Operations", "sales"),
        ("Finance Director", "finance"),
        ("Head of Operations", "operations"),
        ("Director of HR", "hr"),
    ],
    [
        ("Engineering Manager", "engineering"),
        ("Product Manager", "engineering"),
        ("IT Manager", "it"),
        ("IT Operations Manager", "it"),
        ("Data Engineering Manager", "data"),
        ("Analytics Manager", "data"),
        ("Marketing Manager", "marketing"),
        ("Product Marketing Manager", "marketing"),
        ("Demand Generation Manager", "marketing"),
        ("Sales Manager", "sales"),
        ("Finance Manager", "finance"),
        ("Operations Manager", "operations"),
        ("Project Manager", "operations"),
        ("HR Manager", "hr"),
    ],
    [
        ("Senior Software Engineer", "engineering"),
        ("Software Engineer", "engineering"),
        ("DevOps Engineer", "engineering"),
        ("Site Reliability Engineer", "engineering"),
        ("Solutions Architect", "engineering"),
        ("Data Engineer", "data"),
        ("Senior Data Engineer", "data"),
        ("Data Analyst", "data"),
        ("Data Scientist", "data"),
        ("Analytics Engineer", "data"),
        ("BI Developer", "data"),
        ("Systems Administrator", "it"),
        ("Cloud Architect", "it"),
        ("Network Engineer", "it"),
        ("Database Administrator", "it"),
        ("Account Executive", "sales"),
        ("Sales Development Representative", "sales"),
        ("Marketing Specialist", "marketing"),
        ("Content Marketer", "marketing"),
        ("Financial Analyst", "finance"),
        ("Accountant", "finance"),
        ("Operations Analyst", "operations"),
        ("Business Analyst", "operations"),
        ("HR Generalist", "hr"),
        ("Recruiter", "hr"),
    ],
    [
        ("Consultant", "other"),
        ("Senior Consultant", "other"),
        ("Independent Consultant", "other"),
        ("Freelancer", "other"),
        ("Freelance Developer", "engineering"),
        ("Data Consultant", "data"),
        ("Technology Advisor", "it"),
    ],
    [
        ("Student", "other"),
        ("Intern", "other"),
        ("PhD Candidate", "other"),
        ("Graduate Student", "other"),
        ("MSc Student", "other"),
        ("Research Assistant", "other"),
        ("Software Engineering Intern", "engineering"),
        ("Data Science Intern", "data"),
    ],
]
FUNCTION_FIT = {
    "data": 0.4,
    "engineering": 0.3,
    "it": 0.3,
    "operations": 0.0,
    "finance": 0.0,
    "marketing": -0.1,
    "sales": -0.2,
    "hr": -0.5,
    "other": -0.1,
}
# Seniority mix (codes 1..7) by population.
SENIORITY_MIX = {
    "student": [0, 0, 0, 0, 0.08, 0.02, 0.90],
    "free": [0.04, 0.02, 0.06, 0.15, 0.43, 0.22, 0.08],
    "small_company": [0.16, 0.06, 0.10, 0.18, 0.42, 0.05, 0.03],
    "company": [0.04, 0.06, 0.13, 0.23, 0.48, 0.03, 0.03],
}

# (lead source, share, fit contribution)
LEAD_SOURCES: list[tuple[str, float, float]] = [
    ("organic_search", 0.26, 0.0),
    ("paid_search", 0.14, 0.0),
    ("paid_social", 0.12, -0.1),
    ("webinar", 0.10, 0.1),
    ("content_syndication", 0.10, -0.3),
    ("trade_show", 0.07, 0.0),
    ("referral", 0.06, 0.3),
    ("partner", 0.05, 0.2),
    ("direct", 0.10, 0.1),
]

GENERIC_PAGES = ["/", "/", "/product", "/product", "/product/integrations"]
GENERIC_PAGES += ["/product/security", "/customers", "/"]
PRICING_PAGES = ["/pricing", "/pricing", "/pricing", "/pricing/enterprise"]
BLOG_SLUGS = [
    "what-is-a-data-lakehouse",
    "dbt-best-practices",
    "reducing-cloud-warehouse-costs",
    "soc2-compliance-checklist",
    "how-northwind-cut-reporting-time",
    "reverse-etl-explained",
    "data-contracts-101",
    "choosing-a-cdp",
    "incident-postmortem-template",
    "ai-ready-data-platform",
    "real-time-analytics-patterns",
    "migrating-from-hadoop",
]
DOCS_PAGES = [
    "getting-started",
    "quickstart",
    "api-reference",
    "sso-setup",
    "connectors/postgres",
    "connectors/salesforce",
    "connectors/snowflake",
    "security/encryption",
    "pricing-faq",
    "release-notes",
]
CAREER_ROLES = [
    "senior-backend-engineer",
    "account-executive-emea",
    "product-designer",
    "data-engineering-intern",
    "customer-success-manager",
    "sales-development-representative",
    "staff-data-scientist",
]
# Resource titles may contain {year}; it is replaced by the year of the event.
RESOURCES = [
    "State of Data Engineering {year} (report)",
    "Security Buyer Guide",
    "Cloud Cost Benchmark {year}",
    "Data Platform RFP Template",
    "The CFO Guide to Data ROI (ebook)",
    "Migrating from On-Prem: A Checklist",
    "Data Governance Playbook",
    "Customer 360 Reference Architecture (whitepaper)",
    "Modern Analytics Stack (ebook)",
    "Total Economic Impact Study",
]
WEBINARS = [
    "Live Demo: AcmeCloud in 30 Minutes",
    "Building a Data Mesh with AcmeCloud",
    "Securing Your Data Platform",
    "Cost Optimization Office Hours",
    "Customer Panel: Scaling Analytics",
    "What's New in AcmeCloud {year}",
    "From Spreadsheets to Self-Serve BI",
    "AI Readiness Workshop",
]
UTM_QUERIES = [
    "?utm_source=linkedin&utm_campaign=q3",
    "?utm_source=google&utm_medium=cpc&utm_campaign=brand",
    "?utm_source=google&utm_medium=cpc&utm_campaign=data-platform",
    "?utm_source=g2&utm_medium=referral",
    "?utm_source=newsletter",
    "?utm_source=linkedin&utm_medium=paid_social&utm_campaign=abm",
]
# Weekly sends rotate through these types; the name is '<YYYY-MM> <type>'.
CAMPAIGN_TYPES = ["Product Newsletter", "Webinar Invite", "Customer Story", "Product Update"]

RAW_TABLES_DDL = """
CREATE SCHEMA IF NOT EXISTS raw;
DROP TABLE IF EXISTS raw.accounts;
DROP TABLE IF EXISTS raw.leads;
DROP TABLE IF EXISTS raw.marketing_events;
DROP TABLE IF EXISTS raw.sales_dispositions;
DROP TABLE IF EXISTS raw.opportunities;
CREATE TABLE raw.accounts (
    account_id VARCHAR, name VARCHAR, domain VARCHAR, industry VARCHAR,
    employee_count INTEGER, annual_revenue DECIMAL(18, 2), country VARCHAR,
    is_customer BOOLEAN, is_competitor BOOLEAN, created_at TIMESTAMP
);
CREATE TABLE raw.leads (
    lead_id VARCHAR, account_id VARCHAR, email VARCHAR, first_name VARCHAR,
    last_name VARCHAR, job_title VARCHAR, country VARCHAR, lead_source VARCHAR,
    created_at TIMESTAMP, updated_at TIMESTAMP
);
CREATE TABLE raw.marketing_events (
    event_id VARCHAR, lead_id VARCHAR, event_type VARCHAR, occurred_at TIMESTAMP,
    url VARCHAR, asset_name VARCHAR, campaign VARCHAR
);
CREATE TABLE raw.sales_dispositions (
    disposition_id VARCHAR, lead_id VARCHAR, disposition VARCHAR, reason VARCHAR,
    occurred_at TIMESTAMP
);
CREATE TABLE raw.opportunities (
    opportunity_id VARCHAR, account_id VARCHAR, lead_id VARCHAR, created_at TIMESTAMP,
    stage VARCHAR, is_won BOOLEAN, closed_at TIMESTAMP, amount DECIMAL(18, 2)
);
"""
RAW_TABLES = ["accounts", "leads", "marketing_events", "sales_dispositions", "opportunities"]


# --- SQL building helpers ---------------------------------------------------------------
def sql_str(value: str | None) -> str:
    """Quote a Python string as a SQL literal."""
    if value is None:
        return "NULL"
    return "'" + value.replace("'", "''") + "'"


def sql_list(values: Sequence[object]) -> str:
    """Render a (nested) Python list of str/float/int as a DuckDB list literal."""
    items = []
    for value in values:
        if isinstance(value, (list, tuple)):
            items.append(sql_list(value))
        elif isinstance(value, str) or value is None:
            items.append(sql_str(value))
        else:
            items.append(repr(value))
    return "[" + ", ".join(items) + "]"


def weighted_case(u_col: str, choices: Sequence[tuple[object, float]]) -> str:
    """CASE expression mapping a uniform column to a choice with the given weights.

    ``u_col`` must be a plain column reference: it is repeated in every branch.
    """
    total = sum(weight for _, weight in choices)
    branches, cumulative = [], 0.0
    for value, weight in choices[:-1]:
        cumulative += weight / total
        branches.append(f"WHEN {u_col} < {cumulative:.6f} THEN {value}")
    return f"(CASE {' '.join(branches)} ELSE {choices[-1][0]} END)"


def weighted_index(u_col: str, weights: Sequence[float]) -> str:
    """1-based index into ``weights`` drawn by a uniform column."""
    return weighted_case(u_col, [(i + 1, w) for i, w in enumerate(weights) if w > 0])


def pick_index(u_col: str, size: int) -> str:
    """Uniform 1-based index for a list of ``size`` elements."""
    return f"(1 + floor({u_col} * {size})::INTEGER)"


def grouped_index(group_col: str, u_col: str, groups: Sequence[Sequence[object]]) -> str:
    """1-based index into ``flatten(groups)`` of a uniform pick within group ``group_col``.

    Flat lists with offsets are much cheaper in DuckDB than indexing nested list literals.
    """
    offsets, counts, offset = [], [], 0
    for group in groups:
        offsets.append(offset)
        counts.append(len(group))
        offset += len(group)
    return (
        f"({sql_list(offsets)}[{group_col}] + 1 "
        f"+ floor({u_col} * {sql_list(counts)}[{group_col}])::INTEGER)"
    )


def flatten(groups: Sequence[Sequence[object]]) -> list[object]:
    return [item for group in groups for item in group]


def in_list(values: Sequence[int]) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


# Letters that Unicode decomposition does not reduce to ASCII.
TRANSLITERATION = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "\u0131": "i", "đ": "d"}
)


def ascii_slug(text: str, sep: str = "") -> str:
    """ASCII-only slug: 'Søren' -> 'soren', "O'Brien" -> 'obrien'.

    With ``sep='-'`` words are kept apart: 'Data ROI (ebook)' -> 'data-roi-ebook'.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(TRANSLITERATION)).lower()
    words, word = [], []
    for ch in decomposed:
        if ch.isascii() and ch.isalnum():
            word.append(ch)
        elif sep and ch != "'" and not unicodedata.combining(ch):
            words.append("".join(word))
            word = []
    words.append("".join(word))
    return sep.join(w for w in words if w)


@dataclass(frozen=True)
class Params:
    """Derived generation parameters (all times as seconds since the Unix epoch, UTC)."""

    accounts: int
    events_scale: float  # --events-per-lead / 50
    end_day: int  # days since epoch of the end date

    @property
    def end_sec(self) -> int:
        return (self.end_day + 1) * SECONDS_PER_DAY - 1

    @property
    def window_start_sec(self) -> int:
        return (self.end_day - EVENT_WINDOW_DAYS) * SECONDS_PER_DAY

    @property
    def migration_sec(self) -> int:
        return (self.end_day - MIGRATION_DAYS_BEFORE_END) * SECONDS_PER_DAY

    @property
    def send_epoch_day(self) -> int:
        """A Tuesday four weeks before the event window: week 0 of the send calendar."""
        start = self.end_day - EVENT_WINDOW_DAYS - 28
        return start - ((start + 4 - 2) % 7)  # day 0 (1970-01-01) was a Thursday

    @property
    def send_epoch_sec(self) -> int:
        return self.send_epoch_day * SECONDS_PER_DAY + EMAIL_SEND_HOUR_UTC * 3600

    @property
    def n_sends(self) -> int:
        return (self.end_sec - self.send_epoch_sec) // SECONDS_PER_WEEK + 1


# --- Session setup ----------------------------------------------------------------------
def connect(database: str) -> duckdb.DuckDBPyConnection:
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(database)
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET memory_limit = '4GB'")
    con.execute("SET preserve_insertion_order = false")
    return con


def create_macros(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    """Deterministic random helpers: every number is a hash of (seed, key, salt)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP MACRO u(id, salt) AS
            (hash({int(seed)}::BIGINT, id::BIGINT, salt::VARCHAR) % 1000000007) / 1000000007.0;
        -- Box-Muller standard normal from two independent uniforms.
        CREATE OR REPLACE TEMP MACRO nrm(id, salt) AS
            sqrt(-2.0 * ln(1.0 - u(id, salt || '#1'))) * cos(2.0 * pi() * u(id, salt || '#2'));
        CREATE OR REPLACE TEMP MACRO sigmoid(x) AS 1.0 / (1.0 + exp(-(x)));
        CREATE OR REPLACE TEMP MACRO ts(sec) AS make_timestamp((sec)::BIGINT * 1000000);
        -- Day number -> day of week, 0 = Sunday (1970-01-01 was a Thursday).
        CREATE OR REPLACE TEMP MACRO dow(day) AS (day + 4) % 7;
        -- Business-hours-heavy time of day in seconds, converted from local time to UTC.
        -- Arguments must be plain columns (they are repeated).
        CREATE OR REPLACE TEMP MACRO tod_sec(ua, ub, uc, tz) AS (CASE
            WHEN ua < 0.82 THEN round((least(greatest(
                13.0 + 2.4 * sqrt(-2.0 * ln(1.0 - ub)) * cos(2.0 * pi() * uc), 6.5), 21.5)
                - tz) * 3600)
            ELSE floor(ub * 86400) - round(tz * 3600) END)::BIGINT;
        -- B2B traffic is light at weekends: move 75% of weekend activity to a nearby
        -- weekday (Saturday -> Fri/Mon/Thu/Tue/Wed, Sunday -> Mon/Fri/Tue/Thu/Wed).
        CREATE OR REPLACE TEMP MACRO weekday_shift(day, uw) AS day + (CASE
            WHEN uw >= 0.75 THEN 0
            WHEN dow(day) = 6 THEN [-1, 2, -2, 3, -3][1 + floor(uw / 0.15)::INTEGER]
            WHEN dow(day) = 0 THEN [1, -2, 2, -3, 3][1 + floor(uw / 0.15)::INTEGER]
            ELSE 0 END);
    """)


def create_lookups(con: duckdb.DuckDBPyConnection, p: Params) -> None:
    """Small lookup tables: countries (by code) and the weekly email-send calendar."""
    country_rows = ", ".join(
        f"({sql_str(code)}, {tz}, {sql_list(tlds)}, {sql_list(legal)})"
        for code, _, tz, tlds, legal in COUNTRIES
    )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE countries AS
        SELECT * FROM (VALUES {country_rows}) AS t(code, tz, tlds, legal_suffixes)
    """)
    campaign_rows = []
    for k in range(p.n_sends):
        send_day = EPOCH + dt.timedelta(days=p.send_epoch_day + 7 * k)
        kind = CAMPAIGN_TYPES[k % len(CAMPAIGN_TYPES)]
        name = f"{send_day:%Y-%m} {kind}"
        utm = "?utm_source=email&utm_medium=email&utm_campaign=" + name.lower().replace(" ", "-")
        path = {
            "Product Newsletter": f"/blog/{BLOG_SLUGS[k % len(BLOG_SLUGS)]}",
            "Webinar Invite": "/webinars/{webinar}/register",
            "Customer Story": "/customers",
            "Product Update": "/product/integrations",
        }[kind]
        webinar = WEBINARS[k % len(WEBINARS)].replace("{year}", str(send_day.year))
        path = path.replace("{webinar}", ascii_slug(webinar, "-"))
        campaign_rows.append(f"({k}, {sql_str(name)}, {sql_str(SITE + path + utm)})")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE campaigns AS
        SELECT * FROM (VALUES {", ".join(campaign_rows)}) AS t(send_k, campaign, click_url)
    """)


# --- Accounts ---------------------------------------------------------------------------
def accounts_sql(p: Params) -> str:
    """Internal accounts table (with lead-assignment weights); raw.accounts is written last."""
    industry_names = [name for name, *_ in INDUSTRIES]
    revenue_per_emp = [rev for _, _, _, rev, _ in INDUSTRIES]
    suffixes = [sfx for *_, sfx in INDUSTRIES]
    suffix_slugs = [ascii_slug(x) for x in flatten(suffixes)]
    adjective_slugs = [ascii_slug(x) for x in COMPANY_ADJECTIVES]
    noun_slugs = [ascii_slug(x) for x in COMPANY_NOUNS]
    surname_slugs = [ascii_slug(x) for x in LAST_NAMES]
    countries = [code for code, *_ in COUNTRIES]
    return f"""
    CREATE OR REPLACE TEMP TABLE gen_accounts AS
    WITH ids AS MATERIALIZED (
        -- range() is a single-threaded source; a materialised CTE is scanned in parallel.
        SELECT a FROM range(1, {p.accounts + 1}) AS r(a)
    ),
    draws AS (
        SELECT a AS account_num,
            u(a, 'acc_industry') AS u_ind, u(a, 'acc_country') AS u_cty,
            u(a, 'acc_customer') AS u_cust, u(a, 'acc_competitor') AS u_comp,
            nrm(a, 'acc_size') AS z_size, nrm(a, 'acc_revenue') AS z_rev,
            u(a, 'acc_style') AS u_style, u(a, 'acc_adj') AS u_adj, u(a, 'acc_noun') AS u_noun,
            u(a, 'acc_sur1') AS u_sur1, u(a, 'acc_sur2') AS u_sur2, u(a, 'acc_sfx') AS u_sfx,
            u(a, 'acc_legal') AS u_legal, u(a, 'acc_tld') AS u_tld,
            u(a, 'acc_dom') AS u_dom, u(a, 'acc_created') AS u_created
        FROM ids
    ),
    attrs AS (
        SELECT *,
            {weighted_index("u_ind", [w for _, w, *_ in INDUSTRIES])} AS industry_idx,
            {sql_list(countries)}[{weighted_index("u_cty", [w for _, w, *_ in COUNTRIES])}]
                AS country,
            u_cust < 0.05 AS is_customer
        FROM draws
    ),
    shaped AS (
        SELECT *,
            -- Only software vendors compete with us (~1% of all accounts).
            industry_idx = {SOFTWARE} AND NOT is_customer AND u_comp < 0.034 AS is_competitor,
            -- Heavy-tailed company size: log-normal, median ~50, customers skew larger.
            least(greatest(round(exp(ln(50) + 2.2 * z_size
                + CASE WHEN is_customer THEN 0.8 ELSE 0 END)), 1), 400000)::INTEGER
                AS employee_count,
            {grouped_index("industry_idx", "u_sfx", suffixes)} AS sfx_i,
            {pick_index("u_adj", len(COMPANY_ADJECTIVES))} AS adj_i,
            {pick_index("u_noun", len(COMPANY_NOUNS))} AS noun_i,
            {pick_index("u_sur1", len(LAST_NAMES))} AS sur1_i,
            {pick_index("u_sur2", len(LAST_NAMES))} AS sur2_i
        FROM attrs
    ),
    cores AS (
        -- 'Blue Harbor', 'Harbor', 'Müller' or 'Hughes & Patel', plus an industry word.
        SELECT *,
            {sql_list(flatten(suffixes))}[sfx_i] AS name_suffix,
            CASE
                WHEN u_style < 0.40 THEN {sql_list(COMPANY_ADJECTIVES)}[adj_i] || ' '
                    || {sql_list(COMPANY_NOUNS)}[noun_i]
                WHEN u_style < 0.78 THEN {sql_list(COMPANY_NOUNS)}[noun_i]
                WHEN u_style < 0.93 THEN {sql_list(LAST_NAMES)}[sur1_i]
                ELSE {sql_list(LAST_NAMES)}[sur1_i] || ' & ' || {sql_list(LAST_NAMES)}[sur2_i]
            END AS name_core,
            CASE
                WHEN u_style < 0.40 THEN {sql_list(adjective_slugs)}[adj_i]
                    || {sql_list(noun_slugs)}[noun_i]
                WHEN u_style < 0.78 THEN {sql_list(noun_slugs)}[noun_i]
                WHEN u_style < 0.93 THEN {sql_list(surname_slugs)}[sur1_i]
                ELSE {sql_list(surname_slugs)}[sur1_i] || {sql_list(surname_slugs)}[sur2_i]
            END
            -- Some companies drop the industry word from their domain (blueharbor.com).
            || CASE WHEN u_style < 0.40 AND u_dom < 0.25 THEN ''
                ELSE {sql_list(suffix_slugs)}[sfx_i] END AS domain_label
        FROM shaped
    ),
    named AS (
        SELECT s.*, c.tz,
            name_core || ' ' || name_suffix || CASE WHEN u_legal < 0.35
                THEN c.legal_suffixes[1 + floor(u_legal / 0.35 * len(c.legal_suffixes))::INTEGER]
                ELSE '' END AS name,
            CASE WHEN industry_idx = {SOFTWARE} AND u_tld < 0.30 THEN '.io'
                ELSE c.tlds[1 + floor(u_tld * len(c.tlds))::INTEGER] END AS tld
        FROM cores AS s JOIN countries AS c ON c.code = s.country
    ),
    deduplicated AS (
        -- Domains must be unique: namesakes get the variants real companies use
        -- (summitanalyticshq.com, getsummitanalytics.com, ...), then a number.
        SELECT *, row_number() OVER (PARTITION BY domain_label, tld ORDER BY account_num) AS rn
        FROM named
    )
    SELECT
        account_num,
        printf('A%06d', account_num) AS account_id,
        name,
        CASE WHEN rn = 1 THEN domain_label
            WHEN rn <= {len(DOMAIN_VARIANTS) + 1}
                THEN {sql_list([pre for pre, _ in DOMAIN_VARIANTS])}[rn - 1] || domain_label
                    || {sql_list([suf for _, suf in DOMAIN_VARIANTS])}[rn - 1]
            ELSE domain_label || (rn - {len(DOMAIN_VARIANTS)})::VARCHAR
        END || tld AS domain,
        industry_idx,
        {sql_list(industry_names)}[industry_idx] AS industry,
        employee_count,
        round(employee_count::DOUBLE * {sql_list(revenue_per_emp)}[industry_idx]
            * exp(0.45 * z_rev), -3)::DECIMAL(18, 2) AS annual_revenue,
        country,
        tz,
        is_customer,
        is_competitor,
        {(p.end_day - ACCOUNT_HISTORY_DAYS) * SECONDS_PER_DAY}
            + floor(u_created * {ACCOUNT_HISTORY_DAYS * SECONDS_PER_DAY})::BIGINT AS created_sec,
        -- Bigger accounts get more leads (sub-linear), customers twice as many.
        greatest(1, round(power(employee_count, 0.6) * 10
            * CASE WHEN is_customer THEN 2 ELSE 1 END))::BIGINT AS lead_weight
    FROM deduplicated
    """


ACCOUNT_WEIGHTS_SQL = """
CREATE OR REPLACE TEMP TABLE account_weights AS
SELECT account_num,
    (sum(lead_weight) OVER (ORDER BY account_num ROWS UNBOUNDED PRECEDING) - lead_weight)::BIGINT
        AS cum_start
FROM gen_accounts
"""


# --- Leads ------------------------------------------------------------------------------
def chunk_leads_sql(p: Params, lo: int, hi: int, total_weight: int) -> str:
    """Lead attributes plus hidden behaviour parameters (fit, in-market, bursts...)."""
    countries = [code for code, *_ in COUNTRIES]
    country_pick = (
        f"{sql_list(countries)}[{weighted_index('u_cty', [w for _, w, *_ in COUNTRIES])}]"
    )
    free_domains = [d for d, *_ in FREE_MAIL_DOMAINS]
    free_countries = [c for *_, c in FREE_MAIL_DOMAINS]
    free_idx = weighted_index("u_dom", [w for _, w, _ in FREE_MAIL_DOMAINS])
    uni_domains = [d for d, _ in UNIVERSITY_DOMAINS]
    uni_countries = [c for _, c in UNIVERSITY_DOMAINS]
    title_index = grouped_index("seniority", "u_title", TITLES)
    fn_names = list(FUNCTION_FIT)
    industry_fit = [fit for _, _, fit, _, _ in INDUSTRIES]
    sources = [s for s, *_ in LEAD_SOURCES]
    source_fit = [f for *_, f in LEAD_SOURCES]
    span = LEAD_HISTORY_DAYS + 1
    return f"""
    CREATE OR REPLACE TEMP TABLE chunk_leads AS
    WITH ids AS MATERIALIZED (
        -- range() is a single-threaded source; a materialised CTE is scanned in parallel.
        SELECT l FROM range({lo}, {hi}) AS r(l)
    ),
    assignment AS (
        -- Corporate leads land on an account with probability proportional to its
        -- lead_weight (a weighted draw via ASOF join on cumulative weights).  Kept narrow:
        -- the ASOF join sorts its inputs.
        SELECT r.lead_num, w.account_num
        FROM (
            SELECT l AS lead_num,
                floor(u(l, 'lead_account') * {total_weight})::BIGINT AS acct_pos
            FROM ids
            WHERE u(l, 'lead_type') < 0.77
        ) AS r
        ASOF JOIN account_weights AS w ON r.acct_pos >= w.cum_start
    ),
    draws AS (
        SELECT l AS lead_num,
            u(l, 'lead_type') AS u_type,
            u(l, 'lead_cty') AS u_cty, u(l, 'lead_move') AS u_move, u(l, 'lead_dom') AS u_dom,
            u(l, 'lead_first') AS u_first, u(l, 'lead_last') AS u_last,
            u(l, 'lead_pattern') AS u_pattern, u(l, 'lead_digits') AS u_digits,
            u(l, 'lead_sen') AS u_sen, u(l, 'lead_title') AS u_title,
            u(l, 'lead_null_title') AS u_null_title, u(l, 'lead_src') AS u_src,
            u(l, 'lead_created') AS u_created, u(l, 'lead_tod_a') AS u_ta,
            u(l, 'lead_tod_b') AS u_tb, u(l, 'lead_tod_c') AS u_tc,
            u(l, 'lead_updated') AS u_updated, nrm(l, 'lead_fit') AS z_fit,
            u(l, 'lead_quiet') AS u_quiet, u(l, 'lead_market') AS u_market,
            u(l, 'lead_jobseek') AS u_jobseek, u(l, 'lead_bursts') AS u_bursts,
            nrm(l, 'lead_engage') AS z_engage, nrm(l, 'lead_open') AS z_open,
            u(l, 'lead_autoopen') AS u_autoopen, u(l, 'lead_click') AS u_click,
            u(l, 'lead_unsub') AS u_unsub, u(l, 'lead_unsub_at') AS u_unsub_at,
            u(l, 'lead_bounce') AS u_bounce, u(l, 'lead_bounce_at') AS u_bounce_at,
            u(l, 'lead_buy_at') AS u_buy_at, u(l, 'lead_form') AS u_form
        FROM ids
    ),
    typed AS (
        SELECT *,
            -- 1 corporate (incl. customers/competitors), 2 free-mail, 3 student
            CASE WHEN u_type < 0.77 THEN 1 WHEN u_type < 0.95 THEN 2 ELSE 3 END AS email_kind
        FROM draws
    ),
    placed AS (
        SELECT * FROM typed LEFT JOIN assignment USING (lead_num)
    ),
    located AS (
        SELECT pl.*, a.account_id, a.domain AS account_domain, a.industry_idx,
            a.employee_count, coalesce(a.is_customer, false) AS is_customer,
            coalesce(a.is_competitor, false) AS is_competitor,
            {free_idx} AS free_idx,
            1 + floor(u_dom * {len(uni_domains)})::INTEGER AS uni_idx,
            CASE email_kind
                WHEN 1 THEN CASE WHEN u_move < 0.93 THEN a.country ELSE {country_pick} END
                WHEN 2 THEN coalesce({sql_list(free_countries)}[free_idx], {country_pick})
                ELSE {sql_list(uni_countries)}[1 + floor(u_dom * {len(uni_domains)})::INTEGER]
            END AS country,
            CASE
                WHEN email_kind = 3 THEN {weighted_index("u_sen", SENIORITY_MIX["student"])}
                WHEN email_kind = 2 THEN {weighted_index("u_sen", SENIORITY_MIX["free"])}
                WHEN a.employee_count < 50
                    THEN {weighted_index("u_sen", SENIORITY_MIX["small_company"])}
                ELSE {weighted_index("u_sen", SENIORITY_MIX["company"])}
            END AS seniority_drawn
        FROM placed AS pl LEFT JOIN gen_accounts AS a USING (account_num)
    ),
    person AS (
        SELECT lo.*, c.tz,
            {pick_index("u_first", len(FIRST_NAMES))} AS first_i,
            {pick_index("u_last", len(LAST_NAMES))} AS last_i,
            CASE WHEN u_null_title < CASE WHEN email_kind = 3 THEN 0.08 ELSE 0.05 END THEN 0
                ELSE seniority_drawn END AS seniority,
            {sql_list(sources)}[{weighted_index("u_src", [w for _, w, _ in LEAD_SOURCES])}]
                AS lead_source,
            {sql_list(source_fit)}[{weighted_index("u_src", [w for _, w, _ in LEAD_SOURCES])}]
                AS source_fit,
            CASE email_kind WHEN 1 THEN account_domain
                WHEN 2 THEN {sql_list(free_domains)}[free_idx]
                ELSE {sql_list(uni_domains)}[uni_idx] END AS email_domain,
            -- Lead creation grows over time (density rises towards the end date).
            ({p.end_day - LEAD_HISTORY_DAYS} + floor({span} * power(u_created, 0.77)))::BIGINT
                AS created_day
        FROM located AS lo JOIN countries AS c ON c.code = lo.country
    ),
    titled AS (
        SELECT *,
            -- Seniority 0 (unknown) indexes outside the flat list: NULL title and function.
            {sql_list([t for t, _ in flatten(TITLES)])}[{title_index}] AS job_title,
            {sql_list([f for _, f in flatten(TITLES)])}[{title_index}] AS job_function,
            {sql_list(FIRST_NAMES)}[first_i] AS first_name,
            {sql_list(LAST_NAMES)}[last_i] AS last_name,
            {sql_list([ascii_slug(x) for x in FIRST_NAMES])}[first_i] AS f_slug,
            {sql_list([ascii_slug(x) for x in LAST_NAMES])}[last_i] AS l_slug,
            least(weekday_shift(created_day, u_ta) * 86400 + tod_sec(u_ta, u_tb, u_tc, tz),
                {p.end_sec} - floor(u_tc * 3600)::BIGINT) AS created_sec
        FROM person
    ),
    fitted AS (
        SELECT *,
            -- Hidden fit latent: who sales would love to talk to.  Never written out.
            {sql_list(SENIORITY_FIT)}[seniority + 1]
            + CASE WHEN email_kind = 1
                THEN least(greatest(0.45 * (log10(employee_count) - 2), -1.0), 0.7)
                    + {sql_list(industry_fit)}[industry_idx]
                ELSE -0.3 END
            + CASE email_kind WHEN 2 THEN -0.6 WHEN 3 THEN -1.5 ELSE 0 END
            + coalesce({sql_list([FUNCTION_FIT[f] for f in fn_names])}[
                list_position({sql_list(fn_names)}, job_function)], 0)
            + source_fit
            + 0.5 * z_fit - 0.6 AS apparent_fit,
            greatest(created_sec, {p.window_start_sec}) AS active_from
        FROM titled
    ),
    refitted AS (
        -- Customers and competitors look like good prospects until sales checks them.
        SELECT *, apparent_fit + CASE WHEN is_customer THEN -1.0 ELSE 0 END
            + CASE WHEN is_competitor THEN -2.5 ELSE 0 END AS fit
        FROM fitted
    ),
    behaviour AS (
        SELECT *,
            u_quiet < 0.30 AS quiet,
            -- Job seekers and students mostly browse careers pages and the blog.
            u_jobseek < CASE WHEN email_kind = 3 OR seniority = 7 THEN 0.70
                WHEN email_kind = 2 THEN 0.20 ELSE 0.03 END AS job_seeker,
            least(exp(1.0 * z_engage - 0.5), 25.0) AS engagement,
            {p.end_sec} - active_from AS active_secs,
            greatest(0, ceil((active_from - {p.send_epoch_sec}) / {SECONDS_PER_WEEK}))::INTEGER
                AS first_send,
            -- Privacy-protected mailboxes "open" nearly every email within minutes.
            u_autoopen < CASE WHEN email_domain = 'icloud.com' THEN 0.8 ELSE 0.10 END AS auto_open
        FROM refitted
    ),
    plans AS (
        SELECT *,
            NOT quiet AND NOT is_competitor AND NOT job_seeker
                AND u_market < sigmoid(1.5 * fit - 1.7) AS in_market,
            CASE WHEN quiet THEN 0 WHEN u_bursts < 0.55 THEN 1 WHEN u_bursts < 0.82 THEN 2
                ELSE 3 END AS n_bursts,
            {p.n_sends - 1} - first_send + 1 AS sends_available,
            CASE WHEN auto_open AND NOT quiet THEN 0.85
                -- Newsletter readers skew junior: opens are not a buying signal.
                ELSE least(0.22 * exp(0.8 * z_open - 0.32 - 0.2 * fit)
                    * CASE WHEN quiet THEN 0.35 WHEN email_kind = 3 THEN 1.5 ELSE 1 END, 0.9)
            END AS open_rate
        FROM behaviour
    )
    SELECT
        lead_num, email_kind, account_num, account_id, industry_idx, employee_count,
        is_customer, is_competitor, country, tz, seniority, job_title, job_function,
        first_name, last_name, lead_source, fit, apparent_fit, quiet, job_seeker, in_market,
        n_bursts, engagement, auto_open, created_sec, active_from, active_secs, first_send,
        u_form,
        CASE email_kind
            WHEN 1 THEN CASE WHEN u_pattern < 0.82 THEN f_slug || '.' || l_slug
                WHEN u_pattern < 0.92 THEN left(f_slug, 1) || l_slug
                WHEN u_pattern < 0.96 THEN f_slug || '_' || l_slug
                ELSE f_slug END
            WHEN 2 THEN CASE WHEN u_pattern < 0.30 THEN f_slug || '.' || l_slug
                -- Birth years and random numbers, never '.<digits>' (used for dedup).
                WHEN u_pattern < 0.60
                    THEN f_slug || l_slug || (1960 + floor(u_digits * 45))::INTEGER
                WHEN u_pattern < 0.70 THEN f_slug || '_' || l_slug
                WHEN u_pattern < 0.85
                    THEN left(f_slug, 1) || l_slug || floor(u_digits * 999)::INTEGER
                ELSE f_slug || floor(10 + u_digits * 9990)::INTEGER END
            ELSE CASE WHEN u_pattern < 0.6 THEN f_slug || '.' || l_slug
                ELSE left(f_slug, 1) || l_slug END
        END || '@' || email_domain AS email,
        least(created_sec + floor(u_updated * u_updated * ({p.end_sec} - created_sec))::BIGINT,
            {p.end_sec}) AS updated_sec,
        -- The buying burst comes late in the lead's active window.
        active_from + floor(active_secs * (0.35 + 0.65 * u_buy_at))::BIGINT AS buy_start_sec,
        least(round(sends_available * open_rate * {p.events_scale}),
            {MAX_EVENTS_PER_SLOT})::INTEGER AS n_opens,
        0.12 + 0.2 * u_click AS click_rate,
        CASE WHEN u_unsub < 0.04 THEN {p.send_epoch_sec} + (first_send
            + floor(u_unsub_at * sends_available))::BIGINT * {SECONDS_PER_WEEK} + 5400 END
            AS unsub_sec,
        CASE WHEN u_bounce < CASE email_kind WHEN 1 THEN 0.025 WHEN 2 THEN 0.005 ELSE 0.03 END
            THEN {p.send_epoch_sec} + (first_send + floor(u_bounce_at * sends_available))::BIGINT
                * {SECONDS_PER_WEEK} + 60 END AS bounce_sec
    FROM plans
    """


# --- Bursts and events ------------------------------------------------------------------
def chunk_bursts_sql(p: Params) -> str:
    """0-3 bursts per lead: 3-25 days each; in-market leads' last burst is a buying one."""
    incidental = (
        "(CASE kind "
        + " ".join(f"WHEN {kind} THEN {share}" for kind, share in INCIDENTAL_INTENT.items())
        + " ELSE 0 END)"
    )
    return f"""
    CREATE OR REPLACE TEMP TABLE chunk_bursts AS
    WITH exploded AS (
        SELECT lead_num, unnest(range(1, n_bursts + 1)) AS burst_no, n_bursts, in_market,
            is_competitor, is_customer, job_seeker, fit, engagement, tz, active_from,
            active_secs, buy_start_sec
        FROM chunk_leads WHERE n_bursts > 0
    ),
    drawn AS (
        SELECT *, lead_num * 10 + burst_no AS bkey,
            CASE WHEN in_market AND burst_no = n_bursts THEN {BUYING}
                WHEN is_competitor THEN {COMPETITIVE_INTEL}
                WHEN job_seeker THEN {JOB_SEEKING}
                WHEN is_customer THEN {CUSTOMER_USAGE}
                ELSE {RESEARCH} END AS kind
        FROM exploded
    ),
    sized AS (
        SELECT *,
            CASE WHEN kind = {BUYING} THEN buy_start_sec
                -- Earlier bursts of in-market leads precede the buying burst.
                WHEN in_market THEN active_from
                    + floor((buy_start_sec - active_from) * u(bkey, 'b_start'))::BIGINT
                ELSE active_from + floor(active_secs * u(bkey, 'b_start'))::BIGINT
            END // 86400 AS start_day,
            3 + floor(22 * power(u(bkey, 'b_len'), 1.6))::INTEGER AS len_days,
            exp(0.6 * nrm(bkey, 'b_size') - 0.18) AS size_factor,
            u(bkey, 'b_intent') AS u_intent
        FROM drawn
    ),
    counted AS (
        SELECT *,
            greatest(1, least(round({BURST_EVENTS_BASE * p.events_scale} * engagement
                * size_factor * (0.6 + len_days / 25.0)
                * CASE WHEN kind = {BUYING} THEN 1.3 ELSE 1 END), {MAX_EVENTS_PER_SLOT}))::INTEGER
                AS n_drawn,
            -- Planned high-intent actions (pricing, demo, trial, contact, webinar).
            CASE WHEN kind = {BUYING} THEN least(12, 1 + floor(-ln(1 - u_intent)
                    * (1.2 + 0.6 * greatest(fit, 0))))::INTEGER
                ELSE (u_intent < {incidental}) ::INTEGER + (u_intent < {incidental} / 4)::INTEGER
                    + CASE WHEN kind = {COMPETITIVE_INTEL} THEN (u_intent < 0.5)::INTEGER ELSE 0 END
            END AS n_intent
        FROM sized
    )
    SELECT lead_num, burst_no, kind, start_day, len_days, tz, n_intent,
        greatest(n_drawn, n_intent + 1) AS n_events
    FROM counted
    """


def check_reference_lists() -> None:
    """Invariants the SQL relies on."""
    # Outcomes count high-intent actions as the first n_intent events of each burst
    # (see burst_events_ctes): the mixes must keep them apart.
    for mix in HIGH_INTENT_MIX.values():
        assert all(action in HIGH_INTENT_ACTIONS for action, _ in mix)
    for mix in BURST_ACTION_MIX.values():
        assert not any(action in HIGH_INTENT_ACTIONS for action, _ in mix)
    # Domain variants must not be confusable with natural labels (no digits either).
    suffixes = flatten([sfx for *_, sfx in INDUSTRIES])
    words = [ascii_slug(w) for w in COMPANY_ADJECTIVES + COMPANY_NOUNS + LAST_NAMES + suffixes]
    for prefix, suffix in DOMAIN_VARIANTS:
        assert not any(w.startswith(prefix) for w in words if prefix)
        assert not any(w.endswith(suffix) for w in words if suffix)
    assert not any(ch.isdigit() for w in words for ch in w)


def kind_action_case(kind_col: str, u_col: str, mixes: dict[int, list[tuple[int, float]]]) -> str:
    """Action code drawn from the mix of the burst's kind."""
    branches = " ".join(
        f"WHEN {kind_col} = {kind} THEN {weighted_case(u_col, mix)}" for kind, mix in mixes.items()
    )
    return f"(CASE {branches} END)"


def burst_events_ctes(intent_only: bool = False) -> str:
    """CTEs ending in ``burst_events``: every event of every burst in chunk_bursts.

    The first ``n_intent`` events of a burst are its high-intent actions.  With
    ``intent_only`` just those rows are produced -- the very same rows (same keys, same
    draws) -- so outcomes can be scored without materialising all events.
    """
    n_rows = "n_intent" if intent_only else "n_events"
    return f"""
    -- Materialised: a scan of a small table plus unnest() runs on one thread per row group
    -- (122,880 rows); the materialised rows are processed by all threads.
    burst_rows AS MATERIALIZED (
        SELECT lead_num, burst_no, kind, start_day, len_days, tz, n_intent,
            unnest(range({n_rows})) AS idx
        FROM chunk_bursts
    ),
    burst_draws AS (
        SELECT *,
            u(ekey, 'e_action') AS u_action, u(ekey, 'e_day') AS u_day,
            u(ekey, 'e_ta') AS u_ta, u(ekey, 'e_tb') AS u_tb, u(ekey, 'e_tc') AS u_tc
        FROM (SELECT *, lead_num * {EVENT_KEY_LEAD}
                + ({BURST_SLOT_OFFSET} + burst_no) * {EVENT_KEY_SLOT} + idx AS ekey
            FROM burst_rows)
    ),
    burst_events AS (
        SELECT ekey, lead_num, burst_no,
            CASE WHEN idx < n_intent THEN {kind_action_case("kind", "u_action", HIGH_INTENT_MIX)}
                ELSE {kind_action_case("kind", "u_action", BURST_ACTION_MIX)} END AS action,
            -- High-intent actions cluster at the end of a buying burst.
            weekday_shift(start_day + floor(len_days * CASE WHEN idx < n_intent
                AND kind = {BUYING} THEN 0.45 + 0.55 * u_day ELSE u_day END)::BIGINT, u_ta)
                * 86400 + tod_sec(u_ta, u_tb, u_tc, tz) AS sec,
            NULL::INTEGER AS send_k
        FROM burst_draws
    )"""


def valid_event_sql(p: Params) -> str:
    """Condition on events ``e`` of leads ``l`` that are kept."""
    return f"""
        e.sec > l.created_sec AND e.sec <= {p.end_sec} AND e.sec >= {p.window_start_sec}
        -- No email engagement after an unsubscribe or a hard bounce.
        AND NOT (e.action IN {in_list(EMAIL_ACTIONS)}
            AND e.sec >= least(coalesce(l.unsub_sec, {p.end_sec + 1}),
                coalesce(l.bounce_sec, {p.end_sec + 1})))"""


def insert_events_sql(p: Params) -> str:
    """Generate the batch's events and write them with the source systems' names.

    Internally events are integer codes and epoch seconds; names, URLs, assets and
    campaigns come from joins with event_attributes and campaigns.  The query streams
    straight into raw.marketing_events (materialising events first costs ~2x).
    """
    k_lead, k_slot = EVENT_KEY_LEAD, EVENT_KEY_SLOT
    years = event_years(p)
    return f"""
    INSERT INTO raw.marketing_events
    WITH {burst_events_ctes()},
    open_rows AS MATERIALIZED (
        SELECT lead_num, first_send, quiet, auto_open, click_rate,
            unnest(range(n_opens)) AS idx
        FROM chunk_leads WHERE n_opens > 0
    ),
    opens AS (
        SELECT ekey, lead_num, auto_open, click_rate, send_k,
            {p.send_epoch_sec} + send_k::BIGINT * {SECONDS_PER_WEEK}
                -- Opens follow the send by minutes (machine opens) to days (humans).
                + CASE WHEN auto_open THEN 60 + floor(u(ekey, 'o_lag') * 1800)
                    ELSE floor(-ln(1 - u(ekey, 'o_lag')) * 20 * 3600) END::BIGINT AS sec
        FROM (SELECT *,
                -- Quiet leads only read the monthly-ish newsletter.
                first_send + CASE WHEN quiet
                    THEN 4 * floor(u(ekey, 'o_send') * ({p.n_sends} - first_send) / 4)
                    ELSE floor(u(ekey, 'o_send') * ({p.n_sends} - first_send)) END::INTEGER
                    AS send_k
            FROM (SELECT *, lead_num * {k_lead} + 1 * {k_slot} + idx AS ekey FROM open_rows))
    ),
    clicks AS (
        SELECT ekey + {k_slot} AS ekey, lead_num,
            CASE WHEN u(ekey, 'c_reply') < 0.03 THEN {EMAIL_REPLY} ELSE {EMAIL_CLICK} END
                AS action,
            sec + 20 + floor(u(ekey, 'c_lag') * 900)::BIGINT AS sec, send_k
        FROM opens
        WHERE u(ekey, 'c_click') < click_rate * CASE WHEN auto_open THEN 0.2 ELSE 1 END
    ),
    creation_forms AS (
        -- Inbound leads are created by a form; list imports and badge scans are not.
        SELECT lead_num * {k_lead} AS ekey, lead_num,
            CASE WHEN lead_source = 'webinar' THEN {WEBINAR_REGISTER}
                WHEN u_form < 0.65 THEN {CONTENT_DOWNLOAD}
                WHEN u_form < 0.80 THEN {NEWSLETTER_SIGNUP}
                ELSE {WEBINAR_REGISTER} END AS action,
            created_sec + 2 + floor(u_form * 40)::BIGINT AS sec
        FROM chunk_leads
        WHERE created_sec >= {p.window_start_sec}
            AND lead_source IN ('organic_search', 'paid_search', 'paid_social', 'webinar',
                'direct')
    ),
    email_status AS (
        SELECT lead_num * {k_lead} + 3 * {k_slot} AS ekey, lead_num, {UNSUBSCRIBE} AS action,
            unsub_sec AS sec
        FROM chunk_leads WHERE unsub_sec IS NOT NULL
        UNION ALL
        SELECT lead_num * {k_lead} + 3 * {k_slot} + 1, lead_num, {BOUNCE}, bounce_sec
        FROM chunk_leads WHERE bounce_sec IS NOT NULL
    ),
    noise AS (
        -- ~0.2% extra events with source names nobody mapped ('Sent Email', ...), at any
        -- time of day: they are system activities rather than people.
        SELECT ekey, lead_num, {NOISE} AS action,
            active_from + 1 + floor(u(ekey, 'n_at') * active_secs)::BIGINT AS sec
        FROM (
            SELECT *, lead_num * {k_lead} + {NOISE_SLOT} * {k_slot} + idx AS ekey
            FROM (
                SELECT l.lead_num, l.active_from, l.active_secs,
                    unnest(range(floor((l.n_opens * 1.2 + coalesce(b.planned, 0))
                        * {NOISE_EVENT_RATE} + u(l.lead_num, 'n_count'))::INTEGER)) AS idx
                FROM chunk_leads AS l
                LEFT JOIN (SELECT lead_num, sum(n_events) AS planned FROM chunk_bursts
                    GROUP BY lead_num) AS b USING (lead_num)
            )
        )
    ),
    all_events AS (
        SELECT ekey, lead_num, action, sec, send_k FROM burst_events
        UNION ALL SELECT ekey, lead_num, {EMAIL_OPEN}, sec, send_k FROM opens
        UNION ALL SELECT ekey, lead_num, action, sec, send_k FROM clicks
        UNION ALL SELECT ekey, lead_num, action, sec, NULL FROM creation_forms
        UNION ALL SELECT ekey, lead_num, action, sec, NULL FROM email_status
        UNION ALL SELECT ekey, lead_num, action, sec, NULL FROM noise
    ),
    valid AS (
        SELECT e.ekey, e.lead_num, e.action, e.sec, e.sec >= {p.migration_sec} AS tool_b,
            -- Emails seen inside bursts, unsubscribes and bounces belong to the latest
            -- send; so do tool A's 'Sent Email' noise events.
            coalesce(e.send_k, ((e.sec - {p.send_epoch_sec}) // {SECONDS_PER_WEEK})::INTEGER)
                AS send_k
        FROM all_events AS e JOIN chunk_leads AS l USING (lead_num)
        WHERE {valid_event_sql(p)}
    ),
    keyed AS (
        -- Pick one of the action's variants for its tool and calendar year.
        SELECT *,
            ((action * 2 + tool_b::INTEGER) * {len(years)} + year(ts(sec)) - {years[0]})
                * {VARIANT_KEY_SPAN}
                + floor(u(ekey, 'e_var') * {variant_count_sql(p)})::INTEGER AS attr_key
        FROM valid
    )
    SELECT printf('E%015d', e.ekey) AS event_id,
        printf('L%08d', e.lead_num) AS lead_id,
        a.event_type,
        ts(e.sec) AS occurred_at,
        CASE WHEN e.action = {EMAIL_CLICK} THEN c.click_url ELSE a.url END AS url,
        a.asset_name,
        CASE WHEN a.has_campaign THEN c.campaign END AS campaign
    FROM keyed AS e
    JOIN event_attributes AS a USING (attr_key)
    LEFT JOIN campaigns AS c USING (send_k)
    """


# --- Source-system vocabulary -------------------------------------------------------------
# Each internal action expands into a list of equally likely variants (event name, URL,
# asset, whether a campaign is attached) per tool and calendar year; weights are expressed
# by repetition.  Events pick a variant with a hash, and the strings come from one join
# against this small table instead of per-row string building.
EventVariant = tuple[str, str | None, str | None, bool]
VARIANT_KEY_SPAN = 1000  # max variants per (action, tool, year)
# 6 of 50 page views arrive with tracking parameters.
UTM_SLOTS = UTM_QUERIES + [""] * (50 - len(UTM_QUERIES))


def web_variants(name: str, paths: Sequence[str], utm: bool) -> list[EventVariant]:
    suffixes = UTM_SLOTS if utm else [""]
    return [(name, SITE + path + q, None, False) for path in paths for q in suffixes]


def form_variant(tool_b: bool, path: str) -> EventVariant:
    return ("form_submission" if tool_b else "Fill Out Form", SITE + path, None, False)


def email_variant(tool_b: bool, tool_a_name: str, tool_b_name: str) -> EventVariant:
    # Email clicks take their URL from the campaign (joined separately).
    return (tool_b_name if tool_b else tool_a_name, None, None, True)


def event_variants(action: int, tool_b: bool, year: int) -> list[EventVariant]:
    """Variants of an internal action in tool A (before the migration) or tool B."""
    page = "pageview" if tool_b else "Visit Web Page"
    webinars = [w.replace("{year}", str(year)) for w in WEBINARS]
    resources = [r.replace("{year}", str(year)) for r in RESOURCES]
    if action == PAGE:
        return web_variants(page, GENERIC_PAGES, utm=True)
    if action == BLOG:
        return web_variants(page, [f"/blog/{slug}" for slug in BLOG_SLUGS], utm=True)
    if action == DOCS:
        return web_variants(page, [f"/docs/{doc}" for doc in DOCS_PAGES], utm=False)
    if action == PRICING:
        return web_variants(page, PRICING_PAGES, utm=True)
    if action == CAREERS:
        paths = ["/careers"] * 4 + [f"/careers/{role}" for role in CAREER_ROLES]
        return web_variants(page, paths, utm=False)
    if action == EMAIL_OPEN:
        return [email_variant(tool_b, "Open Email", "email_open")]
    if action == EMAIL_CLICK:
        return [email_variant(tool_b, "Click Email", "email_click")]
    if action == EMAIL_REPLY:
        return [email_variant(tool_b, "Email Replied", "email_reply")]
    if action == UNSUBSCRIBE:
        return [email_variant(tool_b, "Unsubscribe Email", "unsubscribe")]
    if action == BOUNCE:
        return [email_variant(tool_b, "Email Bounced", "hard_bounce")]
    if action == DEMO:
        # Tool B has a scheduling link: about half of the demo requests book directly.
        booked: list[EventVariant] = [("meeting_booked", None, None, False)] if tool_b else []
        return [*booked, form_variant(tool_b, "/demo")]
    if action == CONTACT:
        return [form_variant(tool_b, "/contact")]
    if action == TRIAL:
        return [form_variant(tool_b, "/trial")]
    if action == NEWSLETTER_SIGNUP:
        return [form_variant(tool_b, "/newsletter")]
    if action == WEBINAR_REGISTER:
        return [
            ("webinar_registration", f"{SITE}/webinars/{ascii_slug(w, '-')}/register", w, False)
            if tool_b
            else form_variant(tool_b, f"/webinars/{ascii_slug(w, '-')}/register")
            for w in webinars
        ]
    if action == WEBINAR_ATTEND:
        return [
            ("webinar_attendance" if tool_b else "Attend Event", None, w, False) for w in webinars
        ]
    if action == CONTENT_DOWNLOAD:
        return [
            ("content_download", f"{SITE}/resources/{ascii_slug(r, '-')}", r, False)
            if tool_b
            else form_variant(tool_b, f"/resources/{ascii_slug(r, '-')}")
            for r in resources
        ]
    if action == NOISE:
        # Names nobody mapped: tool A logs sends and score changes, tool B sequences.
        if tool_b:
            return [("sequence_enrolled", None, None, False)]
        return [("Sent Email", None, None, True)] * 3 + [("Change Score", None, None, False)] * 2
    raise ValueError(f"unknown action {action}")


def event_years(p: Params) -> list[int]:
    first = (EPOCH + dt.timedelta(days=p.end_day - EVENT_WINDOW_DAYS - 1)).year
    return list(range(first, (EPOCH + dt.timedelta(days=p.end_day)).year + 1))


def create_event_attributes(con: duckdb.DuckDBPyConnection, p: Params) -> None:
    """Table event_attributes(attr_key, event_type, url, asset_name, has_campaign)."""
    years = event_years(p)
    rows = []
    for action in ALL_ACTIONS:
        for tool_b in (False, True):
            for year_idx, year in enumerate(years):
                variants = event_variants(action, tool_b, year)
                assert len(variants) <= VARIANT_KEY_SPAN
                base = ((action * 2 + tool_b) * len(years) + year_idx) * VARIANT_KEY_SPAN
                rows += [
                    f"({base + i}, {sql_str(name)}, {sql_str(url)}, {sql_str(asset)}, {flag})"
                    for i, (name, url, asset, flag) in enumerate(variants)
                ]
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE event_attributes AS
        SELECT * FROM (VALUES {", ".join(rows)})
            AS t(attr_key, event_type, url, asset_name, has_campaign)
    """)


def variant_count_sql(p: Params) -> str:
    """Number of variants of (action, tool_b) as a SQL expression (same for every year)."""
    year = event_years(p)[0]
    tool_a = [len(event_variants(action, False, year)) for action in ALL_ACTIONS]
    tool_b = [len(event_variants(action, True, year)) for action in ALL_ACTIONS]
    return f"(CASE WHEN tool_b THEN {sql_list(tool_b)}[action] ELSE {sql_list(tool_a)}[action] END)"


# --- Outcomes ---------------------------------------------------------------------------
def chunk_outcomes_sql(p: Params) -> str:
    """Sales dispositions and opportunities drawn from the hidden propensity."""
    return f"""
    CREATE OR REPLACE TEMP TABLE chunk_outcomes AS
    WITH {burst_events_ctes(intent_only=True)},
    burst_intent AS (
        -- High-intent actions that really happened (inside the data window) per burst.
        SELECT b.lead_num, b.burst_no, count(i.ekey) AS n_intent,
            count(i.ekey) FILTER (WHERE i.action IN {in_list(HAND_RAISES)}) AS n_hand_raises,
            (b.start_day + b.len_days) * 86400 AS last_sec
        FROM chunk_bursts AS b
        LEFT JOIN (
            SELECT e.* FROM burst_events AS e JOIN chunk_leads AS l USING (lead_num)
            WHERE {valid_event_sql(p)}
        ) AS i USING (lead_num, burst_no)
        GROUP BY b.lead_num, b.burst_no, b.start_day, b.len_days
    ),
    touches AS (
        SELECT b.lead_num, b.burst_no AS slot, b.n_intent, b.last_sec,
            -- Sales reacts to how good a lead looks; the disposition reveals the rest.
            CASE WHEN b.n_intent > 0 THEN greatest(sigmoid({INVOLVE_FIT} * l.apparent_fit
                + {INVOLVE_INTENT} * least(b.n_intent, 8) - {INVOLVE_BIAS}),
                -- Demo/contact/trial requests have a follow-up SLA, whoever sends them.
                CASE WHEN b.n_hand_raises > 0 THEN {HAND_RAISE_FOLLOW_UP} ELSE 0 END)
                ELSE sigmoid(0.6 * l.fit - {NOISE_TOUCH_BIAS}) END AS p_involve
        FROM burst_intent AS b JOIN chunk_leads AS l USING (lead_num)
        UNION ALL
        -- Outbound prospecting that ignores behaviour: a little noise for everyone.
        SELECT lead_num, 9, 0,
            active_from + floor(u(lead_num, 'outbound_at') * active_secs)::BIGINT,
            sigmoid(0.6 * fit - {NOISE_TOUCH_BIAS})
        FROM chunk_leads
    ),
    involved AS (
        SELECT t.*, l.fit, l.tz, l.email_kind, l.seniority, l.is_customer, l.is_competitor,
            l.account_id, l.employee_count, t.lead_num * 10 + t.slot AS tkey,
            -- Sales follows up 1-20 days after the burst ends, during business hours.
            (t.last_sec // 86400 + 1 + floor(u(t.lead_num * 10 + t.slot, 'd_lag') * 20))::BIGINT
                * 86400 + round((10 + 7 * u(t.lead_num * 10 + t.slot, 'd_hour') - l.tz) * 3600)
                ::BIGINT AS disp_sec
        FROM touches AS t JOIN chunk_leads AS l USING (lead_num)
        WHERE u(t.lead_num * 10 + t.slot, 'involve') < t.p_involve
    ),
    decided AS (
        SELECT *, u(tkey, 'd_reason') AS u_reason, u(tkey, 'd_reason2') AS u_reason2,
            CASE
                WHEN is_competitor THEN 'competitor'
                WHEN is_customer AND u(tkey, 'd_accept') < 0.8 THEN 'existing customer'
                WHEN email_kind = 3 OR seniority = 7 THEN 'student'
                WHEN is_customer OR u(tkey, 'd_accept')
                    < sigmoid(1.5 * fit + 0.2 * least(n_intent, 6) - 1.0) THEN NULL
                WHEN seniority IN (0, 5, 6) AND u(tkey, 'd_reason') < 0.55
                    THEN 'not decision maker'
                WHEN fit < -0.3 AND u(tkey, 'd_reason') < 0.6 THEN 'no budget'
                ELSE {weighted_case("u_reason2", OTHER_REJECTION_REASONS)}
            END AS why_not
        FROM involved
        WHERE disp_sec <= {p.end_sec}
    ),
    dispositions AS (
        SELECT *,
            CASE WHEN why_not IS NULL THEN 'accepted'
                WHEN why_not IN ('bad timing', 'no response') THEN 'recycled'
                WHEN why_not = 'no budget' AND u_reason < 0.5 THEN 'recycled'
                ELSE 'rejected' END AS disposition,
            -- A few rejections are logged without a reason.
            CASE WHEN why_not = 'unknown' THEN NULL ELSE why_not END AS reason,
            disp_sec + floor(u(tkey, 'o_lag') * 14 * 86400)::BIGINT AS opp_sec,
            u(tkey, 'o_create') < CASE WHEN is_customer THEN 0.7 ELSE sigmoid(1.2 * fit + 0.3) END
                AS opp_drawn,
            u(tkey, 'o_win') < sigmoid(1.3 * fit - 0.7) AS wins,
            (20 + 45 * exp(0.5 * nrm(tkey, 'o_cycle'))
                * (1 + 0.15 * log10(coalesce(employee_count, 10)))) AS cycle_days,
            -- Deal size scales with company size; expansion deals are smaller.
            round(least(CASE WHEN account_id IS NULL THEN 5000
                ELSE 8000 * power(employee_count, 0.35) END
                * exp(0.5 * nrm(tkey, 'o_amount'))
                * CASE WHEN is_customer THEN 0.5 ELSE 1 END, 5000000), -2) AS amount
        FROM decided
    )
    SELECT lead_num, tkey, account_id, disposition, reason, disp_sec,
        disposition = 'accepted' AND opp_drawn AND opp_sec <= {p.end_sec} AS has_opp,
        opp_sec, wins,
        opp_sec + round(cycle_days * CASE WHEN wins THEN 1 ELSE 0.7 END * 86400)::BIGINT
            AS close_sec,
        amount
    FROM dispositions
    """


INSERT_DISPOSITIONS_SQL = """
INSERT INTO raw.sales_dispositions
SELECT printf('D%010d', tkey), printf('L%08d', lead_num), disposition, reason, ts(disp_sec)
FROM chunk_outcomes
"""


def insert_opportunities_sql(p: Params) -> str:
    return f"""
    INSERT INTO raw.opportunities
    SELECT printf('O%010d', tkey) AS opportunity_id, account_id, printf('L%08d', lead_num),
        ts(opp_sec) AS created_at,
        CASE WHEN closed AND wins THEN 'closed_won' WHEN closed THEN 'closed_lost'
            -- Open deals sit in a stage matching how far along their cycle they are.
            WHEN elapsed < 0.25 THEN 'discovery' WHEN elapsed < 0.5 THEN 'evaluation'
            WHEN elapsed < 0.8 THEN 'proposal' ELSE 'negotiation' END AS stage,
        closed AND wins AS is_won,
        CASE WHEN closed THEN ts(close_sec) END AS closed_at,
        amount::DECIMAL(18, 2)
    FROM (
        SELECT *, close_sec <= {p.end_sec} AS closed,
            ({p.end_sec} - opp_sec) / greatest(close_sec - opp_sec, 1) AS elapsed
        FROM chunk_outcomes WHERE has_opp
    )
    """


def insert_leads_sql(p: Params) -> str:
    return f"""
    INSERT INTO raw.leads
    SELECT printf('L%08d', l.lead_num), l.account_id, l.email, l.first_name, l.last_name,
        l.job_title, l.country, l.lead_source, ts(l.created_sec),
        -- Sales touches update the lead record.
        ts(least(greatest(l.updated_sec, coalesce(o.last_touch, 0)), {p.end_sec}))
    FROM chunk_leads AS l
    LEFT JOIN (
        SELECT lead_num, max(CASE WHEN has_opp THEN opp_sec ELSE disp_sec END) AS last_touch
        FROM chunk_outcomes GROUP BY lead_num
    ) AS o USING (lead_num)
    """


# --- Finalisation -----------------------------------------------------------------------
# Emails of namesakes at one company (or free-mail provider) collide: append '.<n>' to
# later ones.  Natural local parts never end in '.<digits>', so results stay unique.
DEDUPLICATE_EMAILS_SQL = """
UPDATE raw.leads AS t
SET email = split_part(d.email, '@', 1) || '.' || d.rn::VARCHAR || '@'
    || split_part(d.email, '@', 2)
FROM (
    SELECT lead_id, email,
        row_number() OVER (PARTITION BY email ORDER BY lead_id) AS rn
    FROM raw.leads
) AS d
WHERE t.lead_id = d.lead_id AND d.rn > 1
"""

# Accounts were enriched/imported before their first lead appeared.
INSERT_ACCOUNTS_SQL = """
INSERT INTO raw.accounts
SELECT a.account_id, a.name, a.domain, a.industry, a.employee_count, a.annual_revenue,
    a.country, a.is_customer, a.is_competitor,
    ts(CASE WHEN f.first_lead IS NULL THEN a.created_sec
        ELSE least(a.created_sec, epoch(f.first_lead)::BIGINT - 3600
            - floor(u(a.account_num, 'acc_lead_gap') * 200 * 86400)::BIGINT) END)
FROM gen_accounts AS a
LEFT JOIN (
    SELECT account_id, min(created_at) AS first_lead
    FROM raw.leads WHERE account_id IS NOT NULL GROUP BY account_id
) AS f USING (account_id)
"""

CHUNK_TEMP_TABLES = ["chunk_leads", "chunk_bursts", "chunk_outcomes"]


def generate_chunk(
    con: duckdb.DuckDBPyConnection, p: Params, lo: int, hi: int, total_weight: int
) -> None:
    """Generate leads [lo, hi) with their events and outcomes."""
    con.execute(chunk_leads_sql(p, lo, hi, total_weight))
    con.execute(chunk_bursts_sql(p))
    con.execute(insert_events_sql(p))
    con.execute(chunk_outcomes_sql(p))
    con.execute(INSERT_DISPOSITIONS_SQL)
    con.execute(insert_opportunities_sql(p))
    con.execute(insert_leads_sql(p))
    for table in CHUNK_TEMP_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")


def generate(
    database: str,
    leads: int,
    seed: int,
    end_date: dt.date,
    events_per_lead: float = 50.0,
    chunk_leads: int = 200_000,
    progress: bool = True,
) -> dict[str, int]:
    """(Re)create the raw tables in ``database`` and return their row counts."""
    if leads < 1 or chunk_leads < 1 or events_per_lead <= 0:
        raise ValueError("leads, chunk_leads and events_per_lead must be positive")
    p = Params(
        accounts=max(1, round(leads / 4)),
        events_scale=events_per_lead / 50.0,
        end_day=(end_date - EPOCH).days,
    )
    check_reference_lists()
    con = connect(database)
    try:
        create_macros(con, seed)
        create_lookups(con, p)
        create_event_attributes(con, p)
        con.execute(RAW_TABLES_DDL)
        con.execute(accounts_sql(p))
        con.execute(ACCOUNT_WEIGHTS_SQL)
        total_weight = con.execute("SELECT sum(lead_weight) FROM gen_accounts").fetchone()[0]
        bounds = [(lo, min(lo + chunk_leads, leads + 1)) for lo in range(1, leads + 1, chunk_leads)]
        for lo, hi in tqdm(bounds, desc="lead batches", unit="batch", disable=not progress):
            generate_chunk(con, p, lo, hi, int(total_weight))
        con.execute(DEDUPLICATE_EMAILS_SQL)
        con.execute(INSERT_ACCOUNTS_SQL)
        con.execute("DROP TABLE IF EXISTS gen_accounts")
        con.execute("DROP TABLE IF EXISTS account_weights")
        con.execute("CHECKPOINT")
        return {
            table: con.execute(f"SELECT count(*) FROM raw.{table}").fetchone()[0]
            for table in RAW_TABLES
        }
    finally:
        con.close()


# --- CLI --------------------------------------------------------------------------------
def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return number


def positive_float(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=(
            "Generate deterministic, realistic B2B marketing demo data (accounts, leads, "
            "marketing events, sales dispositions, opportunities) into the 'raw' schema of "
            "a DuckDB database. Existing raw tables are dropped and recreated."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--leads", type=positive_int, default=20_000, help="number of leads (accounts ~ leads/4)"
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed")
    parser.add_argument(
        "--end-date",
        type=parse_date,
        default=dt.datetime.now(dt.UTC).date(),
        help="last day of generated activity, YYYY-MM-DD (today in UTC if omitted); events "
        "cover the ~18 months before it, leads ~2 years",
    )
    parser.add_argument(
        "--events-per-lead",
        type=positive_float,
        default=50.0,
        help="average number of marketing events per lead (heavy-tailed)",
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("MQL_DUCKDB_PATH", DEFAULT_DATABASE),
        help="DuckDB file to write ($MQL_DUCKDB_PATH if set); parent directories are created",
    )
    parser.add_argument(
        "--chunk-leads",
        type=positive_int,
        default=200_000,
        help="leads generated per batch; lower it to reduce peak memory",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    started = time.perf_counter()
    counts = generate(
        database=args.database,
        leads=args.leads,
        seed=args.seed,
        end_date=args.end_date,
        events_per_lead=args.events_per_lead,
        chunk_leads=args.chunk_leads,
        progress=not args.quiet,
    )
    if not args.quiet:
        print(
            f"Wrote demo data to {args.database} (schema raw, end date {args.end_date}, "
            f"seed {args.seed}) in {time.perf_counter() - started:.1f}s"
        )
        for table, count in counts.items():
            print(f"  raw.{table:<20} {count:>12,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
