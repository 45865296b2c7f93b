"""client_hub against vanilla Odoo, side by side on the same database (`make bench`).

Every measurement is the median of several repetitions; each pair (module / vanilla) runs in
the same process, on the same data, alternately. Nothing here asserts a time: the table says
how the numbers compare with the targets of the benchmark issue, README "Performance" explains
them. Run it with `.dev/bin/python tools/dev/bench.py --clients 10000` (what `make bench` does).
"""

import argparse
import contextlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import requests
from devlib import DEV, ODOO, LoginError, log_in_portal, psql, run_odoo, wait_for

DEPENDENCIES = (
    "contacts,account,account_debit_note,portal,utm,mail,project,partner_mobile,partner_contact_gender"
)
# The dependencies before issue #19 added Odoo's Project: what installing project costs on top of them.
DEPENDENCIES_WITHOUT_PROJECT = "contacts,account,account_debit_note,portal,utm,mail"
BENCH_USER = "bench_user"
PORTAL_USERS = {1: "bench_portal_1", 50: "bench_portal_50"}
MARKER = "client_hub.bench_clients"  # ir.config_parameter: the N the bench database was built for
MARKER_VERSION = "finance"  # a bench database built before the clients had invoices is rebuilt


def database_exists(db):
    return psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{db}'") == "1"


def recreate(db, template=None):
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=True)
    subprocess.run(["createdb", db, *(["-T", template] if template else [])], check=True)


def median_of(repetitions, measure):
    """Run measure() `repetitions` times; return the median of each key of its result dicts."""
    runs = [measure() for _ in range(repetitions)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def step(message):
    print(f"==> Bench: {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# Databases
# ---------------------------------------------------------------------------------------------


def ensure_dependencies_db(db):
    """A database with the module's dependencies only (no demo data), reused between runs."""
    if psql(db, "SELECT state FROM ir_module_module WHERE name = 'partner_contact_gender'") == "installed":
        return
    if psql(db, "SELECT state FROM ir_module_module WHERE name = 'account'") == "installed":
        step(f"adding project and the OCA modules to {db}")
        run_odoo("-d", db, "-i", DEPENDENCIES, quiet=True)
        return
    step(f"creating {db} with {DEPENDENCIES} (about a minute)")
    recreate(db)
    run_odoo("-d", db, "-i", DEPENDENCIES, quiet=True)


def measure_install(base_db, repetitions):
    """Install client_hub on copies of the dependencies database vs just loading that database."""
    scratch = f"{base_db}_install"

    def once():
        recreate(scratch, base_db)
        load = run_odoo("-d", scratch, quiet=True)
        install = run_odoo("-d", scratch, "-i", "client_hub", quiet=True)
        return {"load": load, "install": install}

    result = median_of(repetitions, once)
    subprocess.run(["dropdb", "--if-exists", "--force", scratch], check=True)
    return result


def measure_project_install(base_db):
    """What the `project` dependency costs at install: installing the other dependencies on an empty
    database, then project on top of them (once each: minutes)."""
    scratch = f"{base_db}_project"
    recreate(scratch)
    others = run_odoo("-d", scratch, "-i", DEPENDENCIES_WITHOUT_PROJECT, quiet=True)
    project = run_odoo("-d", scratch, "-i", "project", quiet=True)
    subprocess.run(["dropdb", "--if-exists", "--force", scratch], check=True)
    return {"others": others, "project": project}


# Four people for each company inserted before them (named "<prefix> Company N"), and the marker
# of the size the database was built for.
PEOPLE_SQL = """
UPDATE res_partner SET commercial_partner_id = id WHERE commercial_partner_id IS NULL;
INSERT INTO res_partner (name, complete_name, parent_id, commercial_partner_id, is_company, type, active,
                         autopost_bills, lang, email, country_id, create_uid, write_uid, create_date,
                         write_date)
SELECT 'Person ' || c.id || '-' || k, c.name || ', Person ' || c.id || '-' || k, c.id, c.id, false,
       'contact', true, 'ask', 'en_US', 'person' || c.id || '-' || k || '@company.example.com',
       c.country_id, 1, 1, now(), now()
  FROM res_partner c CROSS JOIN generate_series(1, 4) k
 WHERE c.name LIKE '%(prefix)s Company %%';
INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
VALUES ('%(marker)s', '%(partners)s', 1, 1, now(), now());
ANALYZE res_partner;
"""
SCALE_MARKER = "client_hub.bench_scale_partners"
# Plain partners as a database that has lived for years holds them: one company in five, each
# company with four people; inserted with SQL (the ORM would take an hour for a million).
SCALE_SQL = """
INSERT INTO res_partner (name, complete_name, is_company, type, active, autopost_bills, lang, email,
                         create_uid, write_uid, create_date, write_date)
SELECT 'Scale Company ' || g, 'Scale Company ' || g, true, 'contact', true, 'ask', 'en_US',
       'info' || g || '@company.example.com', 1, 1, now(), now()
  FROM generate_series(1, %(companies)s) g;
"""


def ensure_scale_db(db, base_db, partners):
    """The dependencies' database with `partners` more plain partners (built once, with SQL)."""
    if psql(db, f"SELECT value FROM ir_config_parameter WHERE key = '{SCALE_MARKER}'") == str(partners):
        return
    step(f"building {db}: {base_db} + {partners} partners, with SQL (a minute or two for a million)")
    recreate(db, base_db)
    values = {"companies": partners // 5, "marker": SCALE_MARKER, "partners": partners, "prefix": "Scale"}
    sql = (SCALE_SQL + PEOPLE_SQL) % values
    subprocess.run(["psql", "-q", "-d", db, "-v", "ON_ERROR_STOP=1", "-c", sql], check=True)


def measured_odoo(*args):
    """Run an Odoo command to its end: (wall seconds, peak memory in MB of its process)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [ODOO, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"odoo {' '.join(args)} failed (exit {process.returncode})")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def measure_install_at_scale(base_db, partners):
    """Install, update and uninstall client_hub on a copy of the dependencies' database with
    `partners` partners and on a copy without them: the module's cost should not grow with them."""
    big_db = f"{base_db}_{partners}"
    ensure_scale_db(big_db, base_db, partners)
    result = {"partners": partners, "small_partners": int(psql(base_db, "SELECT count(*) FROM res_partner"))}
    for size, template in (("small", base_db), ("big", big_db)):
        scratch = f"{template}_scratch"
        recreate(scratch, template)
        for action, args in (
            ("install", ("-d", scratch, "-i", "client_hub", "--stop-after-init", "--log-level", "warn")),
            ("update", ("-d", scratch, "-u", "client_hub", "--stop-after-init", "--log-level", "warn")),
            ("uninstall", ("module", "uninstall", "-d", scratch, "client_hub")),
        ):
            seconds, memory = measured_odoo(*args)
            result[f"{size}_{action}"] = {"seconds": seconds, "memory_mb": memory}
        subprocess.run(["dropdb", "--if-exists", "--force", scratch], check=True)
    return result


AXIS_MARKER = "client_hub.bench_axis_partners"
AXIS_CATEGORIES = 24
# A database that has lived for years, with the module in use: one company in five, four people
# each; seven companies in ten are clients with a full profile, a client number and (two in three)
# satisfaction figures. Inserted with SQL after the install; every value is one the ORM could write.
AXIS_SQL = """
WITH ids AS (
    SELECT (SELECT array_agg(id ORDER BY id) FROM res_partner_client_status) AS statuses,
           (SELECT array_agg(id ORDER BY id) FROM res_partner_client_category) AS categories,
           (SELECT array_agg(id ORDER BY id) FROM res_partner_tax_condition WHERE NOT vat_required)
               AS conditions,
           (SELECT array_agg(id ORDER BY id) FROM utm_source) AS sources,
           (SELECT array_agg(id ORDER BY id) FROM res_country) AS countries
)
INSERT INTO res_partner (name, complete_name, is_company, type, active, autopost_bills, lang, email,
                         country_id, ref, client_status_id, is_client, client_category_id, client_since,
                         tax_condition_id, acquisition_source_id, satisfaction_score,
                         satisfaction_average, satisfaction_count,
                         create_uid, write_uid, create_date, write_date)
SELECT 'Axis Company ' || g, 'Axis Company ' || g, true, 'contact', true, 'ask', 'en_US',
       'info' || g || '@company.example.com', countries[1 + g %% 40],
       CASE WHEN client THEN 'CL-' || lpad(g::text, 7, '0') END,
       CASE WHEN client THEN statuses[1 + g %% array_length(statuses, 1)] END,
       client,
       CASE WHEN client THEN categories[1 + (g * 7) %% array_length(categories, 1)] END,
       CASE WHEN client THEN date '2015-01-01' + (g * 37) %% 3900 END,
       CASE WHEN client THEN conditions[1 + g %% array_length(conditions, 1)] END,
       CASE WHEN client THEN sources[1 + g %% array_length(sources, 1)] END,
       CASE WHEN rated THEN 1 + g %% 5 END,
       CASE WHEN rated THEN round((1 + g %% 5 + 1 + (g / 3) %% 5 + 1 + (g / 7) %% 5) / 3.0, 2) END,
       CASE WHEN rated THEN 3 ELSE 0 END,
       1, 1, now(), now()
  FROM ids, generate_series(1, %(companies)s) g,
       LATERAL (SELECT g %% 10 < 7 AS client, g %% 10 < 7 AND g %% 3 > 0 AS rated) flags;
"""


def reused_or_installed(db, base_db, marker, built_for, what):
    """True when `db` was built for `built_for` (its `marker` parameter): client_hub is updated in
    it. Otherwise `db` becomes a copy of `base_db` with client_hub installed, to be filled."""
    if psql(db, f"SELECT value FROM ir_config_parameter WHERE key = '{marker}'") == built_for:
        step(f"reusing {db} ({what}), updating client_hub in it")
        run_odoo("-d", db, "-u", "client_hub", quiet=True)
        return True
    step(f"building {db}: client_hub + {what} (minutes for the big sizes)")
    recreate(db, base_db)
    run_odoo("-d", db, "-i", "client_hub", quiet=True)
    return False


def ensure_axis_db(db, base_db, partners):
    """client_hub installed on the dependencies' database, then `partners` more partners (built
    once): what the scale axis measures at each size."""
    if reused_or_installed(
        db, base_db, AXIS_MARKER, str(partners), f"{partners} partners with profiles, by SQL"
    ):
        return
    with odoo_env(db) as env:
        parents = env["res.partner.client.category"].create([{"name": f"Sector {i}"} for i in range(8)])
        env["res.partner.client.category"].create(
            [{"name": f"Segment {i}", "parent_id": parent.id} for parent in parents for i in range(2)]
        )
        create_bench_users(env, 0)
        env.cr.commit()
    values = {"companies": partners // 5, "marker": AXIS_MARKER, "partners": partners, "prefix": "Axis"}
    sql = (AXIS_SQL + PEOPLE_SQL) % values
    subprocess.run(["psql", "-q", "-d", db, "-v", "ON_ERROR_STOP=1", "-c", sql], check=True)


def axis_number(partners):
    """The client number of a client in the middle of the axis database."""
    middle = partners // 10 // 10 * 10  # a company number ending in 0: a client (g % 10 < 7)
    return f"CL-{middle:07}"


def measure_axis(base_db, sizes, repetitions, port):
    """List, client-number lookup, grouping and portal pages at each size, each against vanilla
    at the same size (same database, Odoo's own list, search and page)."""
    results = {}
    for partners in sizes:
        db = f"{base_db}_axis_{partners}"
        ensure_axis_db(db, base_db, partners)
        result = {}
        with odoo_env(db) as env:
            step(f"  {partners:,} partners: list, lookup, grouping")
            result["list"] = bench_list(env, repetitions)
            result["lookup"] = bench_lookup(env, axis_number(partners), repetitions)
            result["grouping"] = bench_grouping(env, repetitions)
            env.cr.rollback()
        step(f"  {partners:,} partners: portal pages")
        result["portal"] = bench_portal(db, port, repetitions)
        results[str(partners)] = result
    return results


def ensure_bench_db(db, base_db, clients):
    built_for = f"{clients}:{MARKER_VERSION}"
    if reused_or_installed(
        db, base_db, MARKER, built_for, f"{clients} clients, {10 * clients} partners in all"
    ):
        return
    with odoo_env(db) as env:
        populate(env, clients)
        env["ir.config_parameter"].set_param(MARKER, built_for)


def ensure_module_db(db, base_db):
    """`db` with client_hub installed (any clients in it are kept), updated to the code."""
    if psql(db, "SELECT state FROM ir_module_module WHERE name = 'client_hub'") == "installed":
        run_odoo("-d", db, "-u", "client_hub", quiet=True)
        return
    ensure_dependencies_db(base_db)
    step(f"creating {db}: client_hub on a copy of {base_db}")
    recreate(db, base_db)
    run_odoo("-d", db, "-i", "client_hub", quiet=True)


@contextlib.contextmanager
def odoo_env(db):
    """An environment on `db` (superuser); commits on success."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    registry = Registry(db)
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {})


def populate(env, clients):
    """Realistic clients: profile, typed addresses, satisfaction history, one credential each."""
    rng = random.Random(19)
    ref = env.ref
    env = env(context={"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True})
    Partner = env["res.partner"]
    Category = env["res.partner.client.category"]
    parents = Category.create([{"name": f"Sector {i}"} for i in range(8)])
    categories = Category.create(
        [{"name": f"Segment {i}", "parent_id": parent.id} for parent in parents for i in range(3)]
    )
    statuses = env["res.partner.client.status"].search([])
    conditions = env["res.partner.tax.condition"].search([("vat_required", "=", False)])
    sources = env["utm.source"].search([], limit=10)
    countries = env["res.country"].search([], limit=40)
    address_types = {code: ref(f"client_hub.address_type_{code}") for code in ("invoice", "workplace")}

    def profile(i):
        return {
            "client_status_id": statuses[i % len(statuses)].id,
            "client_category_id": categories[rng.randrange(len(categories))].id,
            "client_since": date(2015, 1, 1) + timedelta(days=rng.randrange(3900)),
            "tax_condition_id": conditions[i % len(conditions)].id,
            "acquisition_source_id": sources[i % len(sources)].id,
            "country_id": countries[rng.randrange(len(countries))].id,
        }

    batch = 1000
    for start in range(0, clients, batch):
        companies = Partner.create(
            [
                {
                    "name": f"Client {i:06}",
                    "is_company": True,
                    "email": f"office{i}@client{i}.example.com",
                    "phone": f"+48 22 {i:07}",
                    "city": f"City {i % 300}",
                    **profile(i),
                }
                for i in range(start, min(start + batch, clients))
            ]
        )
        Partner.create(
            [
                {
                    "name": f"{company.name} {code}",
                    "parent_id": company.id,
                    "address_type_id": address_type.id,
                    "is_default_address": True,
                    "street": f"{rng.randrange(1, 200)} Main Street",
                    "city": company.city,
                    "country_id": company.country_id.id,
                }
                for company in companies
                for code, address_type in address_types.items()
            ]
        )
        env["rating.rating"].create(
            [
                {"client_id": company.id, "rating": rng.randint(1, 5), "rating_date": date(2025, month, 1)}
                for company in companies
                for month in (3, 6, 9)
            ]
        )
        env["res.partner.credential"].create(
            [
                {
                    "partner_id": company.id,
                    "name": "Hosting",
                    "platform": "hosting",
                    "secret": f"pw-{company.id}",
                }
                for company in companies
            ]
        )
        populate_projects(env, companies)
        populate_invoices(env, companies)
        env.cr.commit()
        step(f"  {min(start + batch, clients)}/{clients} clients")
    # The rest of the 10xN partners for the grouping case: people, most of them clients too.
    others = 10 * clients - 3 * clients
    for start in range(0, others, 5 * batch):
        Partner.create(
            [
                {
                    "name": f"Person {i:07}",
                    **(profile(i) if i % 10 < 7 else {"country_id": countries[i % 40].id}),
                }
                for i in range(start, min(start + 5 * batch, others))
            ]
        )
        env.cr.commit()
        step(f"  {min(start + 5 * batch, others)}/{others} more partners")
    create_bench_users(env, clients)


def populate_projects(env, companies):
    """For the list's Projects column: 0, 1, 2 (one of them done) or 1 project of a contact per
    client, about one per client."""
    done = env.ref("project.project_project_stage_2")
    values = []
    for i, company in enumerate(companies):
        kind = i % 4
        if kind == 1:
            values.append({"name": f"{company.name} Website", "partner_id": company.id})
        elif kind == 2:
            values.append({"name": f"{company.name} ERP", "partner_id": company.id})
            values.append({"name": f"{company.name} Audit", "partner_id": company.id, "stage_id": done.id})
        elif kind == 3:
            values.append({"name": f"{company.name} Intranet", "partner_id": company.child_ids[:1].id})
    env["project.project"].create(values)


def populate_invoices(env, companies):
    """For the list's finance columns: a posted invoice for two clients in three (half of them
    overdue), paid in full for one client in six."""
    today = date.today()
    invoices = env["account.move"].create(
        [
            {
                "move_type": "out_invoice",
                "partner_id": company.id,
                "invoice_date": today - timedelta(days=40),
                "invoice_date_due": today - timedelta(days=10 if i % 2 else -20),
                "invoice_line_ids": [
                    (0, 0, {"name": "Services", "price_unit": 100.0 + i % 50, "tax_ids": []})
                ],
            }
            for i, company in enumerate(companies)
            if i % 3
        ]
    )
    invoices.action_post()
    env["account.payment.register"].with_context(
        active_model="account.move", active_ids=invoices[::4].ids
    ).create({"group_payment": False})._create_payments()


def create_bench_users(env, clients):
    Users = env["res.users"].with_context(no_reset_password=True)
    Users.create(
        {
            "name": "Bench User",
            "login": BENCH_USER,
            "password": BENCH_USER,
            # Billing rights: the Clients list then reads the finance columns too.
            "group_ids": [
                (
                    6,
                    0,
                    [
                        env.ref("client_hub.group_client_hub_user").id,
                        env.ref("account.group_account_invoice").id,
                    ],
                )
            ],
        }
    )
    workplace = env.ref("client_hub.address_type_workplace")
    for count, login in PORTAL_USERS.items():
        client = env["res.partner"].create(
            {
                "name": f"Portal bench client {count}",
                "is_company": True,
                "client_status_id": env.ref("client_hub.client_status_active").id,
            }
        )
        env["res.partner"].create(
            [
                {"name": f"Site {i}", "parent_id": client.id, "address_type_id": workplace.id}
                for i in range(count)
            ]
        )
        env["res.partner.credential"].create(
            [{"partner_id": client.id, "name": f"Access {i}", "secret": f"s-{i}"} for i in range(count)]
        )
        user = Users.create(
            {
                "name": f"Portal {count}",
                "login": login,
                "password": login,
                "group_ids": [(6, 0, [env.ref("base.group_portal").id])],
            }
        )
        user.partner_id.parent_id = client


# ---------------------------------------------------------------------------------------------
# In-process measurements
# ---------------------------------------------------------------------------------------------


def timed(env, call):
    """Wall time, CPU time and SQL queries of call()."""
    cr = env.cr
    queries, wall, cpu = cr.sql_log_count, time.perf_counter(), time.process_time()
    call()
    return {
        "seconds": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "queries": cr.sql_log_count - queries,
    }


def list_specification(env, view_xmlid):
    view = env.ref(view_xmlid)
    fields = env["res.partner"].get_views([(view.id, "list")])["models"]["res.partner"]["fields"]
    relational = {"many2one": {"display_name": {}}, "many2many": {"display_name": {}}}
    return {
        name: {"fields": relational[info["type"]]} if info["type"] in relational else {}
        for name, info in fields.items()
    }


def bench_list(env, repetitions):
    """The Clients list, its finance columns included, vs the core Contacts list, same rows, as a
    Client Hub user with billing rights."""
    user = env["res.users"].search([("login", "=", BENCH_USER)])
    Partner = env["res.partner"].with_user(user)
    specs = {
        "module": list_specification(env(user=user), "client_hub.res_partner_view_list_clients"),
        "vanilla": list_specification(env(user=user), "base.view_partner_tree"),
    }
    assert "client_amount_due" in specs["module"], "the bench user reads the finance columns"
    domain = [("is_client", "=", True)]
    results = {}
    for limit in (80, 400):
        for side, spec in specs.items():

            def read(spec=spec, limit=limit):
                env.invalidate_all()
                return timed(
                    env, lambda: Partner.web_search_read(domain, spec, limit=limit, count_limit=10001)
                )

            read()  # warm the caches (access rights, rules, translations)
            results[f"{side}_{limit}"] = median_of(repetitions, read)
    return results


def bench_lookup(env, number, repetitions):
    """A client by its number, as the Clients search's *Client Number* asks for it, against the
    same number typed in Odoo's Contacts search (name, reference, email, VAT, registry)."""
    user = env["res.users"].search([("login", "=", BENCH_USER)])
    Partner = env["res.partner"].with_user(user)
    cases = {
        "module": (
            list_specification(env, "client_hub.res_partner_view_list_clients"),
            [("is_client", "=", True), ("ref", "ilike", number)],
        ),
        "vanilla": (
            list_specification(env, "base.view_partner_tree"),
            ["|"] * 4
            + [
                (name, "ilike", number)
                for name in ("complete_name", "ref", "email", "vat", "company_registry")
            ],
        ),
    }
    results = {}
    for side, (spec, domain) in cases.items():

        def find(spec=spec, domain=domain):
            env.invalidate_all()
            found = []
            measure = timed(env, lambda: found.append(Partner.web_search_read(domain, spec, limit=80)))
            if found[0]["length"] != 1:
                raise SystemExit(f"lookup of {number} found {found[0]['length']} partners, not 1")
            return measure

        find()
        results[side] = median_of(repetitions, find)
    return results


def bench_create(env, clients, repetitions):
    """Creating N clients with the whole profile vs N partners with core fields only."""
    rng = random.Random(7)
    ref = env.ref
    statuses = env["res.partner.client.status"].search([])
    categories = env["res.partner.client.category"].search([("parent_id", "!=", False)])
    conditions = env["res.partner.tax.condition"].search([("vat_required", "=", False)])
    sources = env["utm.source"].search([], limit=10)
    country = ref("base.pl")
    core = [
        {
            "name": f"New {i}",
            "is_company": True,
            "email": f"new{i}@example.com",
            "phone": f"+48 600 {i:06}",
            "street": "Main Street 1",
            "city": "Warsaw",
            "country_id": country.id,
        }
        for i in range(clients)
    ]
    full = [
        {
            **vals,
            "client_status_id": statuses[i % len(statuses)].id,
            "client_category_id": categories[rng.randrange(len(categories))].id,
            "client_since": "2024-05-01",
            "tax_condition_id": conditions[i % len(conditions)].id,
            "acquisition_source_id": sources[i % len(sources)].id,
            "gender": "other",
            "client_currency_id": ref("base.EUR").id,
        }
        for i, vals in enumerate(core)
    ]
    admin = env["res.partner"].with_user(ref("base.user_admin"))
    results = {}
    for side, vals_list in (("vanilla", core), ("module", full)):

        def create(vals_list=vals_list):
            with savepoint(env):
                result = timed(
                    env, lambda: admin.create([dict(vals) for vals in vals_list]).flush_recordset()
                )
            return result

        results[side] = median_of(repetitions, create)
    return results


@contextlib.contextmanager
def savepoint(env):
    """Everything done inside is rolled back, the caches too."""
    env.flush_all()
    env.cr.execute("SAVEPOINT bench")
    try:
        yield
    finally:
        env.invalidate_all()
        env.cr.execute("ROLLBACK TO SAVEPOINT bench")


def bench_grouping(env, repetitions):
    """Grouping all partners by status / category with the average satisfaction vs by country."""
    Partner = env["res.partner"].with_user(env.ref("base.user_admin"))
    cases = {
        "status": (["client_status_id"], ["__count", "satisfaction_average:avg"]),
        "category": (["client_category_id"], ["__count", "satisfaction_average:avg"]),
        "country": (["country_id"], ["__count"]),
    }
    results = {"partners": Partner.search_count([])}
    for name, (groupby, aggregates) in cases.items():

        def group(groupby=groupby, aggregates=aggregates):
            env.invalidate_all()
            return timed(env, lambda: Partner.formatted_read_group([], groupby, aggregates))

        group()
        results[name] = median_of(repetitions, group)
    return results


def bench_vault(env, clients, repetitions):
    """Cipher: encrypt + decrypt N secrets (CPU). ORM: rotate the N stored secrets to a new key."""
    from odoo.addons.client_hub.models import vault  # noqa: PLC0415

    cipher = vault.VaultCipher.from_config()
    secrets = [f"secret-{i}-{'x' * 16}" for i in range(clients)]

    def crypt():
        cpu = time.process_time()
        tokens = [cipher.encrypt(secret) for secret in secrets]
        for token, key in tokens:
            cipher.decrypt(token, key)
        return {"cpu": time.process_time() - cpu}

    results = {"encrypt_reveal": median_of(repetitions, crypt)}
    Credential = env["res.partner.credential"]
    results["stored_secrets"] = Credential.search_count([("has_secret", "=", True)])
    old_keys = vault.configured_key_string()

    def rotate():
        with savepoint(env), patched_keys(f"{vault.VaultCipher.generate_key()},{old_keys}"):
            result = timed(env, lambda: Credential._rotate_vault_keys())
        return result

    results["rotate"] = median_of(min(repetitions, 3), rotate)
    # Reveal through the ORM (access check, decrypt, audit log row) for a sample of credentials.
    sample = Credential.search([("has_secret", "=", True)], limit=min(clients, 1000))
    user_env = env(user=env.ref("base.user_admin"))

    def reveal():
        with savepoint(env):
            # The reveal throttle (30 in 10 minutes) would stop the sample: measured without it.
            env["ir.config_parameter"].set_param("client_hub.vault_reveal_limit", "0")
            result = timed(
                env, lambda: [credential.reveal_secret() for credential in sample.with_env(user_env)]
            )
        return {**result, "per_secret_ms": 1000 * result["seconds"] / len(sample)}

    results["orm_reveal"] = median_of(min(repetitions, 3), reveal)
    results["orm_reveal_sample"] = len(sample)
    return results


def form_specification(env, model, view_type="form"):
    """What the web client asks for when it opens `model`'s form (x2many lines included)."""
    views = env[model].get_views([(False, view_type)])
    models = views["models"]

    def spec(model_name, names):
        fields = models[model_name]["fields"]
        result = {}
        for name in names:
            info = fields[name]
            if info["type"] in ("one2many", "many2many") and info["relation"] in models:
                relation = info["relation"]
                result[name] = {"fields": spec(relation, models[relation]["fields"])}
            elif info["type"] == "many2one":
                result[name] = {"fields": {"display_name": {}}}
            else:
                result[name] = {}
        return result

    return spec(model, models[model]["fields"])


def correction_invoice(env, lines):
    """A posted customer invoice of a client with `lines` lines, two VAT rates."""
    env = env(context={"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True})
    company = env.company
    taxes = env["account.tax"].create(
        [{"name": f"Bench VAT {rate}", "amount": rate, "company_id": company.id} for rate in (23, 8)]
    )
    client = env["res.partner"].create(
        {
            "name": "Bench Corrected Client",
            "is_company": True,
            "client_status_id": env.ref("client_hub.client_status_active").id,
        }
    )
    invoice = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": client.id,
            "invoice_date": date.today().isoformat(),
            "invoice_line_ids": [
                (
                    0,
                    0,
                    {
                        "name": f"Item {i}",
                        "quantity": 10,
                        "price_unit": 10 + i % 7,
                        "tax_ids": [(6, 0, taxes[i % 2].ids)],
                    },
                )
                for i in range(lines)
            ],
        }
    )
    invoice.action_post()
    return invoice


def bench_correction(env, repetitions, lines=500, corrected=50):
    """The correction dialog on an invoice of `lines` lines, and a partial correction of
    `corrected` of them, vs Odoo's credit-note wizard (account.move.reversal) on that invoice:
    opening it, and confirming a full credit note."""
    invoice = correction_invoice(env, lines)
    admin_env = env(user=env.ref("base.user_admin"), context={"allowed_company_ids": invoice.company_id.ids})
    context = {"active_model": "account.move", "active_ids": invoice.ids, "active_id": invoice.id}
    dialogs = {
        "correction": (
            admin_env["account.move.correction"].with_context(
                **invoice.action_open_correction_wizard()["context"]
            ),
            form_specification(admin_env, "account.move.correction"),
        ),
        "reversal": (
            admin_env["account.move.reversal"].with_context(**context),
            form_specification(admin_env, "account.move.reversal"),
        ),
    }
    results = {"lines": lines, "corrected": corrected}
    for name, (model, spec) in dialogs.items():

        def open_dialog(model=model, spec=spec):
            env.invalidate_all()
            return timed(env, lambda: model.onchange({}, [], spec))

        open_dialog()  # warm the caches
        results[f"open_{name}"] = median_of(repetitions, open_dialog)

    # The dialog builds its lines when the user picks line mode (they are shown in it only).
    correction_model, correction_spec = dialogs["correction"]
    values = correction_model.onchange({}, [], correction_spec)["value"]
    values = {name: value["id"] if isinstance(value, dict) else value for name, value in values.items()}

    def line_mode():
        env.invalidate_all()
        values["mode"] = "partial"
        return timed(env, lambda: correction_model.onchange(values, ["mode"], correction_spec))

    line_mode()
    results["line_mode_correction"] = median_of(repetitions, line_mode)

    def correct():
        with savepoint(env):
            wizard = dialogs["correction"][0].create(
                {"move_id": invoice.id, "reason": "Bench", "mode": "partial"}
            )
            for line in wizard.line_ids[:corrected]:
                line.quantity -= 1
            env.flush_all()
            env.invalidate_all()
            result = timed(env, wizard.action_confirm)
        return result

    def reverse():
        with savepoint(env):
            wizard = dialogs["reversal"][0].create(
                {"move_ids": invoice.ids, "reason": "Bench", "journal_id": invoice.journal_id.id}
            )
            env.flush_all()
            env.invalidate_all()
            result = timed(env, wizard.refund_moves)
        return result

    results["confirm_correction"] = median_of(min(repetitions, 3), correct)
    results["confirm_reversal"] = median_of(min(repetitions, 3), reverse)
    return results


@contextlib.contextmanager
def patched_keys(key_string):
    from unittest.mock import patch  # noqa: PLC0415

    from odoo.addons.client_hub.models import vault  # noqa: PLC0415

    with patch.object(vault, "configured_key_string", return_value=key_string):
        yield


# ---------------------------------------------------------------------------------------------
# Portal pages, served by a real Odoo process
# ---------------------------------------------------------------------------------------------

# werkzeug's request line, then Odoo's "<queries> <query time> <other time>".
REQUEST_LINE = re.compile(
    r'"GET (?P<path>\S+) HTTP/[\d.]+" (?P<code>\d+) \S+ (?P<queries>\d+) (?P<sql>[\d.]+) (?P<rest>[\d.]+)'
)


def bench_portal(db, port, repetitions):
    log = DEV / "bench-server.log"
    server = subprocess.Popen(
        [
            ODOO,
            "-d",
            db,
            "--db-filter",
            f"^{db}$",
            "--http-port",
            str(port),
            "--workers",
            "0",
            "--max-cron-threads",
            "0",
            "--log-level",
            "info",
            "--logfile",
            str(log),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/web/login", log)
        results = {}
        for count, login in PORTAL_USERS.items():
            session = portal_session(base, login)
            paths = ("/my/home", "/my/client", "/my/credentials")

            def get(path, session=session):
                offset = log.stat().st_size
                response = session.get(base + path, timeout=60)
                response.raise_for_status()
                return server_side(log, offset, path)

            for path in paths:
                get(path)  # warm the caches
            # The pages in turn, round after round: a busy moment of the machine hits them alike.
            runs = [[get(path) for path in paths] for _ in range(repetitions)]
            for index, path in enumerate(paths):
                results[f"{path}@{count}"] = {
                    key: statistics.median(run[index][key] for run in runs) for key in ("queries", "seconds")
                }
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


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


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def bench_survey(env, clients):
    """One cron run sending the satisfaction survey to N clients vs Odoo's rating request on N tasks
    (Odoo Project's customer rating), both into the mail queue (no SMTP); then the token page's
    queries with 1 and with N ratings of its client."""
    env = env(context={"tracking_disable": True, "mail_create_nolog": True})
    Partner = env["res.partner"]
    active = env.ref("client_hub.client_status_active")
    active.survey_interval_months = 3
    companies = Partner.create(
        [
            {
                "name": f"Survey {i}",
                "is_company": True,
                "email": f"survey{i}@example.com",
                "client_status_id": 0,
            }
            for i in range(clients)
        ]
    )
    env["res.partner"].search([("is_client", "=", True), ("id", "not in", companies.ids)]).write(
        {"satisfaction_survey_date": date.today()}  # only the bench's clients are due
    )
    template = env.ref("project.rating_project_request_email_template")
    project = env["project.project"].create({"name": "Survey bench", "partner_id": companies[0].id})
    tasks = env["project.task"].create(
        [
            {"name": f"Task {i}", "project_id": project.id, "partner_id": company.id}
            for i, company in enumerate(companies)
        ]
    )
    env.flush_all()
    module = timed(env, lambda: (Partner._cron_send_satisfaction_surveys(), env.flush_all()))
    vanilla = timed(env, lambda: (tasks.rating_send_request(template, force_send=False), env.flush_all()))
    module["mails"] = env["mail.mail"].search_count([("body_html", "like", "/client_hub/rate/")])
    vanilla["mails"] = env["mail.mail"].search_count([]) - module["mails"]
    return {"module": module, "vanilla": vanilla}


def ratio(module, vanilla):
    return module / vanilla if vanilla else float("nan")


def timed_row(label, module, vanilla, target, scale=1000):
    """A table row comparing the seconds of two measurements (in ms unless scale says otherwise)."""
    return (
        label,
        scale * module["seconds"],
        scale * vanilla["seconds"],
        ratio(module["seconds"], vanilla["seconds"]),
        target,
        "ratio",
    )


def rows(data):
    """(measure, module, vanilla, ratio, target) rows of the table."""
    if "survey" in data:
        survey = data["survey"]
        table = [
            timed_row(
                f"Survey cron to {data['clients']} clients ({survey['module']['mails']} mails) vs Odoo's "
                f"rating request on as many tasks ({survey['vanilla']['mails']} mails): s",
                survey["module"],
                survey["vanilla"],
                "≤ 1.5x",
                1,
            )
        ]
    elif "list" in data:
        table = main_rows(data)
    elif "correction" in data:
        table = correction_rows(data["correction"])
    else:
        table = []
    return table + scale_rows(data.get("scale")) + axis_rows(data.get("axis") or {})


def main_rows(data):
    lst, create, group, vault, portal = (data[k] for k in ("list", "create", "grouping", "vault", "portal"))
    correction = data["correction"]
    n = data["clients"]
    table = []
    for limit in (80, 400):
        module, vanilla = lst[f"module_{limit}"], lst[f"vanilla_{limit}"]
        table.append(
            (
                f"List {limit} rows: queries",
                module["queries"],
                vanilla["queries"],
                module["queries"] - vanilla["queries"],
                "≤ +2, same at 80 and 400",
                "diff",
            )
        )
        table.append(timed_row(f"List {limit} rows: ms", module, vanilla, "≤ 1.15x"))
    table.append(timed_row(f"Create {n} partners: s", create["module"], create["vanilla"], "≤ 1.25x", 1))
    for name in ("status", "category"):
        label = f"Group {group['partners']} by {name} + avg satisfaction vs by country: ms"
        table.append(timed_row(label, group[name], group["country"], "≤ 1.5x"))
    table.append(
        (
            f"Vault: encrypt + reveal {n} secrets: CPU s",
            vault["encrypt_reveal"]["cpu"],
            None,
            None,
            "≤ 1 s",
            "abs",
        )
    )
    table.append(
        (
            f"Vault: rotate {vault['stored_secrets']} secrets: s",
            vault["rotate"]["seconds"],
            None,
            None,
            "≤ 10 s",
            "abs",
        )
    )
    table.append(
        (
            f"Vault: ORM reveal with audit log, {vault['orm_reveal_sample']}: ms each",
            vault["orm_reveal"]["per_secret_ms"],
            None,
            None,
            "(information)",
            "abs",
        )
    )
    for count in PORTAL_USERS:
        home = portal[f"/my/home@{count}"]
        for path in ("/my/client", "/my/credentials"):
            page = portal[f"{path}@{count}"]
            table.append(
                (
                    f"Portal {path}, {count} records: queries",
                    page["queries"],
                    home["queries"],
                    None,
                    "same for 1 and 50",
                    "abs",
                )
            )
            table.append(timed_row(f"Portal {path}, {count} records: ms vs /my/home", page, home, "≤ 1.5x"))
    table.extend(correction_rows(correction))
    install = data["install"]
    table.append(
        (
            "Install client_hub (s) vs loading its dependencies' database",
            install["install"],
            install["load"],
            ratio(install["install"], install["load"]),
            "(information)",
            "ratio",
        )
    )
    project = data.get("project_install")
    if project:
        table.append(
            (
                "Install project (s) on top of the other dependencies vs installing those",
                project["project"],
                project["others"],
                ratio(project["project"], project["others"]),
                "(information)",
                "ratio",
            )
        )
    return table


def scale_rows(scale):
    """Install, update and uninstall on the big database against the small one."""
    table = []
    for action, target in (("install", "≤ 3x"), ("update", "≤ 2x"), ("uninstall", "≤ 3x")):
        if not scale:
            break
        big, small = scale[f"big_{action}"], scale[f"small_{action}"]
        label = f"{scale['partners']:,} partners vs {scale['small_partners']}"
        table.append(
            (
                f"{action.capitalize()} client_hub, {label}: s",
                big["seconds"],
                small["seconds"],
                ratio(big["seconds"], small["seconds"]),
                target,
                "ratio",
            )
        )
        table.append(
            (
                f"{action.capitalize()} client_hub, {label}: peak MB",
                big["memory_mb"],
                small["memory_mb"],
                ratio(big["memory_mb"], small["memory_mb"]),
                "(information)" if action != "install" else "≤ 350 MB",
                "ratio",
            )
        )
    return table


def axis_rows(axis):
    """At each size: the module's list, lookup, grouping and portal pages against Odoo's own."""
    table = []
    for size, result in axis.items():
        at = f"{int(size):,} partners"
        lst, lookup, group, portal = (result[k] for k in ("list", "lookup", "grouping", "portal"))
        for limit in (80, 400):
            label = f"{at}: Clients list {limit} rows vs Contacts list: ms"
            table.append(timed_row(label, lst[f"module_{limit}"], lst[f"vanilla_{limit}"], "≤ 1.15x"))
        label = f"{at}: client number lookup vs Contacts search: ms"
        table.append(timed_row(label, lookup["module"], lookup["vanilla"], "≤ 1.15x"))
        for name in ("status", "category"):
            label = f"{at}: group by {name} + avg satisfaction vs by country: ms"
            table.append(timed_row(label, group[name], group["country"], "≤ 1.5x"))
        for path in ("/my/client", "/my/credentials"):
            label = f"{at}: portal {path} vs /my/home: ms"
            table.append(timed_row(label, portal[f"{path}@50"], portal["/my/home@50"], "≤ 1.5x"))
    return table


def correction_rows(correction):
    """The correction dialog and a partial correction vs Odoo's credit-note wizard."""
    lines, corrected = correction["lines"], correction["corrected"]
    cases = (
        (
            f"Correction dialog, {lines}-line invoice: ms vs credit-note wizard",
            "open_correction",
            "open_reversal",
        ),
        (
            f"Partial correction of {corrected} lines: ms vs credit note of the {lines} lines",
            "confirm_correction",
            "confirm_reversal",
        ),
    )
    table = [
        timed_row(label, correction[module], correction[vanilla], "≤ 1.5x")
        for label, module, vanilla in cases
    ]
    if "line_mode_correction" in correction:
        table.insert(
            1,
            (
                f"Correction dialog switched to line mode, {lines} lines: ms",
                1000 * correction["line_mode_correction"]["seconds"],
                None,
                None,
                "(information)",
                "abs",
            ),
        )
    return table


def number(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def print_table(data):
    header = ("Measure", "client_hub", "vanilla", "ratio / diff", "target")
    lines = [header, *((m, number(a), number(b), number(r), t) for m, a, b, r, t, _kind in rows(data))]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    print(f"\nclient_hub benchmark — {data['machine']['summary']}, {data['date']}")
    for i, line in enumerate(lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
        if i == 0:
            print("  ".join("-" * width for width in widths))
    print("\nAs a Markdown table (README, Performance):\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for line in lines[1:]:
        print("| " + " | ".join(str(cell) for cell in line) + " |")


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024**2
    postgres = psql("postgres", "SHOW server_version") or "?"
    python = platform.python_version()
    summary = f"{cpu}, {os.cpu_count()} cores, {memory} GiB, PostgreSQL {postgres}, Python {python}"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "postgresql": postgres,
        "summary": summary,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10000, help="N: clients (10xN partners for grouping)")
    parser.add_argument("--repetitions", type=int, default=5, help="repetitions of each measurement")
    parser.add_argument(
        "--db",
        default="client_hub_bench",
        help="the bench database (its dependencies' database is DB_base); only these two are touched",
    )
    parser.add_argument("--port", type=int, default=8269)
    parser.add_argument(
        "--skip-install", action="store_true", help="do not measure the install (saves minutes)"
    )
    parser.add_argument(
        "--scale-partners",
        type=int,
        default=1_000_000,
        help="install/update/uninstall on a database with this many partners (0: skip)",
    )
    parser.add_argument(
        "--scale-only", action="store_true", help="measure only install/update/uninstall at scale"
    )
    parser.add_argument(
        "--axis",
        default="10000,100000,1000000",
        help="partner counts of the scale axis: list, lookup, grouping, portal at each ('': skip)",
    )
    parser.add_argument("--axis-only", action="store_true", help="measure only the scale axis")
    parser.add_argument(
        "--survey-only",
        action="store_true",
        help="measure only the satisfaction survey's sending against Odoo's rating request",
    )
    parser.add_argument(
        "--correction-only",
        action="store_true",
        help="measure only the correction dialog (a quick check: client_hub installed, no clients)",
    )
    args = parser.parse_args()

    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["--log-level", "warn"], setup_logging=True)
    base_db = f"{args.db}_base"
    if args.survey_only:
        step(
            f"satisfaction survey to {args.clients} clients vs Odoo's rating request on {args.clients} tasks"
        )
        ensure_module_db(args.db, base_db)
        data = {"date": date.today().isoformat(), "machine": machine(), "clients": args.clients}
        with odoo_env(args.db) as env:
            data["survey"] = bench_survey(env, args.clients)
            env.cr.rollback()
        print_table(data)
        return
    if args.correction_only:
        step(f"invoice correction on {args.db}")
        ensure_module_db(args.db, base_db)
        data = {"date": date.today().isoformat(), "machine": machine()}
        with odoo_env(args.db) as env:
            data["correction"] = bench_correction(env, args.repetitions)
            env.cr.rollback()
        print_table(data)
        return
    ensure_dependencies_db(base_db)
    sizes = [int(size) for size in args.axis.split(",") if size.strip()]
    if args.axis_only:
        step(f"scale axis at {', '.join(f'{size:,}' for size in sizes)} partners")
        data = {"date": date.today().isoformat(), "machine": machine(), "repetitions": args.repetitions}
        data["axis"] = measure_axis(base_db, sizes, args.repetitions, args.port)
        (DEV / "bench-axis.json").write_text(json.dumps(data, indent=2, default=str))
        print_table(data)
        return
    if args.scale_only:
        step(f"install, update, uninstall with {args.scale_partners} partners and without")
        data = {"date": date.today().isoformat(), "machine": machine()}
        data["scale"] = measure_install_at_scale(base_db, args.scale_partners)
        print_table(data)
        return
    ensure_bench_db(args.db, base_db, args.clients)
    data = {
        "clients": args.clients,
        "repetitions": args.repetitions,
        "date": date.today().isoformat(),
        "machine": machine(),
    }
    with odoo_env(args.db) as env:
        step("list page")
        data["list"] = bench_list(env, args.repetitions)
        step("bulk create")
        data["create"] = bench_create(env, args.clients, min(args.repetitions, 3))
        step("grouping")
        data["grouping"] = bench_grouping(env, args.repetitions)
        step("vault")
        data["vault"] = bench_vault(env, args.clients, args.repetitions)
        step("invoice correction")
        data["correction"] = bench_correction(env, args.repetitions)
        env.cr.rollback()
    step(f"portal pages (an Odoo server on 127.0.0.1:{args.port})")
    data["portal"] = bench_portal(args.db, args.port, args.repetitions)
    if args.skip_install:
        data["install"] = {"install": float("nan"), "load": float("nan")}
    else:
        step("install (3 times on a copy of the dependencies' database)")
        data["install"] = measure_install(base_db, 3)
        step("install of the project dependency (on an empty database, once)")
        data["project_install"] = measure_project_install(base_db)
    if args.scale_partners:
        step(f"install, update, uninstall with {args.scale_partners} partners and without")
        data["scale"] = measure_install_at_scale(base_db, args.scale_partners)
    if sizes:
        step(f"scale axis at {', '.join(f'{size:,}' for size in sizes)} partners")
        data["axis"] = measure_axis(base_db, sizes, args.repetitions, args.port)
    (DEV / "bench.json").write_text(json.dumps(data, indent=2, default=str))
    print_table(data)
    print("\nWritten: .dev/bench.json")


if __name__ == "__main__":
    sys.exit(main())
