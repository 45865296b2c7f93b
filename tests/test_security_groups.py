from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

ROLES = (
    "client_hub.group_client_hub_user",
    "client_hub.group_client_hub_credentials",
    "client_hub.group_client_hub_manager",
)


@tagged("post_install", "-at_install", "security")
class TestSecurityGroups(TransactionCase):
    """Issue #24 item 14: the roles imply what they need only; Odoo's demo user stays Odoo's."""

    def test_roles_do_not_imply_contact_creation(self):
        # Contact Creation opens Odoo's portal wizard, its share wizard and its contact merge.
        partner_manager = self.env.ref("base.group_partner_manager")
        for xmlid in ROLES:
            with self.subTest(group=xmlid):
                self.assertNotIn(partner_manager, self.env.ref(xmlid).all_implied_ids)

    def test_odoo_demo_user_keeps_odoo_groups(self):
        demo = self.env.ref("base.user_demo", raise_if_not_found=False)
        if not demo:
            self.skipTest("installed without demo data")
        self.assertFalse(
            demo.all_group_ids & self.env["res.groups"].browse([self.env.ref(x).id for x in ROLES])
        )

    def test_odoo_signup_url_check_holds(self):
        """What auth_signup's TestAuthSignupFlow.test_compute_signup_url checks, with the module."""
        demo = self.env.ref("base.user_demo", raise_if_not_found=False)
        portal = self.env.ref("base.partner_demo_portal", raise_if_not_found=False)
        if not (demo and portal):
            self.skipTest("installed without demo data")
        demo.group_ids -= self.env.ref("base.group_partner_manager")
        portal.signup_prepare()
        with self.assertRaises(AccessError):
            portal.with_user(demo)._get_signup_url()
