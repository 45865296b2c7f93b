from odoo import fields, models
from odoo.tools import SQL

from ..models.nullable_fields import NullableFloat
from ..models.rating_rating import CHANNELS, CSAT_SATISFIED


class ClientProfileReportMixin(models.AbstractModel):
    """The client's profile as the dimensions of the Client Hub analyses (current values), and
    their rating measures."""

    _name = "client_hub.profile.report.mixin"
    _description = "Client Hub analysis dimensions"

    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    date = fields.Date(readonly=True)
    client_status_id = fields.Many2one("res.partner.client.status", string="Status", readonly=True)
    client_category_id = fields.Many2one("res.partner.client.category", string="Category", readonly=True)
    contract_type_id = fields.Many2one("res.partner.contract.type", readonly=True)
    tax_condition_id = fields.Many2one("res.partner.tax.condition", readonly=True)
    acquisition_source_id = fields.Many2one("utm.source", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    # The rating measures: NULL on rows without a rating, so that their averages skip them.
    rating_count = fields.Integer(
        string="Ratings", readonly=True, help="The ratings given, by their rating date."
    )
    score = NullableFloat(
        string="Average Score",
        aggregator="avg",
        digits=(3, 2),
        readonly=True,
        help="The average of the ratings given (1 to 5), by their rating date.",
    )
    csat = NullableFloat(
        string="CSAT (%)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="The share of ratings of 4 or 5, by their rating date.",
    )

    def _select_profile(self, client_alias):
        """The dimensions, read from the client (a res_partner row) named `client_alias`."""
        client = SQL.identifier(client_alias)
        return SQL(
            """%(client)s.id AS partner_id, %(client)s.client_status_id, %(client)s.client_category_id,
            %(client)s.contract_type_id, %(client)s.tax_condition_id, %(client)s.acquisition_source_id,
            %(client)s.country_id, %(client)s.user_id""",
            client=client,
        )


class ResPartnerSatisfactionReport(models.Model):
    """One row per rating or survey request of a client (task ratings of its people included); no
    rating, no row: a month without ratings is absent, never 0."""

    _name = "res.partner.satisfaction.report"
    _inherit = "client_hub.profile.report.mixin"
    _description = "Satisfaction Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"

    contact_id = fields.Many2one("res.partner", string="Given by", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    sent_count = fields.Integer(string="Surveys Sent", readonly=True)
    # 100 for a request answered, 0 for one not answered, NULL on ratings nobody was asked for.
    response_rate = NullableFloat(
        string="Response Rate (%)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="The share of the survey requests (e-mail surveys, task rating requests) answered.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT rating.id,
                   COALESCE(rating.rating_date, rating.rated_on::date, rating.create_date::date) AS date,
                   rating.partner_id AS contact_id, rating.channel,
                   CASE WHEN rating.consumed THEN 1 ELSE 0 END AS rating_count,
                   CASE WHEN rating.consumed THEN rating.rating END AS score,
                   CASE WHEN NOT rating.consumed THEN NULL
                        WHEN rating.rating >= %(satisfied)s THEN 100.0 ELSE 0.0 END AS csat,
                   CASE WHEN rating.access_token_sent THEN 1 ELSE 0 END AS sent_count,
                   CASE WHEN NOT rating.access_token_sent THEN NULL
                        WHEN rating.consumed THEN 100.0 ELSE 0.0 END AS response_rate,
                   rating.company_id, %(profile)s
              FROM (SELECT r.*, (r.channel = 'task' OR COALESCE(r.survey_sent, FALSE)) AS access_token_sent
                      FROM rating_rating r
                     WHERE r.client_id IS NOT NULL) rating
              JOIN res_partner client ON client.id = rating.client_id
            """,
            satisfied=CSAT_SATISFIED,
            profile=self._select_profile("client"),
        )
