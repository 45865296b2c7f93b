import operator as py_operator

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# Who sees a client's money: Odoo's own rule for the partner's receivable (`credit`, `total_invoiced`):
# Billing users and the read-only auditors; the other users of the module do not.
FINANCE_GROUPS = "account.group_account_invoice,account.group_account_readonly"
LAST_PAYMENTS = 5
# The figures searchable with these comparisons (Odoo turns "=" and "!=" into "in" and "not in").
SEARCH_OPERATORS = {
    "<": py_operator.lt,
    "<=": py_operator.le,
    ">": py_operator.gt,
    ">=": py_operator.ge,
}
FINANCE_AMOUNTS = {"client_amount_due": "due", "client_amount_overdue": "overdue"}
# A client's payments, latest first (its last payments are the first LAST_PAYMENTS).
PAYMENT_RANK = "ROW_NUMBER() OVER (PARTITION BY p.commercial_partner_id ORDER BY pay.date DESC, pay.id DESC)"


class ResPartner(models.Model):
    """The client's money: what it owes (of which overdue) and its last payments, in the currency of
    the company the user works in and those of its branches the user may read (the lines its links
    list), on the lines of the client and of all its contacts."""

    _inherit = "res.partner"

    client_finance_currency_id = fields.Many2one(
        "res.currency", string="Finance Currency", compute="_compute_client_finance_currency_id"
    )
    client_amount_due = fields.Monetary(
        string="Amount Due",
        compute="_compute_client_finance",
        search="_search_client_amount_due",
        currency_field="client_finance_currency_id",
        groups=FINANCE_GROUPS,
        help="Open receivable of the client and its contacts (invoices less payments and credit notes), "
        "in the current company's currency.",
    )
    client_amount_overdue = fields.Monetary(
        string="Overdue",
        compute="_compute_client_finance",
        search="_search_client_amount_overdue",
        currency_field="client_finance_currency_id",
        groups=FINANCE_GROUPS,
        help="The open invoices (and debits) whose due date has passed; unapplied credit notes and "
        "payments reduce it only when they exceed what is not yet due: never more than the amount due, "
        "never below zero.",
    )
    client_last_payment_date = fields.Date(
        string="Last Payment",
        compute="_compute_client_finance",
        groups=FINANCE_GROUPS,
        help="The latest money received from the client: a customer payment, or a bank or cash entry "
        "crediting its receivable (a matched bank statement line).",
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
        figures = self._client_hub_finance_figures(self._origin.commercial_partner_id, payment_ids=False)
        # The values go straight into the cache, rounded as assigning them would: on the Clients list
        # (80 rows) assigning them one by one cost as much as the query (each Monetary assignment
        # looks the currency up again, for every record). Computed fields, never stored: nothing to
        # write, nothing else to trigger.
        currency = self.env.company.currency_id
        amounts = [self._fields[name] for name in ("client_amount_due", "client_amount_overdue")]
        last_payment = self._fields["client_last_payment_date"]
        for partner in self:
            values = figures.get(partner._origin.commercial_partner_id.id, {})
            for field in amounts:
                field._update_cache(partner, currency.round(values.get(FINANCE_AMOUNTS[field.name], 0.0)))
            last_payment._update_cache(partner, values.get("last_payment", False))

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

    def _search_client_amount_due(self, operator, value):
        return self._client_hub_search_amount("client_amount_due", operator, value)

    def _search_client_amount_overdue(self, operator, value):
        return self._client_hub_search_amount("client_amount_overdue", operator, value)

    def _client_hub_search_amount(self, field_name, operator, value):
        """The clients (and their contacts) whose figure compares so with the value, from the figures
        of all clients at once (one query); a client without open line has 0."""
        if operator in ("in", "not in"):
            values = {float(amount or 0.0) for amount in value}

            def matches(amount):
                return (amount in values) == (operator == "in")

        elif operator in SEARCH_OPERATORS and isinstance(value, (int, float)) and not isinstance(value, bool):

            def matches(amount):
                return SEARCH_OPERATORS[operator](amount, value)

        else:
            raise UserError(
                self.env._(
                    "%(field)s can only be compared with an amount (=, !=, <, <=, >, >=).",
                    field=self._fields[field_name]._description_string(self.env),
                )
            )
        key = FINANCE_AMOUNTS[field_name]
        amounts = {
            client_id: values[key] for client_id, values in self._client_hub_receivable_figures().items()
        }
        if matches(0.0):
            # Clients without open line match too: exclude those that do not.
            excluded = [client_id for client_id, amount in amounts.items() if not matches(amount)]
            return [("commercial_partner_id", "not in", excluded)]
        included = [client_id for client_id, amount in amounts.items() if matches(amount)]
        return [("commercial_partner_id", "in", included)]

    def _order_to_sql(self, order, query, alias=None, reverse=False):
        # Computed on the fly over the receivable, the figures have no column to sort on: a clear
        # refusal rather than Odoo's "not stored" error (the list does not offer to sort on them).
        for term in (order or "").split(","):
            field_name = term.strip().split(" ")[0]
            if field_name in (*FINANCE_AMOUNTS, "client_last_payment_date"):
                raise UserError(
                    self.env._(
                        "Clients cannot be sorted by %(field)s: filter on it instead.",
                        field=self._fields[field_name]._description_string(self.env),
                    )
                )
        return super()._order_to_sql(order, query, alias=alias, reverse=reverse)

    def _client_hub_finance_flush(self):
        for model, names in (
            ("account.move.line", ["account_id", "amount_residual", "company_id", "date", "date_maturity"]),
            ("account.move.line", ["balance", "journal_id", "parent_state", "partner_id", "payment_id"]),
            ("account.move.line", ["reconciled"]),
            ("account.account", ["account_type"]),
            ("account.journal", ["type"]),
            ("account.payment", ["company_id", "date", "partner_id", "partner_type", "payment_type"]),
            ("account.payment", ["state"]),
            ("res.partner", ["commercial_partner_id"]),
        ):
            self.env[model].flush_model(names)

    def _client_hub_finance_companies(self, all_branches=False):
        """The companies of the figures, as SQL: the current company's and its branches' (its root's
        tree), of those the user may read (as the links' lines), or all of them for the portal."""
        root_path = self.env.company.root_id.parent_path
        if all_branches:
            return SQL("(SELECT id FROM res_company WHERE parent_path LIKE %s)", f"{root_path}%")
        return SQL(
            "(SELECT id FROM res_company WHERE parent_path LIKE %s AND id IN %s)",
            f"{root_path}%",
            tuple(self.env.companies.ids),
        )

    def _client_hub_lines_sql(self, companies, clients=None):
        """The open receivable of each client (due, overdue), as an SQL query; of all clients when none
        is given. Overdue: the debit items past due, capped by the amount due and never below 0 (an
        unapplied credit lowers it only once it exceeds what is not yet due)."""
        return SQL(
            """
            SELECT client_id, due, GREATEST(LEAST(COALESCE(overdue, 0), due), 0) AS overdue
              FROM (
                SELECT p.commercial_partner_id AS client_id,
                       SUM(l.amount_residual) AS due,
                       SUM(l.amount_residual) FILTER (
                           WHERE COALESCE(l.date_maturity, l.date) < %(today)s AND l.amount_residual > 0
                       ) AS overdue
                  FROM account_move_line l
                  JOIN account_account a ON a.id = l.account_id
                  JOIN res_partner p ON p.id = l.partner_id
                 WHERE a.account_type = 'asset_receivable'
                   AND l.parent_state = 'posted'
                   AND l.reconciled IS NOT TRUE
                   AND l.company_id IN %(companies)s
                   %(clients)s
              GROUP BY p.commercial_partner_id
              ) AS figures
            """,
            today=fields.Date.context_today(self),
            companies=companies,
            clients=SQL("AND %s", self._client_hub_lines_of(clients)) if clients else SQL(),
        )

    def _client_hub_lines_of(self, clients):
        """The condition on the journal items `l` of these clients' partners, through the items' own
        index on their partner: a condition on the joined partner's `commercial_partner_id`, which
        the planner takes for one row, made it scan every receivable item of the company (21 ms of an
        80-row list page at 10,000 clients)."""
        return SQL(
            "l.partner_id = ANY(ARRAY(SELECT id FROM res_partner WHERE commercial_partner_id IN %s))",
            tuple(clients.ids),
        )

    def _client_hub_receivable_figures(self):
        """{client id: {due, overdue}} of all the clients with open receivable lines, in one query."""
        self._client_hub_finance_flush()
        rows = self.env.execute_query(self._client_hub_lines_sql(self._client_hub_finance_companies()))
        return {client_id: {"due": due, "overdue": overdue} for client_id, due, overdue in rows}

    def _client_hub_finance_figures(self, clients, all_branches=False, payment_ids=True):
        """{client id: {due, overdue, last_payment, payment_ids}} of the given commercial partners, in
        one query whatever their number. Amounts in the current company's currency (Odoo's residual in
        company currency), over the posted receivable lines of the companies of the figures.
        The last payment: the latest customer payment received, or bank/cash entry crediting the
        client's receivable (a bank statement matched without payment record). Without
        `payment_ids` (the list's columns), no payment is ranked and `payment_ids` is empty."""
        if not clients:
            return {}
        self._client_hub_finance_flush()
        companies = self._client_hub_finance_companies(all_branches)
        rows = self.env.execute_query(
            SQL(
                """
                WITH lines AS (%(lines)s), received AS (
                    SELECT p.commercial_partner_id AS client_id, MAX(l.date) AS date
                      FROM account_move_line l
                      JOIN account_account a ON a.id = l.account_id
                      JOIN account_journal j ON j.id = l.journal_id
                      JOIN res_partner p ON p.id = l.partner_id
                     WHERE a.account_type = 'asset_receivable'
                       AND l.parent_state = 'posted'
                       AND l.balance < 0
                       AND (j.type IN ('bank', 'cash') OR l.payment_id IS NOT NULL)
                       AND l.company_id IN %(companies)s
                       AND %(lines_of_clients)s
                  GROUP BY p.commercial_partner_id
                ), ranked AS (
                    SELECT pay.id, pay.date, p.commercial_partner_id AS client_id, %(rank)s AS rank
                      FROM account_payment pay
                      JOIN res_partner p ON p.id = pay.partner_id
                     WHERE pay.payment_type = 'inbound'
                       AND pay.partner_type = 'customer'
                       AND pay.state IN ('in_process', 'paid')
                       AND pay.company_id IN %(companies)s
                       AND p.commercial_partner_id IN %(clients)s
                ), payments AS (
                    SELECT client_id, %(payment_ids)s AS payment_ids, MAX(date) AS last_payment
                      FROM ranked
                     WHERE rank <= %(last)s
                  GROUP BY client_id
                )
                SELECT COALESCE(lines.client_id, payments.client_id, received.client_id), lines.due,
                       lines.overdue, payments.payment_ids,
                       GREATEST(payments.last_payment, received.date)
                  FROM lines
                  FULL JOIN payments ON payments.client_id = lines.client_id
                  FULL JOIN received ON received.client_id = COALESCE(lines.client_id, payments.client_id)
                """,
                lines=self._client_hub_lines_sql(companies, clients),
                lines_of_clients=self._client_hub_lines_of(clients),
                companies=companies,
                clients=tuple(clients.ids),
                last=LAST_PAYMENTS,
                rank=SQL(PAYMENT_RANK if payment_ids else "1"),
                payment_ids=SQL("ARRAY_AGG(id ORDER BY rank)" if payment_ids else "NULL::integer[]"),
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
            *self._client_hub_company_domain(),
        ]

    def _client_hub_company_domain(self):
        # The companies of the figures: the current company's tree, of those the user may read.
        return [
            ("company_id", "child_of", self.env.company.root_id.id),
            ("company_id", "in", self.env.companies.ids),
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
        # As the figure: the debit items past due (a line without a due date is due on its date).
        action["domain"] += [
            ("amount_residual", ">", 0),
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
            # As the Last Payments: money received, in the companies of the figures.
            ("state", "in", ("in_process", "paid")),
            *self._client_hub_company_domain(),
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
        figures = self._client_hub_finance_figures(client, all_branches=True).get(client.id, {})
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
