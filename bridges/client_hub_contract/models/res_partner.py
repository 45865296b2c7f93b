from datetime import timedelta

from odoo import fields, models
from odoo.addons.client_hub.models.computed_fields import COUNT_OPERATORS, clients_with_count
from odoo.exceptions import UserError
from odoo.tools import SQL

ENDING_DAYS = 30


class ResPartner(models.Model):
    """The client's contracts (OCA's contract.contract, customer contracts): those of the client and of
    all its contacts, as its invoices. A contract runs on a day when one of its lines, not cancelled,
    has started and not ended; it is a future one when none runs yet and one starts later."""

    _inherit = "res.partner"

    # Counts are for every Client Hub user (computed in SQL over the user's companies); the contracts
    # themselves, and their figures, stay behind OCA's and Odoo's invoicing groups.
    client_contract_active_count = fields.Integer(
        string="Active Contracts",
        compute="_compute_client_contracts",
        search="_search_client_contract_active_count",
        help="Customer contracts of the client and its contacts running today (a line not cancelled "
        "has started and not ended).",
    )
    client_contract_future_count = fields.Integer(
        string="Future Contracts",
        compute="_compute_client_contracts",
        help="Customer contracts of the client and its contacts that start later (no line runs yet).",
    )
    client_contract_count = fields.Integer(
        string="Running and Future Contracts",
        compute="_compute_client_contracts",
        help="Customer contracts of the client and its contacts running today or starting later.",
    )
    client_contract_next_start = fields.Date(
        string="Next Contract Start",
        compute="_compute_client_contracts",
        help="The first day a future contract of the client starts.",
    )
    client_contract_ends_soon = fields.Boolean(
        string="Contract Ends Within 30 Days",
        compute="_compute_client_contracts",
        search="_search_client_contract_ends_soon",
        help="A running contract of the client ends within the next 30 days.",
    )

    def _compute_client_contracts(self):
        figures = self._client_hub_contract_figures(self._origin.commercial_partner_id)
        for partner in self:
            values = figures.get(partner._origin.commercial_partner_id.id, {})
            partner.client_contract_active_count = values.get("active", 0)
            partner.client_contract_future_count = values.get("future", 0)
            partner.client_contract_count = values.get("active", 0) + values.get("future", 0)
            partner.client_contract_next_start = values.get("next_start", False)
            partner.client_contract_ends_soon = values.get("ends_soon", False)

    def _search_client_contract_active_count(self, operator, value):
        # "≠", "not in": Odoo negates the positive condition (NotImplemented).
        if operator not in COUNT_OPERATORS:
            return NotImplemented
        values = value if operator == "in" else [value]
        if not all(isinstance(number, int | float) and not isinstance(number, bool) for number in values):
            raise UserError(
                self.env._("The number of contracts is compared with a number, not “%(value)s”.", value=value)
            )
        counts = {client: values["active"] for client, values in self._client_hub_contract_figures().items()}
        return clients_with_count(counts, operator, value)

    def _search_client_contract_ends_soon(self, operator, value):
        if operator != "in":
            return NotImplemented
        ending = [
            client for client, values in self._client_hub_contract_figures().items() if values["ends_soon"]
        ]
        if True in value:
            return [("commercial_partner_id", "in", ending)]
        return [("commercial_partner_id", "not in", ending)]

    def action_open_client_contracts(self):
        """OCA's customer contracts of the client and its contacts."""
        self.ensure_one()
        self.env["contract.contract"].check_access("read")  # OCA's groups: a clear refusal, not an empty list
        client = self.commercial_partner_id
        action = self.env["ir.actions.act_window"]._for_xml_id("contract.action_customer_contract")
        action["display_name"] = self.env._("%(client)s's Contracts", client=client.name)
        action["domain"] = [("contract_type", "=", "sale"), ("commercial_partner_id", "=", client.id)]
        action["context"] = self._client_hub_new_contract_context()
        return action

    def action_new_client_contract(self):
        """OCA's contract form for a new customer contract of the client, invoiced to its invoice
        address."""
        self.ensure_one()
        self.env["contract.contract"].check_access("create")
        action = self.env["ir.actions.act_window"]._for_xml_id("contract.action_customer_contract")
        action.update(
            {
                "display_name": self.env._("New Contract"),
                "views": [(False, "form")],
                "view_mode": "form",
                "target": "current",
                "context": self._client_hub_new_contract_context(),
            }
        )
        return action

    def _client_hub_new_contract_context(self):
        # Only the contract's own defaults: nothing of the Clients action's context reaches it.
        client = self.commercial_partner_id
        return {
            "default_contract_type": "sale",
            "default_partner_id": client.id,
            "default_invoice_partner_id": client.address_get(["invoice"])["invoice"],
            "default_pricelist_id": client.property_product_pricelist.id,
        }

    def _client_hub_contract_figures(self, clients=None):
        """{client id: {active, future, next_start, ends_soon}} of the given clients (of all clients
        when None): one query over the customer contracts of the user's companies, whatever the number
        of clients."""
        self.env["contract.line"].flush_model(
            ["contract_id", "date_start", "date_end", "is_canceled", "active"]
        )
        self.env["contract.contract"].flush_model(
            ["commercial_partner_id", "company_id", "contract_type", "active"]
        )
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                """
                WITH contract AS (
                    -- Each contract's lines through their index (a join would scan every line).
                    SELECT c.commercial_partner_id AS client_id, line.*
                      FROM contract_contract c
                      CROSS JOIN LATERAL (
                          SELECT bool_or(line.date_start <= %(today)s
                                     AND (line.date_end IS NULL OR line.date_end >= %(today)s)) AS running,
                                 MIN(line.date_start) FILTER (WHERE line.date_start > %(today)s)
                                     AS next_start,
                                 bool_and(line.date_end IS NOT NULL)
                                     AND MAX(line.date_end) <= %(soon)s AS ends_soon,
                                 COUNT(*) AS lines
                            FROM contract_line line
                           WHERE line.contract_id = c.id AND line.active AND line.is_canceled IS NOT TRUE
                                 AND line.display_type IS NULL
                      ) line
                     WHERE c.active AND c.contract_type = 'sale' AND c.company_id IN %(companies)s %(clients)s
                )
                SELECT client_id,
                       COUNT(*) FILTER (WHERE running),
                       COUNT(*) FILTER (WHERE NOT running AND next_start IS NOT NULL),
                       MIN(next_start) FILTER (WHERE NOT running),
                       bool_or(running AND ends_soon)
                  FROM contract
                 WHERE lines > 0
              GROUP BY client_id
                """,
                today=today,
                soon=today + timedelta(days=ENDING_DAYS),
                companies=tuple(self.env.companies.ids),
                clients=SQL("AND c.commercial_partner_id IN %s", tuple(clients.ids) or (None,))
                if clients is not None
                else SQL(),
            )
        )
        return {
            client_id: {"active": active, "future": future, "next_start": next_start, "ends_soon": bool(soon)}
            for client_id, active, future, next_start, soon in self.env.cr.fetchall()
        }
