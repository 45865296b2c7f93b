"""Numbers whose column holds NULL for "no value": SQL averages skip them instead of counting 0.

Odoo's Integer and Float fields store False as 0, so a client without a rating would weigh as a
score of 0 in every average (grouped lists, reports)."""

from odoo import fields


def _is_empty(value):
    return value is None or value is False


class _NullWhenEmpty:
    """Keeps False as NULL in the column and None in the cache; the record reads False."""

    def convert_to_column(self, value, record, values=None, validate=True):
        return None if _is_empty(value) else super().convert_to_column(value, record, values, validate)

    def convert_to_cache(self, value, record, validate=True):
        return None if _is_empty(value) else super().convert_to_cache(value, record, validate)

    def convert_to_record(self, value, record):
        return False if value is None else super().convert_to_record(value, record)


class NullableInteger(_NullWhenEmpty, fields.Integer):
    pass


class NullableFloat(_NullWhenEmpty, fields.Float):
    pass
