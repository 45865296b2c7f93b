"""The databases the bench measures, each built once and reused while it fits: the module's
dependencies only (DB_base), the bench clients (DB), plain partners at scale, the scale axis."""

import subprocess

from devlib import odoo_env, psql, recreate, run_odoo, vault_key_id

from .data import create_bench_users, populate
from .measure import step

DEPENDENCIES = (
    "contacts,account,account_debit_note,portal,utm,mail,project,partner_mobile,partner_contact_gender"
)
# The dependencies before issue #19 added Odoo's Project: what installing project costs on top of them.
DEPENDENCIES_WITHOUT_PROJECT = "contacts,account,account_debit_note,portal,utm,mail"
MARKER = "client_hub.bench_clients"  # ir.config_parameter: the N the bench database was built for
MARKER_VERSION = "finance"  # a bench database built before the clients had invoices is rebuilt


def run_sql(db, sql):
    subprocess.run(["psql", "-q", "-d", db, "-v", "ON_ERROR_STOP=1", "-c", sql], check=True)


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
    run_sql(db, sql)


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
    run_sql(db, sql)


def axis_number(partners):
    """The client number of a client in the middle of the axis database."""
    middle = partners // 10 // 10 * 10  # a company number ending in 0: a client (g % 10 < 7)
    return f"CL-{middle:07}"


def ensure_bench_db(db, base_db, clients):
    # The vault key too: the bench clients' credentials are encrypted with it (CI's clean clone
    # has a new key, the cluster keeps the database).
    built_for = f"{clients}:{MARKER_VERSION}:{vault_key_id()}"
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
