"""A bounded load test on loopback (`make load`): Odoo with workers, portal and back-office sessions.

20 portal sessions (each a contact of its own client) loop over Odoo's /my/home, /my/client,
/my/credentials and a satisfaction rating; 5 back-office sessions loop over the Clients list and
secret reveals; 10 hot-spot sessions reveal one and the same credential over and over
(concurrent reveals of one credential must not collide). Every session logs in first; then all
of them run at once for 30 seconds against an Odoo started here with 2 workers. It reports
throughput, latency and errors, the module's portal pages against Odoo's /my/home, then counts
the satisfaction rows and audit-log rows the run wrote against the requests that said they
wrote one, for the hot-spot credential apart. Exit status 1 on any error, server error or lost
write.
"""

import argparse
import contextlib
import os
import random
import re
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict

import requests
from devlib import (
    DEV,
    LoginError,
    drop,
    log_in_portal,
    odoo_env,
    odoo_server,
    psql,
    run_odoo,
    setup_odoo,
    vault_key_id,
    wait_for,
)
from replica import (
    REPLICA_PORT,
    REPLICA_SOCKETS,
    database_statistics,
    report_databases,
    start_replica,
    stop_replica,
)

DB = os.environ.get("LOAD_DB", "client_hub_load")  # another name for a second checkout on the same cluster
MARKER = "client_hub.load_ready_2"  # _2: portal users with the vault right
REVEAL_LIMIT = "client_hub.vault_reveal_limit"


def prepare(portal_users, office_users):
    """A demo database with a client and a portal user per portal session, and credentials users."""
    ready = psql(DB, f"SELECT value FROM ir_config_parameter WHERE key = '{MARKER}'")
    if ready == f"{portal_users},{office_users},{vault_key_id()}":
        print(f"==> Load: reusing {DB}, updating client_hub in it", flush=True)
        run_odoo("-d", DB, "-u", "client_hub")  # the code under test, not the one it was made with
        lift_reveal_limit()
        return
    print(f"==> Load: creating {DB} with demo data (about a minute)", flush=True)
    drop(DB)
    run_odoo("-d", DB, "-i", "client_hub", "--with-demo")
    setup_odoo()
    with odoo_env(DB) as env:
        add_load_users(env, portal_users, office_users)


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
        user.partner_id._client_hub_grant_vault()  # as a manager grants it (a bound grant)
    env["ir.config_parameter"].set_param(MARKER, f"{portal_users},{office_users},{vault_key_id()}")
    env["ir.config_parameter"].set_param(REVEAL_LIMIT, "0")


def lift_reveal_limit():
    """The load sessions reveal far more than the per-user limit (30 in 10 minutes) allows a person."""
    psql(
        DB,
        f"INSERT INTO ir_config_parameter (key, value) VALUES ('{REVEAL_LIMIT}', '0') "
        "ON CONFLICT (key) DO UPDATE SET value = '0'",
    )


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.errors = defaultdict(list)
        self.writes = defaultdict(int)
        self.resent = 0

    def record(self, kind, seconds, error=None, wrote=None):
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors[kind].append(error)
            if wrote:
                self.writes[wrote] += 1

    def count_resent(self):
        with self.lock:
            self.resent += 1


class Client(requests.Session):
    """A user's HTTP session that, like a browser, sends a request once more when the connection
    was dropped before any answer: with more sessions than workers, Odoo's accept queue (8 per
    worker) overflows and the kernel drops connections the server never read. Nothing ran for
    those, and a resent request that did run twice would show up as a lost-write mismatch."""

    def __init__(self, stats):
        super().__init__()
        self.stats = stats

    def request(self, *args, **kwargs):
        try:
            return super().request(*args, **kwargs)
        except requests.ConnectionError as error:
            if "Connection aborted" not in str(error):  # refused, or timed out: a real error
                raise
            self.stats.count_resent()
            return super().request(*args, **kwargs)


class Clock:
    """The measured run starts once every session has logged in (logins are counted apart), and
    lasts `seconds` from then for all of them; a session whose login failed still checks in."""

    def __init__(self, sessions, seconds):
        self.seconds = seconds
        self.deadline = None
        self.started = None
        self.barrier = threading.Barrier(sessions, action=self._start)

    def _start(self):
        self.started = time.monotonic()
        self.deadline = self.started + self.seconds

    def running(self):
        return self.deadline is not None and time.monotonic() < self.deadline

    def start(self):
        with contextlib.suppress(threading.BrokenBarrierError):  # a session died: report what ran
            self.barrier.wait(timeout=600)


def timed(stats, kind, call, wrote=None):
    start = time.perf_counter()
    try:
        error = call()
    except requests.RequestException as exception:
        error = f"{type(exception).__name__}: {exception}"
    stats.record(kind, time.perf_counter() - start, error, None if error else wrote)
    return not error


def portal_session(base, index, clock, stats, run_tag):
    session = Client(stats)
    login = f"load_portal_{index}"
    csrf = []

    def log_in():
        try:
            log_in_portal(session, base, login)
        except LoginError as error:
            return str(error)
        page = session.get(f"{base}/my/satisfaction", timeout=120)
        csrf.extend(re.findall(r'name="csrf_token" value="([^"]+)"', page.text)[:1])
        return None if csrf else f"/my/satisfaction: {page.status_code}, no form"

    logged_in = timed(stats, "portal login", log_in)
    clock.start()
    if not logged_in:
        return
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
            data={"csrf_token": csrf[0], "score": str(rng.randint(1, 5)), "comment": run_tag},
            timeout=120,
        )
        return (
            None
            if response.status_code == 200 and "alert-success" in response.text
            else (f"/my/satisfaction POST: {response.status_code}")
        )

    while clock.running():
        timed(stats, "portal /my/home (Odoo's)", get("/my/home"))
        timed(stats, "portal /my/client", get("/my/client"))
        timed(stats, "portal /my/credentials", get("/my/credentials"))
        timed(stats, "portal rating (POST)", rate, wrote="satisfaction")


def rpc_session(base, login, stats):
    """A back-office session logged in as `login`: rpc(route, params) -> (result, error), or None
    when the login failed (counted as an error)."""
    session = Client(stats)
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

    def log_in():
        result, error = rpc("/web/session/authenticate", {"db": DB, "login": login, "password": login})
        return error or (None if result and result.get("uid") else f"{login} could not log in")

    return rpc if timed(stats, "office login", log_in) else None


def call_kw(rpc, model, method, args, kwargs=None):
    def call():
        return rpc(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )[1]

    return call


def office_session(base, index, clock, stats, credential_ids):
    rpc = rpc_session(base, f"load_office_{index}", stats)
    clock.start()
    if not rpc:
        return
    rng = random.Random(100 + index)
    spec = {
        "display_name": {},
        "ref": {},
        "client_status_id": {"fields": {"display_name": {}}},
        "client_category_id": {"fields": {"display_name": {}}},
        "satisfaction_score": {},
        "email": {},
    }

    while clock.running():
        timed(
            stats,
            "office Clients list",
            call_kw(
                rpc,
                "res.partner",
                "web_search_read",
                [],
                {"domain": [["is_client", "=", True]], "specification": spec, "limit": 80},
            ),
        )
        timed(
            stats,
            "office reveal",
            call_kw(rpc, "res.partner.credential", "reveal_secret", [[rng.choice(credential_ids)]]),
            wrote="reveal",
        )


def hotspot_session(base, index, clock, stats, office_users, credential_id):
    """Reveal the same credential as every other hot-spot session, as fast as the server answers."""
    rpc = rpc_session(base, f"load_office_{index % office_users}", stats)
    clock.start()
    if not rpc:
        return
    reveal = call_kw(rpc, "res.partner.credential", "reveal_secret", [[credential_id]])
    while clock.running():
        timed(stats, "hot-spot reveal (1 credential)", reveal, wrote="hotspot")


def count(sql):
    return psql(DB, sql)


def start_nodes(args, log):
    """`args.nodes` Odoo servers on one database (ports port, port + 10, …), each with its workers;
    with a replica, each sends its read-only requests there."""
    replica = ["--db_replica_host", REPLICA_SOCKETS, "--db_replica_port", str(REPLICA_PORT)]
    replica = replica if args.replica else []
    servers = []
    for node in range(args.nodes):
        port = args.port + 10 * node
        servers.append(
            odoo_server(DB, port, log, "--gevent-port", str(port + 1), *replica, workers=args.workers)
        )
    return servers, [f"http://127.0.0.1:{args.port + 10 * node}" for node in range(args.nodes)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--portal", type=int, default=20, help="portal sessions")
    parser.add_argument("--office", type=int, default=5, help="back-office sessions")
    parser.add_argument("--hotspot", type=int, default=10, help="sessions revealing one same credential")
    parser.add_argument("--workers", type=int, default=2, help="workers of each Odoo server")
    parser.add_argument("--nodes", type=int, default=1, help="Odoo servers on the same database")
    parser.add_argument("--replica", action="store_true", help="read-only requests on a streaming replica")
    parser.add_argument("--port", type=int, default=8369)
    args = parser.parse_args()
    prepare(args.portal, args.office)
    if args.replica:
        start_replica()
    log = DEV / "load-server.log"
    log.write_text("")
    servers, bases = start_nodes(args, log)
    try:
        for base in bases:
            wait_for(f"{base}/web/login", log)
            requests.get(f"{base}/my", timeout=120)  # let the workers build the asset bundles once
        credential_ids = sorted(
            int(i)
            for i in count(
                "SELECT c.id FROM res_partner_credential c JOIN res_partner p ON p.id = c.partner_id"
                " WHERE p.name LIKE 'Load Client %'"
            ).split()
        )
        hotspot_id = credential_ids[0]
        credential_ids = credential_ids[1:] or credential_ids
        run_tag = f"load run {uuid.uuid4().hex[:8]}"
        logs_before = reveal_logs()
        hotspot_before = reveal_logs(hotspot_id)
        databases_before = database_statistics(DB) if args.replica else None
        stats = Stats()
        print(
            f"==> Load: {args.portal} portal + {args.office} back-office + {args.hotspot} hot-spot sessions"
            f" for {args.seconds} s, {args.nodes} Odoo server(s) with {args.workers} workers each"
            f"{' and a streaming replica' if args.replica else ''}: {', '.join(bases)}",
            flush=True,
        )
        clock = Clock(args.portal + args.office + args.hotspot, args.seconds)

        def node(i):  # sessions are spread over the servers, as a load balancer would
            return bases[i % len(bases)]

        threads = [
            threading.Thread(target=portal_session, args=(node(i), i, clock, stats, run_tag))
            for i in range(args.portal)
        ]
        threads += [
            threading.Thread(target=office_session, args=(node(i), i, clock, stats, credential_ids))
            for i in range(args.office)
        ]
        threads += [
            threading.Thread(target=hotspot_session, args=(node(i), i, clock, stats, args.office, hotspot_id))
            for i in range(args.hotspot)
        ]
        for thread in threads:
            thread.start()
            time.sleep(0.05)  # a ramp-up, not 35 new connections in the same millisecond
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - clock.started
        databases_after = database_statistics(DB) if args.replica else None
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=60)
        if args.replica:
            stop_replica()
    # One answer per contact and period: each rating portal contact has exactly one row.
    ratings = int(count(f"SELECT count(*) FROM rating_rating WHERE feedback = '{run_tag}'"))
    ratings_expected = int(
        count(f"SELECT count(DISTINCT partner_id) FROM rating_rating WHERE feedback = '{run_tag}'")
    )
    hotspot = reveal_logs(hotspot_id) - hotspot_before
    reveals = reveal_logs() - logs_before - hotspot
    if args.replica:
        report_databases(databases_before, databases_after)
    return report(stats, elapsed, (ratings, ratings_expected), reveals, hotspot, log)


def reveal_logs(credential_id=None):
    where = f" AND credential_id = {int(credential_id)}" if credential_id else ""
    return int(count(f"SELECT count(*) FROM res_partner_credential_log WHERE action = 'reveal'{where}"))


def report(stats, elapsed, ratings, reveals, hotspot, log):
    total = sum(len(values) for values in stats.latencies.values())
    errors = sum(len(values) for values in stats.errors.values())
    print(f"\n{'Request':30} {'count':>6} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for kind, values in sorted(stats.latencies.items()):
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        # Logins happen before the measured run starts: no rate for them.
        rate = "" if kind.endswith(" login") else f"{len(values) / elapsed:.1f}"
        print(
            f"{kind:30} {len(values):6} {rate:>7} {1000 * statistics.median(values):8.0f}"
            f" {1000 * p95:8.0f} {len(stats.errors[kind]):7}"
        )
    measured = sum(len(values) for kind, values in stats.latencies.items() if not kind.endswith(" login"))
    print(f"{'all (logins apart)':30} {total:6} {measured / elapsed:7.1f} {'':8} {'':8} {errors:7}")
    for kind, messages in stats.errors.items():
        for message in sorted(set(messages))[:5]:
            print(f"    error in {kind}: {message}")
    print(
        f"\nWrites: {stats.writes['satisfaction']} ratings answered as saved, {ratings[0]} rows kept for "
        f"{ratings[1]} contacts (one answer per contact and period); "
        f"{stats.writes['reveal']} reveals answered, {reveals} audit-log rows written; "
        f"{stats.writes['hotspot']} hot-spot reveals answered, {hotspot} audit-log rows written"
    )
    lost = (
        not stats.writes["satisfaction"]
        or ratings[0] != ratings[1]
        or stats.writes["reveal"] != reveals
        or stats.writes["hotspot"] != hotspot
    )
    server_lines = [line for line in log.read_text(errors="replace").splitlines() if " ERROR " in line]
    # A worker closes a keep-alive connection that stays idle for 2 s; werkzeug logs it as an error.
    idle_closed = [line for line in server_lines if "Request timed out" in line]
    server_errors = [line for line in server_lines if line not in idle_closed]
    if stats.resent:
        print(f"    {stats.resent} requests sent again after the server dropped the connection unread")
    if idle_closed:
        print(
            f"    {len(idle_closed)} idle keep-alive connections closed by the workers (not request errors)"
        )
    for line in server_errors[:5]:
        print(f"    server: {line[:200]}")
    # Every portal session requests each page once per round, so their rates are equal by
    # construction: what the server can sustain of each is the inverse of its mean latency.
    home = stats.latencies.get("portal /my/home (Odoo's)")
    for page in ("portal /my/client", "portal /my/credentials"):
        if home and stats.latencies.get(page):
            sustainable = statistics.mean(home) / statistics.mean(stats.latencies[page])
            print(
                f"    {page[7:]}: {sustainable:.2f}x the requests per second of Odoo's /my/home"
                " (target ≥ 0.9)"
            )
    ok = not errors and not lost and not server_errors and total
    print(
        f"==> Load: {'OK' if ok else 'FAILED'}: {total} requests, {errors} errors, "
        f"{'no lost writes' if not lost else 'LOST WRITES'}, {len(server_errors)} server errors"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
