"""What the development scripts (bench, load, upgrade check) share: Odoo runs, psql, waiting."""

import contextlib
import subprocess
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / ".dev"
ODOO = str(DEV / "bin" / "odoo")


def run_odoo(*args, quiet=False):
    """Run Odoo with --stop-after-init; return its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(
        [ODOO, *args, "--stop-after-init", "--log-level", "warn", "--log-handler", "py.warnings:ERROR"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if quiet else None,
    )
    return time.perf_counter() - start


def psql(db, sql):
    """The first column of the result, as text (None when the query fails)."""
    out = subprocess.run(["psql", "-d", db, "-Atqc", sql], capture_output=True, text=True, check=False)
    return out.stdout.strip() if out.returncode == 0 else None


def wait_for(url, log, seconds=180):
    """Wait until Odoo answers `url`; stop the script if it does not (its log says why)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(url, timeout=10).status_code == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"Odoo did not answer {url} within {seconds} s (see {log})")
