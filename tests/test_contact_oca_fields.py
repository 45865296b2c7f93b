from lxml import etree

from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from .common import ClientHubCase


class TestContactOcaFields(ClientHubCase):
    """Mobile and gender are OCA's fields (partner_mobile, partner_contact_gender), shown on clients."""

    def _arch(self, view_type, view_ref=None):
        views = self.env["res.partner"].with_user(self.user_client_hub).get_views([(view_ref, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_mobile_and_gender_are_the_oca_modules_fields(self):
        # OCA's fields; client_hub declares them again only for their labels (its own terms): the
        # columns stay OCA's when client_hub is uninstalled.
        for name, module in (("mobile", "partner_mobile"), ("gender", "partner_contact_gender")):
            field = self.env["ir.model.fields"]._get("res.partner", name)
            self.assertEqual(set(field.modules.split(", ")), {module, "client_hub"}, f"{name} is {module}'s")

    def test_client_form_shows_the_mobile_beside_the_phone_and_the_gender_on_the_client_page(self):
        arch = self._arch("form")
        phone = arch.find(".//sheet//field[@name='phone']/..")
        self.assertEqual(phone.getnext().find(".//field").get("name"), "mobile")
        profile = arch.find(".//page[@name='client_hub_profile']//group[@name='client_hub_status']")
        self.assertIn("gender", [field.get("name") for field in profile.iter("field")])

    def test_client_hub_user_sets_mobile_and_gender(self):
        person = self.env["res.partner"].create(
            {"name": "Ola Nowak", "client_status_id": self.status_active.id}
        )
        with Form(person.with_user(self.user_client_hub)) as form:
            form.mobile = "+48 600 100 200"
            form.gender = "female"
        self.assertEqual((person.mobile, person.gender), ("+48 600 100 200", "female"))

    def test_clients_list_offers_mobile_and_gender_as_optional_columns(self):
        clients_list = self._arch("list", self.env.ref("client_hub.res_partner_view_list_clients").id)
        columns = {field.get("name"): field.get("optional") for field in clients_list.iter("field")}
        self.assertEqual((columns.get("mobile"), columns.get("gender")), ("hide", "hide"))

    def test_clients_search_finds_a_mobile_and_groups_by_gender(self):
        search = self._arch("search", self.env.ref("client_hub.res_partner_view_search_clients").id)
        [phone] = search.findall("field[@name='phone']")
        mobile_client = self._create_client("Mobile Client", mobile="+48 600 777 888")
        phone_client = self._create_client("Phone Client", phone="+48 22 777 888")
        domain = safe_eval(phone.get("filter_domain"), {"self": "777 888"})
        found = self.env["res.partner"].search([*domain, ("id", "in", (mobile_client + phone_client).ids)])
        self.assertEqual(found, mobile_client + phone_client)
        self.assertEqual(
            [f.get("context") for f in search.iter("filter") if f.get("name") == "group_gender"],
            ["{'group_by': 'gender'}"],
        )
        self.assertTrue(search.findall("field[@name='gender']"))
