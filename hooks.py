from odoo.tools import SQL


def _restricted_partner_columns(env):
    """Columns of res_partner that point to the module's own tables with ON DELETE RESTRICT
    (status, category, tax condition, address type, contract type, and any added later)."""
    return [
        name
        for name, field in env["res.partner"]._fields.items()
        if field.type == "many2one"
        and field.store
        and (field.ondelete or "").lower() == "restrict"
        and env[field.comodel_name]._original_module == "client_hub"
    ]


def uninstall_hook(env):
    """Partners outlive the module: drop their references to its own records (columns that go
    away anyway) before Odoo deletes those records, which ON DELETE RESTRICT would refuse."""
    columns = _restricted_partner_columns(env)
    env.cr.execute(
        SQL(
            "UPDATE res_partner SET %s WHERE %s",
            SQL(", ").join(SQL("%s = NULL", SQL.identifier(column)) for column in columns),
            SQL(" OR ").join(SQL("%s IS NOT NULL", SQL.identifier(column)) for column in columns),
        )
    )
    # The status history goes away with the module, and its rows hold the statuses (ON DELETE RESTRICT).
    env.cr.execute("DELETE FROM res_partner_status_history")
