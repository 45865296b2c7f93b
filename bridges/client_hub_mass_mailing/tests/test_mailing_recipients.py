from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import MARKETING, MailingFixtures


@tagged("post_install", "-at_install")
class TestMailingRecipients(MailingFixtures, TransactionCase):
    """*Send a mailing* on selected clients: a new mailing on contacts whose recipients are the
    clients themselves and their people with an e-mail, read when the mailing is sent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = cls._create_user("ch_marketer", f"client_hub.group_client_hub_user,{MARKETING}")
        cls.north = cls._create_prospect("North Prospect Ltd", email="office@north.example.com")
        cls.anna = cls._create_contact(cls.north, "Anna North", email="anna@north.example.com")
        cls.no_email = cls._create_contact(cls.north, "Bob Without E-mail")
        cls.billing = cls._create_contact(
            cls.north, "North Billing", type="invoice", email="invoices@north.example.com"
        )
        cls.former = cls._create_contact(cls.north, "Former Employee", email="former@north.example.com")
        cls.former.active = False
        cls.assistant = cls._create_contact(cls.anna, "Anna's Assistant", email="assistant@north.example.com")
        cls.south = cls._create_prospect("South Prospect Ltd")  # no e-mail itself
        cls.sam = cls._create_contact(cls.south, "Sam South", email="sam@south.example.com")
        cls.other = cls._create_prospect("Not Selected Ltd", email="office@other.example.com")
        cls._create_contact(cls.other, "Olga Other", email="olga@other.example.com")

    def test_recipients_are_the_selected_clients_and_their_people_with_an_email(self):
        clients = (self.north | self.south).with_user(self.marketer)
        mailing = self._new_mailing_from_clients(clients)
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertEqual(mailing.mailing_type, "mail")
        self.assertEqual(mailing.create_uid, self.marketer)
        # Not Bob (no e-mail), the billing address (an address, not a person), the archived contact,
        # nor the clients that were not selected; Anna's assistant is North's too.
        self.assertEqual(self._recipients(mailing), self.north | self.anna | self.assistant | self.sam)

    def test_a_contact_added_before_sending_receives_it(self):
        mailing = self._new_mailing_from_clients(self.north.with_user(self.marketer))
        newcomer = self._create_contact(self.north, "New Buyer", email="buyer@north.example.com")
        self.no_email.email = "bob@north.example.com"
        self.assertEqual(
            self._recipients(mailing), self.north | self.anna | self.assistant | newcomer | self.no_email
        )

    def test_only_clients_are_mailed_from_the_clients(self):
        with self.assertRaisesRegex(UserError, "Anna North"):
            (self.north | self.anna).with_user(self.marketer).action_client_hub_send_mailing()
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.marketer).action_client_hub_send_mailing()

    def test_mailings_are_email_marketing_users_own(self):
        hub_only = self._create_user("ch_hub_only", "client_hub.group_client_hub_user")
        with self.assertRaises(AccessError):
            self.north.with_user(hub_only).action_client_hub_send_mailing()
