"""A client's rating without a date is bad input the API may send: a clear refusal (or a rating that
still computes the client's figures), never a server error."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestRatingWithoutDate(SecurityCase):
    def test_a_rating_sent_without_a_date_is_no_server_error(self):
        """A Client Hub user creates, over JSON-RPC, a rating of a client that already has a dated
        one, sending rating_date False: the client's latest score is computed by sorting its ratings
        by date, and a missing date next to a real one is a TypeError (a server error) today."""
        self.env["rating.rating"].create({"client_id": self.client.id, "rating": 4, "channel": "phone"})
        result, error = self.call_kw(
            "user",
            "rating.rating",
            "create",
            [{"client_id": self.client.id, "rating": 2, "channel": "phone", "rating_date": False}],
        )
        if error:
            self.assertIn(
                error["name"],
                ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError"),
                error.get("debug", "")[-1500:],
            )
        else:
            self.assertTrue(result)
