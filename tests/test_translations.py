from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTranslations(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("pl_PL", "ru_RU"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(["client_hub"], ["pl_PL", "ru_RU"], overwrite=True)
        cls.user_pl = new_test_user(
            cls.env, login="ch_polish", groups="client_hub.group_client_hub_user", context={"lang": "pl_PL"}
        )
        cls.user_pl.lang = "pl_PL"

    def test_back_office_in_polish(self):
        env = self.env(user=self.user_pl, context={"lang": "pl_PL"})
        menus = env["ir.ui.menu"].load_menus(debug=False)
        root = self.env.ref("client_hub.client_hub_menu_root")
        self.assertEqual(menus[root.id]["name"], "Klienci")
        self.assertEqual(env.ref("client_hub.client_status_active").name, "Aktywny")
        self.assertEqual(env.ref("client_hub.client_status_prospect").name, "Potencjalny klient")
        client = env["res.partner"].create(
            {
                "name": "Polski Klient",
                "is_company": True,
                "client_status_id": env.ref("client_hub.client_status_active").id,
            }
        )
        with self.assertRaisesRegex(
            ValidationError, "Ocena zadowolenia musi mieścić się w zakresie od 1 do 5"
        ):
            env["rating.rating"].create({"client_id": client.id, "rating": 7})

    def test_portal_page_in_russian(self):
        client = self.env["res.partner"].create(
            {
                "name": "Русский клиент",
                "is_company": True,
                "client_status_id": self.env.ref("client_hub.client_status_active").id,
            }
        )
        user = new_test_user(
            self.env, login="ch_russian", password="ch_russian_pw", groups="base.group_portal"
        )
        user.write({"lang": "ru_RU"})
        user.partner_id.parent_id = client
        self.authenticate("ch_russian", "ch_russian_pw")
        # The portal's language is the visitor's choice, kept in the frontend_lang cookie.
        self.opener.cookies.set("frontend_lang", "ru_RU")
        page = self.url_open("/my/client").text
        self.assertIn("Профиль компании", page)
        self.assertIn("Налоговый статус", page)
