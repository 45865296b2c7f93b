from odoo import api, fields, models
from odoo.tools import SQL


class ResPartnerStatusHistory(models.Model):
    """One row per change of a client's status: the client's journey, which the Journey Analysis
    reads. Written by res.partner (one INSERT per create/write, whatever the batch), never through
    the ORM: users only read it."""

    _name = "res.partner.status.history"
    _description = "Client Status Change"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, ondelete="cascade"
    )
    # Empty: the partner was no client before (from) or is no longer one (to).
    from_status_id = fields.Many2one("res.partner.client.status", string="From", ondelete="restrict")
    to_status_id = fields.Many2one("res.partner.client.status", string="To", ondelete="restrict")
    date = fields.Datetime(required=True, index=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Changed by", ondelete="set null")
    company_id = fields.Many2one("res.company", index=True, ondelete="cascade")

    _partner_date_index = models.Index("(partner_id, date, id)")

    @api.model
    def _log_changes(self, changes):
        """Insert the changes [(partner id, from status id, to status id, company id)] in one query,
        dated now and by the current user (sudo keeps it)."""
        if not changes:
            return
        partners, froms, tos, companies = (list(column) for column in zip(*changes, strict=True))
        now, uid = self.env.cr.now(), self.env.uid
        self.env.cr.execute(
            SQL(
                """INSERT INTO res_partner_status_history
                       (partner_id, from_status_id, to_status_id, company_id, date, user_id,
                        create_uid, create_date, write_uid, write_date)
                   SELECT change.partner, change.from_status, change.to_status, change.company,
                          %(now)s, %(uid)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(partners)s::int[], %(froms)s::int[], %(tos)s::int[],
                                 %(companies)s::int[]) AS change(partner, from_status, to_status, company)""",
                now=now,
                uid=uid,
                partners=partners,
                froms=froms,
                tos=tos,
                companies=companies,
            )
        )
        self.env["res.partner"].browse(partners).invalidate_recordset(["client_status_change_count"])
