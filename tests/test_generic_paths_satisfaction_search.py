"""A search on a one2many Odoo runs in part without the comodel's access rules: `x2many != False`
and `x2many in [ids]` look the rows up in sudo. The client's satisfaction ratings (res.partner's
satisfaction_ids) are read by Client Hub users only, and by the client's own people for their own
answers: a search on the one2many must not tell a role which clients have ratings it cannot read (the
statistics made of them, satisfaction_count among them, are Client Hub users' only)."""

from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestSatisfactionSearchOracle(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The team's rating of the first client (channel internal): no role below may read it.
        cls.rating = cls.env["rating.rating"].create(
            {"client_id": cls.client.id, "rating": 1, "feedback": "unhappy", "channel": "internal"}
        )

    def _found(self, role, domain):
        result, error = self.call_kw(role, "res.partner", "search", [domain])
        if error:
            self.assertIn(
                error["name"],
                ("odoo.exceptions.AccessError", "odoo.exceptions.UserError"),
                error.get("debug"),
            )
            return []
        return result

    def test_an_internal_user_does_not_find_which_clients_have_ratings(self):
        """Odoo's plain internal user (no Client Hub group) reads no client rating; searching the
        clients by satisfaction_ids != False, or by a rating's id, must not tell the rated client
        from the one without ratings."""
        # The role may not read the rating itself.
        ratings, _error = self.call_kw("internal", "rating.rating", "search", [[("id", "=", self.rating.id)]])
        self.assertFalse(ratings)
        both = [("id", "in", [self.client.id, self.other_client.id])]
        for condition in (("satisfaction_ids", "!=", False), ("satisfaction_ids", "in", self.rating.ids)):
            with self.subTest(condition=condition):
                found = self._found("internal", [*both, condition])
                self.assertFalse(
                    self.client.id in found and self.other_client.id not in found,
                    f"{condition} tells an internal user which client has ratings it may not read",
                )
        # The same through a related path from another model: the client's people's logins.
        login = self.users["portal"]
        for condition in (
            ("partner_id.commercial_partner_id.satisfaction_ids", "!=", False),
            ("partner_id.commercial_partner_id.satisfaction_ids", "in", self.rating.ids),
        ):
            with self.subTest(condition=condition):
                result, _error = self.call_kw(
                    "internal", "res.users", "search", [[("id", "=", login.id), condition]]
                )
                self.assertNotIn(
                    login.id,
                    result or [],
                    f"res.users {condition} tells an internal user which client has ratings",
                )

    def test_a_portal_user_does_not_find_the_teams_ratings_of_its_client(self):
        """The client's portal user reads its people's own answers, not the team's ratings; a
        search of its client by satisfaction_ids must not reveal the team rated it."""
        ratings, _error = self.call_kw("portal", "rating.rating", "search", [[]])
        self.assertFalse(ratings)
        for condition in (("satisfaction_ids", "!=", False), ("satisfaction_ids", "in", self.rating.ids)):
            with self.subTest(condition=condition):
                found = self._found("portal", [("id", "=", self.client.id), condition])
                self.assertNotIn(
                    self.client.id,
                    found,
                    f"{condition} tells the client's portal user the team rated its client",
                )
