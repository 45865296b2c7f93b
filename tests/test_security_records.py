from odoo.tests import tagged

from .common import SecurityCase

RATING = "rating.rating"


@tagged("post_install", "-at_install", "security")
class TestSecurityClientUnlink(SecurityCase):
    """Attack 3 of issue #15: a client's credentials are not deleted by the database's cascade."""

    def test_client_hub_user_cannot_delete_a_client_with_credentials(self):
        before = self.snapshot(self.allowed + self.forbidden)
        message = self.assertRefused("user", "res.partner", "unlink", [self.client.ids])
        self.assertIn("only Client Hub managers may delete", message)
        self.assertRefused("credentials", "res.partner", "unlink", [self.client.ids])
        self.assertEqual(self.snapshot(self.allowed + self.forbidden), before)
        self.assertFalse(self.log_rows(self.allowed, "delete"))

    def test_manager_deletes_through_the_credentials_unlink(self):
        credential_ids = (self.allowed + self.forbidden).ids
        _result, error = self.call_kw("manager", "res.partner", "unlink", [self.client.ids])
        self.assertFalse(error)
        self.assertFalse(self.env["res.partner.credential"].browse(credential_ids).exists())
        deleted = self.env["res.partner.credential.log"].search(
            [("action", "=", "delete"), ("credential_name", "in", ["Allowed FTP", "Forbidden panel"])]
        )
        self.assertEqual(len(deleted), 2)
        self.assertEqual(deleted.user_id, self.users["manager"])


@tagged("post_install", "-at_install", "security")
class TestSecurityRatings(SecurityCase):
    """Attack 10: portal ratings cannot be changed; staff ratings by their author and managers only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_rating = cls.env[RATING].create(
            {
                "client_id": cls.client.id,
                "rating": 2,
                "channel": "portal",
                "partner_id": cls.users["portal"].partner_id.id,
            }
        )
        cls.staff_rating = cls.env[RATING].create(
            {
                "client_id": cls.client.id,
                "rating": 3,
                "channel": "phone",
                "recorded_by_id": cls.users["credentials"].id,
            }
        )

    def test_portal_rating_cannot_be_rewritten(self):
        before = self.snapshot(self.portal_rating)
        for role in ("portal", "internal", "user", "credentials", "manager"):
            with self.subTest(role=role):
                self.assertRefused(
                    role,
                    RATING,
                    "write",
                    [self.portal_rating.ids, {"rating": 5, "channel": "phone", "rating_date": "2001-01-01"}],
                )
        self.assertEqual(self.snapshot(self.portal_rating), before)

    def test_staff_rating_changed_by_its_author_and_managers_only(self):
        before = self.snapshot(self.staff_rating)
        for role in ("public", "portal", "portal_other", "internal", "user"):
            with self.subTest(role=role):
                self.assertRefused(role, RATING, "write", [self.staff_rating.ids, {"rating": 5}])
        self.assertEqual(self.snapshot(self.staff_rating), before)
        for role, score in (("credentials", 4), ("manager", 5)):
            _result, error = self.call_kw(role, RATING, "write", [self.staff_rating.ids, {"rating": score}])
            self.assertFalse(error)
            self.assertEqual(self.staff_rating.rating, score)

    def test_nobody_forges_a_portal_rating_or_another_author(self):
        for role in ("user", "credentials", "manager"):
            with self.subTest(role=role):
                self.assertRefused(
                    role, RATING, "create", [{"client_id": self.client.id, "rating": 5, "channel": "portal"}]
                )
                self.assertRefused(role, RATING, "write", [self.staff_rating.ids, {"channel": "portal"}])
        self.assertRefused(
            "user",
            RATING,
            "create",
            [{"client_id": self.client.id, "rating": 5, "recorded_by_id": self.users["manager"].id}],
        )
        self.assertEqual(self.env[RATING].search_count([("client_id", "=", self.client.id)]), 2)

    def test_mass_assignment_of_every_field(self):
        values = self.mass_assignment_values(RATING)
        ratings = self.portal_rating + self.staff_rating
        before = self.snapshot(ratings)
        for role in ("public", "portal", "portal_other", "internal", "user", "credentials", "manager"):
            for field, value in values.items():
                with self.subTest(role=role, field=field):
                    self.assertRefused(role, RATING, "write", [self.portal_rating.ids, {field: value}])
                    if role not in ("credentials", "manager"):  # the author and managers may
                        self.assertRefused(role, RATING, "write", [self.staff_rating.ids, {field: value}])
        self.assertEqual(self.snapshot(ratings), before)
