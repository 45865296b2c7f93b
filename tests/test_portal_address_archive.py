from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestPortalAddressArchive(SecurityCase):
    """An address of a type kept by staff is not archived or deleted by the client's people, on any
    path: Odoo's /my/address/archive, or any other code acting for the portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.restricted = cls.env["res.partner.address.type"].create(
            {"name": "Registered office", "code": "ch_test_kept_by_staff", "core_type": "invoice"}
        )
        cls.kept, cls.editable = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "parent_id": cls.client.id,
                    "address_type_id": address_type.id,
                    "street": "1 Main St",
                }
                for name, address_type in (
                    ("Registered office address", cls.restricted),
                    ("Billing address", cls.env.ref("client_hub.address_type_invoice")),
                )
            ]
        )

    def _archive(self, address):
        self.login("portal")
        return self.url_open(
            "/my/address/archive",
            json={"jsonrpc": "2.0", "method": "call", "params": {"partner_id": address.id}},
        ).json()

    def test_archive_route_refuses_an_address_kept_by_staff(self):
        answer = self._archive(self.kept)
        self.assertIn("error", answer)
        self.assertNotEqual(answer["error"]["data"].get("name"), "builtins.Exception")
        self.assertTrue(self.kept.active)
        # An address of a type the client edits is archived as before.
        self.assertNotIn("error", self._archive(self.editable))
        self.assertFalse(self.editable.active)

    def test_the_model_refuses_it_whatever_the_path(self):
        as_portal = self.kept.with_user(self.users["portal"]).sudo()
        with self.assertRaisesRegex(UserError, "kept by us"):
            as_portal.action_archive()
        with self.assertRaisesRegex(UserError, "kept by us"):
            as_portal.write({"active": False})
        with self.assertRaisesRegex(UserError, "kept by us"):
            as_portal.unlink()
        self.assertTrue(self.kept.exists().active)
        # Staff still archive it.
        self.kept.with_user(self.users["user"]).action_archive()
        self.assertFalse(self.kept.active)
