#!/usr/bin/env bash
# Runs the module's whole test suite on a fresh database and ends with `N passed, N failed`; then
# the bridges' tests (bridges/) on a second fresh database, with the Polish localization, OCA's
# contract and Odoo's Email Marketing, so that client_hub's own database stays without them. The closing line counts both.
# Fails when a test fails, when any test (a browser tour, typically) was skipped, or when no test ran.
# TEST_TAGS (Odoo's --test-tags, comma separated) picks tests: tags naming a bridge run
# on the second database, the others on the first; a database without tags to run is not made.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
DB=${TEST_DB:-client_hub_test}
BRIDGE_DB="${DB}_pl"
LOG="$DEV/test.log"
BRIDGE_LOG="$DEV/test_pl.log"
# The bridges (bridges/*), each installed by its dependencies (auto_install) in the second database.
BRIDGES="client_hub_l10n_pl_edi|client_hub_contract|client_hub_mass_mailing"
TAGS=${TEST_TAGS-/client_hub,/client_hub_l10n_pl_edi,/client_hub_contract,/client_hub_mass_mailing}
MAIN_TAGS=$(tr ',' '\n' <<<"$TAGS" | grep -Ev "$BRIDGES" | paste -sd, -)
BRIDGE_TAGS=$(tr ',' '\n' <<<"$TAGS" | grep -E "$BRIDGES" | paste -sd, -)

SECRETS="$DEV/test-secrets.hex"  # every plaintext the vault encrypts during the tests (see tests/common.py)
: >"$SECRETS"
export CLIENT_HUB_TEST_SECRETS="$SECRETS"
export ODOO_RC="$DEV/odoo.conf"

# Runs Odoo on a fresh database: run DB MODULES TAGS LOG; only warnings, errors and the test
# progress reach the terminal, everything is in the log. Sets rc.
run() {
    local db=$1 modules=$2 tags=$3 log=$4
    printf '==> Tests: fresh database %s\n' "$db"
    dropdb --if-exists --force "$db" >/dev/null 2>&1 || true
    printf '==> Tests: installing %s with demo data and running tests %s (full log: .dev/%s)\n' \
        "$modules" "$tags" "${log##*/}"
    "$DEV/bin/odoo" -d "$db" -i "$modules" --with-demo --test-enable --test-tags "$tags" \
        --stop-after-init --http-port "${TEST_PORT:-8169}" --workers 0 --max-cron-threads 0 \
        --log-level info >"$log" 2>&1 &
    local pid=$!
    tail -n +1 -F --pid="$pid" "$log" 2>/dev/null | awk '
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
            # A new log record: errors with their traceback, warnings but Python deprecations and the
            # refusals Odoo logs for each request the security tests send on purpose (odoo.http), progress.
            show = / (ERROR|CRITICAL) / || (/ WARNING / && !/ (py\.warnings|odoo\.tools\.config|odoo\.http): /) \
                || /post-tests in|tests when loading database/
            keep = / (ERROR|CRITICAL) /
            if (show) print; fflush(); next
        }
        keep { print; fflush() }' &
    local tailer=$!
    wait "$pid"
    rc=$?
    wait "$tailer" 2>/dev/null
}

runs=()
if [ -n "$MAIN_TAGS" ]; then
    run "$DB" client_hub "$MAIN_TAGS" "$LOG"
    runs+=("$LOG" "$rc" "$DB")
fi
if [ -n "$BRIDGE_TAGS" ]; then
    # client_hub with l10n_pl_edi (which brings l10n_pl and base_vat), OCA's contract and Odoo's
    # mass_mailing: the bridges install themselves, and client_hub's demo data must install next to
    # the Polish localization too. One database for every bridge: client_hub installs once.
    run "$BRIDGE_DB" "client_hub,l10n_pl_edi,contract,mass_mailing" "$BRIDGE_TAGS" "$BRIDGE_LOG"
    runs+=("$BRIDGE_LOG" "$rc" "$BRIDGE_DB")
fi
exec "$DEV/venv/bin/python" "$ROOT/tools/dev/test_summary.py" "$SECRETS" "${runs[@]}"
