"""Pages served by a real Odoo process: the server's own figures (queries, time) per request."""

import contextlib
import re
import statistics
import time

import requests
from devlib import DEV, LoginError, log_in_portal, odoo_env, serving

from .data import PORTAL_USERS, grant_portal_vault

LOG = DEV / "bench-server.log"
# werkzeug's request line, then Odoo's "<queries> <query time> <other time>".
REQUEST_LINE = re.compile(
    r'"GET (?P<path>\S+) HTTP/[\d.]+" (?P<code>\d+) \S+ (?P<queries>\d+) (?P<sql>[\d.]+) (?P<rest>[\d.]+)'
)


@contextlib.contextmanager
def bench_server(db, port):
    """An Odoo server on `db` logging each request's figures (info level): yields its base URL."""
    with serving(db, port, LOG, log_level="info", quiet=True) as base:
        yield base


def served(session, base, path):
    """GET `path` on the bench server: the server's own figures for it."""
    offset = LOG.stat().st_size
    response = session.get(base + path, timeout=60)
    response.raise_for_status()
    return server_side(LOG, offset, path)


def bench_portal(db, port, repetitions):
    with odoo_env(db) as env:
        grant_portal_vault(env)
    with bench_server(db, port) as base:
        results = {}
        for count, login in PORTAL_USERS.items():
            session = portal_session(base, login)
            paths = ("/my/home", "/my/client", "/my/credentials")
            for path in paths:
                served(session, base, path)  # warm the caches
            # The pages in turn, round after round: a busy moment of the machine hits them alike.
            runs = [[served(session, base, path) for path in paths] for _ in range(repetitions)]
            for index, path in enumerate(paths):
                results[f"{path}@{count}"] = {
                    key: statistics.median(run[index][key] for run in runs) for key in ("queries", "seconds")
                }
        return results


def portal_session(base, login):
    session = requests.Session()
    try:
        log_in_portal(session, base, login)
    except LoginError as error:
        raise SystemExit(str(error)) from None
    return session


def server_side(log, offset, path):
    """The server's own figures for the last request to `path` (queries, SQL time, total time)."""
    for _ in range(50):
        with log.open() as handle:
            handle.seek(offset)
            for line in handle:
                match = REQUEST_LINE.search(line)
                if match and match["path"] == path:
                    sql, rest = float(match["sql"]), float(match["rest"])
                    return {"queries": int(match["queries"]), "seconds": sql + rest}
        time.sleep(0.05)
    raise SystemExit(f"no request line for {path} in {log}")
