from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """19.0.1.3.0 depends on Odoo's project (installed by the update when missing). Projects of clients
    made before, with a portal visibility, get the client as a follower, as new ones do, so that the
    client's people see them in /my/projects."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["project.project"].with_context(active_test=False).search(
        [("partner_id", "!=", False)]
    )._client_hub_follow_clients()
