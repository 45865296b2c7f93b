from stdnum.util import get_cc_module

from odoo.tests import TransactionCase, tagged

from ..hooks import uninstall_hook
from .common import ClientHubCase


class TestInstall(ClientHubCase):
    def test_module_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "client_hub")])
        self.assertEqual(module.state, "installed")

    def test_groups_under_one_privilege(self):
        user_group = self.env.ref("client_hub.group_client_hub_user")
        manager_group = self.env.ref("client_hub.group_client_hub_manager")
        self.assertEqual(user_group.privilege_id, manager_group.privilege_id)
        self.assertEqual(user_group.privilege_id.name, "Client Hub")
        self.assertIn(user_group, manager_group.all_implied_ids)

    def test_admin_is_manager(self):
        self.assertTrue(self.env.ref("base.user_admin").has_group("client_hub.group_client_hub_manager"))

    def test_user_group_makes_an_internal_user_who_manages_contacts(self):
        self.assertTrue(self.user_client_hub.has_group("base.group_user"))
        # Its own rights on contacts, not Odoo's Contact Creation (portal wizard, share, merge).
        self.assertFalse(self.user_client_hub.has_group("base.group_partner_manager"))
        Partner = self.env["res.partner"].with_user(self.user_client_hub)
        self.assertTrue(all(Partner.has_access(operation) for operation in ("create", "write", "unlink")))
        self.assertFalse(self.user_client_hub.has_group("client_hub.group_client_hub_manager"))

    def test_uninstall_frees_every_record_partners_point_to(self):
        """Uninstalling deletes the module's statuses, categories, contract types…, which partners
        reference with ON DELETE RESTRICT: the hook clears every such column, including ones added
        after it was written (the contract type's was forgotten once)."""
        contract = self.env.ref("client_hub.contract_type_retainer")
        client = self._create_client("Uninstall Ltd", contract_type_id=contract.id)
        self.assertTrue(client.client_status_id)
        uninstall_hook(self.env)
        self.env.invalidate_all()
        self.assertFalse(client.contract_type_id)
        self.assertFalse(client.client_status_id)
        contract.unlink()  # what Odoo's uninstall does next: refused while a partner points to it


@tagged("post_install", "-at_install")
class TestDemoTaxIds(TransactionCase):
    def test_demo_tax_ids_pass_their_checksum(self):
        # base_vat (installed with a localization such as l10n_pl) refuses a tax ID whose check
        # digit is wrong, and Odoo then drops the whole demo data of the module.
        data = self.env["ir.model.data"].search(
            [("module", "=", "client_hub"), ("model", "=", "res.partner")]
        )
        partners = self.env["res.partner"].browse(data.mapped("res_id")).filtered("vat")
        if self.env.ref("client_hub.client_kowalski", raise_if_not_found=False):
            self.assertGreaterEqual(len(partners), 5)
        for partner in partners:
            country = partner.country_id.code.lower()
            number = partner.vat[2:] if partner.vat[:2].lower() == country else partner.vat
            with self.subTest(partner=partner.name, vat=partner.vat):
                self.assertTrue(get_cc_module(country, "vat").is_valid(number))
