from odoo import fields, models


class ResPartnerClientStatus(models.Model):
    _name = "res.partner.client.status"
    _description = "Client Status"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded in Kanban", help="Folded in the Clients kanban by default.")
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text(translate=True)
    survey_interval_months = fields.Integer(
        string="Survey Every (Months)",
        default=0,
        help="How often the clients of this status are asked for their satisfaction by e-mail "
        "(0: never). Also the period in which a contact's new answer replaces its previous one.",
    )

    _survey_interval_positive = models.Constraint(
        "CHECK(survey_interval_months >= 0)",
        "A survey interval counts months: 0 (never) or more.",
    )
