from odoo.tests import HttpCase, new_test_user, tagged

from .common import new_vault_key, vault_keys


@tagged("post_install", "-at_install")
class TestVaultRpc(HttpCase):
    def test_denied_reveal_over_rpc_is_logged_despite_the_rollback(self):
        key = new_vault_key()
        new_test_user(
            self.env,
            login="ch_rpc_denied",
            password="ch_rpc_denied_pw",
            groups="client_hub.group_client_hub_credentials",
        )
        client = self.env["res.partner"].create(
            {
                "name": "RPC Client",
                "is_company": True,
                "client_status_id": self.env.ref("client_hub.client_status_active").id,
            }
        )
        with vault_keys(key):
            credential = self.env["res.partner.credential"].create(
                {"partner_id": client.id, "name": "RPC FTP", "secret": "rpc-secret-value"}
            )
            self.authenticate("ch_rpc_denied", "ch_rpc_denied_pw")
            response = self.url_open(
                "/web/dataset/call_kw",
                json={
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "res.partner.credential",
                        "method": "reveal_secret",
                        "args": [credential.ids],
                        "kwargs": {},
                    },
                },
            )
        payload = response.json()
        self.assertEqual(payload["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.assertNotIn("rpc-secret-value", response.text)
        denied = (
            self.env["res.partner.credential.log"]
            .sudo()
            .search([("credential_id", "=", credential.id), ("action", "=", "denied")])
        )
        self.assertEqual(len(denied), 1)
        self.assertEqual(denied.user_id.login, "ch_rpc_denied")
        self.assertTrue(denied.remote_address)
