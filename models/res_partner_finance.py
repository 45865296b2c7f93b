from odoo import api, fields, models
from odoo.tools import SQL

# Who sees a client's money: Odoo's own rule for the partner's receivable (`credit`, `total_invoiced`):
# Billing users and the read-only auditors; the other users of the module do not.
FINANCE_GROUPS = "account.group_account_invoice,account.group_account_readonly"
LAST_PAYMENTS = 5


class ResPartner(models.Model):
    """The client's money: what it owes (of which overdue) and its last payments, in the currency of
    the company the user works in (and its branches, as Odoo's `credit`), on the lines of the client
    and of all its contacts."""

    _inherit = "res.partner"

    client_finance_currency_id = fields.Many2one(
        "res.currency", string="Finance Currency", compute="_compute_client_finance_currency_id"
    )
    client_amount_due = fields.Monetary(
        string="Amount Due",
        compute="_compute_client_finance",
        currency_field="client_finance_currency_id",
        groups=FINANCE_GROUPS,
        help="Open receivable of the client and its contacts (invoices less payments and credit notes), "
        "in the current company's currency.",
    )
    client_amount_overdue = fields.Monetary(
        string="Overdue",
        compute="_compute_client_finance",
        currency_field="client_finance_currency_id",
        groups=FINANCE_GROUPS,
        help="The part of the amount due whose due date has passed.",
    )
    client_last_payment_date = fields.Date(
        string="Last Payment", compute="_compute_client_finance", groups=FINANCE_GROUPS
    )
    # Apart from the amounts: the Clients list does not read them (assigning records costs time).
    client_payment_ids = fields.Many2many(
        "account.payment",
        string="Last Payments",
        compute="_compute_client_payment_ids",
        groups=FINANCE_GROUPS,
        help="The client's latest customer payments received.",
    )

    @api.depends_context("company")
    def _compute_client_finance_currency_id(self):
        self.client_finance_currency_id = self.env.company.currency_id

    @api.depends_context("company")
    def _compute_client_finance(self):
        figures = self._client_hub_finance_figures(self._origin.commercial_partner_id)
        for partner in self:
            values = figures.get(partner._origin.commercial_partner_id.id, {})
            partner.client_amount_due = values.get("due", 0.0)
            partner.client_amount_overdue = values.get("overdue", 0.0)
            partner.client_last_payment_date = values.get("last_payment", False)

    @api.depends_context("company")
    def _compute_client_payment_ids(self):
        figures = self._client_hub_finance_figures(self._origin.commercial_partner_id)
        # Assigning payments checks the user may read them, one client at a time: checked here for
        # all of them at once, the checks below find what they read in the cache.
        Payment = self.env["account.payment"]
        readable = set(
            Payment.browse(payment_id for values in figures.values() for payment_id in values["payment_ids"])
            ._filtered_access("read")
            .ids
        )
        for partner in self:
            values = figures.get(partner._origin.commercial_partner_id.id, {})
            partner.client_payment_ids = Payment.browse(
                payment_id for payment_id in values.get("payment_ids", []) if payment_id in readable
            )

    def _client_hub_finance_figures(self, clients):
        """{client id: {due, overdue, last_payment, payment_ids}} of the given commercial partners, in
        one query whatever their number. Amounts in the current company's currency (Odoo's residual in
        company currency), over the posted receivable lines of the company and its branches."""
        if not clients:
            return {}
        for model, names in (
            ("account.move.line", ["account_id", "amount_residual", "company_id", "date", "date_maturity"]),
            ("account.move.line", ["parent_state", "partner_id", "reconciled"]),
            ("account.account", ["account_type"]),
            ("account.payment", ["company_id", "date", "partner_id", "partner_type", "payment_type"]),
            ("account.payment", ["state"]),
            ("res.partner", ["commercial_partner_id"]),
        ):
            self.env[model].flush_model(names)
        today = fields.Date.context_today(self)
        root_path = self.env.company.root_id.parent_path
        companies = SQL("(SELECT id FROM res_company WHERE parent_path LIKE %s)", f"{root_path}%")
        rows = self.env.execute_query(
            SQL(
                """
                WITH lines AS (
                    SELECT p.commercial_partner_id AS client_id,
                           SUM(l.amount_residual) AS due,
                           SUM(l.amount_residual) FILTER (
                               WHERE COALESCE(l.date_maturity, l.date) < %(today)s
                           ) AS overdue
                      FROM account_move_line l
                      JOIN account_account a ON a.id = l.account_id
                      JOIN res_partner p ON p.id = l.partner_id
                     WHERE a.account_type = 'asset_receivable'
                       AND l.parent_state = 'posted'
                       AND l.reconciled IS NOT TRUE
                       AND l.company_id IN %(companies)s
                       AND p.commercial_partner_id IN %(clients)s
                  GROUP BY p.commercial_partner_id
                ), ranked AS (
                    SELECT pay.id, pay.date, p.commercial_partner_id AS client_id,
                           ROW_NUMBER() OVER (
                               PARTITION BY p.commercial_partner_id ORDER BY pay.date DESC, pay.id DESC
                           ) AS rank
                      FROM account_payment pay
                      JOIN res_partner p ON p.id = pay.partner_id
                     WHERE pay.payment_type = 'inbound'
                       AND pay.partner_type = 'customer'
                       AND pay.state IN ('in_process', 'paid')
                       AND pay.company_id IN %(companies)s
                       AND p.commercial_partner_id IN %(clients)s
                ), payments AS (
                    SELECT client_id, ARRAY_AGG(id ORDER BY rank) AS payment_ids, MAX(date) AS last_payment
                      FROM ranked
                     WHERE rank <= %(last)s
                  GROUP BY client_id
                )
                SELECT COALESCE(lines.client_id, payments.client_id), lines.due, lines.overdue,
                       payments.payment_ids, payments.last_payment
                  FROM lines
                  FULL JOIN payments ON payments.client_id = lines.client_id
                """,
                today=today,
                companies=companies,
                clients=tuple(clients.ids),
                last=LAST_PAYMENTS,
            )
        )
        return {
            client_id: {
                "due": due or 0.0,
                "overdue": overdue or 0.0,
                "payment_ids": payment_ids or [],
                "last_payment": last_payment or False,
            }
            for client_id, due, overdue, payment_ids, last_payment in rows
        }

    # ------------------------------------------------------------------ actions
    def _client_hub_receivable_domain(self):
        self.ensure_one()
        return [
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("account_id.account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
            ("reconciled", "=", False),
            ("company_id", "child_of", self.env.company.root_id.id),
        ]

    def action_open_client_receivables(self):
        """Odoo's Journal Items: the client's open receivable lines, those of the amount due."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_account_moves_all")
        action["display_name"] = self.env._("%(client)s: Amount Due", client=self.commercial_partner_id.name)
        action["domain"] = self._client_hub_receivable_domain()
        action["context"] = {"create": False}
        return action

    def action_open_client_overdue(self):
        """The receivable lines of the overdue amount."""
        action = self.action_open_client_receivables()
        action["display_name"] = self.env._("%(client)s: Overdue", client=self.commercial_partner_id.name)
        today = fields.Date.context_today(self)
        # As the figure: a line without a due date is due on its date.
        action["domain"] += [
            "|",
            ("date_maturity", "<", today),
            "&",
            ("date_maturity", "=", False),
            ("date", "<", today),
        ]
        return action

    def action_open_client_payments(self):
        """Odoo's Customer Payments of the client and its contacts."""
        self.ensure_one()
        client = self.commercial_partner_id
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_account_payments")
        action["display_name"] = self.env._("%(client)s: Payments", client=client.name)
        action["domain"] = [
            ("partner_id", "child_of", client.id),
            ("payment_type", "=", "inbound"),
            ("partner_type", "=", "customer"),
        ]
        action["context"] = {
            "default_partner_id": client.id,
            "default_payment_type": "inbound",
            "default_partner_type": "customer",
        }
        return action

    # ------------------------------------------------------------------ portal
    @api.model
    def _client_hub_portal_finance(self):
        """The figures of the portal user's own client (never another's: the client is the user's
        commercial partner), for its profile page; None for anyone else."""
        client = self._client_hub_portal_client()
        if not client:
            return None
        figures = self._client_hub_finance_figures(client).get(client.id, {})
        payments = self.env["account.payment"].sudo().browse(figures.get("payment_ids", []))
        return {
            "currency": self.env.company.currency_id,
            "due": figures.get("due", 0.0),
            "overdue": figures.get("overdue", 0.0),
            "payments": [
                {
                    "name": payment.name,
                    "date": payment.date,
                    "amount": payment.amount,
                    "currency": payment.currency_id,
                }
                for payment in payments
            ],
        }
