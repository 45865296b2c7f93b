from odoo.tests import TransactionCase, tagged

from .common import MailingFixtures


@tagged("post_install", "-at_install")
class TestMailingBlacklist(MailingFixtures, TransactionCase):
    """Odoo's exclusion list holds for the clients' contacts: a blacklisted contact of a Prospect client
    gets no e-mail, its trace says why."""

    def test_blacklisted_contact_of_a_prospect_gets_no_mail(self):
        prospect = self._create_prospect("Blacklist Prospect Ltd", email="office@blacklist.example.com")
        anna = self._create_contact(prospect, "Anna Opted Out", email="Anna <anna@blacklist.example.com>")
        ben = self._create_contact(prospect, "Ben Reader", email="ben@blacklist.example.com")
        self.env["mail.blacklist"]._add("anna@blacklist.example.com")
        mailing = self._new_mailing_from_clients(prospect)
        mailing.body_html = "<p>Hello</p>"
        self.assertIn(anna, self._recipients(mailing), "the filter picks her: Odoo excludes her when sending")

        mailing.action_send_mail()

        traces = {trace.res_id: trace for trace in mailing.mailing_trace_ids}
        self.assertEqual(set(traces), {prospect.id, anna.id, ben.id})
        self.assertEqual(traces[anna.id].trace_status, "cancel")
        self.assertEqual(traces[anna.id].failure_type, "mail_bl")
        self.assertFalse(traces[anna.id].mail_mail_id)
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(mails, traces[prospect.id].mail_mail_id | traces[ben.id].mail_mail_id)
        self.assertEqual(len(mails), 2)
        self.assertNotIn(anna, mails.recipient_ids)
        self.assertFalse([mail for mail in mails if "anna@" in (mail.email_to or "")])
