"""Benchmark the project against a hand-written SQL reference and a pandas peer.

Generates demo data (not timed), holds back the last day's events and a few late ones,
then, several times each (the median is reported):
  - a full `dbt run --full-refresh` of the models (tests excluded) for the day before:
    process wall time, model time summed from run_results.json, and the model time of the
    path to lead_scores alone;
  - a daily incremental `dbt run` after the held-back events arrive;
  - the reference, benchmarks/reference_scores.sql (one DuckDB query), and the pandas peer,
    benchmarks/pandas_scores.py, which compute the primary definition's fit_score,
    engagement_score and meets_entry for the last day; both must equal the project's;
  - with --without-history, once: the full build under definitions no lead can meet, so that
    no lead is scored on past days (what MQL history costs; the reference and the peer
    compute no history).
Peak memory (RSS) is measured per step. Results go to a JSON file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from generate_demo_data import generate  # noqa: E402
from project_copy import copy_project, edit_seed  # noqa: E402

BIN = Path(sys.executable).parent
DBT = str(BIN / "dbt")
REFERENCE_SQL = ROOT / "benchmarks" / "reference_scores.sql"
PANDAS_PEER = ROOT / "benchmarks" / "pandas_scores.py"
PRIMARY = "b2b_default"
# one event in this many of the three days before the last is held back as a late arrival
LATE_ONE_IN = 1000
# peak RSS of the pandas peer per event, measured at 100,000 leads (5,065 MB for 5.03M
# events); the peer loads every event into memory, so beyond the machine's memory it is
# reported as not runnable instead of being run into the out-of-memory killer
PANDAS_BYTES_PER_EVENT = 1_050
# the history models are computed in one pass per this many leads (lead_buckets): a pass
# of 100,000 leads stays within the profile's 6 GB DuckDB memory limit
LEADS_PER_BUCKET = 100_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=1_000_000, help="number of leads")
    parser.add_argument(
        "--events-per-lead", type=float, default=50.0, help="average events per lead"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--end-date", default="2026-11-01", help="last day of data (YYYY-MM-DD)")
    parser.add_argument("--seed", type=int, default=42, help="random seed of the data")
    parser.add_argument(
        "--workdir", default=str(ROOT / "benchmarks" / "work"), help="scratch folder (ignored)"
    )
    parser.add_argument(
        "--output", default=str(ROOT / "benchmarks" / "latest.json"), help="results JSON"
    )
    parser.add_argument(
        "--lead-buckets",
        type=int,
        default=None,
        help="passes of the history models over the leads (dbt var lead_buckets;"
        f" default: one per {LEADS_PER_BUCKET:,} leads)",
    )
    parser.add_argument(
        "--without-history",
        action="store_true",
        help="also time one full build under a definition no lead can meet (no lead gets"
        " MQL history): what the history costs",
    )
    parser.add_argument(
        "--pandas-memory-gb",
        type=float,
        default=None,
        help="skip the pandas peer when its estimated peak memory is above this"
        " (default: 80%% of the machine's memory)",
    )
    return parser.parse_args(argv)


class StepFailed(Exception):
    """A measured command that failed, with what was measured of it."""

    def __init__(self, command: list[str], wall: float, peak_mb: float, output: str) -> None:
        super().__init__(f"failed: {' '.join(command)}")
        self.command, self.wall, self.peak_mb, self.output = command, wall, peak_mb, output


def failure_record(failed: StepFailed) -> dict[str, object]:
    """What the JSON says of a failed step: the command, its time and memory, its errors."""
    errors = [line.strip() for line in failed.output.splitlines() if "Error" in line]
    return {
        "command": " ".join(Path(part).name if part == DBT else part for part in failed.command),
        "wall_s": round(failed.wall, 3),
        "peak_rss_mb": round(failed.peak_mb, 1),
        "errors": errors[-5:] or failed.output[-2000:].splitlines(),
    }


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run a command; return its wall seconds, its peak RSS in MB and its output."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise StepFailed(command, wall, usage.ru_maxrss / 1024, output)
    return wall, usage.ru_maxrss / 1024, output


def model_seconds(target: Path, only: set[str] | None = None) -> float:
    results = json.loads((target / "run_results.json").read_text())["results"]
    return sum(
        result["execution_time"]
        for result in results
        if result["unique_id"].startswith("model.")
        and (only is None or result["unique_id"] in only)
    )


def seconds_by_model(target: Path) -> dict[str, float]:
    """Model time per model of the last dbt run, largest first."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    times = {
        result["unique_id"].removeprefix("model.lead_scoring."): round(result["execution_time"], 2)
        for result in results
        if result["unique_id"].startswith("model.")
    }
    return dict(sorted(times.items(), key=lambda item: -item[1]))


def scores_path(target: Path) -> set[str]:
    """lead_scores and every model it is built from."""
    parents = json.loads((target / "manifest.json").read_text())["parent_map"]
    wanted, todo = set(), ["model.lead_scoring.lead_scores"]
    while todo:
        node = todo.pop()
        if node in wanted or not node.startswith("model."):
            continue
        wanted.add(node)
        todo.extend(parents.get(node, []))
    return wanted


def unreachable_fit_score(project: Path) -> int:
    """A fit score no lead reaches: above every definition's positive fit points added up
    (a lead's fit is the sum of the points of the fit rules it matches)."""
    with (project / "seeds" / "fit_rules.csv").open(newline="") as handle:
        totals: dict[str, float] = {}
        for rule in csv.DictReader(handle):
            points = max(float(rule["points"]), 0.0)
            totals[rule["scoring_model"]] = totals.get(rule["scoring_model"], 0.0) + points
    return int(max(totals.values(), default=0.0)) + 1


def project_without_history(destination: Path) -> Path:
    """A copy of the project whose definitions no lead can meet: every rule is still
    evaluated and every lead scored on the as-of day, but no lead is scored on past days.
    The fit threshold and every fast track ask for a fit no lead reaches."""
    shutil.rmtree(destination, ignore_errors=True)
    project = copy_project(destination)
    fit = str(unreachable_fit_score(project))
    edit_seed(project, "scoring_models", lambda rows: [{**r, "fit_threshold": fit} for r in rows])
    edit_seed(project, "fast_track_rules", lambda rows: [{**r, "min_fit_score": fit} for r in rows])
    return project


def save_primary_scores(database: Path, as_of: dt.date, output: Path) -> None:
    """The primary definition's scores on `as_of`, as compare() reads them."""
    with duckdb.connect(str(database), read_only=True) as con:
        con.execute(
            f"""
            copy (
                select lead_id, fit_score, engagement_score, meets_entry
                from intermediate.int_lead_scores_computed
                where scoring_model = ? and score_date = ?
            ) to '{output}' (header)
            """,
            [PRIMARY, as_of],
        )


def leads_with_history(database: Path) -> int:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(
            "select count(*) from intermediate.int_lead_score_dates where has_history"
        ).fetchone()[0]


def hold_back(database: Path, end: dt.date) -> int:
    """Move the last day's events and a few late ones out of raw into holdout.events."""
    with duckdb.connect(str(database)) as con:
        con.execute("create schema if not exists holdout")
        con.execute("drop table if exists holdout.events")
        con.execute(
            f"""
            create table holdout.events as
            select * from raw.marketing_events
            where cast(occurred_at as date) = ?
                or (
                    cast(occurred_at as date) between ? and ?
                    and hash(event_id) % {LATE_ONE_IN} = 0
                )
            """,
            [end, end - dt.timedelta(days=3), end - dt.timedelta(days=1)],
        )
        con.execute(
            "delete from raw.marketing_events"
            " where event_id in (select event_id from holdout.events)"
        )
        return con.execute("select count(*) from holdout.events").fetchone()[0]


def set_held_events(database: Path, arrived: bool) -> None:
    with duckdb.connect(str(database)) as con:
        con.execute(
            "delete from raw.marketing_events"
            " where event_id in (select event_id from holdout.events)"
        )
        if arrived:
            con.execute("insert into raw.marketing_events select * from holdout.events")


def compare(database: Path, as_of: dt.date, csv_path: Path, entry_possible: bool = True) -> int:
    """Leads whose fit, engagement or MQL definition differ from the project's. Under a
    definition no lead can meet (entry_possible false) a lead meeting it is a mismatch."""
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(
            """
            with project as (
                select lead_id, fit_score, engagement_score, meets_entry
                from intermediate.int_lead_scores_computed
                where scoring_model = ? and score_date = ?
            ),

            other as (
                select * from read_csv(?, types = {
                    'lead_id': 'varchar', 'fit_score': 'decimal(18,2)',
                    'engagement_score': 'decimal(18,2)', 'meets_entry': 'boolean'
                })
            )

            -- a lead missing on either side counts as a mismatch too
            select count(*)
            from project
            full join other
                on project.lead_id = other.lead_id
            where project.lead_id is null or other.lead_id is null
                or project.fit_score != other.fit_score
                or project.engagement_score != other.engagement_score
                or (? and project.meets_entry != other.meets_entry)
                or (not ? and project.meets_entry)
            """,
            [PRIMARY, as_of, str(csv_path), entry_possible, entry_possible],
        ).fetchone()[0]


REFERENCE_RUNNER = """
import sys, time, duckdb
database, as_of, sql_path, output = sys.argv[1:5]
sql = open(sql_path).read().replace('{as_of}', as_of)
with duckdb.connect(database, read_only=True) as con:
    started = time.perf_counter()
    con.execute(f"copy ({sql}) to '{output}' (header)")
    print(time.perf_counter() - started)
"""


def machine() -> dict[str, object]:
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    model = platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]  # fmt: skip
        model = names[0] if names else model
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": round(memory_gb, 1),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "duckdb_memory_limit": os.environ.get("MQL_DUCKDB_MEMORY_LIMIT", "6GB"),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    end = dt.date.fromisoformat(args.end_date)
    workdir = Path(args.workdir).resolve()
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    database = workdir / "bench.duckdb"
    target = workdir / "target"
    env = dict(os.environ)
    lead_buckets = (
        args.lead_buckets
        if args.lead_buckets is not None
        else max(1, -(-args.leads // LEADS_PER_BUCKET))
    )
    env.update(
        MQL_LEAD_BUCKETS=str(lead_buckets),
        MQL_DUCKDB_PATH=str(database),
        DBT_PROFILES_DIR=str(ROOT),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    dbt_common = ["--project-dir", str(ROOT), "--target-path", str(target), "--quiet"]

    print(f"Generating {args.leads:,} leads (not timed) ...", flush=True)
    generate(
        database=str(database),
        leads=args.leads,
        seed=args.seed,
        end_date=end,
        events_per_lead=args.events_per_lead,
        progress=True,
    )
    held = hold_back(database, end)
    with duckdb.connect(str(database), read_only=True) as con:
        events = con.execute("select count(*) from raw.marketing_events").fetchone()[0] + held
    run_measured([DBT, "seed", *dbt_common], env)

    pandas_limit_gb = args.pandas_memory_gb or 0.8 * machine()["memory_gb"]
    pandas_estimate_gb = events * PANDAS_BYTES_PER_EVENT / 1024**3
    pandas_skipped = None
    if pandas_estimate_gb > pandas_limit_gb:
        pandas_skipped = (
            f"not run: it would need about {pandas_estimate_gb:.0f} GB"
            f" ({PANDAS_BYTES_PER_EVENT} bytes per event, measured), above {pandas_limit_gb:.0f} GB"
        )
        print(f"pandas peer {pandas_skipped}", flush=True)

    previous_day = end - dt.timedelta(days=1)
    day_before = ["--vars", f"{{as_of: '{previous_day}'}}"]
    last_day = ["--vars", f"{{as_of: '{end}'}}"]
    timings: dict[str, list[float]] = {}
    rss: dict[str, float] = {}
    by_model: dict[str, dict[str, float]] = {}
    # None until a comparison ran: a failed build leaves nothing compared
    mismatches: dict[str, int | None] = {"reference": None, "pandas": None}
    if args.without_history:
        # its fit and engagement scores must equal the full build's; no lead meets entry
        mismatches["without_history"] = None
        full_build_scores = workdir / "full_build_scores.csv"

    def record(step: str, seconds: float, peak_mb: float) -> None:
        timings.setdefault(step, []).append(seconds)
        rss[step] = max(rss.get(step, 0.0), peak_mb)

    # a failed step (out of memory, out of disk) still gives a JSON that says where and why
    failure: dict[str, object] | None = None
    try:
        for _ in tqdm(range(args.repeats), desc="repeats", unit="run"):
            set_held_events(database, arrived=False)
            wall, peak, _ = run_measured(
                [DBT, "run", "--full-refresh", *day_before, *dbt_common], env
            )
            record("full_build_wall_s", wall, peak)
            record("full_build_model_s", model_seconds(target), peak)
            record("scores_path_model_s", model_seconds(target, scores_path(target)), peak)
            by_model["full_build"] = seconds_by_model(target)
            if args.without_history:
                save_primary_scores(database, previous_day, full_build_scores)

            set_held_events(database, arrived=True)
            wall, peak, _ = run_measured([DBT, "run", *last_day, *dbt_common], env)
            record("incremental_build_wall_s", wall, peak)
            record("incremental_build_model_s", model_seconds(target), peak)
            by_model["incremental_build"] = seconds_by_model(target)

            reference_csv = workdir / "reference.csv"
            _, peak, output = run_measured(
                [sys.executable, "-c", REFERENCE_RUNNER, str(database), str(end),
                 str(REFERENCE_SQL), str(reference_csv)],
                env,
            )  # fmt: skip
            record("reference_s", float(output.strip().splitlines()[-1]), peak)
            mismatches["reference"] = (mismatches["reference"] or 0) + compare(
                database, end, reference_csv
            )

            if pandas_skipped:
                continue
            pandas_csv = workdir / "pandas.csv"
            wall, peak, _ = run_measured(
                [sys.executable, str(PANDAS_PEER), "--database", str(database),
                 "--as-of", str(end), "--output", str(pandas_csv)],
                env,
            )  # fmt: skip
            record("pandas_s", wall, peak)
            mismatches["pandas"] = (mismatches["pandas"] or 0) + compare(database, end, pandas_csv)

        if args.without_history:
            # the same full build, once, under definitions no lead can meet; the project's
            # own seeds are loaded again afterwards
            project = project_without_history(workdir / "project_without_history")
            seed_elsewhere = [*dbt_common]
            seed_elsewhere[seed_elsewhere.index("--project-dir") + 1] = str(project)
            run_measured([DBT, "seed", *seed_elsewhere], env)
            set_held_events(database, arrived=False)
            wall, peak, _ = run_measured(
                [DBT, "run", "--full-refresh", *day_before, *seed_elsewhere], env
            )
            if leads_with_history(database):
                raise SystemExit("the build without history scored leads on past days")
            mismatches["without_history"] = compare(
                database, previous_day, full_build_scores, entry_possible=False
            )
            record("full_build_without_history_wall_s", wall, peak)
            record("full_build_without_history_model_s", model_seconds(target), peak)
            by_model["full_build_without_history"] = seconds_by_model(target)
            run_measured([DBT, "seed", *dbt_common], env)
    except StepFailed as failed:
        failure = failure_record(failed)
        if (target / "run_results.json").exists():
            by_model["failed_build"] = seconds_by_model(target)
        print(f"Stopped: {failure}", file=sys.stderr)

    results: dict[str, object] = {
        "leads": args.leads,
        "events": events,
        "held_back_events": held,
        "lead_buckets": lead_buckets,
    }
    results.update({step: round(statistics.median(values), 3) for step, values in timings.items()})
    results["runs"] = {
        step: [round(value, 3) for value in values] for step, values in timings.items()
    }
    if pandas_skipped:
        results["pandas_s"] = None
        results["pandas_skipped"] = pandas_skipped
    step_rss = {
        "full_build": rss.get("full_build_wall_s"),
        "full_build_without_history": rss.get("full_build_without_history_wall_s"),
        "incremental_build": rss.get("incremental_build_wall_s"),
        "reference": rss.get("reference_s"),
        "pandas": rss.get("pandas_s"),
    }
    if failure:
        results["failed"] = failure
        step_rss["failed_step"] = failure["peak_rss_mb"]
    results["peak_rss_mb"] = round(max(v for v in step_rss.values() if v is not None), 1)
    results["peak_rss_mb_by_step"] = {
        step: None if value is None else round(value, 1) for step, value in step_rss.items()
    }
    results["mismatched_leads"] = mismatches
    results["model_s_by_model_last_run"] = by_model
    results["machine"] = machine()
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    if failure:
        return 1
    if any(mismatches.values()):
        print(f"The implementations disagree: {mismatches}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
