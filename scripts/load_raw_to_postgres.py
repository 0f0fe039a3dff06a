"""Copy the raw demo tables from a DuckDB file into schema ``raw`` of a PostgreSQL database.

Each table (accounts, leads, marketing_events, sales_dispositions, opportunities) is dropped,
re-created with the same column names and equivalent types, and filled through CSV and
``COPY FROM STDIN``. NULLs and empty strings survive the trip (unquoted empty = NULL).
The connection comes from the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD,
PGDATABASE (``scripts/pg_server.py`` prints them) or from --dsn.

Usage::

    python scripts/generate_demo_data.py --database /tmp/x.duckdb --leads 2000
    python scripts/load_raw_to_postgres.py --duckdb /tmp/x.duckdb
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import psycopg2
from generate_demo_data import RAW_TABLES

# DuckDB type -> PostgreSQL type; DECIMAL(p,s) keeps its precision.
TYPES = {
    "VARCHAR": "text",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "DOUBLE": "double precision",
    "BOOLEAN": "boolean",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
    "DATE": "date",
}


def pg_type(duckdb_type: str) -> str:
    decimal = re.fullmatch(r"DECIMAL\((\d+),\s*(\d+)\)", duckdb_type)
    if decimal:
        return f"numeric({decimal[1]}, {decimal[2]})"
    if duckdb_type not in TYPES:
        raise SystemExit(f"load_raw_to_postgres: no PostgreSQL type for DuckDB {duckdb_type}")
    return TYPES[duckdb_type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--duckdb", default="warehouse/mql.duckdb", help="DuckDB file to read")
    parser.add_argument("--dsn", default="", help="libpq connection string (default: PG* vars)")
    parser.add_argument("--schema", default="raw", help="schema to read and write")
    args = parser.parse_args(argv)

    source = duckdb.connect(args.duckdb, read_only=True)
    target = psycopg2.connect(args.dsn)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, target, target.cursor() as cur:
        cur.execute(f"create schema if not exists {args.schema}")
        for table in RAW_TABLES:
            columns = source.execute(
                "select column_name, data_type from information_schema.columns"
                " where table_schema = ? and table_name = ? order by ordinal_position",
                [args.schema, table],
            ).fetchall()
            if not columns:
                raise SystemExit(
                    f"load_raw_to_postgres: {args.schema}.{table} not in {args.duckdb}"
                )
            names = ", ".join(name for name, _ in columns)
            ddl = ", ".join(f"{name} {pg_type(dtype)}" for name, dtype in columns)
            csv = Path(tmp) / f"{table}.csv"
            # Timestamps as ISO text without zone: raw timestamps are naive UTC on both sides.
            source.execute(
                f"copy (select {names} from {args.schema}.{table}) to '{csv}' (format csv, header)"
            )
            # cascade: the staging views on it are re-created by dbt
            cur.execute(f"drop table if exists {args.schema}.{table} cascade")
            cur.execute(f"create table {args.schema}.{table} ({ddl})")
            with csv.open() as handle:
                cur.copy_expert(
                    f"copy {args.schema}.{table} ({names}) from stdin (format csv, header)", handle
                )
            cur.execute(f"select count(*) from {args.schema}.{table}")
            (loaded,) = cur.fetchone()
            (expected,) = source.execute(f"select count(*) from {args.schema}.{table}").fetchone()
            if loaded != expected:
                raise SystemExit(f"load_raw_to_postgres: {table}: {loaded} rows, want {expected}")
            print(f"{args.schema}.{table}: {loaded} rows")
        cur.execute("analyze")
    print(f"loaded in {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
