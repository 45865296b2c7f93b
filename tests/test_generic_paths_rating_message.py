"""Odoo's chatter records a rating with a message (message_post(rating_value=…)), creating it in
sudo: on a client, that is a client rating, which only Client Hub users record."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestChatterRatingIsNoClientRating(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo's demo user: an internal user with Contact Creation, no Client Hub group.
        cls.users["contacts"] = cls._create_security_user(
            "contacts", "base.group_user,base.group_partner_manager"
        )

    def _client_ratings(self):
        self.env.invalidate_all()
        return self.env["rating.rating"].search([("client_id", "=", self.client.id)])

    def test_an_internal_user_without_client_hub_records_no_client_rating(self):
        """As Odoo's demo user (Contact Creation, no Client Hub group): make one's own contact a person
        of the client (res.partner.write, parent_id), then res.partner.message_post on the client with
        rating_value=1. Odoo's rating mixin creates the rating in sudo, so the module's "Only Client Hub
        users record client ratings" is skipped: the client's latest score becomes 1."""
        before = self._client_ratings()
        partner = self.users["contacts"].partner_id
        self.call_kw("contacts", "res.partner", "write", [partner.ids, {"parent_id": self.client.id}])
        self.call_kw(
            "contacts", "res.partner", "message_post", [self.client.ids], {"body": "awful", "rating_value": 1}
        )
        new = self._client_ratings() - before
        self.assertFalse(
            new.read(["rating", "channel", "partner_id", "recorded_by_id"]),
            "a user without Client Hub recorded a client rating through the chatter",
        )
        self.assertFalse(self.client.satisfaction_score)
