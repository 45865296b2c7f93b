import operator

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


# The comparisons a Clients search applies to a client's number of things (projects, contracts).
COUNT_OPERATORS = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "in": lambda count, values: count in values,
}


def clients_with_count(counts, op, value):
    """The domain of the clients (and their contacts) whose count compares so with the value, from
    {client id: count}; a client absent from counts has 0."""
    compare = COUNT_OPERATORS[op]
    matching = {client_id for client_id, count in counts.items() if compare(count, value)}
    if compare(0, value):  # clients without any match too: exclude those that do not
        return [
            (
                "commercial_partner_id",
                "not in",
                [client_id for client_id in counts if client_id not in matching],
            )
        ]
    return [("commercial_partner_id", "in", list(matching))]
