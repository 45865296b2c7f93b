#!/usr/bin/env bash
# make pytest [ARGS="tests/test_client_number.py -k duplicate"]: the module's Python tests with
# pytest-odoo, on a database prepared once (client_hub_pytest, demo data) and updated only when
# the module's code or data changed since; the tests themselves are read fresh on every run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
DB=${PYTEST_DB:-client_hub_pytest}
STAMP="$DEV/pytest-$DB.stamp"

# What the database depends on: every module file but the tests, the dev tools and the docs.
stamp=$(cd "$ROOT" && find . \( -path ./.dev -o -path ./.git -o -path ./tests -o -path ./tools \) -prune \
    -o -type f \( -name '*.py' -o -name '*.xml' -o -name '*.csv' -o -name '*.po' -o -name '*.js' \) -print0 \
    | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16)
installed=$(psql -d "$DB" -Atqc "select 1 from ir_module_module where name='client_hub' and state='installed'" 2>/dev/null || true)
if [ "$installed" != 1 ]; then
    printf '==> pytest: creating %s with demo data (about a minute, once)\n' "$DB"
    dropdb --if-exists --force "$DB" >/dev/null 2>&1 || true
    "$DEV/bin/odoo" -d "$DB" -i client_hub --with-demo --stop-after-init --no-http --log-level warn \
        --log-handler py.warnings:ERROR
    echo "$stamp" >"$STAMP"
elif [ "$(cat "$STAMP" 2>/dev/null)" != "$stamp" ]; then
    printf '==> pytest: the module changed, updating it in %s\n' "$DB"
    "$DEV/bin/odoo" -d "$DB" -u client_hub --stop-after-init --no-http --log-level warn \
        --log-handler py.warnings:ERROR
    echo "$stamp" >"$STAMP"
fi
# From the addons-path copy of the module, so that pytest-odoo imports the tests as
# odoo.addons.client_hub.tests.* (the repository folder may have any name).
cd "$DEV/addons/client_hub"
# Odoo 19's own code raises deprecation warnings of werkzeug, urllib3 and importlib on import:
# not the module's business, and they would bury pytest's summary.
# pytest's own configuration, empty: it would take the repository's pyproject.toml (the wheel's) and
# with it the repository, whatever its folder's name, for the tests' package.
printf '[pytest]\n' >"$DEV/pytest.ini"
# shellcheck disable=SC2086
exec "$DEV/bin/python" -m pytest -c "$DEV/pytest.ini" --rootdir "$DEV/addons/client_hub" -p no:cacheprovider \
    -W ignore::DeprecationWarning \
    --odoo-database "$DB" --odoo-config "$DEV/odoo.conf" ${ARGS:-tests}
