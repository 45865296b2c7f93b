"""Checks of input shared by the portal forms, the wizards and the models' create and write."""

import re

from odoo.exceptions import ValidationError

# Control characters (PostgreSQL refuses NUL in text); tab and line breaks are fine.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(value):
    return isinstance(value, str) and bool(CONTROL_CHARACTERS.search(value))


# Bidirectional controls (embeddings, overrides, isolates and marks): they make a text show in
# another order than it is stored, "invoice<U+202E>fdp.exe" shows as "invoiceexe.pdf".
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def has_bidi_controls(value):
    return isinstance(value, str) and bool(BIDI_CONTROLS.search(value))


def is_record_id(value):
    """Whether `value` is a record's id as the ORM takes it in a many2one's value (True is no id)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_record_ids(model, vals, names):
    """Refuse, with a clear message, a many2one of `vals` given as something else than an id (a
    list, a dict, a model's name): the module reads these values before the ORM converts them, and
    would answer with a server error (unhashable type, a singleton of characters)."""
    for name in names:
        value = vals.get(name)
        # Empty is none, as for the ORM.
        if value and not is_record_id(value):
            raise ValidationError(
                model.env._(
                    "%(field)s is given by its id (a number), not “%(value)s”.",
                    field=model._fields[name]._description_string(model.env),
                    # As sent: a list would read "1 and 2".
                    value=str(value),
                )
            )
