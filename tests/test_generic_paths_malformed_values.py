"""Values of the wrong shape sent to the module's create() overrides over JSON-RPC by the roles that may
create (a Credentials user, a Client Hub user): the module reads them before Odoo converts them, and
must answer with an Odoo error that says what is wrong, never a server error (a Python traceback)."""

from odoo.tests import tagged

from .common import SecurityCase

CLEAR_ERRORS = ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError", "odoo.exceptions.AccessError")


@tagged("post_install", "-at_install", "security")
class TestMalformedValuesInModuleCreate(SecurityCase):
    def assertClearError(self, role, model, vals):
        result, error = self.call_kw(role, model, "create", [vals])
        self.assertTrue(error, f"{model}.create({vals}) was accepted: {result!r}")
        self.assertIn(error["name"], CLEAR_ERRORS, error.get("debug", "")[-1500:])

    def test_a_credential_with_a_list_or_a_dict_as_its_client(self):
        """res.partner.credential.create with partner_id [id] or {"id": id}: a clear error, not
        "TypeError: unhashable type" from the company look-up of create()."""
        for partner in ([self.client.id], {"id": self.client.id}):
            with self.subTest(partner_id=partner):
                self.assertClearError(
                    "credentials",
                    "res.partner.credential",
                    {"name": "Shaped FTP", "partner_id": partner, "secret": "shaped-secret"},
                )

    def test_a_rating_with_a_model_name_as_its_model(self):
        """rating.rating.create with res_model_id "res.partner" (the model's name where its id is
        expected) or a list: a clear error, not "Expected singleton: ir.model('r', 'e', 's', …)"
        from the client rating's preparation."""
        for model in ("res.partner", [1, 2]):
            with self.subTest(res_model_id=model):
                self.assertClearError(
                    "user", "rating.rating", {"res_model_id": model, "res_id": self.client.id, "rating": 3}
                )
