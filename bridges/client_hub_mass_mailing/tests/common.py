from ast import literal_eval

from odoo.addons.client_hub.tests.common import ClientHubFixtures
from odoo.tests import Form

MARKETING = "mass_mailing.group_mass_mailing_user"


class MailingFixtures(ClientHubFixtures):
    """Prospect clients with their people and addresses, and mailings made the way a user makes them."""

    @classmethod
    def _create_prospect(cls, name, **values):
        prospect = cls.env.ref("client_hub.client_status_prospect")
        return cls._create_client(name, client_status_id=prospect.id, **values)

    @classmethod
    def _new_mailing_from_clients(cls, clients, subject="Prospect news"):
        """What "Send a mailing" opens on the clients, saved as a user saves it (its form, its context)."""
        action = clients.action_client_hub_send_mailing()
        form = Form(clients.env[action["res_model"]].with_context(**action["context"]))
        form.subject = subject
        return form.save()

    @staticmethod
    def _recipients(mailing):
        """The partners Odoo's Email Marketing sends the mailing to (its recipients filter, now)."""
        return mailing.env[mailing.mailing_model_real].browse(mailing._get_recipients())

    @staticmethod
    def _domain(mailing):
        return literal_eval(mailing.mailing_domain)
