from odoo import http
from odoo.http import request

from .portal import MAX_NOTE, ClientHubPortal

SCORE_VALUES = {"1", "2", "3", "4", "5"}


class ClientHubSatisfactionSurvey(http.Controller):
    """The page a survey e-mail's stars open, without login: the request is found by its access
    token. GET only shows the page (mail scanners open every link); POST records the answer, and a
    new POST through the same e-mail changes it."""

    @http.route(
        ["/client_hub/rate/<string:token>", "/client_hub/rate/<string:token>/<int:score>"],
        type="http",
        auth="public",
        methods=["GET", "HEAD"],
        website=True,
        sitemap=False,
        readonly=True,
    )
    def client_hub_survey_page(self, token, score=0, **_kwargs):
        rating = request.env["rating.rating"]._client_hub_survey_from_token(token)
        if not rating:
            return self._client_hub_render(rating, "client_hub.satisfaction_survey_invalid", {}, status=404)
        values = {"token": token, "score": score if 1 <= score <= 5 else int(rating.rating), "errors": {}}
        return self._client_hub_render(rating, "client_hub.satisfaction_survey_page", values)

    # The token is the only credential and a mail scanner never posts: no session, no CSRF token.
    @http.route(
        "/client_hub/rate/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        website=True,
    )
    def client_hub_survey_submit(self, token, **form):
        rating = request.env["rating.rating"]._client_hub_survey_from_token(token)
        if not rating:
            return self._client_hub_render(rating, "client_hub.satisfaction_survey_invalid", {}, status=404)
        errors = {}
        score = ClientHubPortal._form_str(form, "score")
        if score not in SCORE_VALUES:
            errors["score"] = request.env._("Choose from 1 to 5 stars.")
        comment = ClientHubPortal._clean_text(
            form, "comment", errors, request.env._("Comment"), limit=MAX_NOTE
        )
        if errors:
            values = {"token": token, "score": int(score) if score in SCORE_VALUES else 0, "errors": errors}
            return self._client_hub_render(rating, "client_hub.satisfaction_survey_page", values, status=400)
        rating._client_hub_survey_answer(int(score), comment)
        return self._client_hub_render(rating, "client_hub.satisfaction_survey_thanks", {"token": token})

    def _client_hub_render(self, rating, template, values, status=200):
        """The page in the language of the person asked."""
        if rating.partner_id.lang:
            request.update_context(lang=rating.partner_id.lang)
        return request.render(
            template, {"rating": rating, "client": rating.client_id, **values}, status=status
        )
