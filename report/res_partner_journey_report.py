from odoo import fields, models
from odoo.tools import SQL

from ..models.nullable_fields import NullableFloat, NullableInteger

MEDIAN_FIELD = "days_to_next_median"


class ResPartnerJourneyReport(models.Model):
    """Journey Analysis: one row per client and status it entered (its stage), from the status history.

    A status's next one is the following status by sequence (Tracking → Prospect → Active → Inactive).
    A client counts in a stage from the first time it entered it; it moved on when, after that, it
    reached the next status or a later one that is not folded (a skipped status counts as passed:
    Tracking → Active converts Tracking; a folded status such as Inactive is an exit, not a step
    forward, unless it is the next one: Active → Inactive is the churn). Back and forth counts once:
    from the first entry to the first step forward after it. Archived clients keep their rows.

    Built as the Clients Analysis: `_select`, `_from`, `_where` compose the view."""

    _name = "res.partner.journey.report"
    _description = "Journey Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    stage_id = fields.Many2one(
        "res.partner.client.status", readonly=True, help="The status the client entered."
    )
    next_status_id = fields.Many2one(
        "res.partner.client.status", readonly=True, help="The status after the stage."
    )
    date = fields.Date(string="Entered", readonly=True, help="The first day the client entered the stage.")
    next_date = fields.Date(
        string="Moved On", readonly=True, help="The first day after it the client reached the next status."
    )
    entry_date = fields.Date(
        string="Entered the Journey", readonly=True, help="The client's first status: its cohort."
    )
    months_since_entry = NullableInteger(
        string="Months Since Entry",
        readonly=True,
        aggregator=False,
        help="Months from the month the client entered the journey to the month it moved on: the "
        "cohort's columns.",
    )
    # The client's profile today: the dimensions.
    client_status_id = fields.Many2one("res.partner.client.status", string="Status Today", readonly=True)
    client_category_id = fields.Many2one("res.partner.client.category", string="Category", readonly=True)
    contract_type_id = fields.Many2one("res.partner.contract.type", readonly=True)
    tax_condition_id = fields.Many2one("res.partner.tax.condition", readonly=True)
    acquisition_source_id = fields.Many2one("utm.source", readonly=True)
    referred_by_id = fields.Many2one("res.partner", string="Referrer", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    # Measures.
    client_count = fields.Integer(string="Clients", readonly=True)
    moved_on_count = fields.Integer(
        string="Moved On (Clients)", readonly=True, help="Clients that reached the next status."
    )
    conversion_rate = fields.Float(
        string="Conversion (%)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="The share of the stage's clients that reached the next status (for Active: the churn).",
    )
    days_to_next = NullableFloat(
        string="Days to Next (Mean)",
        aggregator="avg",
        digits=(7, 1),
        readonly=True,
        help="Days from entering the stage to reaching the next status, averaged over those that did.",
    )
    days_to_next_median = NullableFloat(
        string="Days to Next (Median)",
        aggregator="avg",  # read as the median: see _read_group_select
        digits=(7, 1),
        readonly=True,
        help="The median of the days from entering the stage to reaching the next status.",
    )
    days_in_stage = fields.Float(
        string="Days in Stage (Mean)",
        aggregator="avg",
        digits=(7, 1),
        readonly=True,
        help="Days from entering the stage to moving on, or to today: for Active, the time as a client.",
    )
    satisfaction_before = NullableFloat(
        string="Satisfaction Before Leaving",
        aggregator="avg",
        digits=(3, 2),
        readonly=True,
        help="The client's last rating (1 to 5) on or before the day it left (reached a folded status "
        "such as Inactive), averaged over the clients that left and had one.",
    )

    @property
    def _table_query(self):
        return self._query()

    def _query(self):
        return SQL(
            "WITH %s SELECT %s FROM %s WHERE %s", self._with(), self._select(), self._from(), self._where()
        )

    def _with(self):
        return SQL(
            """status AS (
                   SELECT id, sequence, fold, LEAD(id) OVER (ORDER BY sequence, id) AS next_id
                     FROM res_partner_client_status
               ),
               stage AS (
                   SELECT DISTINCT ON (partner_id, to_status_id)
                          id, partner_id, to_status_id AS status_id, date,
                          MIN(date) OVER (PARTITION BY partner_id) AS entry_date
                     FROM res_partner_status_history
                    WHERE to_status_id IS NOT NULL
                 ORDER BY partner_id, to_status_id, date, id
               )"""
        )

    def _select(self):
        moved = SQL("moved.date IS NOT NULL")
        return SQL(
            """stage.id, stage.status_id AS stage_id, stage_status.next_id AS next_status_id,
            stage.date::date AS date, moved.date::date AS next_date, stage.entry_date::date AS entry_date,
            CASE WHEN %(moved)s THEN (EXTRACT(YEAR FROM moved.date) * 12 + EXTRACT(MONTH FROM moved.date))
                 - (EXTRACT(YEAR FROM stage.entry_date) * 12 + EXTRACT(MONTH FROM stage.entry_date)) END::int
                AS months_since_entry,
            1 AS client_count, CASE WHEN %(moved)s THEN 1 ELSE 0 END AS moved_on_count,
            CASE WHEN %(moved)s THEN 100.0 ELSE 0.0 END AS conversion_rate,
            (moved.date::date - stage.date::date)::float AS days_to_next,
            (moved.date::date - stage.date::date)::float AS days_to_next_median,
            (COALESCE(moved.date::date, CURRENT_DATE) - stage.date::date)::float AS days_in_stage,
            left_rating.score::float AS satisfaction_before,
            client.referred_by_id, client.company_id, %(profile)s""",
            moved=moved,
            profile=self.env["client_hub.profile.report.mixin"]._select_profile("client"),
        )

    def _from(self):
        return SQL(
            """stage
            JOIN status stage_status ON stage_status.id = stage.status_id AND stage_status.next_id IS NOT NULL
            JOIN status next_status ON next_status.id = stage_status.next_id
            JOIN res_partner client ON client.id = stage.partner_id
            LEFT JOIN LATERAL (%(moved)s) moved ON TRUE
            LEFT JOIN LATERAL (%(rating)s) left_rating ON next_status.fold AND moved.date IS NOT NULL""",
            moved=self._moved_on(),
            rating=self._rating_before_leaving(),
        )

    def _where(self):
        return SQL("TRUE")

    def _moved_on(self):
        """The client's first step forward after its first entry into the stage."""
        return SQL(
            """SELECT later.date
                 FROM res_partner_status_history later
                 JOIN status reached ON reached.id = later.to_status_id
                WHERE later.partner_id = stage.partner_id
                  AND (later.date, later.id) > (stage.date, stage.id)
                  AND (reached.id = next_status.id
                       OR ((reached.sequence, reached.id) > (next_status.sequence, next_status.id)
                           AND NOT COALESCE(reached.fold, FALSE)))
             ORDER BY later.date, later.id
                LIMIT 1"""
        )

    def _rating_before_leaving(self):
        return SQL(
            """SELECT rating.rating AS score
                 FROM rating_rating rating
                WHERE rating.client_id = stage.partner_id AND rating.consumed
                  AND COALESCE(rating.rating_date, rating.create_date::date) <= moved.date::date
             ORDER BY COALESCE(rating.rating_date, rating.create_date::date) DESC, rating.id DESC
                LIMIT 1"""
        )

    def _read_group_select(self, aggregate_spec, query):
        # Odoo's aggregators have no median: the median field is read with percentile_cont, in the
        # pivot and the graph as in any read_group (a group's median, not an average of medians).
        fname, _property, func = aggregate_spec.partition(":")
        if fname == MEDIAN_FIELD and func:
            return SQL(
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)",
                self._field_to_sql(self._table, MEDIAN_FIELD, query),
            )
        return super()._read_group_select(aggregate_spec, query)
