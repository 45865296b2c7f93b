from odoo import Command
from odoo.tests import tagged

from .common import SecurityCase

CREDENTIAL = "res.partner.credential"
RATING = "rating.rating"


@tagged("post_install", "-at_install", "security")
class TestSecurityCompany(SecurityCase):
    """Issue #24 item 5: a credential or a rating is not moved to a client of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls._create_test_company("Client Hub Company B")
        cls.env.user.company_ids = [Command.link(cls.company_b.id)]
        cls.client_b = cls._create_client("Company B Client", company_id=cls.company_b.id)
        cls.client.company_id = cls.env.company
        cls.rating = cls.env[RATING].create(
            {"client_id": cls.client.id, "rating": 3, "recorded_by_id": cls.users["credentials"].id}
        )

    def test_credential_stays_in_its_company(self):
        before = self.snapshot(self.allowed)
        for role in ("credentials", "manager"):
            with self.subTest(role=role):
                self.assertRefused(
                    role, CREDENTIAL, "write", [self.allowed.ids, {"partner_id": self.client_b.id}]
                )
                self.assertRefused(
                    role, CREDENTIAL, "write", [self.allowed.ids, {"company_id": self.company_b.id}]
                )
        self.assertRefused2(
            "manager", CREDENTIAL, "write", ids=self.allowed.ids, vals={"partner_id": self.client_b.id}
        )
        self.assertEqual(self.snapshot(self.allowed), before)

    def test_rating_stays_in_its_company(self):
        before = self.snapshot(self.rating)
        for role in ("credentials", "manager"):  # its author and a manager may change it otherwise
            with self.subTest(role=role):
                self.assertRefused(role, RATING, "write", [self.rating.ids, {"client_id": self.client_b.id}])
                self.assertRefused(
                    role, RATING, "write", [self.rating.ids, {"company_id": self.company_b.id}]
                )
        self.assertRefused2(
            "manager", RATING, "write", ids=self.rating.ids, vals={"res_id": self.client_b.id}
        )
        self.assertRefused("manager", RATING, "write", [self.rating.ids, {"client_id": self.other_client.id}])
        self.assertEqual(self.snapshot(self.rating), before, "a rating stays with its client")

    def test_a_client_moved_to_another_company_takes_them_along(self):
        movable = self._create_client("Movable Client")
        movable.company_id = self.env.company
        credential = self.env[CREDENTIAL].create({"partner_id": movable.id, "name": "Movable", "secret": "m"})
        rating = self.env[RATING].create({"client_id": movable.id, "rating": 4})
        _result, error = self.call_kw(
            "manager", "res.partner", "write", [movable.ids, {"company_id": self.company_b.id}]
        )
        self.assertFalse(error, error)
        self.env.invalidate_all()
        self.assertEqual((credential.company_id, rating.company_id), (self.company_b, self.company_b))
        self.assertEqual(self.log_rows(credential, "update").mapped("note"), ["company_id"])
