import re

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """19.0.1.6.0: the addresses added on a client's page opened from the Clients menu were saved as
    companies with the status Prospect and a client number of their own (the menu's context
    defaults). They become the addresses they are: a person-like child of their client, counted as
    no client. The number drawn for them is cleared when it is one of the client numbering's, and
    written in their chatter."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    addresses = (
        env["res.partner"]
        .with_context(active_test=False)
        .search([("address_type_id", "!=", False), ("is_company", "=", True), ("parent_id", "!=", False)])
    )
    for address in addresses:
        number = address.ref
        values = {"is_company": False}
        if number and _is_client_number(env, address, number):
            values["ref"] = False
        address.write(values)
        note = env._(
            "Saved as a client company by mistake; made an address of %(client)s again.",
            client=address.parent_id.display_name,
        )
        if "ref" in values:
            note += " " + env._("Its client number %(number)s was cleared.", number=number)
        address.message_post(body=note)


def _is_client_number(env, address, number):
    sequence = env["res.partner"]._client_number_sequence(address.company_id or env.company)
    prefix, suffix = sequence._get_prefix_suffix()
    return bool(re.fullmatch(re.escape(prefix) + r"\d+" + re.escape(suffix), number))
