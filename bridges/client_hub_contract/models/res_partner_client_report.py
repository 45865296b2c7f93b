from odoo import fields, models
from odoo.tools import SQL


class ResPartnerClientReport(models.Model):
    """The Clients Analysis with the client's contracts today, on the client's own row (as its open
    projects): how many run, and their recurring revenue per month in the current company's currency."""

    _inherit = "res.partner.client.report"

    contract_count = fields.Integer(
        string="Active Contracts",
        readonly=True,
        help="Customer contracts of the client and its contacts running today, on the client's row.",
    )
    recurring_revenue = fields.Monetary(
        string="Recurring Revenue per Month",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
        help="The monthly value of the lines of the client's contracts running today (OCA's monthly "
        "recurring amount), converted into the currency of your current company at today's rate.",
    )

    def _select(self):
        return SQL(
            """%s, CASE WHEN event.kind = 'client' THEN COALESCE(contracts.count, 0) END AS contract_count,
            CASE WHEN event.kind = 'client' THEN COALESCE(contracts.revenue, 0.0) END AS recurring_revenue""",
            super()._select(),
        )

    def _from(self):
        return SQL(
            "%s LEFT JOIN (%s) contracts ON contracts.client_id = client.id",
            super()._from(),
            self._running_contracts_per_client(),
        )

    def _running_contracts_per_client(self):
        """{client: running contracts, their monthly revenue}: each running line's monthly amount from
        its currency into its company's at today's rate, then into the current company's currency with
        Odoo's currency table (as the revenue)."""
        currency_table = self.env["res.currency"]._get_simple_currency_table(self.env.companies)
        return SQL(
            """SELECT c.commercial_partner_id AS client_id, COUNT(DISTINCT c.id) AS count,
                      SUM(line.monthly_recurring * COALESCE(company_rate.rate, 1)
                          / COALESCE(line_rate.rate, 1) * account_currency_table.rate) AS revenue
                 FROM contract_line line
                 JOIN contract_contract c ON c.id = line.contract_id
                 JOIN res_company company ON company.id = c.company_id
                 JOIN %(currency_table)s ON account_currency_table.company_id = c.company_id
            LEFT JOIN LATERAL (%(line_rate)s) line_rate ON line.currency_id != company.currency_id
            LEFT JOIN LATERAL (%(company_rate)s) company_rate ON line.currency_id != company.currency_id
                WHERE c.active AND c.contract_type = 'sale' AND line.active
                  AND NOT COALESCE(line.is_canceled, FALSE) AND line.display_type IS NULL
                  AND line.date_start <= CURRENT_DATE
                  AND (line.date_end IS NULL OR line.date_end >= CURRENT_DATE)
             GROUP BY c.commercial_partner_id""",
            currency_table=currency_table,
            line_rate=self._latest_rate(SQL("line.currency_id")),
            company_rate=self._latest_rate(SQL("company.currency_id")),
        )

    def _latest_rate(self, currency):
        # Odoo's rate of a currency for a company: its own latest, else the shared one (no company).
        return SQL(
            """SELECT rate.rate FROM res_currency_rate rate
                WHERE rate.currency_id = %s AND (rate.company_id = c.company_id OR rate.company_id IS NULL)
                  AND rate.name <= CURRENT_DATE
             ORDER BY rate.company_id NULLS LAST, rate.name DESC LIMIT 1""",
            currency,
        )
