"""A many2one the module adds to res.partner without `check_company` lets a user point a client of
its own company at a partner of another company, one it may not read; Odoo then reads the target's
name back in sudo (the many2one's display name). `referred_by_id` (Referred By) is such a field: set
to an id, read back, it names any partner of any company, one id after the other. Odoo's own
parent_id (check_company) refuses the same write."""

from odoo import Command
from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestClientReferencesStayInTheCompany(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls._create_test_company("Client Hub Referral Company B")
        cls.env.user.company_ids = [Command.link(cls.company_b.id)]
        # A partner of the main company only, and a Client Hub user of company B only.
        cls.hidden = cls._create_client("Main Company Secret Prospect", company_id=cls.env.company.id)
        cls.client_b = cls._create_client("Company B Client", company_id=cls.company_b.id)
        cls.users["user_b"] = cls._create_security_user("user_b", "client_hub.group_client_hub_user")
        cls.users["user_b"].write({"company_id": cls.company_b.id, "company_ids": cls.company_b.ids})

    def test_referred_by_does_not_name_a_partner_of_another_company(self):
        """The Client Hub user of company B may not read the main company's partner; writing it as
        the Referred By of its own client, then reading that client, must not give its name."""
        self.assertRefused("user_b", "res.partner", "read", [self.hidden.ids, ["name"]])
        # Odoo's own reference to a partner refuses it.
        self.assertRefused(
            "user_b", "res.partner", "write", [self.client_b.ids, {"parent_id": self.hidden.id}]
        )
        self.call_kw(
            "user_b", "res.partner", "write", [self.client_b.ids, {"referred_by_id": self.hidden.id}]
        )
        read, _error = self.call_kw("user_b", "res.partner", "read", [self.client_b.ids, ["referred_by_id"]])
        self.assertNotIn(
            "Main Company Secret Prospect",
            str(read),
            "a user of company B read the name of a partner of another company through Referred By",
        )
