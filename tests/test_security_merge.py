from odoo.tests import tagged

from .common import SecurityCase

WIZARD = "base.partner.merge.automatic.wizard"


@tagged("post_install", "-at_install", "security")
class TestSecurityMerge(SecurityCase):
    """Issue #24 item 4: Odoo's contact merge and the client's credentials and ratings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for role, groups in (
            ("merger", "client_hub.group_client_hub_credentials,base.group_partner_manager"),
            ("manager_merger", "client_hub.group_client_hub_manager,base.group_partner_manager"),
        ):
            cls.users[role] = cls._create_security_user(role, groups)
        cls.target = cls._create_client("Merge Target")
        cls.rating = cls.env["rating.rating"].create({"client_id": cls.client.id, "rating": 2})

    def _merge(self, role, partners, destination):
        wizard, error = self.call_kw(
            role,
            WIZARD,
            "create",
            [{"partner_ids": [(6, 0, partners.ids)], "dst_partner_id": destination.id, "state": "selection"}],
        )
        self.assertFalse(error, error)
        return self.call_kw(role, WIZARD, "action_merge", [[wizard]])

    def test_only_managers_merge_a_client_holding_credentials(self):
        before = self.snapshot(self.allowed + self.forbidden)
        _result, error = self._merge("merger", self.client + self.target, self.target)
        self.assertEqual(error.get("name"), "odoo.exceptions.AccessError", error)
        self.assertTrue(self.client.exists())
        self.assertEqual(self.snapshot(self.allowed + self.forbidden), before)
        self.assertFalse(self.log_rows(self.allowed, "merge"))

    def test_only_managers_merge_a_contact_with_the_vault_right(self):
        person = self.users["portal"].partner_id
        stranger = self.env["res.partner"].create({"name": "Stranger", "email": person.email})
        _result, error = self._merge("merger", person + stranger, stranger)
        self.assertEqual(error.get("name"), "odoo.exceptions.AccessError", error)
        self.assertEqual(self.users["portal"].partner_id, person)

    def test_plain_contacts_still_merge(self):
        first, second = self.env["res.partner"].create([{"name": "Twin", "email": "twin@example.com"}] * 2)
        _result, error = self._merge("merger", first + second, second)
        self.assertFalse(error, error)
        self.assertFalse(first.exists())

    def test_manager_merge_is_logged_and_recomputed(self):
        self.assertEqual(self.target.satisfaction_count, 0)
        _result, error = self._merge("manager_merger", self.client + self.target, self.target)
        self.assertFalse(error, error)
        self.assertFalse(self.client.exists())
        self.env.invalidate_all()
        self.assertEqual((self.allowed + self.forbidden).partner_id, self.target)
        for credential in self.allowed + self.forbidden:
            row = self.log_rows(credential, "merge")
            self.assertEqual(len(row), 1)
            self.assertEqual(row.user_id, self.users["manager_merger"])
            self.assertIn("Attacked Client", row.note)
        self.assertEqual((self.rating.client_id, self.rating.res_id), (self.target, self.target.id))
        self.assertEqual(
            (
                self.target.satisfaction_count,
                self.target.satisfaction_score,
                self.target.satisfaction_average,
            ),
            (1, 2, 2.0),
        )
