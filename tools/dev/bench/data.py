"""The bench's data, through the ORM: realistic clients with their addresses, ratings, credentials
and projects; the Client Hub user and the portal users of the portal pages."""

import random
from datetime import date, timedelta

from .measure import step

BENCH_USER = "bench_user"
PORTAL_USERS = {1: "bench_portal_1", 50: "bench_portal_50"}


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


def create_billing_user(env, name, login):
    """A Client Hub user with billing rights (the Clients list then reads the finance columns
    too), its password its login."""
    billing_groups = ("client_hub.group_client_hub_user", "account.group_account_invoice")
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": name,
                "login": login,
                "password": login,
                "group_ids": [(6, 0, [env.ref(xmlid).id for xmlid in billing_groups])],
            }
        )
    )


def create_bench_users(env, clients):
    create_billing_user(env, "Bench User", BENCH_USER)
    Users = env["res.users"].with_context(no_reset_password=True)
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
    grant_portal_vault(env)


def grant_vault(env, partners):
    """Give these contacts' portal logins their client's vault pages, as a Client Hub manager does
    (the one place the bench grants the right: where the way a manager grants it changes, change it
    here)."""
    partners._client_hub_grant_vault(note="bench")


def grant_portal_vault(env):
    """The bench's portal users get what a real client's people get: the vault right. Run again
    before each portal measurement, so that a bench database built before the right existed (or
    reused across its changes) is measured the way a client uses it."""
    logins = list(PORTAL_USERS.values())
    users = env["res.users"].with_context(active_test=False).search([("login", "in", logins)])
    grant_vault(env, users.partner_id)
