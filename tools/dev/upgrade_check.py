"""Update client_hub from the previous release and twice on itself, then uninstall it, on a demo
database with data of its own (`make upgrade-check`).

0. from the previous release: its code (checked out with `git worktree` at the last version bump)
   installed with demo data and users' own records (ratings among them), then updated to this code:
   every client's satisfaction count, average, CSAT and latest score are equal after, nothing is
   left in a store the update replaced (res_partner_satisfaction), and every partner's gender (the
   module's own field until 19.0.1.4.0, OCA partner_contact_gender's since) is unchanged;
1. installs client_hub with demo data, then adds what users would have typed (clients, typed
   addresses, ratings, credentials, an invoice and its correction, a project of a client: records no
   module owns);
2. updates the module twice: every count, client number and address type is unchanged and every
   secret still decrypts to what it was;
3. uninstalls it: Odoo's partners, addresses, invoices and projects typed by users are all still there,
   with their gender and mobile (Odoo's project and the OCA modules, dependencies, stay installed).
Prints what it checked; exits 1 on the first difference.
"""

import ast
import contextlib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from devlib import DEV, ODOO, ROOT, drop, run_odoo, setup_odoo

DB = os.environ.get("UPGRADE_DB", "client_hub_upgrade")
USER_CLIENTS = 5
PREVIOUS = DEV / "previous"  # holds the previous release's worktree, as client_hub
OLD_STORES = ("res_partner_satisfaction",)  # tables of stores an update moved elsewhere


def odoo(*args):
    return run_odoo("-d", DB, *args)


def manifest_version(text):
    return ast.literal_eval(text)["version"]


def previous_release():
    """(commit, version) of the previous release's version bump, and this code's version."""
    current = manifest_version((ROOT / "__manifest__.py").read_text(encoding="utf-8"))
    commits = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--format=%H", "--", "__manifest__.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for commit in commits:
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:__manifest__.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        parent = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}~1:__manifest__.py"], capture_output=True, text=True
        ).stdout
        version = manifest_version(shown)
        if version != current and (not parent or manifest_version(parent) != version):
            return commit, version, current
    raise SystemExit("==> Upgrade check: no earlier release in the history")


def addons_path(client_hub_parent):
    """Odoo's addons and client_hub from `client_hub_parent` (a folder holding client_hub)."""
    from odoo.tools import config  # noqa: PLC0415

    paths = [path for path in config["addons_path"] if not Path(path, "client_hub").exists()]
    return ",".join([*paths, str(client_hub_parent)])


PREVIOUS_USER_DATA = """
GENDERS = ["female", "male", "other", False]
active = env.ref("client_hub.client_status_active")
for i in range(5):
    client = env["res.partner"].create(
        {"name": f"Previous Client {i}", "is_company": True, "client_status_id": active.id}
    )
    contact = env["res.partner"].create(
        {"name": f"Previous Contact {i}", "parent_id": client.id, "gender": GENDERS[i % len(GENDERS)]}
    )
    if "res.partner.satisfaction" in env:  # the store until 19.0.1.3.0
        Rating = env["res.partner.satisfaction"]
        Rating.create(
            [{"partner_id": client.id, "score": 1 + (i + k) % 5, "channel": "phone"} for k in range(3)]
        )
        Rating.create({"partner_id": contact.id, "score": 5 - i % 5, "date": "2025-06-0%d" % (i + 1)})
    else:  # Odoo's rating.rating since 19.0.1.4.0
        env["rating.rating"].create(
            [{"client_id": client.id, "rating": 1 + (i + k) % 5, "channel": "phone"} for k in range(3)]
            + [{"client_id": client.id, "rating": 5 - i % 5, "rating_date": "2025-06-0%d" % (i + 1)}]
        )
# The portal vault right as the previous release kept it (a flag until 19.0.1.5.0): a client's
# contact with a portal login, one without.
if "client_hub_vault_access" in env["res.partner"]._fields:
    flagged_client = env["res.partner"].search([("name", "=", "Previous Client 0")])
    login = env["res.users"].create(
        {"name": "Previous Portal", "login": "previous_portal",
         "group_ids": [(6, 0, [env.ref("base.group_portal").id])]}
    )
    login.partner_id.write({"parent_id": flagged_client.id, "client_hub_vault_access": True})
    env["res.partner"].create(
        {"name": "Previous Vault Contact", "parent_id": flagged_client.id, "client_hub_vault_access": True}
    )
env.cr.commit()
# Status changes, each in a transaction of its own (tracked in the chatter on commit, as a user's).
prospect = env.ref("client_hub.client_status_prospect")
for i, client in enumerate(env["res.partner"].search([("name", "=like", "Previous Client %")])):
    for status in (prospect, active)[: 1 + i % 2]:
        client.client_status_id = status
        env.cr.commit()
"""


@contextlib.contextmanager
def raw_cursor():
    """A cursor on the database, without a registry (whichever code the schema belongs to)."""
    from odoo.sql_db import db_connect  # noqa: PLC0415

    with db_connect(DB).cursor() as cr:
        yield cr


def satisfaction_fingerprint(cr):
    """Every client's (count, average, CSAT, latest score), read from the database, whatever the store."""
    if _table_exists(cr, "res_partner_satisfaction") and _has_rows(cr, "res_partner_satisfaction"):
        csat_sql = """SELECT partner_id, round(avg(CASE WHEN score >= 4 THEN 100.0 ELSE 0.0 END), 4)
                        FROM res_partner_satisfaction GROUP BY partner_id"""
    else:
        csat_sql = """SELECT client_id, round(avg(CASE WHEN rating >= 4 THEN 100.0 ELSE 0.0 END), 4)
                        FROM rating_rating WHERE res_model = 'res.partner' AND consumed GROUP BY client_id"""
    cr.execute(csat_sql)
    csat = dict(cr.fetchall())
    cr.execute(
        """SELECT id, satisfaction_count, round(satisfaction_average::numeric, 4), satisfaction_score
             FROM res_partner WHERE is_client ORDER BY id"""
    )
    return {
        client_id: (
            count,
            float(average) if average is not None else None,
            score,
            float(csat.get(client_id, 0)),
        )
        for client_id, count, average, score in cr.fetchall()
    }


def vault_rights(cr):
    """{contact: its active portal login or None} of every contact with the portal vault right,
    read from the database: the flag until 19.0.1.5.0, the grants since."""
    if _column_exists(cr, "res_partner", "client_hub_vault_access"):
        cr.execute(
            """SELECT p.id, (SELECT min(u.id) FROM res_users u
                               JOIN res_groups_users_rel r ON r.uid = u.id
                               JOIN ir_model_data d ON d.res_id = r.gid AND d.model = 'res.groups'
                                AND d.module = 'base' AND d.name = 'group_portal'
                              WHERE u.partner_id = p.id AND u.active)
                 FROM res_partner p WHERE p.client_hub_vault_access"""
        )
    else:
        cr.execute("SELECT partner_id, user_id FROM res_partner_vault_grant WHERE active")
    return dict(cr.fetchall())


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s", [table, column]
    )
    return bool(cr.fetchone())


def tracked_statuses(cr):
    """Every client's statuses in the chatter's tracking, in order: its first (the first change's old
    value, else its status today), then each change's new value."""
    cr.execute(
        """SELECT partner.id, partner.client_status_id,
                  array_agg(value.old_value_integer ORDER BY message.date, value.id),
                  array_agg(value.new_value_integer ORDER BY message.date, value.id)
             FROM res_partner partner
             LEFT JOIN mail_message message ON message.model = 'res.partner' AND message.res_id = partner.id
             LEFT JOIN mail_tracking_value value ON value.mail_message_id = message.id
                   AND value.field_id = (SELECT id FROM ir_model_fields
                                          WHERE model = 'res.partner' AND name = 'client_status_id')
            WHERE partner.is_client
         GROUP BY partner.id"""
    )
    pasts = {}
    for client, status, olds, news in cr.fetchall():
        changes = [(old, new) for old, new in zip(olds, news, strict=True) if new is not None]
        statuses = [changes[0][0] if changes else status] + [new for _old, new in changes]
        pasts[client] = [past for past in statuses if past]  # "no status" is no row's status
    return pasts


def history_statuses(cr, clients):
    """The statuses of these clients in the status history (19.0.1.6.0), in order."""
    cr.execute(
        """SELECT partner_id, array_agg(to_status_id ORDER BY date, id) FROM res_partner_status_history
            WHERE partner_id = ANY(%s) AND to_status_id IS NOT NULL GROUP BY partner_id""",
        [list(clients)],
    )
    return {client: list(statuses) for client, statuses in cr.fetchall()}


def genders(cr):
    """Every partner's gender, read from the database (NULL included)."""
    cr.execute("SELECT id, gender FROM res_partner ORDER BY id")
    return dict(cr.fetchall())


def _has_rows(cr, table):
    cr.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")  # a name of OLD_STORES
    return cr.fetchone()[0]


def _numbers(version):
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def check_previous_release():
    commit, version, current = previous_release()
    later = sorted(p.name for p in (ROOT / "migrations").iterdir() if _numbers(p.name) > _numbers(current))
    if later:
        print(
            f"==> Upgrade check: migrations {', '.join(later)} wait for the version bump "
            f"(the manifest says {current}): they do not run yet"
        )
    print(f"==> Upgrade check: from the previous release {version} ({commit[:8]}) to {current}")
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(PREVIOUS / "client_hub")], check=False
    )
    PREVIOUS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(PREVIOUS / "client_hub"), commit],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        drop(DB)
        odoo("-i", "client_hub", "--with-demo", "--addons-path", addons_path(PREVIOUS))
        # The users' own ratings, typed into the previous release (its code, in its own process).
        subprocess.run(
            [
                *(ODOO, "shell", "-d", DB, "--no-http", "--log-level", "warn"),
                *("--addons-path", addons_path(PREVIOUS)),
            ],
            input=PREVIOUS_USER_DATA,
            text=True,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with raw_cursor() as cr:
            before = satisfaction_fingerprint(cr)
            genders_before = genders(cr)
            vault_before = vault_rights(cr)
            statuses_before = tracked_statuses(cr)
        seconds = odoo("-u", "client_hub")
        with raw_cursor() as cr:
            after = satisfaction_fingerprint(cr)
            # The partners of before (the update may add demo contacts).
            genders_after = {
                partner: gender for partner, gender in genders(cr).items() if partner in genders_before
            }
            vault_after = vault_rights(cr)
            left = {table: _has_rows(cr, table) for table in OLD_STORES if _table_exists(cr, table)}
            statuses_after = history_statuses(cr, statuses_before)
        rated = sum(1 for count, *_rest in before.values() if count)
        satisfaction, gender = "satisfaction (count, average, CSAT, latest)", "gender of every partner"
        vault = "portal vault right (contact: its portal login)"
        check(
            f"update from {version} ({seconds:.0f} s): {len(before)} clients, {rated} rated, "
            f"{sum(1 for value in genders_before.values() if value)} partners with a gender, "
            f"{len(vault_before)} contacts with the portal vault right",
            {satisfaction: before, gender: genders_before, vault: vault_before},
            {satisfaction: after, gender: genders_after, vault: vault_after},
        )
        check(
            f"update from {version}: the past statuses of {len(statuses_before)} clients "
            f"({sum(len(past) for past in statuses_before.values())} statuses)",
            {"status history (from the chatter's tracking)": statuses_before},
            {"status history (from the chatter's tracking)": statuses_after},
        )
        if any(left.values()):
            print(
                f"==> Upgrade check: FAILED rows left in {', '.join(t for t, rows in left.items() if rows)}"
            )
            sys.exit(1)
        print("==> Upgrade check: nothing left in the old stores")
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(PREVIOUS / "client_hub")],
            check=False,
        )


def _table_exists(cr, table):
    cr.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
    return cr.fetchone()[0]


def environment():
    """A fresh registry (another process changed the database) and a superuser environment."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    Registry.delete(DB)
    return api.Environment(Registry(DB).cursor(), SUPERUSER_ID, {})


def add_user_data(env):
    """What people type into a running database: nothing here has an XML id of the module."""
    from odoo import Command  # noqa: PLC0415

    ref = env.ref
    clients = env["res.partner"].create(
        [
            {
                "name": f"Upgrade Client {i}",
                "is_company": True,
                "client_status_id": ref("client_hub.client_status_active").id,
                "client_category_id": env["res.partner.client.category"].search([], limit=1).id,
                "tax_condition_id": ref("client_hub.tax_condition_final_consumer").id,
            }
            for i in range(USER_CLIENTS)
        ]
    )
    for i, client in enumerate(clients):
        env["res.partner"].create(
            {
                "name": f"{client.name} Contact",
                "parent_id": client.id,
                "gender": ("female", "male", "other", False)[i % 4],
                "mobile": f"+48 600 000 00{i}",
            }
        )
        env["res.partner"].create(
            [
                {
                    "name": f"{client.name} {code}",
                    "parent_id": client.id,
                    "is_default_address": True,
                    "address_type_id": ref(f"client_hub.address_type_{code}").id,
                    "street": "Main Street 1",
                }
                for code in ("invoice", "workplace")
            ]
        )
        if "res.partner.satisfaction" in env:  # the previous release's own store
            env["res.partner.satisfaction"].create([{"partner_id": client.id, "score": s} for s in (4, 2)])
        else:
            env["rating.rating"].create([{"client_id": client.id, "rating": score} for score in (4, 2)])
        env["res.partner.credential"].create(
            {"partner_id": client.id, "name": "Hosting", "secret": f"upgrade-secret-{client.id}"}
        )
    product = env["product.product"].create({"name": "Upgrade consulting", "list_price": 100})
    invoice = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": clients[0].id,
            "invoice_line_ids": [
                Command.create({"product_id": product.id, "quantity": 3, "price_unit": 100})
            ],
        }
    )
    invoice.action_post()
    # A project of a client (Odoo's project, a dependency since 19.0.1.3.0), shared in the portal.
    env["project.project"].create({"name": "Upgrade Project", "partner_id": clients[0].id})
    wizard = env["account.move.correction"].create(
        {"partner_id": clients[0].id, "move_id": invoice.id, "reason": "Upgrade check", "mode": "full"}
    )
    wizard.action_confirm()
    env.cr.commit()


def fingerprint(env):
    """Counts, client numbers, address types and a digest of every decrypted secret."""
    Partner = env["res.partner"].with_context(active_test=False)
    credentials = env["res.partner.credential"].with_context(active_test=False).search([], order="id")
    secrets = hashlib.sha256()
    for credential in credentials.filtered("has_secret"):
        secrets.update(credential._decrypt(credential.secret_ciphertext, credential.secret_key_id).encode())
    counted = [
        "res.partner.client.status",
        "res.partner.client.category",
        "res.partner.tax.condition",
        "res.partner.address.type",
        "res.partner.credential",
        "res.partner.credential.log",
        "account.move",
    ]
    return {
        **{model: env[model].with_context(active_test=False).search_count([]) for model in counted},
        "partners": Partner.search_count([]),
        "client numbers": sorted(Partner.search([("is_client", "=", True)]).mapped("ref")),
        "typed addresses": sorted(
            (address.name, address.address_type_id.code, address.is_default_address)
            for address in Partner.search([("address_type_id", "!=", False)])
        ),
        "corrections": env["account.move"].search_count([("correction_of_move_id", "!=", False)]),
        "client projects": sorted(
            (project.name, project.partner_id.name, project.partner_id in project.message_partner_ids)
            for project in env["project.project"].search([("partner_id.is_client", "=", True)])
        ),
        "portal vault grants": sorted(
            (grant.partner_id.id, grant.user_id.id, grant.active, grant.create_uid.id)
            for grant in env["res.partner.vault.grant"].with_context(active_test=False).search([])
        ),
        "secrets revealed": f"{len(credentials.filtered('has_secret'))} ({secrets.hexdigest()[:16]})",
        **gender_and_mobile(Partner),
    }


def gender_and_mobile(Partner):
    """Every partner's gender and mobile (OCA's fields, client_hub's dependencies)."""
    partners = Partner.search_fetch([], ["gender", "mobile"], order="id")
    return {
        "genders": {partner.id: partner.gender for partner in partners},
        "mobiles": {partner.id: partner.mobile for partner in partners if partner.mobile},
    }


def core_fingerprint(env):
    """What must survive an uninstall: partners, addresses and invoices people typed."""
    Partner = env["res.partner"].with_context(active_test=False)
    user_partners = Partner.search([("name", "like", "Upgrade Client")], order="name")
    return {
        "user partners": [
            (p.name, p.type, p.parent_id.name or "", p.ref or "", p.gender or "", p.mobile or "")
            for p in user_partners
        ],
        "invoices": env["account.move"].search_count([("partner_id", "in", user_partners.ids)]),
        "projects": sorted(
            (project.name, project.partner_id.name)
            for project in env["project.project"].search([("partner_id", "in", user_partners.ids)])
        ),
    }


def check(label, before, after):
    if before != after:
        print(f"==> Upgrade check: FAILED {label}")
        for key in before:
            if before[key] != after.get(key):
                print(f"    {key}: {before[key]!r} -> {after.get(key)!r}")
        sys.exit(1)
    print(f"==> Upgrade check: {label}: unchanged ({', '.join(f'{k}' for k in before)})")


def main():
    setup_odoo()
    check_previous_release()
    drop(DB)
    print(f"==> Upgrade check: installing client_hub with demo data in {DB}")
    odoo("-i", "client_hub", "--with-demo")
    env = environment()
    add_user_data(env)
    before, core_before = fingerprint(env), core_fingerprint(env)
    env.cr.close()
    counts = (f"{key}: {value}" for key, value in before.items() if not isinstance(value, (list, dict)))
    print(f"    {', '.join(counts)}")
    for run in (1, 2):
        seconds = odoo("-u", "client_hub")
        env = environment()
        check(f"update {run} ({seconds:.0f} s)", before, fingerprint(env))
        env.cr.close()
    env = environment()
    env["ir.module.module"].search([("name", "=", "client_hub")]).button_immediate_uninstall()
    env.cr.commit()
    env.cr.close()
    env = environment()
    if env["ir.module.module"].search([("name", "=", "client_hub")]).state != "uninstalled":
        print("==> Upgrade check: FAILED client_hub is still installed")
        sys.exit(1)
    check("uninstall", core_before, core_fingerprint(env))
    env.cr.close()
    drop(DB)


if __name__ == "__main__":
    main()
