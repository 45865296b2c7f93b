"""Checks shared by the portal forms and the wizards."""

import re

# Control characters (PostgreSQL refuses NUL in text); tab and line breaks are fine.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(value):
    return isinstance(value, str) and bool(CONTROL_CHARACTERS.search(value))


# Bidirectional controls (embeddings, overrides, isolates and marks): they make a text show in
# another order than it is stored, "invoice<U+202E>fdp.exe" shows as "invoiceexe.pdf".
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def has_bidi_controls(value):
    return isinstance(value, str) and bool(BIDI_CONTROLS.search(value))
