#!/usr/bin/env bash
# `make wheel-check`: the wheels of `make wheels` installed the way an integrator installs OCA's.
# A new virtual environment beside Odoo (Odoo is not on PyPI: its tree and Python libraries come
# from .dev through a .pth file, and pip sees it as the installed `odoo` 19.0); `pip install` of
# the wheels there, their OCA dependencies from PyPI; then Odoo installs client_hub and its bridge
# from that environment alone (the addons path holds Odoo's addons only: not this checkout, not
# .dev/oca) and the check reads the modules' state and where Odoo loaded them from.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
DB=${WHEEL_DB:-client_hub_wheel}
VENV="$DEV/wheel-venv"
CONF="$DEV/wheel-check.conf"
MODULES=client_hub,client_hub_l10n_pl_edi,client_hub_contract,client_hub_mass_mailing
step() { echo "==> Wheel check: $*"; }

ls "$ROOT"/dist/odoo_addon_client_hub-*.whl >/dev/null  # `make wheels` first
ODOO_PY=$("$DEV/bin/python" -c 'import os, odoo; print(os.path.dirname(odoo.__path__[0]))')
base_python=$("$DEV/venv/bin/python" -c 'import sys; print(sys._base_executable)')
step "a new virtual environment, .dev/wheel-venv, beside Odoo (.dev/odoo)"
rm -rf "$VENV"
"$base_python" -m venv "$VENV"
purelib=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
printf '%s\n' "$ODOO_PY" "$("$DEV/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" \
    >"$purelib/odoo-beside.pth"
step "pip install dist/*.whl (OCA's addons from PyPI)"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "$ROOT"/dist/*.whl
"$VENV/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | grep -i '^odoo' | sed 's/^/    /'

odoo_addons=$(sed -n 's/^addons_path = \(.*\),[^,]*\/oca\/odoo\/addons,.*/\1/p' "$DEV/odoo.conf")
cat >"$CONF" <<CONF
[options]
addons_path = $odoo_addons
data_dir = $DEV/data
max_cron_threads = 0
http_interface = 127.0.0.1
CONF
sed -n '/^\[client_hub\]/,$p' "$DEV/odoo.conf" >>"$CONF"
step "odoo -d $DB -i $MODULES --stop-after-init (addons path: $odoo_addons)"
dropdb --if-exists --force "$DB"
start=$SECONDS
"$VENV/bin/python" -m odoo -c "$CONF" -d "$DB" -i "$MODULES" --stop-after-init \
    --log-level warn --log-handler py.warnings:ERROR
states=$(psql -d "$DB" -Atc "SELECT name || ' ' || state FROM ir_module_module
                              WHERE name IN ('client_hub', 'client_hub_l10n_pl_edi', 'client_hub_contract',
                                             'client_hub_mass_mailing', 'mass_mailing',
                                             'contract', 'partner_mobile', 'partner_contact_gender')
                              ORDER BY name")
echo "$states" | sed 's/^/    /'
paths=$("$VENV/bin/python" - "$CONF" <<'PY'
import sys

from odoo.modules.module import get_module_path, initialize_sys_path
from odoo.tools import config

config.parse_config(["-c", sys.argv[1]])
initialize_sys_path()
for name in ("client_hub", "client_hub_l10n_pl_edi", "client_hub_contract", "client_hub_mass_mailing", "contract",
             "partner_mobile"):
    print(name, get_module_path(name))
PY
)
echo "$paths" | sed 's/^/    /'
dropdb --if-exists --force "$DB"
if [ "$(echo "$states" | grep -c ' installed$')" != 8 ] || [ "$(echo "$paths" | grep -c "$purelib/odoo/addons/")" != 6 ]; then
    echo "Wheel check: FAILED (a module not installed, or not loaded from the wheels' environment)" >&2
    exit 1
fi
step "client_hub, its bridges and their OCA dependencies installed from the wheels ($((SECONDS - start)) s)"
