"""Outside review of client satisfaction (ratings, e-mail surveys, analysis): each test is an attack
by a weak role that succeeds on the code reviewed, and says what should happen instead."""

import contextlib

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CSRF, json_rpc


@tagged("post_install", "-at_install")
class TestReviewSatisfaction(HttpCase):
    """Clients A and B (status Active), portal users X and Y of A, a contact of B, a plain internal
    user and a Client Hub user; attacks go over HTTP (JSON-RPC, the survey and Odoo's rating pages)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        active = cls.env.ref("client_hub.client_status_active")
        cls.client_a = Partner.create(
            {"name": "Alpha Rated Ltd", "is_company": True, "client_status_id": active.id}
        )
        cls.client_b = Partner.create(
            {"name": "Beta Secret Ltd", "is_company": True, "client_status_id": active.id}
        )
        cls.user_internal = new_test_user(cls.env, login="rs_internal", groups="base.group_user")
        cls.user_hub = new_test_user(cls.env, login="rs_hub", groups="client_hub.group_client_hub_user")
        cls.portal_x = new_test_user(cls.env, login="rs_portal_x", groups="base.group_portal")
        cls.portal_y = new_test_user(cls.env, login="rs_portal_y", groups="base.group_portal")
        cls.portal_x.partner_id.write({"parent_id": cls.client_a.id, "email": "x@alpha.example.com"})
        cls.portal_y.partner_id.write({"parent_id": cls.client_a.id, "email": "y@alpha.example.com"})
        cls.contact_x = cls.portal_x.partner_id
        cls.contact_y = cls.portal_y.partner_id
        cls.contact_b = Partner.create(
            {"name": "Bob Of Beta", "parent_id": cls.client_b.id, "email": "bob@beta.example.com"}
        )
        cls.Rating = cls.env["rating.rating"]

    # ------------------------------------------------------------------ helpers
    def _request(self, client, contact):
        """A survey request as Send survey makes it (the e-mail's token)."""
        client.survey_contact_ids = contact
        client._client_hub_send_surveys()
        return self.Rating.search(
            [("client_id", "=", client.id), ("partner_id", "=", contact.id), ("survey_sent", "=", True)],
            order="id desc",
            limit=1,
        )

    def _post(self, token, **data):
        return self.url_open(f"/client_hub/rate/{token}", data=data, method="POST")

    def _backdate(self, rating, days):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE rating_rating SET create_date = now() - make_interval(days => %s) WHERE id = %s",
            (days, rating.id),
        )
        self.env.invalidate_all()

    def _client_answers(self, client):
        return self.Rating.search(
            [("client_id", "=", client.id), ("res_model", "=", "res.partner"), ("consumed", "=", True)]
        )

    # ------------------------------------------------------------------ internal users
    def test_internal_user_injects_a_rating_into_a_clients_analysis(self):
        """A plain internal user (no Client Hub right) creates over JSON-RPC a rating of another
        model (res.country) carrying client_id, channel "email" and a score of 1: it is counted in
        the client's Satisfaction Analysis as the client's own answer. Only Client Hub users should
        record client ratings: client_id on a rating that is not the client's (or a task's) should
        be refused, whatever the rated model."""
        self.authenticate("rs_internal", "rs_internal")
        json_rpc(
            self,
            "rating.rating",
            "create",
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.country"),
                    "res_id": self.env.ref("base.be").id,
                    "client_id": self.client_a.id,
                    "channel": "email",
                    "survey_sent": True,
                    "rating": 1,
                    "consumed": True,
                }
            ],
        )
        self.env.invalidate_all()
        rows = self.env["res.partner.satisfaction.report"].search([("partner_id", "=", self.client_a.id)])
        self.assertFalse(rows, "an internal user without the rating right skews the client's analysis")

    def test_internal_user_turns_a_task_rating_into_a_client_answer(self):
        """A plain internal user may write Odoo's task ratings (the rule hides only res.partner
        ratings): over JSON-RPC it re-targets a task rating to the client (res_model res.partner,
        channel "portal", score 1). The client's average and its portal then show a "portal" answer
        nobody of the client gave. Re-targeting a rating to a client, or to a client channel, should be
        refused for anyone (the write check only looks at ratings that already are the client's)."""
        project = self.env["project.project"].create(
            {"name": "Alpha Project", "partner_id": self.client_a.id}
        )
        task = self.env["project.task"].create(
            {"name": "Alpha Task", "project_id": project.id, "partner_id": self.contact_x.id}
        )
        rating = self.Rating.create(
            {
                "res_model_id": self.env["ir.model"]._get_id("project.task"),
                "res_id": task.id,
                "partner_id": self.contact_x.id,
                "rating": 5,
                "consumed": True,
            }
        )
        self.assertEqual((rating.client_id, rating.channel), (self.client_a, "task"))
        self.authenticate("rs_internal", "rs_internal")
        json_rpc(
            self,
            "rating.rating",
            "write",
            [
                rating.ids,
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": self.client_a.id,
                    "channel": "portal",
                    "rating": 1,
                },
            ],
        )
        self.env.invalidate_all()
        self.assertFalse(self._client_answers(self.client_a), "a forged client answer counts in its average")

    def test_internal_user_reads_the_clients_satisfaction_over_rpc(self):
        """A plain internal user (no Client Hub group: the rule hides every client rating from it)
        reads over JSON-RPC res.partner's satisfaction_score / satisfaction_average of every client:
        the latest score and the average of ratings it may not see. The statistics should be
        readable by Client Hub users only (field groups), like the ratings they are made of."""
        self.Rating.create({"client_id": self.client_a.id, "rating": 2})
        self.authenticate("rs_internal", "rs_internal")
        result, _error = json_rpc(
            self, "res.partner", "read", [self.client_a.ids, ["satisfaction_score", "satisfaction_average"]]
        )
        self.assertFalse(
            result and result[0].get("satisfaction_score"), "an internal user read the client's latest score"
        )

    def test_client_hub_user_inflates_the_response_rate(self):
        """A Client Hub user records a phone rating, then writes over JSON-RPC channel "task" and
        survey_sent=True on it (both accepted): the Satisfaction Analysis counts it as a survey sent
        and answered, so the client's Response Rate climbs with every call the user logs. The
        bookkeeping of the surveys (survey_sent, the Project Task channel) should not be writable
        by staff."""
        self.authenticate("rs_hub", "rs_hub")
        own, _error = json_rpc(
            self, "rating.rating", "create", [{"client_id": self.client_a.id, "rating": 3}]
        )
        json_rpc(self, "rating.rating", "write", [[own], {"channel": "task", "survey_sent": True}])
        self.env.invalidate_all()
        row = self.env["res.partner.satisfaction.report"].search([("id", "=", own)])
        self.assertFalse(row.sent_count, "a phone call logged by staff counts as a survey sent and answered")

    def test_staff_rating_is_not_given_by_another_clients_contact(self):
        """A Client Hub user records over JSON-RPC a rating of client A "given by" (partner_id) a
        contact of client B: accepted, and the analysis shows B's person rating A (Given by). Who
        gave a client rating should be one of the client's people (or nobody)."""
        self.authenticate("rs_hub", "rs_hub")
        json_rpc(
            self,
            "rating.rating",
            "create",
            [{"client_id": self.client_a.id, "partner_id": self.contact_b.id, "rating": 1}],
        )
        self.env.invalidate_all()
        self.assertFalse(
            self._client_answers(self.client_a).filtered(lambda rating: rating.partner_id == self.contact_b),
            "client A has a rating given by client B's contact",
        )

    def test_internal_user_sends_satisfaction_surveys(self):
        """A plain internal user (no Client Hub group: the Send survey button is hidden from it) calls
        res.partner's action_send_satisfaction_survey over JSON-RPC: the check is create access on
        rating.rating, which Odoo gives every internal user, and the rest runs in sudo, so survey
        requests are created and e-mailed to the client's people in the company's name (and the
        schedule's last-survey date moves). Sending surveys should be refused to non Client Hub
        users (AccessError)."""
        self.client_a.survey_contact_ids = self.contact_x
        self.authenticate("rs_internal", "rs_internal")
        json_rpc(self, "res.partner", "action_send_satisfaction_survey", [self.client_a.ids])
        self.env.invalidate_all()
        requests = self.Rating.search([("client_id", "=", self.client_a.id), ("survey_sent", "=", True)])
        self.assertFalse(requests, "a user without the Client Hub right e-mailed a satisfaction survey")

    # ------------------------------------------------------------------ tokens read by staff or colleagues
    def test_client_hub_user_answers_a_survey_in_the_clients_name(self):
        """A Client Hub user (not a manager) reads the access_token of a contact's open survey request
        over JSON-RPC, then posts to /client_hub/rate/<token> without login: the contact's answer
        (channel "email", which the team may not record) is forged. The token is the contact's
        credential: it should not be readable by staff (field groups), nor by the JSON-RPC API."""
        request = self._request(self.client_a, self.contact_x)
        self.authenticate("rs_hub", "rs_hub")
        result, _error = json_rpc(self, "rating.rating", "read", [request.ids, ["access_token"]])
        token = result[0].get("access_token") if result else None
        self.logout()
        self._post(token, score="5", comment="Perfect (written by staff)")
        self.env.invalidate_all()
        self.assertFalse(request.consumed, "staff answered the client's survey through its token")

    def test_client_hub_user_forges_a_survey_request_and_erases_a_real_answer(self):
        """A Client Hub user creates over JSON-RPC a rating with survey_sent=True for a contact
        (channel "phone" passes every check), reads its token and posts to the survey page: the
        contact's genuine portal answer of the period is deleted (sudo unlink: the user has no unlink
        right) and replaced by a 5 in the "email" channel. survey_sent (the response rate's base and
        the token page's key) should be set by the survey sending only, never through create/write."""
        genuine = self.Rating.with_user(self.portal_x)._client_hub_portal_rate(1, "Very late deliveries")
        self.authenticate("rs_hub", "rs_hub")
        forged_id, _error = json_rpc(
            self,
            "rating.rating",
            "create",
            [
                {
                    "client_id": self.client_a.id,
                    "partner_id": self.contact_x.id,
                    "channel": "phone",
                    "survey_sent": True,
                }
            ],
        )
        token = None
        if forged_id:
            result, _error = json_rpc(self, "rating.rating", "read", [[forged_id], ["access_token"]])
            token = result[0]["access_token"]
        self.logout()
        self._post(token, score="5")
        self.assertTrue(genuine.exists(), "the client's own answer was erased by a staff-made request")

    def test_portal_user_changes_a_colleagues_survey_answer(self):
        """Portal user X of client A reads over JSON-RPC (search_read on rating.rating, allowed by the
        portal rule) the access_token of colleague Y's answered e-mail survey and posts to its page:
        Y's answer becomes X's (1 star), within the 30 days. Portal users should never read the
        tokens of the ratings they see (the portal page does not need them)."""
        request = self._request(self.client_a, self.contact_y)
        self._post(request.access_token, score="5", comment="Y is happy")
        self.env.invalidate_all()
        self.assertEqual(request.rating, 5)
        self.authenticate("rs_portal_x", "rs_portal_x")
        result, _error = json_rpc(
            self,
            "rating.rating",
            "search_read",
            [[("partner_id", "=", self.contact_y.id)], ["access_token"]],
        )
        token = result[0].get("access_token") if result else None
        self._post(token, score="1", comment="Y is not happy (written by X)")
        self.env.invalidate_all()
        self.assertEqual((request.rating, request.feedback), (5, "Y is happy"), "X rewrote Y's answer")

    # ------------------------------------------------------------------ Odoo's own /rate route
    def test_expired_survey_is_answered_through_odoos_rate_route(self):
        """An anonymous visitor with an expired survey link (40 days old: /client_hub/rate answers
        404) opens Odoo's generic /rate/<token>/1 page of the rating module and posts its form to
        /rate/<token>/submit_feedback: the client rating is recorded, without the expiry, the period
        replacement or the comment checks of the survey page (and a message is posted on the client).
        Client ratings' tokens should only work on /client_hub/rate (Odoo's route should 404 them)."""
        request = self._request(self.client_a, self.contact_x)
        self._backdate(request, 40)
        self.assertEqual(self.url_open(f"/client_hub/rate/{request.access_token}/1").status_code, 404)
        page = self.url_open(f"/rate/{request.access_token}/1")
        match = CSRF.search(page.text)
        if match:
            self.url_open(
                f"/rate/{request.access_token}/submit_feedback",
                data={"rate": "1", "feedback": "x" * 10000, "csrf_token": match.group(1)},
                method="POST",
            )
        self.env.invalidate_all()
        self.assertFalse(request.consumed, "an expired client survey was answered through /rate")

    # ------------------------------------------------------------------ error pages
    def test_nul_character_in_a_token_is_not_a_server_error(self):
        """A visitor (or a broken mail scanner) opens /client_hub/rate/%00 (GET, GET with a star,
        POST): the NUL reaches PostgreSQL in the token search and the answer is a 500. A token that
        cannot exist should get the "link not valid" page (404)."""
        for method, url in (
            ("GET", "/client_hub/rate/%00"),
            ("GET", "/client_hub/rate/a%00b/5"),
            ("POST", "/client_hub/rate/%00"),
        ):
            with self.subTest(method=method, url=url):
                response = self.url_open(
                    url, data={"score": "5"} if method == "POST" else None, method=method
                )
                self.assertEqual(response.status_code, 404)

    # ------------------------------------------------------------------ who receives the surveys
    def test_survey_contact_of_another_client_is_not_asked(self):
        """A Client Hub user sets over JSON-RPC (the view's domain is not a check) a contact of client
        B as a survey contact of client A: the survey e-mail tells B's person A's name and B's person's
        answer counts in A's satisfaction. Survey contacts should be the client's own people (refused
        on write, or left out when sending)."""
        self.authenticate("rs_hub", "rs_hub")
        json_rpc(
            self,
            "res.partner",
            "write",
            [self.client_a.ids, {"survey_contact_ids": [(6, 0, self.contact_b.ids)]}],
        )
        self.env.invalidate_all()
        self.client_a._client_hub_send_surveys()
        requests = self.Rating.search(
            [("client_id", "=", self.client_a.id), ("partner_id", "=", self.contact_b.id)]
        )
        self.assertFalse(requests, "client B's contact was asked about client A")

    def test_survey_not_sent_to_a_contact_who_moved_to_another_client(self):
        """Contact X is A's survey contact, then moves to client B (parent changed): the daily cron
        still e-mails X about A (A's name to B's person, X's answer counted for A). The recipients
        should be checked when sending: the client's own people only."""
        self.client_a.survey_contact_ids = self.contact_x
        self.contact_x.parent_id = self.client_b
        self.env["res.partner"]._cron_send_satisfaction_surveys()
        requests = self.Rating.search(
            [("client_id", "=", self.client_a.id), ("partner_id", "=", self.contact_x.id)]
        )
        self.assertFalse(requests, "a contact now at client B was asked about client A")

    def test_survey_not_sent_to_an_opted_out_address(self):
        """Contact X unsubscribed (its address is on Odoo's mail blacklist): the daily cron creates a
        request and queues the survey e-mail anyway. Blacklisted addresses should not get surveys."""
        self.client_a.survey_contact_ids = self.contact_x
        self.env["mail.blacklist"].sudo()._add(self.contact_x.email)
        self.env["res.partner"]._cron_send_satisfaction_surveys()
        mails = self.env["mail.mail"].search([("recipient_ids", "in", self.contact_x.ids)])
        self.assertFalse(mails, "a survey was e-mailed to an address that opted out")

    def test_a_survey_link_is_not_sent_again_while_it_works(self):
        """Send survey on a request created 29 days ago (its link works 30 days, as its e-mail says):
        no second e-mail with the same link, no second request; the first link still answers."""
        request = self._request(self.client_a, self.contact_x)
        self._backdate(request, 29)
        self.assertFalse(self.client_a._client_hub_send_surveys())
        mails = self.env["mail.mail"].search([("recipient_ids", "in", self.contact_x.ids)])
        self.assertEqual(len(mails), 1)
        self.assertEqual(self.url_open(f"/client_hub/rate/{request.access_token}/4").status_code, 200)

    # ------------------------------------------------------------------ what is counted
    def test_survey_answer_for_a_former_client_is_not_counted(self):
        """A survey link of a partner that is no longer a client (its client status removed after the e-mail):
        the anonymous POST records the answer and it counts in the analysis, although ratings are
        for clients only (the "Only clients are rated" rule is not checked on this path). The link
        should answer as not valid, or the answer be refused with a clear page."""
        request = self._request(self.client_a, self.contact_x)
        with contextlib.suppress(UserError, ValidationError, AccessError):
            self.client_a.client_status_id = False
        if self.client_a.is_client:
            self.skipTest("a client with a survey cannot stop being a client")
        self._post(request.access_token, score="1")
        self.env.invalidate_all()
        self.assertFalse(request.consumed, "an answer was recorded for a partner that is not a client")
