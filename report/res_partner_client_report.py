from odoo import fields, models
from odoo.tools import SQL

from ..models.nullable_fields import NullableFloat

# Events of a client, each a row dated when it happened; ids stay stable between queries.
EVENT_KINDS = 3  # client, rating, invoice month


class ResPartnerClientReport(models.Model):
    """Clients Analysis: what happened with the clients, each event by its own date.

    A client counts once, on its client-since date; a rating on its rating date; the revenue in the
    month of the invoice date. Every row also carries the client's client-since date, so that a
    client reads whole (clients, ratings, revenue) by the month it became a client. Each measure is
    NULL (not 0) on the rows it does not concern, so its average covers the rows that have it only.

    Built as Odoo's Sales Analysis (sale.report): `_select`, `_from`, `_where` compose the view, each
    event has its own `_select_<event>`/`_from_<event>`/`_where_<event>` hooks, and the revenue is
    converted with Odoo's currency table into the currency of the user's current company."""

    _name = "res.partner.client.report"
    _inherit = "client_hub.profile.report.mixin"
    _description = "Clients Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"

    date = fields.Date(
        string="Event Date",
        readonly=True,
        help="When the event happened: a new client on its client-since date, a rating on its rating "
        "date, the revenue on the first day of the month of its invoices.",
    )
    client_since = fields.Date(
        readonly=True,
        help="The day the client became one, on all the client's rows: group by it to read each "
        "client whole (clients, ratings and revenue) in the month it became a client.",
    )
    kind = fields.Selection(
        [("client", "New client"), ("rating", "Rating"), ("invoice", "Invoicing")],
        string="Event",
        readonly=True,
    )
    client_count = fields.Integer(
        string="Clients", readonly=True, help="Each client once, by its client-since date."
    )
    client_age = NullableFloat(
        string="Client Age (Years)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="Years since the client-since date, averaged over the clients.",
    )
    client_projects = NullableFloat(
        string="Projects per Client",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="Open projects today of the client and its contacts (Odoo's Project), averaged over the "
        "clients, on the client's client-since date.",
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    revenue = fields.Monetary(
        string="Revenue Invoiced",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
        help="Posted customer invoices minus credit notes, untaxed, in the month of their invoice date; "
        "converted into the currency of your current company at today's rate (Odoo's currency table).",
    )

    @property
    def _table_query(self):
        return self._query()

    def _query(self):
        return SQL("SELECT %s FROM %s WHERE %s", self._select(), self._from(), self._where())

    def _select(self):
        return SQL(
            """event.id, event.kind, event.date, client.client_since, event.client_count,
            event.rating_count, event.score, event.csat, event.client_age, event.client_projects,
            event.revenue, event.company_id, %(currency)s AS currency_id, %(profile)s""",
            currency=self.env.company.currency_id.id,
            profile=self._select_profile("client"),
        )

    def _from(self):
        events = SQL(" UNION ALL ").join(
            SQL("(SELECT %s FROM %s WHERE %s%s)", select, from_, where, group_by)
            for select, from_, where, group_by in (
                (self._select_client(), self._from_client(), self._where_client(), SQL()),
                (self._select_rating(), self._from_rating(), SQL("TRUE"), SQL()),
                (
                    self._select_invoice(),
                    self._from_invoice(),
                    self._where_invoice(),
                    SQL(" GROUP BY %s", self._group_by_invoice()),
                ),
            )
        )
        return SQL("(%s) event JOIN res_partner client ON client.id = event.partner_id", events)

    def _where(self):
        return SQL("client.is_client")

    # New clients: one row per client, on its client-since date.

    def _select_client(self):
        return SQL(
            """client.id * %(kinds)s AS id, 'client' AS kind, client.id AS partner_id,
            client.client_since AS date, 1 AS client_count, 0 AS rating_count, NULL::float AS score,
            NULL::float AS csat, (CURRENT_DATE - client.client_since) / 365.25 AS client_age,
            COALESCE(projects.count, 0)::float AS client_projects, 0.0 AS revenue, client.company_id""",
            kinds=EVENT_KINDS,
        )

    def _from_client(self):
        return SQL(
            "res_partner client LEFT JOIN (%s) projects ON projects.client_id = client.id",
            self._open_projects_per_client(),
        )

    def _where_client(self):
        return SQL("client.is_client")

    def _open_projects_per_client(self):
        """{client: open projects}, from project.project's definition of an open project (the one the
        client's Projects button and the Clients list count with)."""
        projects = self.env["project.project"]._client_hub_open_project_query()
        return SQL(
            """SELECT customer.commercial_partner_id AS client_id, COUNT(*) AS count
                 FROM res_partner customer
                 JOIN %(projects)s open_project ON open_project.partner_id = customer.id
             GROUP BY customer.commercial_partner_id""",
            projects=projects.subselect(SQL.identifier(projects.table, "partner_id")),
        )

    # Ratings: one row per rating, on its rating date (the Satisfaction Analysis' rows).

    def _select_rating(self):
        return SQL(
            """rating.id * %(kinds)s + 1, 'rating', rating.partner_id, rating.date, 0, 1, rating.score,
            rating.csat, NULL, NULL, 0.0, rating.company_id""",
            kinds=EVENT_KINDS,
        )

    def _from_rating(self):
        return SQL("(%s) rating", self.env["res.partner.satisfaction.report"]._table_query)

    # Revenue: one row per client, company and month of the invoice date, in the report's currency.

    def _select_invoice(self):
        return SQL(
            """MIN(move.id) * %(kinds)s + 2, 'invoice', move.commercial_partner_id,
            date_trunc('month', move.invoice_date)::date, 0, 0, NULL, NULL, NULL, NULL,
            SUM(move.amount_untaxed_signed * account_currency_table.rate), move.company_id""",
            kinds=EVENT_KINDS,
        )

    def _from_invoice(self):
        # Odoo's currency table: a rate per company of the user's companies into the current company's
        # currency (1 for those in that currency), as sale.report converts.
        currency_table = self.env["res.currency"]._get_simple_currency_table(self.env.companies)
        return SQL(
            "account_move move JOIN %s ON account_currency_table.company_id = move.company_id", currency_table
        )

    def _where_invoice(self):
        return SQL("move.state = 'posted' AND move.move_type IN ('out_invoice', 'out_refund')")

    def _group_by_invoice(self):
        return SQL("move.commercial_partner_id, date_trunc('month', move.invoice_date), move.company_id")
