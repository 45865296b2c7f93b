from odoo import fields, models
from odoo.tools import SQL

from ..models.nullable_fields import NullableFloat

# Events of a client, each a row dated when it happened; ids stay stable between queries.
EVENT_KINDS = 3  # client, rating, invoice month
# Open projects per client (commercial partner), as the Clients list counts them: among the projects
# the user may read, not templates, not archived, not in a folded stage (Done, Cancelled).
OPEN_PROJECTS = """
    SELECT customer.commercial_partner_id AS client_id, COUNT(*) AS count
      FROM project_project project
      JOIN res_partner customer ON customer.id = project.partner_id
 LEFT JOIN project_project_stage stage ON stage.id = project.stage_id
     WHERE project.active AND NOT COALESCE(project.is_template, FALSE) AND NOT COALESCE(stage.fold, FALSE)
       AND project.id IN %(visible)s
  GROUP BY customer.commercial_partner_id
"""


class ResPartnerClientReport(models.Model):
    """Clients Analysis: what happened with the clients, by the date it happened.

    A client counts once, in the month it became a client (`client_since`); a rating counts in its
    month; the revenue invoiced counts in the month of the invoices. Each measure is NULL (not 0)
    on the rows it does not concern, so its average covers the rows that have it only."""

    _name = "res.partner.client.report"
    _inherit = "client_hub.profile.report.mixin"
    _description = "Clients Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"

    kind = fields.Selection(
        [("client", "New client"), ("rating", "Rating"), ("invoice", "Invoicing")],
        string="Event",
        readonly=True,
    )
    client_count = fields.Integer(string="Clients", readonly=True)
    client_age = NullableFloat(
        string="Client Age (Years)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="Years since the client became one, averaged over the clients.",
    )
    client_projects = NullableFloat(
        string="Projects per Client",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="Open projects of the client and its contacts (Odoo's Project), averaged over the clients.",
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    revenue = fields.Monetary(
        string="Revenue Invoiced",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
        help="Posted customer invoices minus credit notes, untaxed, in the company's currency.",
    )

    def _visible_projects(self):
        """The projects the user may read (Odoo's access rights and record rules), as a subquery."""
        Project = self.env["project.project"]
        if not Project.has_access("read"):
            return SQL("(SELECT 1 WHERE FALSE)")
        return Project._search([("partner_id", "!=", False)]).subselect()

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT event.id, event.kind, event.date, event.client_count, event.rating_count, event.score,
                   event.csat, event.client_age, event.client_projects, event.revenue, event.company_id,
                   COALESCE(company.currency_id, main_company.currency_id) AS currency_id, %(profile)s
              FROM (
                    SELECT client.id * %(kinds)s AS id, 'client' AS kind, client.id AS partner_id,
                           client.client_since AS date, 1 AS client_count, 0 AS rating_count,
                           NULL::float AS score, NULL::float AS csat,
                           (CURRENT_DATE - client.client_since) / 365.25 AS client_age,
                           COALESCE(projects.count, 0)::float AS client_projects,
                           0.0 AS revenue, client.company_id
                      FROM res_partner client
                 LEFT JOIN (%(projects)s) projects ON projects.client_id = client.id
                     WHERE client.is_client
                 UNION ALL
                    SELECT rating.id * %(kinds)s + 1, 'rating', rating.partner_id, rating.date, 0, 1,
                           rating.score, rating.csat, NULL, NULL, 0.0, rating.company_id
                      FROM (%(ratings)s) rating
                 UNION ALL
                    SELECT MIN(move.id) * %(kinds)s + 2, 'invoice', move.commercial_partner_id,
                           date_trunc('month', move.invoice_date)::date, 0, 0, NULL, NULL, NULL, NULL,
                           SUM(move.amount_untaxed_signed), move.company_id
                      FROM account_move move
                     WHERE move.state = 'posted' AND move.move_type IN ('out_invoice', 'out_refund')
                  GROUP BY move.commercial_partner_id, date_trunc('month', move.invoice_date), move.company_id
                   ) event
              JOIN res_partner client ON client.id = event.partner_id AND client.is_client
         LEFT JOIN res_company company ON company.id = event.company_id
        CROSS JOIN LATERAL (SELECT currency_id FROM res_company ORDER BY id LIMIT 1) main_company
            """,
            kinds=EVENT_KINDS,
            projects=SQL(OPEN_PROJECTS, visible=self._visible_projects()),
            ratings=self.env["res.partner.satisfaction.report"]._table_query,
            profile=self._select_profile("client"),
        )
