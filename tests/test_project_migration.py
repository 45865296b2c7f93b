import importlib.util
from pathlib import Path

from .common import ProjectsCase


class TestProjectMigration(ProjectsCase):
    """Updating to 19.0.1.3.0: projects of clients made before are followed by their client."""

    def test_existing_shared_projects_get_the_client_as_follower(self):
        self.website.message_unsubscribe(self.client.ids)
        self.assertNotIn(self.client, self.website.message_partner_ids)
        path = Path(__file__).parents[1] / "migrations" / "19.0.1.3.0" / "post-migration.py"
        spec = importlib.util.spec_from_file_location("client_hub_migration_19_0_1_3_0", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "19.0.1.2.0")
        self.env.invalidate_all()
        self.assertIn(self.client, self.website.message_partner_ids)
        self.assertNotIn(self.other_client, self.website.message_partner_ids)
