from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import ClientHubFixtures, new_vault_key, vault_keys


@tagged("post_install", "-at_install")
class TestMultiCompany(ClientHubFixtures, AccountTestInvoicingCommon):
    """Two companies, a client in each: nobody sees across the border."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.setup_other_company()["company"]
        cls.client_a, cls.client_b = (
            cls._create_client(f"Client of {company.name}", company_id=company.id)
            for company in (cls.company_a, cls.company_b)
        )
        cls.managers = {
            company: cls._create_user(
                f"ch_mc_manager_{company.id}",
                "client_hub.group_client_hub_manager,account.group_account_invoice",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
            for company in (cls.company_a, cls.company_b)
        }
        sudo = cls.env(su=True)
        with vault_keys(new_vault_key()):
            cls.credential_a = sudo["res.partner.credential"].create(
                {"partner_id": cls.client_a.id, "name": "A's FTP", "secret": "multi-company-secret"}
            )
        cls.credential_a._log("reveal")
        cls.log_a = sudo["res.partner.credential.log"].search([("credential_id", "=", cls.credential_a.id)])

    def test_credentials_and_logs_stay_in_their_company(self):
        manager_b = self.managers[self.company_b]
        for model, record in (
            ("res.partner.credential", self.credential_a),
            ("res.partner.credential.log", self.log_a),
        ):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(manager_b).search([("id", "in", record.ids)]))
                with self.assertRaises(AccessError):
                    record.with_user(manager_b).read(["display_name"])
                self.assertEqual(
                    self.env[model]
                    .with_user(self.managers[self.company_a])
                    .search([("id", "in", record.ids)]),
                    record,
                )

    def test_satisfaction_stays_in_its_company(self):
        rating = (
            self.env["rating.rating"]
            .with_user(self.managers[self.company_a])
            .create({"client_id": self.client_a.id, "rating": 5})
        )
        self.assertEqual(rating.company_id, self.company_a)
        self.assertFalse(
            self.env["rating.rating"]
            .with_user(self.managers[self.company_b])
            .search([("id", "=", rating.id)])
        )

    def test_correction_wizard_offers_only_current_company_invoices(self):
        shared_client = self._create_client("Shared client")
        invoice_a = self.init_invoice("out_invoice", shared_client, amounts=[100], post=True)
        invoice_b = self.init_invoice(
            "out_invoice", shared_client, amounts=[100], post=True, company=self.company_b
        )
        self.env.user.company_ids |= self.company_b
        for company, invoice in ((self.company_a, invoice_a), (self.company_b, invoice_b)):
            with self.subTest(company=company.name):
                wizard = (
                    self.env["account.move.correction"]
                    .with_company(company)
                    .new({"partner_id": shared_client.id})
                )
                self.assertEqual(wizard.company_id, company)
                # The invoice field's domain, as the web client evaluates it for the dropdown.
                domain = safe_eval(
                    wizard._fields["move_id"].domain,
                    {"commercial_partner_id": shared_client.id, "company_id": wizard.company_id.id},
                )
                self.assertEqual(self.env["account.move"].search(domain), invoice)
