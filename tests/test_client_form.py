from lxml import etree

from .common import ClientHubCase


class TestClientForm(ClientHubCase):
    def _form_arch(self):
        arch = self.env["res.partner"].with_user(self.user_client_hub).get_views([(False, "form")])
        return etree.fromstring(arch["views"]["form"]["arch"])

    def test_client_page_gathers_optional_invoicing_fields(self):
        group = self._form_arch().find(".//group[@name='client_hub_einvoicing']")
        expected = [
            name
            for name in ("peppol_eas", "peppol_endpoint", "global_location_number")
            if name in self.env["res.partner"]._fields
        ]
        self.assertTrue(expected, "account_edi_ubl_cii / account_add_gln are installed with account")
        self.assertEqual([field.get("name") for field in group.iter("field")], expected)

    def test_client_page_shows_the_profile(self):
        page = self._form_arch().find(".//page[@name='client_hub_profile']")
        names = {field.get("name") for field in page.iter("field")}
        for name in (
            "client_status_id",
            "ref",
            "client_since",
            "client_category_id",
            "tax_condition_id",
            "acquisition_source_id",
            "referred_by_id",
            "vat",
            "website",
            "lang",
            "comment",
            "satisfaction_score",
            "client_address_ids",
            "portal_user_ids",
        ):
            self.assertIn(name, names)
