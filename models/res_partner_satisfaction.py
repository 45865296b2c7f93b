from odoo import api, fields, models
from odoo.exceptions import UserError

from .nullable_fields import NullableFloat, NullableInteger
from .rating_rating import USER_GROUP


class ResPartner(models.Model):
    """The client's satisfaction: its ratings in Odoo's store, the latest score and the average."""

    _inherit = "res.partner"

    # The client's ratings in Odoo's store (rated record: the client); task ratings are not among them.
    # Read by Client Hub users only (the client's people read their answers as ratings, by the portal
    # rule): a search on the one2many, which Odoo runs without the ratings' access rules, would tell
    # anyone else which clients have ratings.
    satisfaction_ids = fields.One2many(
        "rating.rating",
        "client_id",
        string="Satisfaction History",
        domain=[("res_model", "=", "res.partner"), ("consumed", "=", True)],
        groups=USER_GROUP,
    )
    # NULL, not 0, for a client without ratings: averages by group count rated clients only.
    # The statistics are read by those who may read the ratings they are made of.
    satisfaction_score = NullableInteger(
        string="Satisfaction",
        groups=USER_GROUP,
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="The latest satisfaction score, from 1 to 5 (empty: none yet).",
    )
    satisfaction_average = NullableFloat(
        string="Average Satisfaction",
        groups=USER_GROUP,
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        digits=(3, 2),
    )
    satisfaction_count = fields.Integer(
        string="Satisfaction Ratings", compute="_compute_satisfaction", store=True, groups=USER_GROUP
    )

    @api.depends("satisfaction_ids.rating", "satisfaction_ids.rating_date", "satisfaction_ids.consumed")
    def _compute_satisfaction(self):
        for partner in self:
            ratings = partner.satisfaction_ids
            latest = ratings.sorted(lambda rating: (rating.rating_date, rating._origin.id or 0))[-1:]
            partner.satisfaction_score = int(latest.rating) or False
            partner.satisfaction_count = len(ratings)
            partner.satisfaction_average = sum(ratings.mapped("rating")) / len(ratings) if ratings else False

    def message_post(self, **kwargs):
        # Odoo's chatter turns a message with a rating into a rating of the record (in sudo, the
        # poster as who answered): a client's rating is recorded under Satisfaction, by its paths.
        if kwargs.get("rating_value"):
            raise UserError(self.env._("Record a client's rating under Satisfaction, not in a message."))
        return super().message_post(**kwargs)

    def action_open_satisfaction(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_satisfaction_action")
        action["domain"] = [("res_model", "=", "res.partner"), ("client_id", "=", self.id)]
        action["context"] = {"default_client_id": self.id, "search_default_group_partner": 0}
        return action
