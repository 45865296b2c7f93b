def migrate(cr, version):
    """19.0.1.5.0: the contact's gender is OCA partner_contact_gender's field (the same column, the
    same values), a new dependency that Odoo installs before updating Client Hub. Client Hub's
    external ids on the field (res.partner's and res.users') and on its values go here, where
    partner_contact_gender has its own on the same records: the end of the update, which deletes
    what a module no longer declares (a field's column with it), then has nothing of the gender to
    delete, and every partner keeps its gender. Odoo would keep records another module also owns;
    this does not rely on it."""
    cr.execute(
        """
        DELETE FROM ir_model_data mine
         USING ir_model_data theirs
         WHERE mine.module = 'client_hub'
           AND theirs.module = 'partner_contact_gender'
           AND mine.model IN ('ir.model.fields', 'ir.model.fields.selection')
           AND theirs.model = mine.model
           AND theirs.res_id = mine.res_id
        """
    )
