from odoo import models

REQUEST_TYPE = "client_hub.mail_activity_type_tax_condition_request"


class ResPartner(models.Model):
    """A tax condition asked for on the portal is an open to-do of its own type on the client: the
    portal shows it as pending while it is open; applying the condition, marking the to-do done or
    cancelling it closes it."""

    _inherit = "res.partner"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("tax_condition_id"):
            requests = self._client_hub_tax_condition_requests()
            requests.filtered(
                lambda request: request.client_hub_tax_condition_id.id == vals["tax_condition_id"]
            ).action_feedback(feedback=self.env._("Applied on the client."))
        return result

    def _client_hub_tax_condition_requests(self):
        """The open tax condition requests of these clients (sudo: the portal reads them too). Only
        a request has a requested condition: one query, no look-up of its activity type."""
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("client_hub_tax_condition_id", "!=", False),
                ],
                order="id desc",
            )
        )

    def _client_hub_open_tax_condition_request(self, condition, summary, note):
        """The request as a to-do for the salesperson (unassigned, with a note in the chatter, when
        there is none); it replaces an earlier open request, one for the same condition stays."""
        self.ensure_one()
        pending = self._client_hub_tax_condition_requests()
        if pending[:1].client_hub_tax_condition_id == condition:
            return pending[:1]
        pending.unlink()
        if not self.user_id:
            self.message_post(body=note, subject=summary, subtype_xmlid="mail.mt_note")
        return self.activity_schedule(
            REQUEST_TYPE,
            summary=summary,
            note=note,
            user_id=self.user_id.id,
            client_hub_tax_condition_id=condition.id,
        )
