"""The back office's everyday work on the bench clients against Odoo's own: the Clients list, a
client-number lookup, creating clients, grouping all partners."""

import random

from .data import BENCH_USER
from .measure import median_of, medians_interleaved, savepoint, timed


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
    return list_reads(Partner, specs, repetitions)


def list_reads(Partner, specs, repetitions):
    """The clients' list page (`web_search_read`) of 80 and 400 rows with each of `specs`' field
    specifications, caches emptied each time, the specifications in turn: {"<side>_<rows>": median}."""
    domain = [("is_client", "=", True)]
    results = {}
    for limit in (80, 400):
        reads = {}
        for side, spec in specs.items():

            def read(spec=spec, limit=limit):
                Partner.env.invalidate_all()
                return timed(
                    Partner.env,
                    lambda: Partner.web_search_read(domain, spec, limit=limit, count_limit=10001),
                )

            read()  # warm the caches (access rights, rules, translations)
            reads[side] = read
        for side, median in medians_interleaved(repetitions, reads).items():
            results[f"{side}_{limit}"] = median
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
