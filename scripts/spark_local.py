"""The local Spark of the `spark` target: a session with the profile's settings, and raw loading.

The session is built from the `spark` output of profiles.yml (its server_side_parameters,
rendered with the same environment variables dbt sees), so scripts read and write the very
tables and metastore dbt uses. Derby, the metastore, allows one JVM at a time: run these
between dbt commands, not during one.

Usage::

    python scripts/spark_local.py load-raw --duckdb /tmp/x.duckdb   # raw.* from DuckDB
    python scripts/spark_local.py sql "select count(*) from marts.lead_scores"
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import jinja2
import yaml
from generate_demo_data import RAW_TABLES

ROOT = Path(__file__).resolve().parents[1]
# DuckDB type -> Spark type; DECIMAL(p,s) keeps its precision. Raw timestamps are naive UTC.
TYPES = {
    "VARCHAR": "string",
    "INTEGER": "int",
    "BIGINT": "bigint",
    "DOUBLE": "double",
    "BOOLEAN": "boolean",
    "TIMESTAMP": "timestamp",
    "DATE": "date",
}


def spark_type(duckdb_type: str) -> str:
    if re.fullmatch(r"DECIMAL\(\d+,\s*\d+\)", duckdb_type):
        return duckdb_type.lower()
    if duckdb_type not in TYPES:
        raise SystemExit(f"spark_local: no Spark type for DuckDB {duckdb_type}")
    return TYPES[duckdb_type]


def profile_parameters() -> dict[str, str]:
    """The spark output's server_side_parameters, rendered as dbt renders profiles.yml."""
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    environment.filters["as_number"] = float
    text = (Path(os.environ.get("DBT_PROFILES_DIR", ROOT)) / "profiles.yml").read_text()

    def env_var(name: str, default: str = "") -> str:
        # other outputs' variables may be unset: only the spark output is used
        return os.environ.get(name, default)

    rendered = environment.from_string(text).render(env_var=env_var)
    output = yaml.safe_load(rendered)["lead_scoring"]["outputs"]["spark"]
    return {key: str(value) for key, value in output["server_side_parameters"].items()}


def session():
    """A Spark session with the profile's settings (started on first use, ~20 s)."""
    # Python turns Spark timestamps into naive local times: make local time UTC
    os.environ["TZ"] = "UTC"
    time.tzset()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.enableHiveSupport()
    for key, value in profile_parameters().items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def load_raw(spark, database: str, schema: str = "raw") -> None:
    """Copy the raw tables of a DuckDB file into Spark, through parquet files."""
    source = duckdb.connect(database, read_only=True)
    spark.sql(f"create database if not exists {schema}")
    with tempfile.TemporaryDirectory() as tmp:
        for table in RAW_TABLES:
            columns = source.execute(
                "select column_name, data_type from information_schema.columns"
                " where table_schema = ? and table_name = ? order by ordinal_position",
                [schema, table],
            ).fetchall()
            if not columns:
                raise SystemExit(f"spark_local: {schema}.{table} not in {database}")
            path = Path(tmp) / f"{table}.parquet"
            source.execute(f"copy {schema}.{table} to '{path}' (format parquet)")
            select = ", ".join(
                f"cast({name} as {spark_type(dtype)}) as {name}" for name, dtype in columns
            )
            frame = spark.sql(f"select {select} from parquet.`{path}`")
            frame.write.mode("overwrite").format("parquet").saveAsTable(f"{schema}.{table}")
            loaded = spark.table(f"{schema}.{table}").count()
            (expected,) = source.execute(f"select count(*) from {schema}.{table}").fetchone()
            if loaded != expected:
                raise SystemExit(f"spark_local: {table}: {loaded} rows, want {expected}")
            print(f"{schema}.{table}: {loaded} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load-raw", help="copy raw.* from a DuckDB file into Spark")
    load.add_argument("--duckdb", default="warehouse/mql.duckdb", help="DuckDB file to read")
    sql = commands.add_parser("sql", help="run one query and print its rows")
    sql.add_argument("query")
    args = parser.parse_args(argv)

    started = time.monotonic()
    spark = session()
    if args.command == "load-raw":
        load_raw(spark, args.duckdb)
        print(f"loaded in {time.monotonic() - started:.1f}s")
    else:
        for row in spark.sql(args.query).collect():
            print(tuple(row))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
