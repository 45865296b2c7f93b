from odoo import api, fields, models
from odoo.tools import SQL

# The values that can make a partner a client, end it, or change its status.
STATUS_DECIDING_FIELDS = frozenset({"client_status_id", "parent_id", "is_company"})


class ResPartner(models.Model):
    """Every change of a client's status (a commercial partner's) is a row of the status history:
    on create, on write (form, status bar, import, merge), and when a contact becomes its own
    commercial partner (or a client becomes a company's contact). Contacts following their company's
    status are no clients: the change is the company's row."""

    _inherit = "res.partner"

    client_status_change_count = fields.Integer(
        string="Status Changes",
        compute="_compute_client_status_change_count",
        groups="client_hub.group_client_hub_user",
    )

    def _compute_client_status_change_count(self):
        counts = dict(
            self.env["res.partner.status.history"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.client_status_change_count = counts.get(partner, 0)

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        clients = partners.filtered("is_client")
        self.env["res.partner.status.history"]._log_changes(
            [
                (client.id, None, client.client_status_id.id, client.company_id.id or None)
                for client in clients
            ]
        )
        return partners

    def write(self, vals):
        if not STATUS_DECIDING_FIELDS.intersection(vals) or not self:
            return super().write(vals)
        before = self._client_status_snapshot()
        result = super().write(vals)
        # Compared in SQL: no Python loop over the batch (the flush would happen anyway).
        self.flush_recordset(["client_status_id", "is_client", "company_id"])
        self.env["res.partner.status.history"]._log_changes_since(before)
        return result

    def action_open_status_history(self):
        self.ensure_one()
        title = self.env._("Status History")
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "res.partner.status.history",
            "view_mode": "list",
            "domain": [("partner_id", "=", self.id)],
            "context": {"create": False},
        }

    def _client_status_snapshot(self):
        """{partner id: its client status id, or None when it is no client}, in one query (the stored
        values, pending writes flushed first)."""
        self.flush_recordset(["client_status_id", "is_client"])
        self.env.cr.execute(
            SQL(
                """SELECT id, CASE WHEN is_client THEN client_status_id END
                     FROM res_partner WHERE id = ANY(%s)""",
                self.ids,
            )
        )
        return dict(self.env.cr.fetchall())
