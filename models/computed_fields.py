from odoo.exceptions import UserError


def check_not_computed(records, vals, module="client_hub"):
    """Refuse values for the module's computed fields (stored or not, related ones too): the module
    computes them, no create or write from outside (form, RPC, import, copy) sets them. The
    superuser's own code is trusted."""
    if records.env.su:
        return
    computed = sorted(
        name
        for name in vals
        if (field := records._fields.get(name)) is not None
        and field.compute
        and not field.inverse
        and field._module == module
    )
    if computed:
        raise UserError(
            records.env._(
                "These fields are computed by Client Hub and cannot be set: %(fields)s.",
                fields=", ".join(computed),
            )
        )
