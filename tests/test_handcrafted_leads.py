"""End-to-end: the handcrafted leads of tests/handcrafted.py, scored by one real dbt build.

Every expected number below was worked out by hand from the seed CSVs (the scoring
definition), with the arithmetic next to it; none was copied from a run. AS_OF is
2026-11-01 and an event's age is the whole days between its UTC date and AS_OF.

Reminders from the definition used throughout:
- b2b_default fit: executive/vp 20, director 15, manager 8, core function 10, size
  [50,200) 5 / [200,5000) 15 / >= 5000 20 / < 10 -10, software or financial services 10,
  core market 5, title "data platform|infrastructure" 5, "consultant" -5, no title -5.
  Grades A >= 55 > B >= 40 > C >= 20 > D; engagement 1 >= 50 > 2 >= 30 > 3 >= 10 > 4.
  MQL: fit >= 40 and engagement >= 30; fast-track demo <= 14 days & fit >= 25. Gate: fit
  < 20 caps engagement at 15. Penalty: floor(max(0, days - 30) / 7) * 2. Total cap 100.
- b2b_intent_heavy fit: director/vp/executive 20, manager 10, >= 200 employees 15,
  software or financial services 10, < 10 employees -10. Grades A >= 45 (x1.3) > B >= 30
  (x1.1) > C >= 10 (x1.0) > D (x0.8); engagement 1 >= 60 > 2 >= 40 > 3 >= 15 > 4.
  MQL: fit >= 30, engagement >= 40 and a high-intent event <= 30 days old; fast-track
  demo <= 7 days & fit >= 20. Gate: fit < 10 excludes engagement. Total cap 120. All its
  rules decay in steps: 0-7 days x1.0, 8-30 x0.8, 31-60 x0.6, 61-90 x0.4, 91+ x0.2
  (page views: linear over 30 days).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from tests import handcrafted
from tests.dbt_project_runner import query

DEFAULT = "b2b_default"
INTENT = "b2b_intent_heavy"


@dataclass(frozen=True)
class Expected:
    """The published outcome of one lead under one scoring model."""

    lead_id: str
    scoring_model: str
    fit_score: str
    fit_grade: str
    engagement_score: str
    engagement_grade: str
    disqualification_reason: str | None = None
    mql_reason: str | None = None

    def as_row(self) -> dict[str, object]:
        return {
            "fit_score": Decimal(self.fit_score),
            "fit_grade": self.fit_grade,
            "engagement_score": Decimal(self.engagement_score),
            "engagement_grade": self.engagement_grade,
            "score_tier": self.fit_grade + self.engagement_grade,
            "is_disqualified": self.disqualification_reason is not None,
            "disqualification_reason": self.disqualification_reason,
            "is_mql": self.mql_reason is not None,
            "mql_reason": self.mql_reason,
        }


EXPECTED: list[Expected] = [
    # --- HC01: VP Marketing, Manufacturing 800 employees, country DE from the account.
    # Demo 30 days old (one half-life), webinar attended today.
    Expected(
        "HC01",
        DEFAULT,
        fit_score="40.00",  # vp 20 + size 200-4999 15 + core market DE 5 = 40 (== threshold)
        fit_grade="B",  # 40 >= 40
        engagement_score="30.00",  # demo 40 * 0.5**(30/30) = 20 + webinar 10 * 0.5**0 = 10
        engagement_grade="2",  # 30 >= 30
        mql_reason="thresholds",  # 40 >= 40 and 30 >= 30; demo 30 days > 14: no fast-track
    ),
    Expected(
        "HC01",
        INTENT,
        fit_score="35.00",  # senior 20 + >= 200 employees 15 = 35
        fit_grade="B",  # 30 <= 35 < 45, multiplier 1.1
        engagement_score="52.80",  # (demo 50 * 0.8 [age 30: 8-30 band edge] + webinar 8 * 1.0)
        # = 48 * 1.1 = 52.8
        engagement_grade="2",  # 40 <= 52.8 < 60
        mql_reason="thresholds",  # 35 >= 30, 52.8 >= 40, demo 30 days old <= 30: 1 high intent
    ),
    # --- HC02: Director of Engineering, Retail 30 employees, BR. Meeting booked 14 days ago.
    Expected(
        "HC02",
        DEFAULT,
        fit_score="25.00",  # director 15 + engineering 10 = 25 (BR not core, 30 employees)
        fit_grade="C",
        engagement_score="28.95",  # demo 40 * 0.5**(14/30) = 28.9454
        engagement_grade="3",
        mql_reason="fast_track:ft_demo_request",  # demo 14 <= 14 days, fit 25 >= 25; 25 < 40
    ),
    Expected(
        "HC02",
        INTENT,
        fit_score="20.00",  # senior 20
        fit_grade="C",  # x1.0
        engagement_score="40.00",  # demo 50 * 0.8 (age 14) = 40
        engagement_grade="2",
        mql_reason=None,  # fit 20 < 30; fast-track needs the demo <= 7 days old (14)
    ),
    # --- HC03: Senior Software Engineer (individual contributor), Software 1200, US.
    # Demo 15 days ago: one day too old for the default fast-track.
    Expected(
        "HC03",
        DEFAULT,
        fit_score="40.00",  # engineering 10 + size 15 + software 10 + US 5 = 40
        fit_grade="B",
        engagement_score="28.28",  # demo 40 * 0.5**(15/30) = 40 * 0.70711 = 28.2843
        engagement_grade="3",
        # 28.28 < 30 and the demo is 15 days old (> 14: no fast-track), so it does not meet
        # the definition today; but it entered on the demo's day (40 >= 30, fit 40 >= 40)
        # and 28.28 is still at least the exit threshold 25: held in
        mql_reason="thresholds",
    ),
    Expected(
        "HC03",
        INTENT,
        fit_score="25.00",  # >= 200 employees 15 + software 10 = 25
        fit_grade="C",
        engagement_score="40.00",  # demo 50 * 0.8 (age 15) = 40
        engagement_grade="2",
        mql_reason=None,  # fit 25 < 30; demo 15 days > 7
    ),
    # --- HC04: Head of Growth (director, marketing), Retail 30 employees, lead country US.
    # Demo 7 days ago.
    Expected(
        "HC04",
        DEFAULT,
        fit_score="20.00",  # director 15 + US 5 (the lead's country beats the account's BR)
        fit_grade="C",  # 20 >= 20, so no fit gate either
        engagement_score="34.03",  # demo 40 * 0.5**(7/30) = 34.0267
        engagement_grade="2",
        mql_reason=None,  # fit 20 < 40; fast-track needs fit >= 25 (20)
    ),
    Expected(
        "HC04",
        INTENT,
        fit_score="20.00",  # senior 20
        fit_grade="C",
        engagement_score="50.00",  # demo 50 * 1.0 (age 7: 0-7 band edge)
        engagement_grade="2",
        mql_reason="fast_track:ft_demo_request",  # demo 7 <= 7 days, fit 20 >= 20; fit < 30
    ),
    # --- HC05: CTO at a competitor (Software 300, GB) with a gmail address.
    # Meeting booked 2 days ago.
    Expected(
        "HC05",
        DEFAULT,
        fit_score="60.00",  # executive 20 + engineering 10 + size 15 + software 10 + GB 5
        fit_grade="A",
        engagement_score="38.19",  # demo 40 * 0.5**(2/30) = 38.1937
        engagement_grade="2",
        disqualification_reason="competitor",  # competitor (1) beats free mail (6)
        mql_reason=None,  # disqualified, although the fast-track would apply (2 days, fit 60)
    ),
    Expected(
        "HC05",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + software 10
        fit_grade="A",  # x1.3
        engagement_score="65.00",  # demo 50 * 1.0 * 1.3 = 65
        engagement_grade="1",
        disqualification_reason="competitor",
        mql_reason=None,
    ),
    # --- HC06: Chief Information Officer at a customer (Financial Services 6000, US).
    # Trial today.
    Expected(
        "HC06",
        DEFAULT,
        fit_score="65.00",  # executive 20 + it 10 + size >= 5000 20 + fin. services 10 + US 5
        fit_grade="A",
        engagement_score="35.00",  # trial 35 * 0.5**0
        engagement_grade="2",
        disqualification_reason="current customer",
        mql_reason=None,  # would meet 65 >= 40 and 35 >= 30
    ),
    Expected(
        "HC06",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + fin. services 10
        fit_grade="A",
        engagement_score="52.00",  # trial 40 * 1.0 * 1.3 = 52
        engagement_grade="2",
        disqualification_reason="current customer",
        mql_reason=None,
    ),
    # --- HC07: Engineer, qa.bot@test.com, no account, US. Integrations page today.
    Expected(
        "HC07",
        DEFAULT,
        fit_score="15.00",  # engineering 10 + US 5
        fit_grade="D",
        engagement_score="4.00",  # integrations page 3 * 0.5**0 + page view 1 * (1 - 0/60)
        # = 4; fit 15 < 20 but 4 <= gate cap 15
        engagement_grade="4",
        disqualification_reason="blocked email domain",
        mql_reason=None,
    ),
    Expected(
        "HC07",
        INTENT,
        fit_score="0.00",  # no intent-heavy fit rule matches
        fit_grade="D",
        engagement_score="0.00",  # page view 1 * (1 - 0/30) = 1, excluded: fit 0 < 10
        engagement_grade="4",
        disqualification_reason=None,  # intent-heavy has no blocked-domain disqualifier
        mql_reason=None,
    ),
    # --- HC08: PhD Student, mathilde.weber@ox.ac.uk, no account, GB.
    # Security whitepaper downloaded 30 days ago.
    Expected(
        "HC08",
        DEFAULT,
        fit_score="5.00",  # GB 5 (students earn no seniority points)
        fit_grade="D",
        engagement_score="6.50",  # download 8 * 0.5**(30/30) = 4 + security 5 * 0.5 = 2.5
        engagement_grade="4",
        disqualification_reason="student email domain",  # domain (4) beats title (5)
        mql_reason=None,
    ),
    Expected(
        "HC08",
        INTENT,
        fit_score="0.00",
        fit_grade="D",
        engagement_score="0.00",  # download 5 * 0.8 = 4, excluded: fit 0 < 10
        engagement_grade="4",
        disqualification_reason="student email domain",
        mql_reason=None,
    ),
    # --- HC09: Data Science Intern, Software 1200, country US from the account.
    # Email click 14 days ago.
    Expected(
        "HC09",
        DEFAULT,
        fit_score="40.00",  # data 10 + size 15 + software 10 + US 5 (interns: no seniority)
        fit_grade="B",
        engagement_score="1.50",  # click 3 * 0.5**(14/14) = 1.5
        engagement_grade="4",
        disqualification_reason="student or intern",
        mql_reason=None,
    ),
    Expected(
        "HC09",
        INTENT,
        fit_score="25.00",  # >= 200 employees 15 + software 10
        fit_grade="C",
        engagement_score="1.60",  # click 2 * 0.8 (age 14) = 1.6
        engagement_grade="4",
        disqualification_reason=None,  # no student-title disqualifier in intent-heavy
        mql_reason=None,
    ),
    # --- HC10: Zoë Ångström-Núñez, Head of Données, zoe.angstrom@proton.me, no account, FR.
    # Pricing page today.
    Expected(
        "HC10",
        DEFAULT,
        fit_score="20.00",  # director (head) 15 + FR 5
        fit_grade="C",
        engagement_score="10.00",  # pricing 10 * 0.5**0
        engagement_grade="3",
        disqualification_reason="free-mail address",
        mql_reason=None,
    ),
    Expected(
        "HC10",
        INTENT,
        fit_score="20.00",  # senior 20
        fit_grade="C",
        engagement_score="8.00",  # pricing 8 * 1.0
        engagement_grade="4",
        disqualification_reason=None,  # no free-mail disqualifier in intent-heavy
        mql_reason=None,  # fit 20 < 30
    ),
    # --- HC11: 'VP of "Data"; DROP TABLE raw.leads; --', Software 1200, US.
    # Pricing page 14 days ago.
    Expected(
        "HC11",
        DEFAULT,
        fit_score="60.00",  # vp 20 + data function 10 + size 15 + software 10 + US 5; quotes
        # separate words, so '"Data"' is the word data; no "data platform" in the title
        fit_grade="A",
        engagement_score="5.00",  # pricing 10 * 0.5**(14/14) = 5
        engagement_grade="4",
        mql_reason=None,
    ),
    Expected(
        "HC11",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + software 10
        fit_grade="A",
        engagement_score="8.32",  # pricing 8 * 0.8 (age 14) = 6.4 * 1.3 = 8.32
        engagement_grade="4",
        mql_reason=None,  # 8.32 < 40
    ),
    # --- HC12: Data Platform Manager, Financial services 5000, CA.
    # Email opens 7, 8, 60, 61, 91 days ago; blog views 15, 45, 75 days ago.
    Expected(
        "HC12",
        DEFAULT,
        fit_score="58.00",  # manager 8 + data 10 + "data platform" 5 + size >= 5000 20
        # + fin. services 10 + CA 5 = 58
        fit_grade="A",
        engagement_score="4.00",  # opens 1.0 + 0.8 + 0.6 + 0.4 + 0.2 = 3 (< cap 5)
        # + views 1 - 15/60 = 0.75, 1 - 45/60 = 0.25, max(0, 1 - 75/60) = 0 => 1; last
        # positive activity 7 days ago: no penalty
        engagement_grade="4",
        mql_reason=None,
    ),
    Expected(
        "HC12",
        INTENT,
        fit_score="35.00",  # manager 10 + >= 200 employees 15 + fin. services 10
        fit_grade="B",
        engagement_score="0.55",  # no email-open rule; views 1 - 15/30 = 0.5, 0, 0
        # => 0.5 * 1.1 = 0.55
        engagement_grade="4",
        mql_reason=None,
    ),
    # --- HC13: Engineering Manager, Software 1200, US from the account. Unsubscribed 100
    # days ago, careers pages 30 days ago and today, trial and webinar today.
    Expected(
        "HC13",
        DEFAULT,
        fit_score="48.00",  # manager 8 + engineering 10 + size 15 + software 10 + US 5
        fit_grade="B",
        engagement_score="17.50",  # trial 35 + webinar 10 + unsubscribe -20 (no decay, 100
        # days old) + careers -5 * 0.5**(30/30) - 5 * 0.5**0 = -7.5 => 17.5
        engagement_grade="3",
        mql_reason=None,  # 17.5 < 30
    ),
    Expected(
        "HC13",
        INTENT,
        fit_score="35.00",  # manager 10 + >= 200 employees 15 + software 10
        fit_grade="B",
        engagement_score="25.30",  # (trial 40 + webinar 8 - unsubscribe 25) = 23 * 1.1
        # (careers pages earn nothing here)
        engagement_grade="3",
        mql_reason=None,  # 25.3 < 40
    ),
    # --- HC14: Director, IT Infrastructure, Financial services 5000, CA. Five pricing views
    # today.
    Expected(
        "HC14",
        DEFAULT,
        fit_score="60.00",  # director 15 + it 10 + size 20 + fin. services 10 + CA 5
        fit_grade="A",
        engagement_score="30.00",  # pricing 5 * 10 = 50, rule cap 30
        engagement_grade="2",
        mql_reason="thresholds",  # 60 >= 40, 30 >= 30
    ),
    Expected(
        "HC14",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + fin. services 10
        fit_grade="A",
        engagement_score="41.60",  # pricing 5 * 8 = 40, rule cap 32; 32 * 1.3 = 41.6
        engagement_grade="2",
        mql_reason="thresholds",  # 45 >= 30, 41.6 >= 40, pricing today is high intent
    ),
    # --- HC15: Chief Data Officer, Financial services 5000, CA. Demo, trial and contact
    # request today.
    Expected(
        "HC15",
        DEFAULT,
        fit_score="65.00",  # executive 20 + data 10 + size 20 + fin. services 10 + CA 5
        fit_grade="A",
        engagement_score="100.00",  # 40 + 35 + 30 = 105, total cap 100
        engagement_grade="1",
        mql_reason="thresholds",  # thresholds named before the fast-track that also applies
    ),
    Expected(
        "HC15",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + fin. services 10
        fit_grade="A",
        engagement_score="120.00",  # (50 + 40 + 40) * 1.3 = 169, total cap 120
        engagement_grade="1",
        mql_reason="thresholds",
    ),
    # --- HC16: VP Engineering, Software 1200, US. Demo and webinar 60 days ago, email open
    # 90 days ago, careers page 30 days ago.
    Expected(
        "HC16",
        DEFAULT,
        fit_score="60.00",  # vp 20 + engineering 10 + size 15 + software 10 + US 5
        fit_grade="A",
        engagement_score="2.40",  # demo 40 * 0.5**2 = 10 + webinar 10 * 0.25 = 2.5 + open
        # 1 * 0.4 (61-90 band) + careers -5 * 0.5 = -2.5 => 10.4; last positive activity 60
        # days ago (careers is negative, not activity): floor((60 - 30) / 7) = 4 * 2 = 8
        # => 10.4 - 8 = 2.4
        engagement_grade="4",
        mql_reason=None,
    ),
    Expected(
        "HC16",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + software 10
        fit_grade="A",
        engagement_score="45.24",  # (demo 50 * 0.6 + webinar 8 * 0.6) = 34.8 * 1.3 = 45.24
        engagement_grade="2",
        mql_reason=None,  # 45 >= 30, 45.24 >= 40, but no high-intent event <= 30 days old
    ),
    # --- HC17: Marketing Consultant, Media 5 employees, ES. Meeting booked and pricing
    # page today.
    Expected(
        "HC17",
        DEFAULT,
        fit_score="-15.00",  # consultant -5 + fewer than 10 employees -10
        fit_grade="D",
        engagement_score="15.00",  # demo 40 + pricing 10 = 50; fit -15 < 20: capped at 15
        engagement_grade="3",
        mql_reason=None,  # fast-track needs fit >= 25
    ),
    Expected(
        "HC17",
        INTENT,
        fit_score="-10.00",  # fewer than 10 employees -10
        fit_grade="D",
        engagement_score="0.00",  # demo 50 + pricing 8 = 58, excluded: fit -10 < 10
        engagement_grade="4",
        mql_reason=None,  # fast-track needs fit >= 20
    ),
    # --- HC18: Director of Data, Manufacturing 800, DE. Webinar at 23:59:59 on AS_OF; demo
    # at 00:00:00 the day after and a trial in December, both ignored.
    Expected(
        "HC18",
        DEFAULT,
        fit_score="45.00",  # director 15 + data 10 + size 15 + DE 5
        fit_grade="B",
        engagement_score="10.00",  # webinar 10 * 0.5**0 only
        engagement_grade="3",
        mql_reason=None,  # a counted demo would fast-track (fit 45 >= 25)
    ),
    Expected(
        "HC18",
        INTENT,
        fit_score="35.00",  # senior 20 + >= 200 employees 15
        fit_grade="B",
        engagement_score="8.80",  # webinar 8 * 1.0 * 1.1
        engagement_grade="4",
        mql_reason=None,
    ),
    # --- HC19: VP of Finance, Financial services 5000, CA. No events.
    Expected(
        "HC19",
        DEFAULT,
        fit_score="55.00",  # vp 20 + size 20 + fin. services 10 + CA 5 (finance not core)
        fit_grade="A",  # 55 >= 55
        engagement_score="0.00",
        engagement_grade="4",
        mql_reason=None,
    ),
    Expected(
        "HC19",
        INTENT,
        fit_score="45.00",  # senior 20 + >= 200 employees 15 + fin. services 10
        fit_grade="A",  # 45 >= 45
        engagement_score="0.00",
        engagement_grade="4",
        mql_reason=None,
    ),
    # --- HC20: IT Manager, Software 1200, US. One email open 200 days ago.
    Expected(
        "HC20",
        DEFAULT,
        fit_score="48.00",  # manager 8 + it 10 + size 15 + software 10 + US 5
        fit_grade="B",
        engagement_score="0.00",  # open 1 * 0.2 (91+ band); penalty floor(170 / 7) = 24 * 2
        # = 48, but never more than the 0.2 points the lead has => 0
        engagement_grade="4",
        mql_reason=None,
    ),
    Expected(
        "HC20",
        INTENT,
        fit_score="35.00",  # manager 10 + >= 200 employees 15 + software 10
        fit_grade="B",
        engagement_score="0.00",  # intent-heavy has no email-open rule
        engagement_grade="4",
        mql_reason=None,
    ),
    # --- HC21: no job title, Retail 30 employees, BR from the account. Email click 28 days
    # ago.
    Expected(
        "HC21",
        DEFAULT,
        fit_score="-5.00",  # no title -5
        fit_grade="D",
        engagement_score="0.75",  # click 3 * 0.5**(28/14) = 0.75 (<= gate cap 15)
        engagement_grade="4",
        mql_reason=None,
    ),
    Expected(
        "HC21",
        INTENT,
        fit_score="0.00",
        fit_grade="D",
        engagement_score="0.00",  # click 2 * 0.8 = 1.6, excluded: fit 0 < 10
        engagement_grade="4",
        mql_reason=None,
    ),
    # --- HC22-HC27: MQL timelines (transitions in test_mql_history.py). VP Engineering at
    # HCA01, like HC16: fit 60 (A) under b2b_default, 45 (A, engagement x1.3) under
    # b2b_intent_heavy. Their scores on AS_OF:
    Expected(
        "HC22",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="0.00",  # demo 40 * 0.5**(100/30) = 3.97; inactive 100 days:
        # floor((100 - 30) / 7) = 10 * 2 = 20, limited to the 3.97 the lead has => 0
        engagement_grade="4",
    ),
    Expected(
        "HC22",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="13.00",  # demo 50 * 0.2 (91+ band) = 10 * 1.3 = 13
        engagement_grade="4",
    ),
    Expected(
        "HC23",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="0.00",  # pricing 3 * 10 * 0.5**(50/14) = 2.52; inactive 50 days:
        # floor(20 / 7) = 2 * 2 = 4, limited to 2.52 => 0
        engagement_grade="4",
    ),
    Expected(
        "HC23",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="18.72",  # pricing 3 * 8 = 24 * 0.6 (31-60 band) = 14.4 * 1.3
        engagement_grade="3",
    ),
    Expected(
        "HC24",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="28.28",  # demo 40 * 0.5**(15/30) = 28.284
        engagement_grade="3",
        mql_reason="thresholds",  # below 30 but at least the exit threshold 25: held in
    ),
    Expected(
        "HC24",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="52.00",  # demo 50 * 0.8 (8-30 band) = 40 * 1.3
        engagement_grade="2",
        mql_reason="thresholds",
    ),
    Expected(
        "HC25",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="47.06",  # demo 40 * 0.5**(40/30) = 15.874 + trial 35 *
        # 0.5**(5/30) = 31.181 => 47.055
        engagement_grade="2",
        mql_reason="thresholds",  # recycled 35 days ago, then a trial: an MQL again
    ),
    Expected(
        "HC25",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="91.00",  # (demo 50 * 0.6 + trial 40 * 1.0) = 70 * 1.3
        engagement_grade="1",
        mql_reason="thresholds",
    ),
    Expected(
        "HC26",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="57.85",  # demo 40 * 0.5**(20/30) = 25.198 + trial 35 *
        # 0.5**(3/30) = 32.656 => 57.855
        engagement_grade="1",
        mql_reason="thresholds",  # rejected 18 days ago, then a trial: an MQL again
    ),
    Expected(
        "HC26",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="104.00",  # (demo 50 * 0.8 + trial 40) = 80 * 1.3
        engagement_grade="1",
        mql_reason=None,  # meets the definition, but reentry_after_rejected is never
    ),
    Expected(
        "HC27",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="53.42",  # demo 40 * 0.5 = 20 + trial 35 * 0.5**(2/30) = 33.419
        engagement_grade="1",
        mql_reason=None,  # converted to an opportunity 25 days ago
    ),
    Expected(
        "HC27",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="104.00",  # (demo 50 * 0.8 (age 30) + trial 40) = 80 * 1.3
        engagement_grade="1",
        mql_reason=None,  # converted to an opportunity 25 days ago
    ),
    Expected(
        "HC28",
        DEFAULT,
        fit_score="60.00",
        fit_grade="A",
        engagement_score="24.06",  # demo 40 * 0.5**(22/30) = 24.0605; active 22 days ago
        engagement_grade="3",
        mql_reason=None,  # entered on its creation day, left on 10-31 (test_mql_history.py)
    ),
    Expected(
        "HC28",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="52.00",  # demo 50 * 0.8 (8-30 band) = 40 * 1.3
        engagement_grade="2",
        mql_reason="thresholds",
    ),
    # --- HC29, HC30: a demo 17 days ago (40 * 0.5**(17/30) = 27.007 under b2b_default;
    # 50 * 0.8 = 40 under b2b_intent_heavy), and a new version of the lead's attributes.
    Expected(
        "HC29",
        DEFAULT,
        fit_score="60.00",  # the email domain earns no fit points
        fit_grade="A",
        engagement_score="27.01",
        engagement_grade="3",
        disqualification_reason="free-mail address",  # the version of 12 days ago: gmail.com
    ),
    Expected(
        "HC29",
        INTENT,
        fit_score="45.00",
        fit_grade="A",
        engagement_score="52.00",  # 40 * 1.3; b2b_intent_heavy does not disqualify free mail
        engagement_grade="2",
        mql_reason="thresholds",
    ),
    Expected(
        "HC30",
        DEFAULT,
        fit_score="30.00",  # "Office Assistant": size 15 + software 10 + US 5
        fit_grade="C",
        engagement_score="27.01",
        engagement_grade="3",
    ),
    Expected(
        "HC30",
        INTENT,
        fit_score="25.00",  # size 15 + software 10
        fit_grade="C",
        engagement_score="40.00",  # 40 * 1.0 (grade C)
        engagement_grade="2",
    ),
]

SCORE_COLUMNS = list(Expected("", "", "0", "", "0", "").as_row())


def lead_score_row(warehouse: Path, lead_id: str, scoring_model: str) -> dict[str, object]:
    rows = query(
        warehouse,
        f"select {', '.join(SCORE_COLUMNS)} from marts.lead_scores"
        " where lead_id = ? and scoring_model = ?",
        [lead_id, scoring_model],
    )
    assert len(rows) == 1, f"{lead_id}/{scoring_model}: expected one row, got {len(rows)}"
    return dict(zip(SCORE_COLUMNS, rows[0], strict=True))


def explanation_points(
    warehouse: Path, lead_id: str, scoring_model: str, components: tuple[str, ...]
) -> dict[str, Decimal]:
    rows = query(
        warehouse,
        "select rule_id, contributed_points from marts.lead_score_explanations"
        " where lead_id = ? and scoring_model = ?"
        f" and component in ({', '.join('?' for _ in components)})",
        [lead_id, scoring_model, *components],
    )
    return dict(rows)


def summary(warehouse: Path, lead_id: str, scoring_model: str) -> str:
    rows = query(
        warehouse,
        "select mql_reason_summary from marts.lead_scores where lead_id = ? and scoring_model = ?",
        [lead_id, scoring_model],
    )
    return rows[0][0]


ENGAGEMENT_COMPONENTS = ("engagement", "penalty", "gate", "multiplier", "cap")


def explanation_case_id(value: object) -> str:
    """Test id part: lead and model as they are, components as fit/engagement, a row count."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return "fit" if value == ("fit",) else "engagement"
    assert isinstance(value, dict)
    return f"{len(value)}-rows"


def test_every_handcrafted_lead_has_an_expectation_per_model() -> None:
    assert len(handcrafted.LEAD_IDS) >= 15
    covered = {(case.lead_id, case.scoring_model) for case in EXPECTED}
    wanted = {(lead, model) for lead in handcrafted.LEAD_IDS for model in (DEFAULT, INTENT)}
    assert covered == wanted
    assert len(EXPECTED) == len(covered)


@pytest.mark.parametrize(
    "case", EXPECTED, ids=[f"{case.lead_id}-{case.scoring_model}" for case in EXPECTED]
)
def test_handcrafted_lead_scores(warehouse: Path, case: Expected) -> None:
    assert lead_score_row(warehouse, case.lead_id, case.scoring_model) == case.as_row()


def test_every_handcrafted_lead_is_scored_by_both_models(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select scoring_model, count(*) from marts.lead_scores"
        " where lead_id like 'HC%' group by scoring_model order by scoring_model",
    )
    leads = len(handcrafted.LEAD_IDS)
    assert rows == [(DEFAULT, leads), (INTENT, leads)]


def test_sql_in_a_job_title_is_data(warehouse: Path) -> None:
    # raw.leads was not dropped, and the title was matched as text: the word "VP" gives
    # seniority vp; quotes separate words, so '"Data"' is the word data (function data, in
    # core_functions); the title does not contain "data platform" or "data infrastructure".
    hc_leads = query(warehouse, "select count(*) from raw.leads where lead_id like 'HC%'")
    assert hc_leads == [(len(handcrafted.LEADS),)]
    rows = query(
        warehouse,
        "select seniority, job_function from marts.lead_scores"
        " where lead_id = 'HC11' and scoring_model = ?",
        [DEFAULT],
    )
    assert rows == [("vp", "data")]
    assert explanation_points(warehouse, "HC11", DEFAULT, ("fit",)) == {
        "fit_seniority_vp": Decimal("20.00"),  # vp
        "fit_function_core": Decimal("10.00"),  # data
        "fit_size_mid": Decimal("15.00"),  # 1200 employees
        "fit_industry_target": Decimal("10.00"),  # software
        "fit_market_core": Decimal("5.00"),  # US
    }


@pytest.mark.parametrize(
    ("lead_id", "expected"),
    [
        # country from the account when the lead has none
        ("HC01", ("bergmann-hc.de", "HCA02", "vp", "marketing", "DE")),
        # the lead's own country beats the account's (BR)
        ("HC04", ("lojaazul-hc.com.br", "HCA03", "director", "marketing", "US")),
        # no account: everything from the lead; non-ASCII title
        ("HC10", ("proton.me", None, "director", "other", "FR")),
        # no title at all
        ("HC21", ("lojaazul-hc.com.br", "HCA03", "unknown", "unknown", "BR")),
    ],
)
def test_lead_attributes(warehouse: Path, lead_id: str, expected: tuple) -> None:
    rows = query(
        warehouse,
        "select email_domain, account_id, seniority, job_function, country"
        " from marts.lead_scores where lead_id = ? and scoring_model = ?",
        [lead_id, DEFAULT],
    )
    assert rows == [expected]


def test_non_ascii_and_quoted_names_survive(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select lead_id, first_name, last_name from staging.stg_crm__leads"
        " where lead_id in ('HC02', 'HC06', 'HC10') order by lead_id",
    )
    assert rows == [
        ("HC02", "João", "Conceição"),
        ("HC06", "Liam", "O'Connor"),
        ("HC10", "Zoë", "Ångström-Núñez"),
    ]


@pytest.mark.parametrize(
    ("lead_id", "scoring_model", "components", "expected"),
    [
        (
            "HC01",
            DEFAULT,
            ("fit",),
            {
                "fit_seniority_vp": "20.00",  # vp
                "fit_size_mid": "15.00",  # 800 employees
                "fit_market_core": "5.00",  # DE, from the account
            },
        ),
        (
            "HC01",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "20.00",  # 40 * 0.5**(30/30)
                "eng_webinar_attended": "10.00",  # 10 * 0.5**0
            },
        ),
        (
            "HC01",
            INTENT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "40.00",  # 50 * 0.8
                "eng_webinar_attended": "8.00",  # 8 * 1.0
                "fit_grade_multiplier": "4.80",  # (40 + 8) * (1.1 - 1)
            },
        ),
        (
            "HC12",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_email_open": "3.00",  # 1.0 + 0.8 + 0.6 + 0.4 + 0.2
                "eng_page_view": "1.00",  # 0.75 + 0.25 + 0
            },
        ),
        (
            "HC12",
            INTENT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_page_view": "0.50",  # 1 - 15/30, then 0 and 0
                "fit_grade_multiplier": "0.05",  # 0.5 * (1.1 - 1)
            },
        ),
        (
            "HC13",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_trial_signup": "35.00",  # 35 * 0.5**0
                "eng_webinar_attended": "10.00",  # 10 * 0.5**0
                "eng_unsubscribe": "-20.00",  # -20, no decay at 100 days
                "eng_careers_view": "-7.50",  # -5 * 0.5**(30/30) - 5 * 0.5**0
            },
        ),
        (
            "HC15",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "40.00",
                "eng_trial_signup": "35.00",
                "eng_contact_request": "30.00",
                "total_engagement_cap": "-5.00",  # 100 - 105
            },
        ),
        (
            "HC15",
            INTENT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "50.00",
                "eng_trial_signup": "40.00",
                "eng_contact_request": "40.00",
                "fit_grade_multiplier": "39.00",  # 130 * (1.3 - 1)
                "total_engagement_cap": "-49.00",  # 120 - 169
            },
        ),
        (
            "HC16",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "10.00",  # 40 * 0.5**(60/30)
                "eng_webinar_attended": "2.50",  # 10 * 0.5**(60/30)
                "eng_email_open": "0.40",  # 1 * 0.4 (age 90: 61-90 band edge)
                "eng_careers_view": "-2.50",  # -5 * 0.5**(30/30)
                "inactivity_penalty": "-8.00",  # floor((60 - 30) / 7) * 2
            },
        ),
        (
            "HC17",
            DEFAULT,
            ("fit",),
            {
                "fit_title_consultant": "-5.00",
                "fit_size_micro": "-10.00",  # 5 employees
            },
        ),
        (
            "HC17",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "40.00",
                "eng_pricing_view": "10.00",
                "fit_gate": "-35.00",  # capped at 15: 15 - 50
            },
        ),
        (
            "HC17",
            INTENT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_demo_request": "50.00",
                "eng_pricing_view": "8.00",
                "fit_gate": "-58.00",  # excluded: 0 - 58 (the x0.8 of nothing adds no row)
            },
        ),
        (
            "HC20",
            DEFAULT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_email_open": "0.20",  # 1 * 0.2 (91+ band)
                "inactivity_penalty": "-0.20",  # 48 wanted, limited to the 0.2 there is
            },
        ),
        (
            "HC07",
            INTENT,
            ENGAGEMENT_COMPONENTS,
            {
                "eng_page_view": "1.00",  # 1 * (1 - 0/30)
                "fit_gate": "-1.00",  # excluded: fit 0 < 10
            },
        ),
        ("HC19", DEFAULT, ENGAGEMENT_COMPONENTS, {}),  # no events, nothing to adjust
    ],
    ids=explanation_case_id,
)
def test_explanation_rows(
    warehouse: Path,
    lead_id: str,
    scoring_model: str,
    components: tuple[str, ...],
    expected: dict[str, str],
) -> None:
    points = explanation_points(warehouse, lead_id, scoring_model, components)
    assert points == {rule_id: Decimal(value) for rule_id, value in expected.items()}


def test_capped_rule_shows_raw_and_contributed_points(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select event_count, raw_points, contributed_points from marts.lead_score_explanations"
        " where lead_id = 'HC14' and scoring_model = ? and rule_id = 'eng_pricing_view'",
        [DEFAULT],
    )
    # 5 views * 10 points = 50 before decay (age 0) and cap; rule cap 30
    assert rows == [(5, Decimal("50.00"), Decimal("30.00"))]


def test_explanations_add_up_for_handcrafted_leads(warehouse: Path) -> None:
    rows = query(
        warehouse,
        """
        select scores.lead_id, scores.scoring_model
        from marts.lead_scores as scores
        left join (
            select
                lead_id,
                scoring_model,
                sum(case when component = 'fit' then contributed_points else 0 end) as fit,
                sum(case when component != 'fit' then contributed_points else 0 end) as engagement
            from marts.lead_score_explanations
            group by lead_id, scoring_model
        ) as explained
            on scores.lead_id = explained.lead_id
                and scores.scoring_model = explained.scoring_model
        where scores.lead_id like 'HC%'
            and (coalesce(explained.fit, 0) != scores.fit_score
                or coalesce(explained.engagement, 0) != scores.engagement_score)
        """,
    )
    assert rows == []


def test_activity_ignores_negative_and_future_events(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "select lead_id, last_activity_at, days_since_activity from marts.lead_scores"
        " where lead_id in ('HC16', 'HC18', 'HC19') and scoring_model = ? order by lead_id",
        [DEFAULT],
    )
    assert rows == [
        # the webinar 60 days ago at 17:00; the careers page 30 days ago is negative
        ("HC16", handcrafted.days_ago(60, 17), 60),
        # the webinar at the last second of AS_OF; the demo a second later does not count
        ("HC18", handcrafted.days_ago(0, 23, 59, 59), 0),
        ("HC19", None, None),  # no events
    ]


@pytest.mark.parametrize(
    ("lead_id", "scoring_model", "verdict", "top_rule", "next_rule"),
    [
        # threshold MQL: demo 40 is the largest contribution, then trial 35
        ("HC15", DEFAULT, "MQL", "Requested a demo (+40.00)", "Started a trial (+35.00)"),
        # threshold MQL: pricing 30 (capped) beats size >= 5000 20
        ("HC14", DEFAULT, "MQL", "Viewed pricing (+30.00)", "Company of 5000 or more"),
        # fast-track MQL: demo 28.95 beats director 15
        ("HC02", DEFAULT, "MQL", "Requested a demo (+28.95)", "Director or head of a function"),
        # intent fast-track: demo 50 beats senior 20
        ("HC04", INTENT, "MQL", "Requested a demo (+50.00)", "Director, VP or C-level (+20.00)"),
        # disqualified: still explains the strongest rules (fit 60: executive 20 = size ...)
        ("HC05", DEFAULT, "Not an MQL", "Requested a demo (+38.19)", "C-level or founder"),
    ],
    ids=["HC15-default", "HC14-default", "HC02-default", "HC04-intent", "HC05-default"],
)
def test_reason_summary_names_the_top_rule_first(
    warehouse: Path, lead_id: str, scoring_model: str, verdict: str, top_rule: str, next_rule: str
) -> None:
    text = summary(warehouse, lead_id, scoring_model)
    assert text.startswith(verdict), text
    assert top_rule in text, text
    assert next_rule in text, text
    assert text.index(top_rule) < text.index(next_rule), text


@pytest.mark.parametrize(
    ("scoring_model", "gate_note"),
    [
        # b2b_default: fit -15 < gate 20, gate_mode cap: demo 40 + pricing 10 held at 15
        (DEFAULT, "Engagement capped: fit below 20.00."),
        # b2b_intent_heavy: fit below gate 10, gate_mode exclude: engagement counts 0
        (INTENT, "Engagement ignored: fit below 10.00."),
    ],
    ids=["HC17-default-cap", "HC17-intent-exclude"],
)
def test_reason_summary_does_not_credit_gated_engagement(
    warehouse: Path, scoring_model: str, gate_note: str
) -> None:
    # HC17 requested a demo and viewed pricing today, but its fit is below the gate: the
    # summary says the gate acted and names neither engagement rule as a reason
    text = summary(warehouse, "HC17", scoring_model)
    assert gate_note in text, text
    assert "Requested a demo" not in text, text
    assert "Viewed pricing" not in text, text
