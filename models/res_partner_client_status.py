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
