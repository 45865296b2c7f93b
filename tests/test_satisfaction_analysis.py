from odoo.tests import tagged

from .common import ClientHubCase


@tagged("post_install", "-at_install")
class TestSatisfactionAnalysis(ClientHubCase):
    """The Satisfaction Analysis reads Odoo's ratings: the client's, its people's task ratings as
    their own channel, and the survey response rate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Analysis Client", email="analysis@example.com")
        cls.contact = cls.env["res.partner"].create(
            {"name": "Tara Task", "parent_id": cls.client.id, "email": "tara@example.com"}
        )
        cls.Report = cls.env["res.partner.satisfaction.report"]

    def _by_channel(self):
        self.env.flush_all()
        return {
            channel: (count, score, rate)
            for channel, count, score, rate in self.Report._read_group(
                [("partner_id", "=", self.client.id)],
                ["channel"],
                ["rating_count:sum", "score:avg", "response_rate:avg"],
            )
        }

    def test_task_ratings_are_their_own_channel(self):
        project = self.env["project.project"].create(
            {"name": "Analysis Project", "partner_id": self.client.id}
        )
        task = self.env["project.task"].create(
            {"name": "Analysis Task", "project_id": project.id, "partner_id": self.contact.id}
        )
        token = task._rating_get_access_token()
        task.rating_apply(5, token=token)
        self.env["rating.rating"].create({"client_id": self.client.id, "rating": 2, "channel": "phone"})
        self.assertEqual(self._by_channel(), {"task": (1, 5.0, 100.0), "phone": (1, 2.0, False)})
        self.assertEqual(
            (self.client.satisfaction_count, self.client.satisfaction_score),
            (1, 2),
            "the client's own statistics keep their ratings; tasks have their channel in the analysis",
        )

    def test_response_rate_of_the_surveys(self):
        answered_by = self.env["res.partner"].create(
            {"name": "Ann Answer", "parent_id": self.client.id, "email": "ann@example.com"}
        )
        self.client.survey_contact_ids = self.contact | answered_by
        self.client.action_send_satisfaction_survey()
        request = self.env["rating.rating"].search(
            [("client_id", "=", self.client.id), ("partner_id", "=", answered_by.id)]
        )
        request._client_hub_survey_answer(4, "")
        # Two sent, one answered: 50 %; one rating of 4.
        self.assertEqual(self._by_channel(), {"email": (1, 4.0, 50.0)})
        [(sent,)] = self.Report._read_group([("partner_id", "=", self.client.id)], [], ["sent_count:sum"])
        self.assertEqual(sent, 2)
