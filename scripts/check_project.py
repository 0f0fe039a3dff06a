"""Project conventions dbt itself does not enforce; exits 1 naming every breach.

- every model has a description starting with its grain ("One row per ...");
- every model has a grain test (unique, unique_combination) or is a documented exception;
- every column of a mart is described;
- the tests dbt parsed equal the tests the YAML declares (a misspelled or misplaced test
  key is silently ignored by dbt, so the counts would differ);
- no old-style `tests:` keys (this project uses `data_tests:`);
- every unit test's name fits in 63 characters: dbt names a unit test's relation after it,
  and PostgreSQL refuses longer relation names (the test then fails there only).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GRAIN_TESTS = {"unique", "unique_combination"}
# PostgreSQL's limit on identifiers (NAMEDATALEN - 1)
MAX_RELATION_NAME = 63
# Models whose grain is not a key.
NO_GRAIN_TEST = {
    # a problem list, not keyed
    "int_scoring_definition_problems",
    # one row per raw row, duplicates included: keys are checked on accepted rows in int_*_checked
    "stg_crm__accounts",
    "stg_crm__leads",
    "stg_crm__sales_dispositions",
    "stg_crm__opportunities",
    "stg_marketing__events",
}


def parse_manifest(target_path: Path) -> dict:
    env = dict(os.environ, DBT_PROFILES_DIR=str(ROOT))
    dbt = str(Path(sys.executable).with_name("dbt"))
    subprocess.run(
        [dbt, "parse", "--quiet", "--target-path", str(target_path)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads((target_path / "manifest.json").read_text())


def declared_tests(paths: list[Path]) -> tuple[int, int, list[str]]:
    """Count generic tests and unit tests declared in YAML; report old-style keys."""
    generic, unit, problems = 0, 0, []
    for path in paths:
        document = yaml.safe_load(path.read_text()) or {}
        unit += len(document.get("unit_tests") or [])
        for section in ("models", "seeds", "sources"):
            for node in document.get(section) or []:
                entries = [node, *(node.get("columns") or [])]
                for table in node.get("tables") or []:
                    entries += [table, *(table.get("columns") or [])]
                for entry in entries:
                    if "tests" in entry:
                        problems.append(f"{path}: '{entry.get('name')}' uses `tests:`")
                    generic += len(entry.get("data_tests") or [])
    return generic, unit, problems


def check(manifest: dict) -> list[str]:
    problems: list[str] = []
    nodes = manifest["nodes"]
    models = {
        node["name"]: node
        for node in nodes.values()
        if node["resource_type"] == "model" and node["package_name"] == "lead_scoring"
    }
    tests = [node for node in nodes.values() if node["resource_type"] == "test"]
    grain_tested = {
        dependency.split(".")[-1]
        for test in tests
        if (test.get("test_metadata") or {}).get("name") in GRAIN_TESTS
        for dependency in test["depends_on"]["nodes"]
    }
    for name, node in sorted(models.items()):
        description = (node.get("description") or "").strip()
        if not description.startswith("One row per"):
            problems.append(f"model {name}: description must start with its grain ('One row per')")
        if name not in grain_tested and name not in NO_GRAIN_TEST:
            problems.append(f"model {name}: no grain test (unique or unique_combination)")
        if node["path"].startswith("marts"):
            documented = {
                column
                for column, spec in node["columns"].items()
                if (spec.get("description") or "").strip()
            }
            for column in node["columns"]:
                if column not in documented:
                    problems.append(f"mart {name}: column {column} has no description")

    yaml_files = sorted((ROOT / "models").rglob("*.yml")) + sorted((ROOT / "seeds").glob("*.yml"))
    generic, unit, key_problems = declared_tests(yaml_files)
    problems += key_problems
    parsed_generic = sum(1 for test in tests if test.get("test_metadata"))
    parsed_singular = sum(1 for test in tests if not test.get("test_metadata"))
    parsed_unit = len(manifest.get("unit_tests", {}))
    for unit_test in manifest.get("unit_tests", {}).values():
        if len(unit_test["name"]) > MAX_RELATION_NAME:
            problems.append(
                f"unit test {unit_test['name']}: name longer than {MAX_RELATION_NAME}"
                " characters (PostgreSQL refuses its relation)"
            )
    singular_files = len(list((ROOT / "data-tests").rglob("*.sql")))
    if parsed_generic != generic:
        problems.append(f"YAML declares {generic} generic tests but dbt parsed {parsed_generic}")
    if parsed_unit != unit:
        problems.append(f"YAML declares {unit} unit tests but dbt parsed {parsed_unit}")
    if parsed_singular != singular_files:
        problems.append(
            f"data-tests/ holds {singular_files} singular tests but dbt parsed {parsed_singular}"
        )
    print(
        f"check_project: {len(models)} models, {parsed_generic} generic tests, "
        f"{parsed_singular} singular tests, {parsed_unit} unit tests parsed"
    )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--target-path",
        type=Path,
        default=ROOT / "target" / "check_project",
        help="where dbt writes the manifest (default: target/check_project)",
    )
    args = parser.parse_args(argv)
    problems = check(parse_manifest(args.target_path))
    for problem in problems:
        print(f"  - {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
