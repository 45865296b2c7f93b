from odoo.tools import SQL

# Columns of Odoo's own tables that point to the module's tables with ON DELETE RESTRICT.
RESTRICTED_PARTNER_COLUMNS = ("client_status_id", "client_category_id", "tax_condition_id", "address_type_id")


def uninstall_hook(env):
    """Partners outlive the module: drop their references to its statuses, categories, tax
    conditions and address types (columns that go away anyway) before Odoo deletes those records."""
    env.cr.execute(
        SQL(
            "UPDATE res_partner SET %s WHERE %s",
            SQL(", ").join(SQL("%s = NULL", SQL.identifier(column)) for column in RESTRICTED_PARTNER_COLUMNS),
            SQL(" OR ").join(
                SQL("%s IS NOT NULL", SQL.identifier(column)) for column in RESTRICTED_PARTNER_COLUMNS
            ),
        )
    )
