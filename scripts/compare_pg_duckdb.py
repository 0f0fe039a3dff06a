"""Compare the public tables of a DuckDB build and a PostgreSQL build row by row.

Rows are compared as multisets of tuples over the DuckDB table's columns; floats are compared
to 1e-6, everything else exactly. Prints the differing rows (up to --show per table) and exits
1 when any table differs. PostgreSQL connection from the PG* variables or --dsn.

Usage::

    python scripts/compare_pg_duckdb.py --duckdb /tmp/x.duckdb
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import duckdb
import psycopg2

TABLES = [
    "marts.lead_scores",
    "marts.lead_score_explanations",
    "marts.mql_transitions",
    "marts.rejected_rows",
    "marts.source_reconciliation",
    "marts.unmapped_event_types",
]


def normalise(value: object) -> object:
    if isinstance(value, float):
        return round(value, 6)
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", required=True, help="DuckDB file of the DuckDB build")
    parser.add_argument("--dsn", default="", help="libpq connection string (default: PG* vars)")
    parser.add_argument("--show", type=int, default=5, help="differing rows to print per table")
    parser.add_argument("tables", nargs="*", default=TABLES, help="schema.table to compare")
    args = parser.parse_args(argv)

    duck = duckdb.connect(args.duckdb, read_only=True)
    pg = psycopg2.connect(args.dsn)
    differs = False
    for table in args.tables:
        schema, name = table.split(".")
        columns = [
            row[0]
            for row in duck.execute(
                "select column_name from information_schema.columns where table_schema = ?"
                " and table_name = ? order by ordinal_position",
                [schema, name],
            ).fetchall()
        ]
        select = f"select {', '.join(columns)} from {table}"
        duck_rows = Counter(tuple(map(normalise, r)) for r in duck.execute(select).fetchall())
        with pg.cursor() as cur:
            cur.execute(select)
            pg_rows = Counter(tuple(map(normalise, r)) for r in cur.fetchall())
        only_duck, only_pg = duck_rows - pg_rows, pg_rows - duck_rows
        total = sum(duck_rows.values())
        if not only_duck and not only_pg:
            print(f"{table}: equal ({total} rows)")
            continue
        differs = True
        print(
            f"{table}: DIFFERENT: duckdb {total} rows, postgres {sum(pg_rows.values())} rows;"
            f" {sum(only_duck.values())} only in duckdb, {sum(only_pg.values())} only in postgres"
        )
        for label, rows in (("duckdb  ", only_duck), ("postgres", only_pg)):
            for row in sorted(rows, key=repr)[: args.show]:
                print(f"  {label}: {dict(zip(columns, row, strict=True))}")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
