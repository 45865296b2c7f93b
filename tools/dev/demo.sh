#!/usr/bin/env bash
# Creates or updates the demo database, then serves it on http://127.0.0.1:8069 in the foreground.
# DEMO_COUNTRY=PL (make demo-pl) makes the main company Polish: Odoo then installs l10n_pl with its
# demo company (PL Company, on the Polish chart of accounts), l10n_pl_edi (KSeF) and with them the
# bridge client_hub_l10n_pl_edi. The main company keeps the generic chart account loads first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
DB=${DEMO_DB:-client_hub_demo}
COUNTRY=${DEMO_COUNTRY:-}
ODOO="$DEV/bin/odoo"

if psql -d "$DB" -Atqc "select 1 from ir_module_module where name='client_hub' and state='installed'" 2>/dev/null | grep -q 1; then
    printf '==> Demo: updating client_hub in %s\n' "$DB"
    # OCA's contract and Odoo's Email Marketing (and with them the bridges client_hub_contract and
    # client_hub_mass_mailing) on a demo made before they came.
    "$ODOO" -d "$DB" -u client_hub -i contract,mass_mailing --stop-after-init --log-level warn --log-handler py.warnings:ERROR
else
    printf '==> Demo: creating %s with demo data and client_hub (about a minute)\n' "$DB"
    dropdb --if-exists --force "$DB" >/dev/null 2>&1 || true
    if [ -n "$COUNTRY" ]; then
        printf '==> Demo: the main company in %s, its localization with it (about three minutes)\n' "$COUNTRY"
        "$ODOO" db init "$DB" --with-demo --country "$COUNTRY" >"$DEV/demo-init.log" 2>&1 \
            || { printf 'make demo: creating %s failed: see .dev/demo-init.log\n' "$DB" >&2; exit 1; }
    fi
    # With OCA's contract and Odoo's Email Marketing: the bridges client_hub_contract and
    # client_hub_mass_mailing install themselves with their demo contracts and mailing.
    "$ODOO" -d "$DB" -i client_hub,contract,mass_mailing --with-demo --stop-after-init --log-level warn --log-handler py.warnings:ERROR
fi
cat <<MSG
==> Demo: serving http://127.0.0.1:${HTTP_PORT:-8069} (workers: ${WORKERS:-0}); Ctrl-C stops it
    back office: admin / admin   (Client Hub manager)
                 vault / vault   (Client Hub user with the Credentials group)
                 hub / hub       (Client Hub user)
    portal:      portal / portal (a contact of a demo client, with the portal vault right)
MSG
exec "$ODOO" -d "$DB" --db-filter="^${DB}\$" --log-level warn --log-handler py.warnings:ERROR
