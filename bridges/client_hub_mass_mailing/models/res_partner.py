from odoo import models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """Send a mailing (Odoo's Email Marketing) to the people of the selected clients."""

    _inherit = "res.partner"

    def action_client_hub_send_mailing(self):
        """A new mailing on contacts whose recipients are the selected clients themselves and their
        contacts with an e-mail address; the mailing's own recipients filter, which Odoo reads when it
        sends (a contact added or given an e-mail before then receives it too)."""
        self.env["mailing.mailing"].check_access("create")  # Odoo's Email Marketing groups
        if not self:
            raise UserError(self.env._("Select the clients whose contacts the mailing goes to."))
        not_clients = self.filtered(lambda partner: not partner.is_client)
        if not_clients:
            raise UserError(
                self.env._(
                    "A mailing from the clients goes to clients' contacts; these are no clients: %(names)s.",
                    names=", ".join(not_clients.mapped("display_name")),
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Mailing"),
            "res_model": "mailing.mailing",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_mailing_type": "mail",
                "default_user_id": self.env.uid,
                "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "default_mailing_domain": repr(self._client_hub_mailing_domain()),
            },
        }

    def _client_hub_mailing_domain(self):
        """The clients and their contacts (their people, at any depth, not their invoice, delivery or
        other addresses), those with an e-mail; archived ones never (Odoo's search)."""
        return [
            ("commercial_partner_id", "in", self.ids),
            ("type", "=", "contact"),
            ("email", "!=", False),
        ]
