from odoo.tests import tagged

from .common import SecurityCase

COMPUTED = {
    "res.partner": {
        "is_client": True,
        "satisfaction_score": 5,
        "satisfaction_average": 5.0,
        "satisfaction_count": 9,
    },
    "rating.rating": {"csat": 100.0},
    "res.partner.credential": {"can_reveal": True, "reveal_count": 0},
}


@tagged("post_install", "-at_install", "security")
class TestSecurityComputed(SecurityCase):
    """Issue #24 item 6: the module's computed fields are not written from outside, on any path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls._create_company_partner("Not A Client Co")
        cls.rating = cls.env["rating.rating"].create(
            {"client_id": cls.client.id, "rating": 3, "recorded_by_id": cls.users["manager"].id}
        )

    def _record(self, model):
        return {
            "res.partner": self.company,
            "rating.rating": self.rating,
            "res.partner.credential": self.allowed,
        }[model]

    def test_computed_fields_are_refused(self):
        for model, values in COMPUTED.items():
            record = self._record(model)
            before = self.snapshot(record, list(values))
            for role in ("user", "credentials", "manager"):
                for field, value in values.items():
                    with self.subTest(model=model, role=role, field=field):
                        self.assertRefused(role, model, "write", [record.ids, {field: value}])
            with self.subTest(model=model, path="JSON-2"):
                self.assertRefused2("manager", model, "write", ids=record.ids, vals=values)
            self.assertEqual(self.snapshot(record, list(values)), before)
        self.assertFalse(self.company.is_client)

    def test_a_non_client_is_not_made_a_client_on_create_or_import(self):
        self.assertRefused(
            "manager",
            "res.partner",
            "create",
            [{"name": "Fake Client", "is_company": True, "is_client": True}],
        )
        result, _error = self.call_kw(
            "manager",
            "res.partner",
            "load",
            [["name", "is_company", "is_client"], [["Fake Client", "1", "1"]]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("computed by Client Hub", str(result["messages"]))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Fake Client")]))
