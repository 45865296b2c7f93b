from lxml import etree

from .common import ClientHubCase


class TestContactDialogInRussian(ClientHubCase):
    """The "Add: Contact" dialog of a client's Contacts tab (the child_ids form inside the partner
    form) is read in the user's language, like the form around it: its job-title placeholder is
    Russian for a Russian user, not Odoo's untranslated "Job title"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(["base", "client_hub"], ["ru_RU"], overwrite=True)

    def _form_arch(self):
        Partner = self.env["res.partner"].with_user(self.user_client_hub).with_context(lang="ru_RU")
        return etree.fromstring(Partner.get_views([(False, "form")])["views"]["form"]["arch"])

    def test_contact_dialog_job_title_placeholder_is_russian(self):
        arch = self._form_arch()
        main = arch.xpath("//sheet//i[contains(@class, 'fa-suitcase')]/../field[@name='function']")
        dialog = arch.xpath("//field[@name='child_ids']/form//field[@name='function']")
        self.assertTrue(main and dialog, "the client's form and its contact dialog both have a job title")
        self.assertEqual(main[0].get("placeholder"), "Должность")
        self.assertEqual(
            [field.get("placeholder") for field in dialog],
            ["Должность"],
            "the contact dialog opened from a client's Contacts tab shows English 'Job title'",
        )
