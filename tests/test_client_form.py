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
            "ref",
            "client_since",
            "client_category_id",
            "tax_condition_id",
            "acquisition_source_id",
            "referred_by_id",
            "comment",
            "satisfaction_score",
            "client_address_ids",
            "portal_user_ids",
        ):
            self.assertIn(name, names)

    def test_status_is_a_clickable_statusbar_in_the_header(self):
        arch = self._form_arch()
        [status] = arch.findall(".//header/field[@name='client_status_id']")
        self.assertEqual(status.get("widget"), "statusbar")
        self.assertIn("clickable", status.get("options"))
        self.assertFalse(arch.findall(".//sheet//field[@name='client_status_id']"), "shown once")

    def test_vat_is_shown_once(self):
        self.assertEqual(len(self._form_arch().findall(".//sheet//field[@name='vat']")), 1)

    def test_website_and_language_are_shown_once(self):
        arch = self._form_arch()
        for name in ("website", "lang"):
            # Not counting the contacts' own form inside the Contacts tab.
            shown = [
                field
                for field in arch.findall(f".//sheet//field[@name='{name}']")
                if not any(ancestor.tag == "field" for ancestor in field.iterancestors())
            ]
            self.assertEqual(len(shown), 1, name)

    def test_the_client_page_opens_first(self):
        arch = self._form_arch()
        autofocus = [page.get("name") for page in arch.iter("page") if page.get("autofocus")]
        self.assertEqual(autofocus, ["client_hub_profile"])
