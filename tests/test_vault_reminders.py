from odoo import fields

from .common import VaultCase


class TestVaultReminders(VaultCase):
    def test_overdue_credentials_get_a_todo_for_allowed_users(self):
        today = fields.Date.context_today(self.env.user)
        overdue = self._credential(rotate_on=fields.Date.add(today, days=-1))
        upcoming = self._credential(name="Later", rotate_on=fields.Date.add(today, days=10))
        self.env["res.partner.credential"]._cron_rotation_reminders()
        self.assertEqual(overdue.activity_ids.user_id, self.user_allowed)
        self.assertFalse(upcoming.activity_ids)
        self.env["res.partner.credential"]._cron_rotation_reminders()
        self.assertEqual(len(overdue.activity_ids), 1, "reminded once")
