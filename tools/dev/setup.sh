#!/usr/bin/env bash
# Development environment for client_hub, built under .dev/ (git-ignored), idempotently.
#
#   tools/dev/setup.sh STEP...   with STEP in: postgres odoo venv oca chromium playwright pdf config all
#
# Every step prints one progress line and returns quickly when its work is already done.
# A missing prerequisite stops the setup with one sentence saying what to do.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
PYTHON=${PYTHON:-python3.11}
mkdir -p "$DEV/cache" "$DEV/bin" "$DEV/addons"

step() { printf '==> %s\n' "$*"; }
die() { printf 'client_hub setup: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# Packages unpacked beside odoo-19: its ~40 symlinks point into them (assets, fonts).
ODOO_DEB_DEPS="libjs-jquery libjs-underscore libjs-jquery-form fonts-montserrat
fonts-roboto-unhinted fonts-inconsolata fonts-ocr-b"

# --------------------------------------------------------------------------- PostgreSQL
pg_ok() { psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; }

setup_postgres() {
    if pg_ok; then step "PostgreSQL: running"; return; fi
    if is_root; then
        if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
            step "PostgreSQL: installing with apt"
            apt-get update -qq >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        fi
        # Start every cluster that is down (normally the one 'main' cluster).
        pg_lsclusters -h | while read -r ver name _port status _rest; do
            [ "$status" = online ] || pg_ctlcluster "$ver" "$name" start
        done
        local me; me=$(id -un)
        su postgres -c "psql -Atqc \"select 1 from pg_roles where rolname='$me'\"" | grep -q 1 \
            || su postgres -c "createuser --superuser '$me'" >/dev/null
        pg_ok || die "PostgreSQL was started but '$me' cannot connect; check the cluster's log in /var/log/postgresql."
        step "PostgreSQL: started, superuser role '$me' ready"
    else
        die "PostgreSQL is not reachable and only root can install or start it: start a server, or point PGHOST, PGPORT, PGUSER and PGPASSWORD at one where you may create databases."
    fi
}

# --------------------------------------------------------------------------- Odoo
# The Debian mirror the machine already uses (deb822 .sources or one-line .list files).
debian_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'BEGIN{RS=""; IGNORECASE=1}
             /(^|\n)Types:[^\n]*deb([ \n]|$)/ && !/Suites:[^\n]*security/ {
                 if (match($0, /URIs:[ \t]*[^ \t\n]+/)) {
                     u = substr($0, RSTART, RLENGTH); sub(/URIs:[ \t]*/, "", u)
                     if (u ~ /debian\/?$/) { print u; exit }
                 }
             }' "$f"
    done
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } \
        | awk '$1 == "deb" && !/security/ { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { if ($i ~ /debian\/?$/) print $i; break } }'
}

odoo_paths() {
    # Sets ODOO_PY (directory holding the `odoo` package) and ODOO_ADDONS (addons path).
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/__init__.py" ] \
            || die "ODOO_SRC=$ODOO_SRC does not hold the odoo package (expected $ODOO_SRC/odoo/__init__.py): point it at an Odoo 19 source checkout."
        ODOO_PY="$ODOO_SRC"
    else
        ODOO_PY="$DEV/odoo/usr/lib/python3/dist-packages"
    fi
    ODOO_ADDONS="$ODOO_PY/odoo/addons"
    # A source checkout keeps most addons in addons/ (the .deb leaves only .py stubs there).
    if compgen -G "$ODOO_PY/addons/*/__manifest__.py" >/dev/null; then
        ODOO_ADDONS="$ODOO_PY/addons,$ODOO_ADDONS"
    fi
    return 0
}

apt_private() {
    # apt with its own sources, lists and cache: the system's sources are never touched.
    local apt="$DEV/apt"
    apt-get -q -o Dir::Etc::sourcelist="$apt/sources.list" -o Dir::Etc::sourceparts="$apt/sources.list.d" \
        -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" \
        -o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)" "$@"
}

setup_odoo() {
    odoo_paths
    if [ -n "${ODOO_SRC:-}" ]; then step "Odoo: using ODOO_SRC=$ODOO_SRC"; return; fi
    local tree="$DEV/odoo" debs="$DEV/cache/debs"
    if [ -f "$tree/.complete" ]; then step "Odoo: 19 ready in .dev/odoo"; return; fi
    local mirror; mirror=$(debian_mirror | head -n 1) || true
    [ -n "$mirror" ] || die "No Debian mirror is configured in /etc/apt/sources.list(.d): add one, or set ODOO_SRC to an Odoo 19 source checkout."
    step "Odoo: downloading odoo-19 from Debian unstable (mirror of this machine)"
    mkdir -p "$DEV/apt/sources.list.d" "$DEV/apt/lists/partial" "$DEV/apt/cache" "$debs"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    {
        echo "deb [signed-by=$keyring] $mirror sid main"
        # Font Awesome 4.7 with its webfont: bookworm's package (sid ships 7.x without it).
        echo "deb [signed-by=$keyring] $mirror bookworm main"
    } >"$DEV/apt/sources.list"
    local missing=0 pkg
    for pkg in odoo-19 $ODOO_DEB_DEPS fonts-font-awesome; do
        ls "$debs/${pkg}"_*.deb >/dev/null 2>&1 || missing=1
    done
    if [ "$missing" = 1 ]; then
        apt_private update >/dev/null || die "apt could not read Debian unstable from $mirror: check the network, or set ODOO_SRC to an Odoo 19 source checkout."
        # shellcheck disable=SC2086
        (cd "$debs" && apt_private download odoo-19 $ODOO_DEB_DEPS fonts-font-awesome/bookworm >/dev/null) \
            || die "Downloading odoo-19 failed: check the network, or set ODOO_SRC to an Odoo 19 source checkout."
    fi
    step "Odoo: unpacking into .dev/odoo"
    rm -rf "$tree" && mkdir -p "$tree"
    local deb
    for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$tree"; done
    # The package's symlinks are absolute (/usr/share/...): point them into the unpacked tree.
    local link target
    while IFS= read -r link; do
        target=$(readlink "$link")
        case "$target" in /*) [ -e "$tree$target" ] && ln -sfn "$tree$target" "$link" ;; esac
    done < <(find "$tree" -type l)
    # Debian strips this file; the mail assets bundle references it.
    local selfie="$tree/usr/lib/python3/dist-packages/odoo/addons/mail/static/lib/selfie_segmentation/selfie_segmentation.js"
    [ -e "$selfie" ] || { mkdir -p "$(dirname "$selfie")"; : >"$selfie"; }
    touch "$tree/.complete"
}

# --------------------------------------------------------------------------- venv
setup_venv() {
    local venv="$DEV/venv" req="$ROOT/tools/dev/requirements.txt" stamp
    stamp=$(sha1sum "$req" | cut -c1-12)
    if [ -f "$venv/.stamp" ] && [ "$(cat "$venv/.stamp")" = "$stamp" ]; then
        step "Python: .dev/venv ready"; return
    fi
    command -v "$PYTHON" >/dev/null || die "$PYTHON is not installed: install Python 3.11, or set PYTHON to a Python 3.11 interpreter."
    step "Python: installing Odoo's dependencies into .dev/venv (pip cache in .dev/cache/pip)"
    [ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
    PIP_CACHE_DIR="$DEV/cache/pip" "$venv/bin/pip" install -q --disable-pip-version-check -r "$req" \
        2> >(grep -v '^WARNING: Location' >&2) \
        || die "pip could not install Odoo's dependencies (see above): fix the reported package and run make again."
    echo "$stamp" >"$venv/.stamp"
}

# --------------------------------------------------------------------------- OCA addons
# The OCA modules client_hub depends on (partner_mobile, partner_contact_gender), from their PyPI
# builds at the versions pinned in tools/dev/oca-requirements.txt, into .dev/oca (not the venv):
# their folder .dev/oca/odoo/addons is put on the addons path by the config step.
setup_oca() {
    local target="$DEV/oca" req="$ROOT/tools/dev/oca-requirements.txt" stamp
    stamp=$(sha1sum "$req" | cut -c1-12)
    if [ -f "$target/.stamp" ] && [ "$(cat "$target/.stamp")" = "$stamp" ]; then
        step "OCA addons: .dev/oca ready"; return
    fi
    [ -x "$DEV/venv/bin/pip" ] || die "The OCA addons are installed with .dev/venv's pip: run the venv step first."
    step "OCA addons: installing the OCA addons of tools/dev/oca-requirements.txt into .dev/oca"
    rm -rf "$target"
    PIP_CACHE_DIR="$DEV/cache/pip" "$DEV/venv/bin/pip" install -q --disable-pip-version-check --no-deps \
        --target "$target" -r "$req" 2> >(grep -v '^WARNING: Location' >&2) \
        || die "pip could not install the OCA addons of tools/dev/oca-requirements.txt (see above)."
    echo "$stamp" >"$target/.stamp"
}

# --------------------------------------------------------------------------- Chromium
setup_chromium() {
    if command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; then
        step "Chromium: present"; return
    fi
    is_root || die "Chromium is needed for the browser tours: install Debian's chromium package (sudo apt-get install chromium)."
    step "Chromium: installing Debian's chromium"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# --------------------------------------------------------------------------- Playwright
# make screenshots drives Debian's Chromium with Playwright's Python client; its PyPI wheel ships
# the driver, and no browser is downloaded (the script launches /usr/bin/chromium).
setup_playwright() {
    if "$DEV/venv/bin/python" -c 'import playwright' 2>/dev/null; then step "Playwright: present"; return; fi
    step "Playwright: installing its Python client into .dev/venv"
    PIP_CACHE_DIR="$DEV/cache/pip" "$DEV/venv/bin/pip" install -q --disable-pip-version-check playwright \
        2> >(grep -v "^WARNING: Location" >&2) \
        || die "pip could not install playwright (see above)."
}

# --------------------------------------------------------------------------- PDF
# Odoo prints its reports with wkhtmltopdf; the report tests read the PDFs back with pdftotext.
# Lato as a system font: wkhtmltopdf's Qt draws web fonts as outlines, without text (see
# static/src/report/report_fonts.scss).
setup_pdf() {
    if command -v wkhtmltopdf >/dev/null && command -v pdftotext >/dev/null && [ -n "$(fc-list 'Lato:style=Regular' file)" ]; then
        step "PDF: wkhtmltopdf, pdftotext and fonts-lato present"; return
    fi
    is_root || die "wkhtmltopdf, pdftotext and Lato are needed to print and check PDF reports: install Debian's wkhtmltopdf, poppler-utils and fonts-lato packages (sudo apt-get install wkhtmltopdf poppler-utils fonts-lato)."
    step "PDF: installing Debian's wkhtmltopdf, poppler-utils and fonts-lato"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wkhtmltopdf poppler-utils fonts-lato >/dev/null
}

# --------------------------------------------------------------------------- config
setup_config() {
    odoo_paths
    # The addons path sees the module through links to the repository's entries, .dev/, the
    # tooling and the bridges left out: Odoo walks a module's whole folder (translation export
    # follows links), and .dev/ holds Odoo itself and would even contain this folder again.
    # bridges/ holds addons of their own (client_hub with an Odoo localization): a folder of the
    # addons path, and so is .dev/oca/odoo/addons (the OCA modules, see setup_oca).
    local addon="$DEV/addons/client_hub" entry
    rm -rf "$addon" && mkdir -p "$addon"
    for entry in "$ROOT"/*; do
        case "${entry##*/}" in tools|Makefile|bridges) continue ;; esac
        ln -s "$entry" "$addon/"
    done
    local conf="$DEV/odoo.conf" keyfile="$DEV/vault.key"
    # One vault key for the dev databases, generated once and kept: it is what decrypts them.
    if [ ! -s "$keyfile" ]; then
        "$DEV/venv/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$keyfile"
        chmod 600 "$keyfile"
    fi
    cat >"$conf" <<EOF
[options]
addons_path = $ODOO_ADDONS,$DEV/oca/odoo/addons,$DEV/addons,$ROOT/bridges
data_dir = $DEV/data
http_interface = 127.0.0.1
http_port = ${HTTP_PORT:-8069}
workers = ${WORKERS:-0}
max_cron_threads = 0
log_level = info
list_db = True
EOF
    # A server named by the usual libpq variables (a normal user's own PostgreSQL).
    local var opt
    for var in PGHOST:db_host PGPORT:db_port PGUSER:db_user PGPASSWORD:db_password; do
        opt=${var#*:}; var=${var%%:*}
        [ -z "${!var:-}" ] || echo "$opt = ${!var}" >>"$conf"
    done
    # The module's own section (Odoo warns about unknown options in [options]).
    printf '\n[client_hub]\nvault_keys = %s\n' "$(cat "$keyfile")" >>"$conf"
    # A script file, not `python -c`: with workers, Odoo starts its gevent process as
    # `python sys.argv[0] gevent …`, which must be this launcher.
    printf 'import odoo.cli\n\nodoo.cli.main()\n' >"$DEV/bin/odoo-launcher.py"
    cat >"$DEV/bin/odoo" <<EOF
#!/bin/sh
# Odoo 19 with the client_hub development config.
ODOO_RC="$conf" PYTHONPATH="$ODOO_PY\${PYTHONPATH:+:\$PYTHONPATH}" exec "$DEV/venv/bin/python" "$DEV/bin/odoo-launcher.py" "\$@"
EOF
    # The same interpreter for scripts that import Odoo (make bench, make load).
    cat >"$DEV/bin/python" <<EOF
#!/bin/sh
ODOO_RC="$conf" PYTHONPATH="$ODOO_PY\${PYTHONPATH:+:\$PYTHONPATH}" exec "$DEV/venv/bin/python" "\$@"
EOF
    chmod +x "$DEV/bin/odoo" "$DEV/bin/python"
    step "Config: .dev/odoo.conf, .dev/bin/odoo and .dev/bin/python written"
}

[ $# -gt 0 ] || set -- all
for s in "$@"; do
    case "$s" in
        postgres) setup_postgres ;;
        odoo) setup_odoo ;;
        venv) setup_venv ;;
        oca) setup_oca ;;
        chromium) setup_chromium ;;
        playwright) setup_playwright ;;
        pdf) setup_pdf ;;
        config) setup_config ;;
        all) setup_postgres; setup_odoo; setup_venv; setup_oca; setup_config ;;
        *) die "unknown step '$s'" ;;
    esac
done
