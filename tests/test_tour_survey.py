import re

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSurveyTour(HttpCase):
    def test_send_survey_answer_anonymously_satisfaction_updated(self):
        new_test_user(self.env, login="ch_tour_survey", groups="client_hub.group_client_hub_user")
        client = self.env["res.partner"].create(
            {
                "name": "Survey Tour Ltd",
                "is_company": True,
                "email": "survey-tour@example.com",
                "client_status_id": self.env.ref("client_hub.client_status_active").id,
            }
        )
        self.start_tour(f"/odoo/res.partner/{client.id}", "client_hub_send_survey", login="ch_tour_survey")
        mail = self.env["mail.mail"].search([("recipient_ids", "in", client.ids)])
        [link] = re.findall(r'href="[^"]*(/client_hub/rate/[0-9a-f]+/3)"', mail.body_html)
        self.assertEqual(client.satisfaction_count, 0)
        self.start_tour(link, "client_hub_answer_survey", login=None)
        self.env.invalidate_all()
        self.assertEqual((client.satisfaction_count, client.satisfaction_score), (1, 5))
        self.assertEqual(client.satisfaction_ids.feedback, "Five stars from the tour")
