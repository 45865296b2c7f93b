from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form

from .common import ClientHubCase


class TestClientNotifications(ClientHubCase):
    """The Client page shows Odoo's own notification preferences: the e-mail blacklist to every Client
    Hub user, how invoices are sent to those with invoicing rights, who may set it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_invoicing = cls._create_user(
            "ch_invoicing",
            "client_hub.group_client_hub_user,account.group_account_invoice",
            name="Invoicing Ines",
        )
        cls.client = cls._create_client("Notified Client", email="notified@example.com")

    def _notifications(self, user):
        arch = self.env["res.partner"].with_user(user).get_views([(False, "form")])["views"]["form"]["arch"]
        group = etree.fromstring(arch).find(
            ".//page[@name='client_hub_profile']//group[@name='client_hub_notifications']"
        )
        return [field.get("name") for field in group.iter("field")]

    def test_client_hub_user_sees_the_blacklist_only(self):
        self.assertEqual(self._notifications(self.user_client_hub), ["is_blacklisted"])

    def test_invoicing_user_sees_how_invoices_are_sent(self):
        self.assertEqual(
            self._notifications(self.user_invoicing),
            ["is_blacklisted", "invoice_sending_method", "invoice_edi_format"],
        )

    def test_invoicing_user_sets_how_invoices_are_sent(self):
        formats = [value for value, _label in self.env["res.partner"]._fields["invoice_edi_format"].selection]
        with Form(self.client.with_user(self.user_invoicing)) as form:
            form.invoice_sending_method = "email"
            if formats:  # the choices come from the e-invoicing modules installed
                form.invoice_edi_format = formats[-1]
        self.assertEqual(self.client.invoice_sending_method, "email")
        if formats:
            self.assertEqual(self.client.invoice_edi_format, formats[-1])

    def test_blacklisted_address_shows_and_only_an_administrator_removes_it(self):
        self.env["mail.blacklist"]._add("notified@example.com")
        form = Form(self.client.with_user(self.user_client_hub))
        self.assertTrue(form.is_blacklisted)
        with self.assertRaises(AssertionError, msg="Odoo computes it from the blacklist: read-only"):
            form.is_blacklisted = False
        with self.assertRaises(AccessError):
            self.client.with_user(self.user_invoicing).mail_action_blacklist_remove()
        self.assertEqual(self.client.mail_action_blacklist_remove()["res_model"], "mail.blacklist.remove")
