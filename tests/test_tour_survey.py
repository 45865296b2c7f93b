import re

from odoo.tests import tagged

from .common import ClientHubHttpCase


@tagged("post_install", "-at_install")
class TestSurveyTour(ClientHubHttpCase):
    def test_send_survey_answer_anonymously_satisfaction_updated(self):
        self._create_user("ch_tour_survey", "client_hub.group_client_hub_user")
        client = self._create_client("Survey Tour Ltd", email="survey-tour@example.com")
        self.start_tour(f"/odoo/res.partner/{client.id}", "client_hub_send_survey", login="ch_tour_survey")
        mail = self.env["mail.mail"].search([("recipient_ids", "in", client.ids)])
        [link] = re.findall(r'href="[^"]*(/client_hub/rate/[0-9a-f]+/3)"', mail.body_html)
        self.assertEqual(client.satisfaction_count, 0)
        self.start_tour(link, "client_hub_answer_survey", login=None)
        self.env.invalidate_all()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (1, 5))
        self.assertEqual(client.satisfaction_ids.feedback, "Five stars from the tour")
