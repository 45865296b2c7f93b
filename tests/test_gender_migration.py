from odoo.tests import tagged

from .common import ClientHubCase, migration_script

GENDERS = ("female", "male", "other", False)
# The external ids Client Hub 19.0.1.4.0 gave its own gender field and its values.
OLD_XMLIDS = """
    INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
    SELECT 'client_hub', 'field_' || replace(field.model, '.', '_') || '__gender', 'ir.model.fields',
           field.id, FALSE
      FROM ir_model_fields field
     WHERE field.name = 'gender' AND field.model IN ('res.partner', 'res.users')
     UNION ALL
    SELECT 'client_hub', 'selection__res_partner__gender__' || value.value, 'ir.model.fields.selection',
           value.id, FALSE
      FROM ir_model_fields_selection value
      JOIN ir_model_fields field ON field.id = value.field_id
     WHERE field.model = 'res.partner' AND field.name = 'gender'
    RETURNING module || '.' || name
"""


@tagged("post_install", "-at_install")
class TestGenderMigration(ClientHubCase):
    """Updating from 19.0.1.4.0, where the gender was Client Hub's own field: partner_contact_gender,
    installed first as a new dependency, takes the same column and values over. After the migration
    and the end of the update (which deletes what the module no longer declares), every partner keeps
    its gender and the field keeps its three values."""

    def _genders(self):
        self.env.flush_all()
        self.env.cr.execute("SELECT id, gender FROM res_partner ORDER BY id")
        return dict(self.env.cr.fetchall())

    def _values(self):
        return sorted(self.env["ir.model.fields"]._get("res.partner", "gender").selection_ids.mapped("value"))

    def test_every_partner_keeps_its_gender(self):
        self.env["res.partner"].create(
            [{"name": f"Migrated Person {i}", "gender": GENDERS[i % len(GENDERS)]} for i in range(8)]
        )
        before = self._genders()
        self.assertEqual(set(before.values()), {"female", "male", "other", None})
        cr = self.env.cr
        # As 19.0.1.4.0 left them: the module's own gender field (since 19.0.1.6.0 the module declares
        # OCA's field again, for its label's translations: those external ids are not yet there).
        cr.execute("DELETE FROM ir_model_data WHERE module = 'client_hub' AND name LIKE %s", ["%__gender%"])
        cr.execute(OLD_XMLIDS)
        old_xmlids = {xmlid for (xmlid,) in cr.fetchall()}
        self.assertEqual(len(old_xmlids), 5, "res.partner's and res.users' field, three values")

        migration_script("19.0.1.5.0", "pre-gender").migrate(cr, "19.0.1.4.0")
        # The end of the update: every record the module declares was loaded, the gender's were not.
        cr.execute("SELECT module || '.' || name FROM ir_model_data WHERE module = 'client_hub'")
        loaded = {xmlid for (xmlid,) in cr.fetchall()} - old_xmlids
        self.registry.loaded_xmlids.update(loaded)
        self.env["ir.model.data"]._process_end(["client_hub"])
        self.env.invalidate_all()

        self.assertEqual(self._genders(), before)
        self.assertEqual(self._values(), ["female", "male", "other"])
        field = self.env["ir.model.fields"]._get("res.partner", "gender")
        self.assertIn("partner_contact_gender", field.modules)
        self.assertIn(
            "partner_contact_gender", self.env["ir.model.fields"]._get("res.users", "gender").modules
        )
