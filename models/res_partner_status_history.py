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
    # Its own date and user: no create/write columns (two foreign keys less on every batch insert).
    _log_access = False

    # Indexed with the date below (one index, the journey's lookups).
    partner_id = fields.Many2one("res.partner", string="Client", required=True, ondelete="cascade")
    # Empty: the partner was no client before (from) or is no longer one (to).
    from_status_id = fields.Many2one("res.partner.client.status", string="From", ondelete="restrict")
    to_status_id = fields.Many2one("res.partner.client.status", string="To", ondelete="restrict")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Changed by", ondelete="set null")
    company_id = fields.Many2one("res.company", ondelete="cascade")

    _partner_date_index = models.Index("(partner_id, date, id)")

    @api.model
    def _log_changes(self, changes):
        """Insert the changes [(partner id, from status id, to status id, company id)] in one query,
        dated now and by the current user (sudo keeps it)."""
        if not changes:
            return
        partners, froms, tos, companies = (list(column) for column in zip(*changes, strict=True))
        self._insert_changes(
            SQL(
                """SELECT change.partner, change.from_status, change.to_status, change.company
                     FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[])
                          AS change(partner, from_status, to_status, company)""",
                partners,
                froms,
                tos,
                companies,
            ),
            partners,
        )

    @api.model
    def _log_changes_since(self, before):
        """Insert a row for each partner whose client status (stored, flushed) differs from its status
        in `before` ({partner id: status id or None}), in one query."""
        if not before:
            return
        partners = list(before)
        self._insert_changes(
            SQL(
                """SELECT partner.id, before.status, partner.status, partner.company_id
                     FROM unnest(%s::int[], %s::int[]) AS before(id, status)
                     JOIN (SELECT id, company_id, CASE WHEN is_client THEN client_status_id END AS status
                             FROM res_partner) partner ON partner.id = before.id
                    WHERE partner.status IS DISTINCT FROM before.status""",
                partners,
                [before[partner] for partner in partners],
            ),
            partners,
        )

    def _insert_changes(self, changes, partners):
        """Insert the rows `changes` selects (partner, from, to, company), dated now, by the user."""
        self.env.cr.execute(
            SQL(
                """INSERT INTO res_partner_status_history
                       (partner_id, from_status_id, to_status_id, company_id, date, user_id)
                   SELECT change.*, %s, %s FROM (%s) change""",
                self.env.cr.now(),
                self.env.uid,
                changes,
            )
        )
        self.env["res.partner"].browse(partners).invalidate_recordset(["client_status_change_count"])
