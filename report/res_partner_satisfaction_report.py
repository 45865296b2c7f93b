from odoo import fields, models
from odoo.tools import SQL

from ..models.nullable_fields import NullableFloat
from ..models.res_partner_satisfaction import CHANNELS, CSAT_SATISFIED


class ClientProfileReportMixin(models.AbstractModel):
    """The client's profile as the dimensions of the Client Hub analyses (current values), and
    their rating measures."""

    _name = "client_hub.profile.report.mixin"
    _description = "Client Hub analysis dimensions"

    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    date = fields.Date(readonly=True)
    client_status_id = fields.Many2one("res.partner.client.status", string="Status", readonly=True)
    client_category_id = fields.Many2one("res.partner.client.category", string="Category", readonly=True)
    tax_condition_id = fields.Many2one("res.partner.tax.condition", readonly=True)
    acquisition_source_id = fields.Many2one("utm.source", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    # The rating measures: NULL on rows without a rating, so that their averages skip them.
    rating_count = fields.Integer(string="Ratings", readonly=True)
    score = NullableFloat(string="Average Score", aggregator="avg", digits=(3, 2), readonly=True)
    csat = NullableFloat(
        string="CSAT (%)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="The share of ratings of 4 or 5.",
    )

    def _select_profile(self, client_alias):
        """The dimensions, read from the client (a res_partner row) named `client_alias`."""
        client = SQL.identifier(client_alias)
        return SQL(
            """%(client)s.id AS partner_id, %(client)s.client_status_id, %(client)s.client_category_id,
            %(client)s.tax_condition_id, %(client)s.acquisition_source_id, %(client)s.country_id,
            %(client)s.user_id""",
            client=client,
        )


class ResPartnerSatisfactionReport(models.Model):
    """One row per rating; no rating, no row: a month without ratings is absent, never 0."""

    _name = "res.partner.satisfaction.report"
    _inherit = "client_hub.profile.report.mixin"
    _description = "Satisfaction Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"

    contact_id = fields.Many2one("res.partner", string="Given by", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT rating.id, rating.date, rating.contact_id, rating.channel, 1 AS rating_count,
                   rating.score::float AS score,
                   CASE WHEN rating.score >= %(satisfied)s THEN 100.0 ELSE 0.0 END AS csat,
                   rating.company_id, %(profile)s
              FROM res_partner_satisfaction rating
              JOIN res_partner client ON client.id = rating.partner_id
            """,
            satisfied=CSAT_SATISFIED,
            profile=self._select_profile("client"),
        )
