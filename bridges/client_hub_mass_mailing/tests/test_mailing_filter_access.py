from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import MARKETING, MailingFixtures


@tagged("post_install", "-at_install")
class TestMailingFilterAccess(MailingFixtures, TransactionCase):
    """The mailing's own recipients filter on contacts, for a Marketing user who is no Client Hub user:
    the client's profile (status, category, acquisition source), which every internal user reads, picks
    the clients and their contacts (the contacts share their client's profile); the figures only
    Client Hub or invoicing users read (satisfaction, amounts due) are refused, never answered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = cls._create_user("ch_marketing_only", MARKETING)
        cls.category = cls.env["res.partner.client.category"].create({"name": "Mailing Retail"})
        cls.fair = cls.env["utm.source"].create({"name": "Mailing Fair"})
        cls.retail = cls._create_prospect(
            "Retail Prospect Ltd",
            email="office@retail.example.com",
            client_category_id=cls.category.id,
            acquisition_source_id=cls.fair.id,
        )
        cls.rita = cls._create_contact(cls.retail, "Rita Retail", email="rita@retail.example.com")
        cls.other = cls._create_prospect("Other Prospect Ltd", email="office@other-prospect.example.com")
        cls.active = cls._create_client("Active Retail Ltd", client_category_id=cls.category.id)
        cls._create_contact(cls.active, "Andy Active", email="andy@active-retail.example.com")

    def _mailing(self, domain):
        return (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create(
                {
                    "subject": "Filtered",
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "mailing_domain": repr(domain),
                }
            )
        )

    def test_marketing_user_filters_on_the_client_status_category_and_source(self):
        prospect = self.env.ref("client_hub.client_status_prospect")
        by_profile = self._mailing(
            [
                ("client_status_id", "=", prospect.id),
                ("client_category_id", "child_of", self.category.id),
                ("acquisition_source_id", "=", self.fair.id),
            ]
        )
        self.assertEqual(self._recipients(by_profile), self.retail | self.rita)
        by_status_name = self._mailing(
            [("client_status_id.name", "=", "Prospect"), ("email", "ilike", "retail.example.com")]
        )
        self.assertEqual(self._recipients(by_status_name), self.retail | self.rita)

    def test_the_domain_editor_offers_the_profile_not_the_client_hub_figures(self):
        fields = self.env["res.partner"].with_user(self.marketer).fields_get(attributes=["searchable"])
        for name in ("client_status_id", "client_category_id", "acquisition_source_id", "is_client"):
            self.assertTrue(fields[name]["searchable"], name)
        for name in ("satisfaction_score", "client_amount_overdue", "client_status_change_count"):
            self.assertNotIn(name, fields)

    def test_figures_the_marketing_user_may_not_read_are_refused_in_the_filter(self):
        for domain in ([("satisfaction_score", "<=", 2)], [("client_amount_overdue", ">", 0)]):
            with self.subTest(domain=domain), self.assertRaises(AccessError):
                self._mailing(domain)._get_recipients()
