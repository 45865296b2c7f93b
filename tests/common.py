from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class ClientHubCase(TransactionCase):
    """Users of every Client Hub role and a few profile records, shared by the module's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = new_test_user(
            cls.env, login="ch_internal", groups="base.group_user", name="Internal Ivy"
        )
        cls.user_client_hub = new_test_user(
            cls.env, login="ch_user", groups="client_hub.group_client_hub_user", name="User Uma"
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="ch_manager",
            groups="client_hub.group_client_hub_manager",
            name="Manager Max",
        )
        cls.status_prospect = cls.env.ref("client_hub.client_status_prospect")
        cls.status_active = cls.env.ref("client_hub.client_status_active")
        cls.condition_registered = cls.env.ref("client_hub.tax_condition_vat_registered")
        cls.condition_final_consumer = cls.env.ref("client_hub.tax_condition_final_consumer")

    @classmethod
    def _create_client(cls, name="Test Client Ltd", **values):
        return cls.env["res.partner"].create(
            {"name": name, "is_company": True, "client_status_id": cls.status_active.id, **values}
        )
