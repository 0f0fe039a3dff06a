"""Run dbt against a given DuckDB file from tests, in a subprocess so no file lock lingers."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DBT = str(Path(sys.executable).with_name("dbt"))


@dataclass
class DbtResult:
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_dbt(
    args: list[str],
    database: Path,
    project_dir: Path = ROOT,
    target_path: Path | None = None,
) -> DbtResult:
    """Run one dbt command on `database`; returns the exit code and the combined output."""
    env = dict(os.environ)
    env["MQL_DUCKDB_PATH"] = str(database)
    env["DBT_PROFILES_DIR"] = str(project_dir)
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    target = target_path or database.parent / "target"
    command = [
        DBT,
        *args,
        "--project-dir",
        str(project_dir),
        "--target-path",
        str(target),
        "--log-path",
        str(target / "logs"),
    ]
    completed = subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False
    )
    return DbtResult(completed.returncode, completed.stdout + completed.stderr)


def as_of_vars(as_of: str, lead_buckets: int = 1) -> list[str]:
    """dbt's --vars for a build as of a day, the history models in `lead_buckets` passes."""
    buckets = f", lead_buckets: {lead_buckets}" if lead_buckets != 1 else ""
    return ["--vars", f"{{as_of: '{as_of}'{buckets}}}"]


def query(database: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Open the file read-only for one query and close it again (dbt needs the lock)."""
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def table_fingerprint(database: Path, table: str) -> tuple[int, int]:
    """Row count and an order-independent hash of every row of a table."""
    rows = query(database, f"select count(*), coalesce(sum(hash(t)), 0) from {table} as t")
    return rows[0][0], int(rows[0][1])
