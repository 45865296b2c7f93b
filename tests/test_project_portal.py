from odoo.tests import tagged

from .common import ProjectsCase


@tagged("post_install", "-at_install")
class TestProjectPortal(ProjectsCase):
    """Over HTTP, a client's people see their company's shared projects and tasks in Odoo's own
    /my/projects and /my/tasks, and nothing of another client."""

    def _get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url, allow_redirects=False)

    def test_a_new_project_of_a_client_is_shared_with_it(self):
        self.assertEqual(self.website.privacy_visibility, "portal", "Odoo's default: shared in the portal")
        self.assertIn(self.client, self.website.message_partner_ids)
        self.assertIn(
            self.client, self.intranet.message_partner_ids, "a contact's project: its client follows"
        )
        self.assertNotIn(self.other_client, self.website.message_partner_ids)
        self.assertIn(self.client, self.task.message_partner_ids, "new tasks are followed too")

    def test_portal_user_sees_its_projects_and_not_another_clients(self):
        page = self._get("ch_proj_portal", "/my/projects")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Acme Website", page.text)
        self.assertIn("Acme Intranet", page.text)
        self.assertNotIn("Rival Portal", page.text)
        rival = self._get("ch_proj_rival", "/my/projects")
        self.assertIn("Rival Portal", rival.text)
        self.assertNotIn("Acme Website", rival.text)

    def test_portal_user_sees_its_tasks_and_not_another_clients(self):
        page = self._get("ch_proj_portal", "/my/tasks")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Acme home page", page.text)
        self.assertNotIn("Rival login page", page.text)

    def test_another_clients_project_and_task_are_refused(self):
        # Odoo's project page sends whoever may not read the project back to /my.
        own = self._get("ch_proj_portal", f"/my/projects/{self.website.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Acme home page", own.text)
        other = self._get("ch_proj_portal", f"/my/projects/{self.rival_project.id}")
        self.assertEqual(other.status_code, 303)
        self.assertTrue(other.headers["Location"].endswith("/my"))
        task = self._get("ch_proj_portal", f"/my/tasks/{self.rival_task.id}")
        self.assertNotEqual(task.status_code, 200)
        self.assertNotIn("Rival login page", task.text)

    def test_profile_page_links_to_the_projects(self):
        page = self._get("ch_proj_portal", "/my/client")
        self.assertEqual(page.status_code, 200)
        # What /my/projects lists: the website, the intranet and the done shop, not the archived one.
        self.assertRegex(page.text, r'o_client_hub_projects">\s*<a href="/my/projects">3</a>')
