#!/usr/bin/env bash
# Translations of client_hub.
#
#   tools/dev/i18n.sh update   export i18n/client_hub.pot from the code and merge it into the .po files
#   tools/dev/i18n.sh check    fail when the .pot is out of date, or a .po is incomplete, fuzzy or invalid,
#                              or says in other words what Odoo's base, account, portal, contacts, mail or project say
#
# The export needs the module installed: a database client_hub_i18n is kept for it, with demo data
# (the demo records' names are the module's terms too: translated, they show a story in each language).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$ROOT/.dev"
DB=${I18N_DB:-client_hub_i18n}
LANGS="pl ru es"
POT="$ROOT/i18n/client_hub.pot"
# Entries written exactly as in English, which OCA's .po layout stores with an empty msgstr:
# the product's name, Argentina's legal tax conditions, abbreviations, and per language the
# words that language borrows.
SAME_IN_EVERY_LANGUAGE='^(Client Hub|IVA Responsable Inscripto|Monotributo|IVA Sujeto Exento|Consumidor Final|Cliente del Exterior|ID|CSAT \(%\))$'
SAME_IN_pl='^(Status|Portal|Login|Port|URL)$'
SAME_IN_es='^(Portal|Color|Avatar|URL|Base|Total)$'
SAME_IN_ru='^(URL)$'

fail() { printf 'translations: %s\n' "$*" >&2; exit 1; }

export_pot() {
    local out=$1
    # The database is kept between runs, but only for this checkout: another checkout's code
    # (a worktree, a CI clone) may have left records an update of this code does not remove.
    local owner="client_hub.i18n_checkout"
    if [ "$(psql -d "$DB" -Atqc "select value from ir_config_parameter where key='$owner'" 2>/dev/null)" = "$ROOT:demo" ]; then
        "$DEV/bin/odoo" -d "$DB" -u client_hub --stop-after-init --no-http --log-level warn
    else
        dropdb --if-exists --force "$DB" >/dev/null 2>&1 || true
        "$DEV/bin/odoo" -d "$DB" -i client_hub --with-demo --stop-after-init --no-http --log-level warn
        psql -d "$DB" -qc "insert into ir_config_parameter (key, value) values ('$owner', '$ROOT:demo')"
    fi
    "$DEV/bin/odoo" i18n export -d "$DB" -l pot -o "$out" client_hub 2>/dev/null
}

# A .pot without the dates in its header, which change at every export.
pot_body() { grep -v -E '^"(POT-Creation-Date|PO-Revision-Date): ' "$1"; }

case "${1:-}" in
    update)
        printf '==> i18n: exporting i18n/client_hub.pot\n'
        export_pot "$POT"
        for lang in $LANGS; do
            po="$ROOT/i18n/$lang.po"
            if [ -f "$po" ]; then
                msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap "$po" "$POT"
            else
                msginit --no-translator --no-wrap --locale="$lang" --input="$POT" --output-file="$po" 2>/dev/null
            fi
            # OCA's layout of .po files, so that the .po check of make lint passes.
            "$DEV/venv/bin/oca-checks-po" --fix --no-verbose "$po" >/dev/null || true
            printf '==> i18n: %s.po merged: %s\n' "$lang" "$(msgfmt --statistics --output-file=/dev/null "$po" 2>&1)"
        done
        ;;
    check)
        tmp=$(mktemp --suffix=.pot)
        trap 'rm -f "$tmp"' EXIT
        export_pot "$tmp"
        [ -f "$POT" ] || fail "i18n/client_hub.pot is missing: run make i18n."
        diff -q <(pot_body "$POT") <(pot_body "$tmp") >/dev/null \
            || fail "i18n/client_hub.pot is out of date with the code: run make i18n, translate, commit."
        for lang in $LANGS; do
            po="$ROOT/i18n/$lang.po"
            [ -f "$po" ] || fail "i18n/$lang.po is missing: run make i18n and translate it."
            msgfmt --check --output-file=/dev/null "$po" || fail "i18n/$lang.po does not pass msgfmt --check."
            same_in_lang="SAME_IN_$lang"
            stats=$(msgattrib --no-obsolete "$po" \
                | msggrep --invert-match -K -E -e "$SAME_IN_EVERY_LANGUAGE" -e "${!same_in_lang}" \
                | msgfmt --statistics --output-file=/dev/null - 2>&1)
            case "$stats" in
                *fuzzy*) fail "i18n/$lang.po has fuzzy entries ($stats)." ;;
                *untranslated*) fail "i18n/$lang.po has untranslated entries ($stats): translate them." ;;
            esac
            msgcmp --use-untranslated "$po" "$POT" 2>/dev/null \
                || fail "i18n/$lang.po does not cover every entry of the .pot: run make i18n."
        done
        # Odoo's own words: where base, account, portal, contacts, mail or project translate a msgid, so do we.
        "$DEV/bin/python" "$ROOT/tools/dev/i18n_consistency.py" || fail "i18n/*.po differ from Odoo's terms (above)."
        printf '==> i18n: client_hub.pot is up to date; %s complete and consistent with Odoo\n' "$LANGS"
        ;;
    *)
        fail "usage: $0 update|check"
        ;;
esac
