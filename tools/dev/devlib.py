"""What the development scripts (bench, load, upgrade check) share: Odoo runs, psql, waiting."""

import contextlib
import re
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
        with contextlib.suppress(requests.ConnectionError, requests.Timeout):
            if requests.get(url, timeout=10).status_code == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"Odoo did not answer {url} within {seconds} s (see {log})")


class LoginError(Exception):
    pass


def log_in_portal(session, base, login):
    """Log a portal user in on a requests session, the way the login form does (password = login)."""
    page = session.get(f"{base}/web/login", timeout=120).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if not token:
        raise LoginError(f"{base}/web/login shows no login form")
    answer = session.post(
        f"{base}/web/login",
        data={"login": login, "password": login, "csrf_token": token.group(1)},
        timeout=120,
    )
    if "/web/login" in answer.url:
        raise LoginError(f"the portal user {login} could not log in")
