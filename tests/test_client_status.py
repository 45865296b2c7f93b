from odoo import fields
from odoo.tools.safe_eval import safe_eval

from .common import ClientHubCase


class TestClientStatus(ClientHubCase):
    def test_partner_with_status_is_a_client(self):
        client = self._create_client()
        plain = self.env["res.partner"].create({"name": "Just a partner"})
        self.assertTrue(client.is_client)
        self.assertFalse(plain.is_client)
        plain.client_status_id = self.status_prospect
        self.assertTrue(plain.is_client)

    def test_becoming_a_client_sets_number_and_since(self):
        partner = self._create_company_partner("Soon a client")
        self.assertFalse(partner.ref)
        self.assertFalse(partner.client_since)
        partner.client_status_id = self.status_prospect
        self.assertRegex(partner.ref, r"^CL\d{5}$")
        self.assertEqual(partner.client_since, fields.Date.context_today(partner))

    def test_existing_number_and_since_are_kept(self):
        client = self._create_client(ref="OLD-7", client_since="2019-03-01")
        self.assertEqual(client.ref, "OLD-7")
        self.assertEqual(str(client.client_since), "2019-03-01")
        client.client_status_id = self.status_prospect
        self.assertEqual(client.ref, "OLD-7")

    def test_contacts_follow_their_company(self):
        client = self._create_client()
        contact = self.env["res.partner"].create({"name": "Anna Contact", "parent_id": client.id})
        self.assertEqual(contact.client_status_id, self.status_active)
        self.assertFalse(contact.is_client, "a contact of a client is not a client of its own")
        self.assertFalse(contact.ref)
        client.client_status_id = self.status_prospect
        self.assertEqual(contact.client_status_id, self.status_prospect)

    def test_status_change_is_tracked(self):
        client = self._create_client()
        # Changes in the transaction that created a record are not tracked: end it, as a user would.
        self.env.cr.flush()
        client.client_status_id = self.status_prospect
        self.env.cr.flush()  # tracking values are written before commit
        tracked = client.message_ids.tracking_value_ids.filtered(
            lambda value: (
                value.field_id.name == "client_status_id"
                and value.new_value_integer == self.status_prospect.id
            )
        )
        self.assertEqual(tracked.old_value_char, self.status_active.name)
        self.assertEqual(tracked.new_value_char, self.status_prospect.name)

    def test_clients_action_lists_clients_only(self):
        client = self._create_client()
        contact = self.env["res.partner"].create({"name": "Bob Contact", "parent_id": client.id})
        action = self.env["ir.actions.act_window"]._for_xml_id("client_hub.res_partner_action_clients")
        found = self.env["res.partner"].search(safe_eval(action["domain"]))
        self.assertIn(client, found)
        self.assertNotIn(contact, found)
