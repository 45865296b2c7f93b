"""What the development scripts (bench, load, screenshots, upgrade check, suites) share: Odoo runs
and servers, databases, psql, waiting, the development config."""

import configparser
import contextlib
import hashlib
import os
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


def odoo_server(db, port, log, *extra, workers=0, log_level="warn", quiet=False):
    """Start an Odoo server serving `db` alone on 127.0.0.1:`port` (no cron), logging to `log`."""
    return subprocess.Popen(
        [
            *(ODOO, "-d", db, "--db-filter", f"^{db}$", "--http-interface", "127.0.0.1"),
            *("--http-port", str(port), "--workers", str(workers), "--max-cron-threads", "0"),
            *("--log-level", log_level, "--logfile", str(log), *extra),
        ],
        stdout=subprocess.DEVNULL if quiet else None,
        stderr=subprocess.DEVNULL if quiet else None,
    )


@contextlib.contextmanager
def serving(db, port, log, **options):
    """An Odoo server (see odoo_server) for the block, answering: yields its base URL."""
    server = odoo_server(db, port, log, **options)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/web/login", log)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=60)


def setup_odoo():
    """Odoo's configuration for in-process work (.dev/odoo.conf through ODOO_RC), quiet logs."""
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["--log-level", "warn"], setup_logging=True)


@contextlib.contextmanager
def odoo_env(db):
    """A superuser environment on `db`; commits when the block ends without an error."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    with Registry(db).cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {})


def drop(db):
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=True)


def recreate(db, template=None):
    """`db` empty again, or a copy of `template`."""
    drop(db)
    subprocess.run(["createdb", db, *(["-T", template] if template else [])], check=True)


def vault_keys():
    """The vault keys of the development config (.dev/odoo.conf), comma separated ('' if none)."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(os.environ.get("ODOO_RC", ""))
    return config.get("client_hub", "vault_keys", fallback="")


def vault_key_id():
    """Which vault keys a database was prepared with: a new .dev/ (a clean clone in CI) has a new
    key, and a database kept on the same cluster holds secrets it can no longer decrypt."""
    return hashlib.sha256(vault_keys().encode()).hexdigest()[:12]


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
