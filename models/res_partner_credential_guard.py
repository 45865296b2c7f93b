from odoo import fields, models
from odoo.exceptions import UserError

from .readable_names import readable_names


class ResPartner(models.Model):
    """A client's credentials in the vault: the count, the button, and the guard on deleting a client."""

    _inherit = "res.partner"

    # Which clients keep credentials is vault information: a search on the one2many, which Odoo runs
    # without the comodel's access rights, answers only to those who may read credentials.
    credential_ids = fields.One2many(
        "res.partner.credential",
        "partner_id",
        string="Credentials",
        groups="client_hub.group_client_hub_credentials",
    )
    credential_count = fields.Integer(
        compute="_compute_credential_count", groups="client_hub.group_client_hub_credentials"
    )

    def _compute_credential_count(self):
        counts = dict(
            self.env["res.partner.credential"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.credential_count = counts.get(partner._origin, 0)

    def unlink(self):
        # Credentials go through their own unlink() (its access rights and its audit log), never
        # through the database's cascade.
        credentials = (
            self.env["res.partner.credential"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
        )
        if credentials:
            if not credentials.sudo(False)._is_vault_manager():
                raise UserError(
                    self.env._(
                        "%(clients)s cannot be deleted: they have credentials, which only Client Hub "
                        "managers may delete. Ask a manager, or archive the client instead.",
                        clients=readable_names(credentials.partner_id),
                    )
                )
            credentials.sudo(False).unlink()
        return super().unlink()

    def action_open_credentials(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_credential_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
