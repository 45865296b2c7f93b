from odoo.tests import tagged

from .common import ClientHubCase

LINK = '<a href="https://evil.example.com/login">Open the invoice</a>'


@tagged("post_install", "-at_install")
class TestPortalEscaping(ClientHubCase):
    """What a client's people type in the portal (their own name here) reaches the back office as
    text: the salesperson's to-do and the chatter show it, never as a live link or markup."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Escaping Client", user_id=cls.user_manager.id)
        cls.portal_user = cls._create_client_portal_user("ch_escaping_portal", cls.client)
        # The portal lets its users change their own name.
        cls.portal_user.partner_id.name = LINK

    def _request_final_consumer(self):
        self.env["res.partner"].with_user(self.portal_user)._client_hub_portal_update_profile(
            {"tax_condition_id": self.condition_final_consumer.id}
        )

    def test_the_salespersons_todo_shows_the_name_as_text(self):
        self._request_final_consumer()
        note = str(self.client.activity_ids.note)
        self.assertNotIn("<a ", note)
        self.assertIn("&lt;a href=", note, "the name is there, as text")

    def test_the_note_without_a_salesperson_shows_the_name_as_text(self):
        self.client.user_id = False
        self._request_final_consumer()
        body = str(self.client.message_ids[:1].body)
        self.assertIn("asks to change the tax condition", body)
        self.assertNotIn("<a ", body)
        self.assertIn("&lt;a href=", body)
