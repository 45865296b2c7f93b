"""Check that client_hub says what Odoo says: where base, account, portal, contacts, mail or project
translate the same English msgid, the module's msgstr must be one of Odoo's, in pl, ru and es.

Run by `tools/dev/i18n.sh check` (so by `make lint`) with .dev/bin/python; exits 1 and lists the
differences. ALLOWED lists deliberate differences, each with its reason."""

import sys
from pathlib import Path

import polib

import odoo

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("pl", "ru", "es")
ODOO_MODULES = ("base", "account", "portal", "contacts", "mail", "project")
# (language, msgid): why the module says it differently.
ALLOWED = {
    # The client status "Tracking" (a client we follow), not Odoo's tracking of changes.
    ("pl", "Tracking"): "Obserwowany (status), not Śledzenie (the feature)",
    ("ru", "Tracking"): "Отслеживаемый (status), not Отслеживание (the feature)",
    ("es", "Tracking"): "En seguimiento (status), not Seguimiento (the feature)",
    ("es", "Platform"): "Odoo's 'Platforma.' has a typo",
    # Client statuses agree with "klient" (masculine); Odoo's Aktywne is the neuter of a record.
    ("pl", "Active"): "Aktywny (status of a client)",
    ("pl", "Inactive"): "Nieaktywny (status of a client)",
    # Access data, not Odoo's "Referencje" (references).
    ("pl", "Credential"): "Dane dostępowe (access data of the vault)",
    # Polish accounting corrects an invoice with a faktura korygująca, not a note.
    ("pl", "Credit Notes"): "Korekty (faktury korygujące)",
    # Scores from 1 to 5 given by clients: the module's satisfaction vocabulary throughout.
    ("ru", "Ratings"): "Оценки, as every satisfaction string of the module",
    ("es", "Ratings"): "Valoraciones, as every satisfaction string of the module",
    ("ru", "Rating"): "Оценка, as every satisfaction string of the module (project's Рейтинг)",
    ("es", "Rating"): "Valoración, as every satisfaction string of the module (project's Calificación)",
    # The rating's channel (kanał, masculine); project's Wewnętrzne qualifies a neuter noun.
    ("pl", "Internal"): "Wewnętrzny (channel of a rating)",
}


def odoo_translations(lang):
    """msgid → the set of Odoo's msgstrs for it in `lang`."""
    addons = Path(next(iter(odoo.__path__))).resolve() / "addons"
    found = {}
    for module in ODOO_MODULES:
        path = addons / module / "i18n" / f"{lang}.po"
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                found.setdefault(entry.msgid, set()).add(entry.msgstr)
    return found


def main():
    problems = []
    for lang in LANGS:
        odoo_terms = odoo_translations(lang)
        for entry in polib.pofile(str(ROOT / "i18n" / f"{lang}.po")):
            if entry.obsolete or not entry.msgstr or (lang, entry.msgid) in ALLOWED:
                continue
            theirs = odoo_terms.get(entry.msgid)
            if theirs and entry.msgstr not in theirs:
                problems.append(
                    f"{lang}: {entry.msgid!r} is {entry.msgstr!r} here, Odoo says "
                    + " or ".join(repr(term) for term in sorted(theirs))
                )
    for problem in problems:
        print(problem)
    if problems:
        print(f"translations: {len(problems)} term(s) differ from Odoo's (tools/dev/i18n_consistency.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
