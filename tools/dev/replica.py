"""A local streaming replica for `make load REPLICA=1`: a second PostgreSQL cluster on another port,
made by pg_basebackup, and the statistics of a database on both."""

import os
import shutil
import subprocess

from devlib import DEV, psql

REPLICA_PORT = 5433
REPLICA_SOCKETS = "/var/run/postgresql"
REPLICA_DIR = DEV / "replica"
POSTGRES_BIN = "/usr/lib/postgresql/{version}/bin"


def as_postgres(*command):
    """Run a PostgreSQL server tool as the postgres system user (a cluster is never run as root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], check=True, capture_output=True, text=True)


def postgres_tool(name):
    version = psql("postgres", "SHOW server_version_num")[:-4]
    return f"{POSTGRES_BIN.format(version=version)}/{name}"


def start_replica():
    """A hot standby of this machine's cluster, streaming from it, made anew for each run."""
    stop_replica()
    shutil.rmtree(REPLICA_DIR, ignore_errors=True)
    REPLICA_DIR.mkdir(parents=True)
    shutil.chown(REPLICA_DIR, "postgres", "postgres")
    REPLICA_DIR.chmod(0o700)
    print(f"==> Load: streaming replica on port {REPLICA_PORT} ({REPLICA_DIR}), pg_basebackup", flush=True)
    as_postgres(postgres_tool("pg_basebackup"), "-D", str(REPLICA_DIR), "-R", "-X", "stream", "-c", "fast")
    # Debian keeps a cluster's configuration in /etc: the copy gets a minimal one of its own.
    (REPLICA_DIR / "postgresql.conf").write_text(
        f"port = {REPLICA_PORT}\nlisten_addresses = ''\nunix_socket_directories = '{REPLICA_SOCKETS}'\n"
        "hot_standby = on\nmax_connections = 100\nshared_buffers = 128MB\n"
    )
    (REPLICA_DIR / "pg_hba.conf").write_text("local all all peer\n")
    for name in ("postgresql.conf", "pg_hba.conf"):
        shutil.chown(REPLICA_DIR / name, "postgres", "postgres")
    log = str(REPLICA_DIR / "log")
    as_postgres(postgres_tool("pg_ctl"), "-D", str(REPLICA_DIR), "-l", log, "-w", "start")
    if replica_sql("postgres", "SELECT pg_is_in_recovery()") != "t":
        raise SystemExit(f"the replica did not start as a standby (see {REPLICA_DIR / 'log'})")


def stop_replica():
    if (REPLICA_DIR / "postmaster.pid").exists():
        as_postgres(postgres_tool("pg_ctl"), "-D", str(REPLICA_DIR), "-m", "fast", "-w", "stop")


def replica_sql(db, sql):
    out = subprocess.run(
        ["psql", "-h", REPLICA_SOCKETS, "-p", str(REPLICA_PORT), "-d", db, "-Atqc", sql],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip()


def database_statistics(db):
    """PostgreSQL's own counters of `db` on the primary and on the replica."""
    statistics = (
        "SELECT xact_commit, tup_returned + tup_fetched, tup_inserted + tup_updated + tup_deleted"
        f" FROM pg_stat_database WHERE datname = '{db}'"
    )
    # The counters are sent to the statistics system at the end of each transaction, and read
    # here from a snapshot: ask for a fresh one.
    primary = psql(db, f"SELECT pg_stat_clear_snapshot(); {statistics}")
    return {
        "primary": [int(n) for n in primary.split("|")],
        "replica": [int(n) for n in replica_sql(db, statistics).split("|")],
    }


def report_databases(before, after):
    print("\nPostgreSQL's statistics of the load database during the run:")
    for side in ("primary", "replica"):
        transactions, read, written = (b - a for a, b in zip(before[side], after[side], strict=True))
        print(f"    {side:8} {transactions:8} transactions, {read:10} rows read, {written:8} rows written")
