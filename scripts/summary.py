"""Print the scoring summary of the last build: what `make demo` shows.

Reads the public tables (marts.lead_scores) of the DuckDB warehouse: leads scored, MQLs
per scoring model, the fit-grade x engagement-grade matrix of the primary model, and its
top 10 MQLs with their reasons.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

DEFAULT_DATABASE = os.environ.get("MQL_DUCKDB_PATH", "warehouse/mql.duckdb")
FIT_GRADES = ["A", "B", "C", "D"]
ENGAGEMENT_GRADES = ["1", "2", "3", "4"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database",
        default=DEFAULT_DATABASE,
        help="DuckDB file to read (default: $MQL_DUCKDB_PATH or warehouse/mql.duckdb)",
    )
    parser.add_argument("--top", type=int, default=10, help="how many MQLs to list (default 10)")
    return parser.parse_args(argv)


def models_table(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        """
        select
            scoring_model,
            is_primary_model,
            count(*) as leads,
            count(*) filter (where is_mql) as mqls,
            count(*) filter (where mql_reason = 'thresholds') as by_thresholds,
            count(*) filter (where mql_reason like 'fast_track:%') as by_fast_track,
            count(*) filter (where is_disqualified) as disqualified
        from marts.lead_scores
        group by scoring_model, is_primary_model
        order by is_primary_model desc, scoring_model
        """
    ).fetchall()


def grade_matrix(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], tuple[int, int]]:
    rows = con.execute(
        """
        select fit_grade, engagement_grade, count(*), count(*) filter (where is_mql)
        from marts.lead_scores
        where is_primary_model
        group by fit_grade, engagement_grade
        """
    ).fetchall()
    return {(fit, engagement): (leads, mqls) for fit, engagement, leads, mqls in rows}


def top_mqls(con: duckdb.DuckDBPyConnection, limit: int) -> list[tuple]:
    return con.execute(
        """
        select lead_id, score_tier, fit_score, engagement_score, mql_reason, mql_reason_summary
        from marts.lead_scores
        where is_primary_model and is_mql
        order by fit_score + engagement_score desc, lead_id
        limit ?
        """,
        [limit],
    ).fetchall()


def episode_outcomes(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Per scoring model: MQL episodes in the last 90 days, by how they ended."""
    return con.execute(
        """
        select scoring_model, coalesce(exit_reason, '(still an MQL)'), count(*),
            round(avg(days_as_mql), 1)
        from marts.mql_transitions
        where entered_on > as_of_date - 90
        group by all
        order by scoring_model, count(*) desc
        """
    ).fetchall()


def print_summary(con: duckdb.DuckDBPyConnection, top: int) -> None:
    as_of = con.execute("select max(as_of_date) from marts.lead_scores").fetchone()[0]
    models = models_table(con)
    print(f"\nLead scoring summary, as of {as_of}")
    print(f"Leads scored: {models[0][2]:,} (by {len(models)} scoring models)\n")
    print(f"{'scoring model':<20} {'MQLs':>7} {'thresholds':>11} {'fast-track':>11} {'disq.':>7}")
    for name, is_primary, leads, mqls, by_thresholds, by_fast_track, disqualified in models:
        label = f"{name}{' *' if is_primary else ''}"
        share = f"{mqls / leads:.1%}" if leads else "-"
        print(
            f"{label:<20} {mqls:>7,} {by_thresholds:>11,} {by_fast_track:>11,} "
            f"{disqualified:>7,}   ({share} of leads)"
        )
    print("  * primary model\n")

    matrix = grade_matrix(con)
    print("Primary model: leads (MQLs) by fit grade x engagement grade")
    print("fit \\ engagement " + "".join(f"{grade:>16}" for grade in ENGAGEMENT_GRADES))
    for fit in FIT_GRADES:
        cells = []
        for engagement in ENGAGEMENT_GRADES:
            leads, mqls = matrix.get((fit, engagement), (0, 0))
            cells.append(f"{leads:>9,} ({mqls:>4,})")
        print(f"{fit:<17}" + "".join(f"{cell:>16}" for cell in cells))

    print("\nMQL episodes that began in the last 90 days, by how they ended")
    print(f"{'scoring model':<20} {'ended by':<26} {'episodes':>9} {'avg days':>9}")
    for name, reason, episodes, days in episode_outcomes(con):
        print(f"{name:<20} {reason:<26} {episodes:>9,} {days:>9}")

    print(f"\nTop {top} MQLs of the primary model")
    for lead_id, tier, fit, engagement, reason, summary in top_mqls(con, top):
        print(f"- {lead_id} [{tier}] fit {fit} engagement {engagement} via {reason}")
        print(f"    {summary}")
    print()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(args.database).exists():
        print(f"No warehouse at {args.database}: run `make demo` (or `make build`) first.")
        return 1
    with duckdb.connect(args.database, read_only=True) as con:
        print_summary(con, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
