"""Run a command against a throwaway PostgreSQL server on a loopback port.

Creates a data directory in a fresh temporary directory, runs ``initdb`` and ``pg_ctl start``
on a free 127.0.0.1 port (Unix socket in the same temporary directory), creates a role and a
database for dbt, prints the connection settings as ``export`` lines, runs the command with
those variables set, then stops the server and deletes the directory, also when the command
fails or is interrupted. Without a command it prints the settings and waits for Ctrl-C.

PostgreSQL refuses to run as root; as root, the server runs as the ``postgres`` user
(override with --run-as).

Usage::

    python scripts/pg_server.py -- dbt build --target postgres
    python scripts/pg_server.py -- sh -c 'python scripts/load_raw_to_postgres.py && dbt build'
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

USER = "dbt"
DATABASE = "mql"
# A throwaway server on loopback only; the password is not a secret.
PASSWORD = "dbt"


def find_bin_dir(explicit: str | None) -> Path:
    """The directory holding initdb and pg_ctl: --bin-dir, PATH, or the newest Debian install."""
    if explicit:
        return Path(explicit)
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent  # /usr/local/bin/pg_ctl may be a symlink
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not candidates:
        sys.exit("pg_server: no pg_ctl found; install PostgreSQL or pass --bin-dir")
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Everything after -- is the command to run with PG* and MQL_PG_* variables set.",
    )
    parser.add_argument("--bin-dir", help="directory with initdb and pg_ctl")
    parser.add_argument("--port", type=int, help="port (default: a free one)")
    parser.add_argument(
        "--run-as", default="postgres", help="OS user for the server when running as root"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER, help="command to run")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    bin_dir = find_bin_dir(args.bin_dir)
    port = args.port or free_port()
    tmp = Path(tempfile.mkdtemp(prefix="mql-pg-"))
    data = tmp / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", args.run_as, "--"]
        entry = pwd.getpwnam(args.run_as)
        os.chown(tmp, entry.pw_uid, entry.pw_gid)
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
    started = False

    def stop(*_: object) -> None:
        nonlocal started
        if started:
            subprocess.run(
                [*pg_ctl, "stop", "-m", "fast", "-w"], check=False, stdout=subprocess.DEVNULL
            )
            started = False
        shutil.rmtree(tmp, ignore_errors=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        pwfile = tmp / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if prefix:
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        subprocess.run(
            [
                *prefix,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "-A",
                "scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC"
            # JIT compiling the big scoring queries costs more than running them
            " -c jit=off"
        )
        subprocess.run(
            [*pg_ctl, "-o", options, "-l", str(tmp / "log"), "-w", "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = True
        env = {
            "PGHOST": "127.0.0.1",
            "PGPORT": str(port),
            "PGUSER": USER,
            "PGPASSWORD": PASSWORD,
            "PGDATABASE": DATABASE,
        }
        env |= {f"MQL_PG_{k[2:]}": v for k, v in env.items()}
        createdb = [str(bin_dir / "createdb"), DATABASE]
        subprocess.run(createdb, check=True, env=os.environ | env)
        for key, value in env.items():
            print(f"export {key}={value}", flush=True)
        if not command:
            print("# server running; Ctrl-C stops it", file=sys.stderr, flush=True)
            signal.pause()
            return 0
        return subprocess.run(command, env=os.environ | env, check=False).returncode
    except subprocess.CalledProcessError as exc:
        log = tmp / "log"
        if log.exists():
            sys.stderr.write(log.read_text())
        print(f"pg_server: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
