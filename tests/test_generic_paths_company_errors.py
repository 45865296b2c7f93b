"""A refusal tells the user what is wrong with what it typed, never the name of a record of a company
it has no access to."""

from odoo import Command
from odoo.tests import tagged

from .common import SecurityCase


@tagged("post_install", "-at_install", "security")
class TestRefusalsNameNoOtherCompanyRecord(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls._create_test_company("Client Hub Company B")
        cls.env.user.company_ids = [Command.link(cls.company_b.id)]
        cls.secret_client = cls._create_client(
            "Hush Hush Acquisition Target", company_id=cls.company_b.id, ref="BX-00042"
        )

    def test_a_taken_client_number_does_not_name_the_other_companys_client(self):
        """A Client Hub user of the first company only (it cannot read company B's partners) creates
        a client without company with the number BX-00042, which company B's client uses. The
        constraint (searched in sudo) answers "The client number BX-00042 is already used by Hush
        Hush Acquisition Target.": trying numbers one by one lists company B's clients by name."""
        user = self.users["user"]
        self.assertNotIn(self.company_b, user.company_ids)
        _result, cannot_read = self.call_kw("user", "res.partner", "read", [self.secret_client.ids, ["name"]])
        self.assertTrue(cannot_read, "the user cannot read company B's client")
        message = self.assertRefused(
            "user",
            "res.partner",
            "create",
            [
                {
                    "name": "Probe",
                    "is_company": True,
                    "client_status_id": self.env.ref("client_hub.client_status_active").id,
                    "ref": "BX-00042",
                }
            ],
        )
        self.assertNotIn("Hush Hush", message)
