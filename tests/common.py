from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class ClientHubCase(TransactionCase):
    """Users of every Client Hub role, shared by the module's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
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
