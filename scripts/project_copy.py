"""A copy of the dbt project with edited seeds: what the tests build with a changed scoring
definition, and what the benchmark builds without MQL history."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ["dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "data-tests"]

Row = dict[str, str]


def copy_project(destination: Path, source: Path = ROOT) -> Path:
    """The parts of the project dbt reads, copied to `destination` (which must not exist)."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, destination / part)
        else:
            shutil.copy(source / part, destination / part)
    return destination


def edit_seed(project: Path, seed: str, edit: Callable[[list[Row]], list[Row]]) -> None:
    """Rewrite seeds/<seed>.csv of `project` with edit(rows), keeping its columns."""
    path = project / "seeds" / f"{seed}.csv"
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    rows = edit(rows)
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
