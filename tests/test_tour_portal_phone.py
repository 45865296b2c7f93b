from odoo.tests import tagged

from .test_portal import PortalCase


@tagged("post_install", "-at_install")
class TestPortalPhoneTour(PortalCase):
    """The portal's credentials page on a phone's 390 px."""

    browser_size = "390x844"

    def test_credentials_fit_a_phone(self):
        # The tour logs in with the login as password.
        self.user_b.password = self.user_b.login
        self.start_tour("/my/credentials", "client_hub_portal_credentials_phone", login=self.user_b.login)
