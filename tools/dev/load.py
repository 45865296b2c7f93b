"""A bounded load test on loopback (`make load`): Odoo with workers, portal and back-office sessions.

20 portal sessions (each a contact of its own client) loop over /my/client, /my/credentials and a
satisfaction rating; 5 back-office sessions loop over the Clients list and secret reveals, all at
once for 30 seconds against an Odoo started here with 2 workers. It reports throughput, latency
and errors, then counts the satisfaction rows and audit-log rows the run wrote against the
requests that said they wrote one. Exit status 1 on any error or lost write.
"""

import argparse
import configparser
import hashlib
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict

import requests
from devlib import DEV, ODOO, psql, run_odoo, wait_for

DB = "client_hub_load"
MARKER = "client_hub.load_ready"


def vault_key_id():
    """Which vault key the database was prepared with: a new .dev/ has a new key."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(os.environ.get("ODOO_RC", ""))
    return hashlib.sha256(config.get("options", "client_hub_vault_keys", fallback="").encode()).hexdigest()[
        :12
    ]


def prepare(portal_users, office_users):
    """A demo database with a client and a portal user per portal session, and credentials users."""
    ready = psql(DB, f"SELECT value FROM ir_config_parameter WHERE key = '{MARKER}'")
    if ready == f"{portal_users},{office_users},{vault_key_id()}":
        return
    print(f"==> Load: creating {DB} with demo data (about a minute)", flush=True)
    subprocess.run(["dropdb", "--if-exists", "--force", DB], check=True)
    run_odoo("-d", DB, "-i", "client_hub", "--with-demo")
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["--log-level", "warn"], setup_logging=True)
    with Registry(DB).cursor() as cr:
        add_load_users(api.Environment(cr, SUPERUSER_ID, {}), portal_users, office_users)


def add_load_users(env, portal_users, office_users):
    ref = env.ref
    Users = env["res.users"].with_context(no_reset_password=True)
    office = Users.create(
        [
            {
                "name": f"Load Office {i}",
                "login": f"load_office_{i}",
                "password": f"load_office_{i}",
                "group_ids": [(6, 0, [ref("client_hub.group_client_hub_credentials").id])],
            }
            for i in range(office_users)
        ]
    )
    for i in range(portal_users):
        client = env["res.partner"].create(
            {
                "name": f"Load Client {i}",
                "is_company": True,
                "client_status_id": ref("client_hub.client_status_active").id,
            }
        )
        env["res.partner.credential"].create(
            {
                "partner_id": client.id,
                "name": "Load hosting",
                "secret": f"load-secret-{i}-{client.id}",
                "user_ids": [(6, 0, office.ids)],
            }
        )
        user = Users.create(
            {
                "name": f"Load Portal {i}",
                "login": f"load_portal_{i}",
                "password": f"load_portal_{i}",
                "group_ids": [(6, 0, [ref("base.group_portal").id])],
            }
        )
        user.partner_id.parent_id = client
    env["ir.config_parameter"].set_param(MARKER, f"{portal_users},{office_users},{vault_key_id()}")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.errors = defaultdict(list)
        self.writes = defaultdict(int)

    def record(self, kind, seconds, error=None, wrote=None):
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors[kind].append(error)
            if wrote:
                self.writes[wrote] += 1


def timed(stats, kind, call, wrote=None):
    start = time.perf_counter()
    try:
        error = call()
    except requests.RequestException as exception:
        error = f"{type(exception).__name__}: {exception}"
    stats.record(kind, time.perf_counter() - start, error, None if error else wrote)


def portal_session(base, index, deadline, stats, run_tag):
    session = requests.Session()
    login = f"load_portal_{index}"
    page = session.get(f"{base}/web/login", timeout=60).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    session.post(
        f"{base}/web/login", data={"login": login, "password": login, "csrf_token": token}, timeout=60
    )
    csrf = re.search(
        r'name="csrf_token" value="([^"]+)"', session.get(f"{base}/my/satisfaction", timeout=60).text
    )
    rng = random.Random(index)

    def get(path):
        def call():
            response = session.get(base + path, timeout=120)
            return (
                None
                if response.status_code == 200 and "/web/login" not in response.url
                else (f"{path}: {response.status_code}")
            )

        return call

    def rate():
        response = session.post(
            f"{base}/my/satisfaction",
            data={"csrf_token": csrf.group(1), "score": str(rng.randint(1, 5)), "comment": run_tag},
            timeout=120,
        )
        return (
            None
            if response.status_code == 200 and "alert-success" in response.text
            else (f"/my/satisfaction POST: {response.status_code}")
        )

    while time.monotonic() < deadline:
        timed(stats, "portal /my/client", get("/my/client"))
        timed(stats, "portal /my/credentials", get("/my/credentials"))
        timed(stats, "portal rating (POST)", rate, wrote="satisfaction")


def office_session(base, index, deadline, stats, credential_ids):
    session = requests.Session()
    login = f"load_office_{index}"
    rpc_id = iter(range(1, 10**9))

    def rpc(route, params):
        response = session.post(
            f"{base}{route}", json={"jsonrpc": "2.0", "id": next(rpc_id), "params": params}, timeout=120
        )
        body = response.json() if response.status_code == 200 else {}
        if "error" in body or response.status_code != 200:
            message = body.get("error", {}).get("data", {}).get("message") or response.status_code
            return None, f"{route}: {message}"
        return body["result"], None

    rpc("/web/session/authenticate", {"db": DB, "login": login, "password": login})
    rng = random.Random(100 + index)
    spec = {
        "display_name": {},
        "ref": {},
        "client_status_id": {"fields": {"display_name": {}}},
        "client_category_id": {"fields": {"display_name": {}}},
        "satisfaction_score": {},
        "email": {},
    }

    def call_kw(model, method, args, kwargs=None):
        def call():
            return rpc(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )[1]

        return call

    while time.monotonic() < deadline:
        timed(
            stats,
            "office Clients list",
            call_kw(
                "res.partner",
                "web_search_read",
                [],
                {"domain": [["is_client", "=", True]], "specification": spec, "limit": 80},
            ),
        )
        timed(
            stats,
            "office reveal",
            call_kw("res.partner.credential", "reveal_secret", [[rng.choice(credential_ids)]]),
            wrote="reveal",
        )


def count(sql):
    return psql(DB, sql)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--portal", type=int, default=20, help="portal sessions")
    parser.add_argument("--office", type=int, default=5, help="back-office sessions")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8369)
    args = parser.parse_args()
    prepare(args.portal, args.office)
    log = DEV / "load-server.log"
    log.write_text("")
    server = subprocess.Popen(
        [
            ODOO,
            "-d",
            DB,
            "--db-filter",
            f"^{DB}$",
            "--http-interface",
            "127.0.0.1",
            "--http-port",
            str(args.port),
            "--gevent-port",
            str(args.port + 1),
            "--workers",
            str(args.workers),
            "--max-cron-threads",
            "0",
            "--log-level",
            "warn",
            "--logfile",
            str(log),
        ],
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_for(f"{base}/web/login", log)
        requests.get(f"{base}/my", timeout=120)  # let the workers build the asset bundles once
        credential_ids = [
            int(i)
            for i in count(
                "SELECT c.id FROM res_partner_credential c JOIN res_partner p ON p.id = c.partner_id"
                " WHERE p.name LIKE 'Load Client %'"
            ).split()
        ]
        run_tag = f"load run {uuid.uuid4().hex[:8]}"
        logs_before = int(count("SELECT count(*) FROM res_partner_credential_log WHERE action = 'reveal'"))
        stats = Stats()
        print(
            f"==> Load: {args.portal} portal + {args.office} back-office sessions for {args.seconds} s, "
            f"{args.workers} workers, {base}",
            flush=True,
        )
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=portal_session, args=(base, i, deadline, stats, run_tag))
            for i in range(args.portal)
        ]
        threads += [
            threading.Thread(target=office_session, args=(base, i, deadline, stats, credential_ids))
            for i in range(args.office)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=60)
    ratings = int(count(f"SELECT count(*) FROM res_partner_satisfaction WHERE comment = '{run_tag}'"))
    reveals = (
        int(count("SELECT count(*) FROM res_partner_credential_log WHERE action = 'reveal'")) - logs_before
    )
    return report(stats, elapsed, ratings, reveals, log)


def report(stats, elapsed, ratings, reveals, log):
    total = sum(len(values) for values in stats.latencies.values())
    errors = sum(len(values) for values in stats.errors.values())
    print(f"\n{'Request':28} {'count':>6} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for kind, values in sorted(stats.latencies.items()):
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"{kind:28} {len(values):6} {len(values) / elapsed:7.1f} {1000 * statistics.median(values):8.0f}"
            f" {1000 * p95:8.0f} {len(stats.errors[kind]):7}"
        )
    print(f"{'all':28} {total:6} {total / elapsed:7.1f} {'':8} {'':8} {errors:7}")
    for kind, messages in stats.errors.items():
        for message in sorted(set(messages))[:5]:
            print(f"    error in {kind}: {message}")
    print(
        f"\nWrites: {stats.writes['satisfaction']} ratings answered as saved, {ratings} rows written; "
        f"{stats.writes['reveal']} reveals answered, {reveals} audit-log rows written"
    )
    lost = stats.writes["satisfaction"] != ratings or stats.writes["reveal"] != reveals
    server_lines = [line for line in log.read_text(errors="replace").splitlines() if " ERROR " in line]
    # A worker closes a keep-alive connection that stays idle for 2 s; werkzeug logs it as an error.
    idle_closed = [line for line in server_lines if "Request timed out" in line]
    server_errors = [line for line in server_lines if line not in idle_closed]
    if idle_closed:
        print(
            f"    {len(idle_closed)} idle keep-alive connections closed by the workers (not request errors)"
        )
    for line in server_errors[:5]:
        print(f"    server: {line[:200]}")
    ok = not errors and not lost and not server_errors and total
    print(
        f"==> Load: {'OK' if ok else 'FAILED'}: {total} requests, {errors} errors, "
        f"{'no lost writes' if not lost else 'LOST WRITES'}, {len(server_errors)} server errors"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
