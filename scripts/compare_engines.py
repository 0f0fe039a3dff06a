"""Compare the public tables of a DuckDB build with the same build on PostgreSQL and/or Spark.

Rows are compared as multisets of tuples over the DuckDB table's columns: floats and decimals
to 1e-6, timestamps as naive UTC, everything else exactly. Each engine is compared with
DuckDB (so all of them are equal when every comparison is). Prints the differing rows (up
to --show per table and engine) and exits 1 when any table differs.
PostgreSQL: connection from the PG* variables or --dsn. Spark: the `spark` target's local
session (scripts/spark_local.py); no dbt command may run on it meanwhile.

Usage::

    python scripts/compare_engines.py --duckdb /tmp/x.duckdb --postgres --spark
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import sys
from collections import Counter
from collections.abc import Callable

import duckdb

TABLES = [
    "marts.lead_scores",
    "marts.lead_score_explanations",
    "marts.mql_transitions",
    "marts.rejected_rows",
    "marts.source_reconciliation",
    "marts.unmapped_event_types",
]

Reader = Callable[[str], list[tuple]]


def normalise(value: object) -> object:
    if isinstance(value, float | decimal.Decimal):
        return round(float(value), 6)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def postgres_reader(dsn: str) -> Reader:
    import psycopg2

    connection = psycopg2.connect(dsn)

    def read(select: str) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(select)
            return cursor.fetchall()

    return read


def spark_reader() -> Reader:
    from spark_local import session

    spark = session()
    return lambda select: [tuple(row) for row in spark.sql(select).collect()]


def compare(duck: duckdb.DuckDBPyConnection, engine: str, read: Reader, show: int) -> bool:
    """Print one line per table; True when every table is equal to DuckDB's."""
    equal = True
    for table in TABLES:
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
        other_rows = Counter(tuple(map(normalise, r)) for r in read(select))
        only_duck, only_other = duck_rows - other_rows, other_rows - duck_rows
        total = sum(duck_rows.values())
        if not only_duck and not only_other:
            print(f"{engine} {table}: equal ({total} rows)")
            continue
        equal = False
        print(
            f"{engine} {table}: DIFFERENT: duckdb {total} rows, {engine}"
            f" {sum(other_rows.values())} rows; {sum(only_duck.values())} only in duckdb,"
            f" {sum(only_other.values())} only in {engine}"
        )
        for label, rows in (("duckdb", only_duck), (engine, only_other)):
            for row in sorted(rows, key=repr)[:show]:
                print(f"  {label:8}: {dict(zip(columns, row, strict=True))}")
    return equal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", required=True, help="DuckDB file of the DuckDB build")
    parser.add_argument("--postgres", action="store_true", help="compare the postgres build")
    parser.add_argument("--dsn", default="", help="libpq connection string (default: PG* vars)")
    parser.add_argument("--spark", action="store_true", help="compare the spark build")
    parser.add_argument("--show", type=int, default=5, help="differing rows to print per table")
    args = parser.parse_args(argv)
    if not (args.postgres or args.spark):
        parser.error("name at least one engine: --postgres, --spark")

    duck = duckdb.connect(args.duckdb, read_only=True)
    equal = True
    if args.postgres:
        equal &= compare(duck, "postgres", postgres_reader(args.dsn), args.show)
    if args.spark:
        equal &= compare(duck, "spark", spark_reader(), args.show)
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
