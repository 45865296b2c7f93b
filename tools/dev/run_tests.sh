#!/usr/bin/env bash
# Runs the module's whole test suite on a fresh database and ends with `N passed, N failed`.
# Fails when a test fails, when any test (a browser tour, typically) was skipped, or when no test ran.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
DB=${TEST_DB:-client_hub_test}
LOG="$DEV/test.log"
TAGS=${TEST_TAGS:-/client_hub}

SECRETS="$DEV/test-secrets.hex"  # every plaintext the vault encrypts during the tests (see tests/common.py)
: >"$SECRETS"
export CLIENT_HUB_TEST_SECRETS="$SECRETS"
export ODOO_RC="$DEV/odoo.conf"

printf '==> Tests: fresh database %s\n' "$DB"
dropdb --if-exists --force "$DB" >/dev/null 2>&1 || true

printf '==> Tests: installing client_hub with demo data and running tests %s (full log: .dev/test.log)\n' "$TAGS"
# Only warnings, errors and the test progress reach the terminal; everything is in the log.
"$DEV/bin/odoo" -d "$DB" -i client_hub --with-demo --test-enable --test-tags "$TAGS" \
    --stop-after-init --http-port "${TEST_PORT:-8169}" --workers 0 --max-cron-threads 0 \
    --log-level info >"$LOG" 2>&1 &
pid=$!
tail -n +1 -F --pid="$pid" "$LOG" 2>/dev/null | awk '
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
        # A new log record: errors with their traceback, warnings but Python deprecations and the
        # refusals Odoo logs for each request the security tests send on purpose (odoo.http), progress.
        show = / (ERROR|CRITICAL) / || (/ WARNING / && !/ (py\.warnings|odoo\.tools\.config|odoo\.http): /) \
            || /post-tests in|tests when loading database/
        keep = / (ERROR|CRITICAL) /
        if (show) print; fflush(); next
    }
    keep { print; fflush() }' &
tailer=$!
wait "$pid"
rc=$?
wait "$tailer" 2>/dev/null
exec "$DEV/venv/bin/python" "$ROOT/tools/dev/test_summary.py" "$LOG" "$rc" "$DB" "$SECRETS"
