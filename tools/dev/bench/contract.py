"""The Clients list with the contract columns of the bridge client_hub_contract (OCA's contract)
against the same list without them: N clients, 3N customer contracts (running, future, ended), as a
Client Hub user with billing rights. `python -m bench contract`."""

from devlib import odoo_env, psql, recreate, run_odoo

from .clients import list_reads, list_specification
from .data import create_billing_user
from .databases import ensure_dependencies_db
from .measure import step

MARKER = "client_hub.bench_contract_clients"
USER = "bench_contract_user"
CONTRACT_FIELDS = (
    "client_contract_active_count",
    "client_contract_future_count",
    "client_contract_next_start",
)

# Three contracts a client, one line each: running since last year, starting next month, ended last
# month; inserted with SQL (OCA's create computes dates and names one contract at a time).
CONTRACTS_SQL = """
WITH client AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM res_partner WHERE name LIKE 'Contract client %%'
), kind AS (
    SELECT * FROM (VALUES (0, -365, NULL), (1, 31, NULL), (2, -400, -30)) AS k(kind, starts, ends)
), contract AS (
    INSERT INTO contract_contract (name, partner_id, invoice_partner_id, commercial_partner_id, company_id,
                                   date, contract_type, active, line_recurrence, recurring_interval,
                                   recurring_rule_type, recurring_invoicing_type)
    SELECT 'Contract ' || client.n || '-' || kind.kind, client.id, client.id, client.id, %(company)s,
           CURRENT_DATE, 'sale', TRUE, TRUE, 1, 'monthly', 'pre-paid'
      FROM client CROSS JOIN kind
    RETURNING id, name
)
INSERT INTO contract_line (contract_id, name, quantity, recurring_interval, recurring_rule_type,
                           recurring_invoicing_type, date_start, date_end, active, is_canceled,
                           monthly_recurring, currency_id)
SELECT contract.id, 'Hosting', 1, 1, 'monthly', 'pre-paid', CURRENT_DATE + kind.starts,
       CURRENT_DATE + kind.ends, TRUE, FALSE, 100, %(currency)s
  FROM contract JOIN kind ON contract.name LIKE '%%-' || kind.kind;
"""


def ensure_contract_db(db, base_db, clients):
    """client_hub and OCA's contract (the bridge with them) on a copy of the dependencies' database,
    `clients` clients with three contracts each (built once per N)."""
    if psql(db, f"SELECT value FROM ir_config_parameter WHERE key = '{MARKER}'") == str(clients):
        step(f"reusing {db}, updating client_hub in it")
        run_odoo("-d", db, "-u", "client_hub", quiet=True)
        return
    ensure_dependencies_db(base_db)
    step(f"building {db}: client_hub, contract, {clients} clients and {3 * clients} contracts")
    recreate(db, base_db)
    run_odoo("-d", db, "-i", "client_hub,contract", quiet=True)
    with odoo_env(db) as env:
        env = env(context={"tracking_disable": True, "mail_create_nolog": True})
        active = env.ref("client_hub.client_status_active")
        for start in range(0, clients, 1000):
            env["res.partner"].create(
                [
                    {"name": f"Contract client {i:06}", "is_company": True, "client_status_id": active.id}
                    for i in range(start, min(start + 1000, clients))
                ]
            )
        create_billing_user(env, "Bench Contract User", USER)
        env.flush_all()
        env.cr.execute(CONTRACTS_SQL % {"company": env.company.id, "currency": env.company.currency_id.id})
        env.cr.execute("ANALYZE contract_contract, contract_line")  # as autovacuum would, in time
        env["ir.config_parameter"].set_param(MARKER, str(clients))


def bench_contract_list(env, repetitions):
    """The 80- and 400-row Clients list with the contract columns and without them."""
    user = env["res.users"].search([("login", "=", USER)])
    Partner = env["res.partner"].with_user(user)
    with_contracts = list_specification(env(user=user), "client_hub.res_partner_view_list_clients")
    assert set(CONTRACT_FIELDS) <= set(with_contracts), "the bridge's columns are in the list"
    specs = {
        "contracts": with_contracts,
        "without": {name: spec for name, spec in with_contracts.items() if name not in CONTRACT_FIELDS},
    }
    return list_reads(Partner, specs, repetitions)


def print_contract_table(data, clients):
    print(f"\nClients list with the contract columns, {clients} clients, {3 * clients} contracts")
    print(f"{'rows':>5} {'with (ms)':>10} {'without (ms)':>13} {'ratio':>6} {'queries with/without':>21}")
    for limit in (80, 400):
        with_, without = data[f"contracts_{limit}"], data[f"without_{limit}"]
        print(
            f"{limit:>5} {1000 * with_['seconds']:>10.1f} {1000 * without['seconds']:>13.1f} "
            f"{with_['seconds'] / without['seconds']:>6.2f} "
            f"{with_['queries']:>10.0f}/{without['queries']:<10.0f}"
        )
    print("Targets: ratio ≤ 1.15, at most 2 more queries.")
