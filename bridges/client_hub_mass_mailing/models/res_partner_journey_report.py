from odoo import fields, models
from odoo.tools import SQL

# A client moved on "after a mailing" when it reached the next status at most this many days after
# the last mailing that reached it in the stage.
MAILING_DAYS = 30


class ResPartnerJourneyReport(models.Model):
    """The Journey Analysis with Email Marketing: on each stage's row, whether a mailing reached the
    client (or one of its contacts) while it was in the stage, and whether the client moved on within
    30 days after the last one (from Prospect: became Active after a mailing). Figures only: the
    mailings themselves stay behind Odoo's Email Marketing groups."""

    _inherit = "res.partner.journey.report"

    mailed_count = fields.Integer(
        string="Mailed in Stage (Clients)",
        readonly=True,
        help="Clients that a mailing reached (sent to the client or one of its contacts, not bounced) "
        "between entering the stage and moving on, or until today.",
    )
    moved_on_after_mailing_count = fields.Integer(
        string="Moved On After a Mailing (Clients)",
        readonly=True,
        help="Clients that reached the next status at most 30 days after the last mailing that reached "
        "them in the stage (for Prospect: became Active).",
    )

    def _select(self):
        return SQL(
            """%(select)s,
            CASE WHEN mailing.last_sent IS NOT NULL THEN 1 ELSE 0 END AS mailed_count,
            CASE WHEN moved.date IS NOT NULL AND mailing.last_sent IS NOT NULL
                      AND moved.date::date - mailing.last_sent::date <= %(days)s THEN 1 ELSE 0 END
                AS moved_on_after_mailing_count""",
            select=super()._select(),
            days=MAILING_DAYS,
        )

    def _from(self):
        return SQL(
            "%s LEFT JOIN LATERAL (%s) mailing ON TRUE", super()._from(), self._last_mailing_in_stage()
        )

    def _last_mailing_in_stage(self):
        """The last e-mail of a mailing that reached the client or one of its contacts (Odoo's mailing
        traces on contacts: sent, not bounced) from its entry into the stage until it moved on."""
        return SQL(
            """SELECT MAX(trace.sent_datetime) AS last_sent
                 FROM res_partner recipient
                 JOIN mailing_trace trace ON trace.res_id = recipient.id AND trace.model = 'res.partner'
                WHERE recipient.commercial_partner_id = stage.partner_id
                  AND trace.trace_type = 'mail' AND trace.sent_datetime IS NOT NULL
                  AND trace.trace_status NOT IN ('bounce', 'error', 'cancel')
                  AND trace.sent_datetime >= stage.date
                  AND (moved.date IS NULL OR trace.sent_datetime <= moved.date)"""
        )
