from odoo.tests import tagged

from .common import ClientHubCase, migration_script


@tagged("post_install", "-at_install")
class TestAddressesSavedAsClientsRepaired(ClientHubCase):
    """Updating to 19.0.1.6.0 makes the addresses the Clients menu's defaults saved as prospect
    companies the addresses they are, their wrongly drawn client number noted in their chatter."""

    def test_addresses_saved_as_clients_become_addresses(self):
        client = self._create_client("Repaired Client Ltd")
        delivery = self.env.ref("client_hub.address_type_delivery")
        # What the bug stored: a typed address that is a company with the status Prospect.
        broken = self.env["res.partner"].create(
            {
                "name": "Dock saved as a client",
                "parent_id": client.id,
                "address_type_id": delivery.id,
                "is_company": True,
                "client_status_id": self.status_prospect.id,
            }
        )
        number = broken.ref
        self.assertTrue(broken.is_client and number)
        subsidiary = self.env["res.partner"].create(
            {"name": "Subsidiary Ltd", "parent_id": client.id, "is_company": True, "ref": "SUB-1"}
        )

        migration_script("19.0.1.6.0", "post-addresses-not-clients").migrate(self.env.cr, "19.0.1.5.0")
        self.env.invalidate_all()

        self.assertFalse(broken.is_company)
        self.assertFalse(broken.is_client)
        self.assertFalse(broken.ref)
        self.assertEqual(broken.commercial_partner_id, client)
        self.assertEqual((broken.address_type_id, broken.type), (delivery, "delivery"))
        self.assertIn(number, broken.message_ids[:1].body)
        # A company under a client that is no typed address is left alone.
        self.assertTrue(subsidiary.is_company)
        self.assertEqual(subsidiary.ref, "SUB-1")
