from werkzeug.exceptions import NotFound

from odoo import http
from odoo.addons.rating.controllers.main import Rating
from odoo.http import request

from ..models.rating_rating import CLIENT_MODEL, TOKEN_FORMAT


class ClientHubRating(Rating):
    """Odoo's /rate pages know nothing of a client survey's expiry, its one answer per period or
    its checks: a client rating's token answers only on /client_hub/rate, here it is not found."""

    @http.route()
    def action_open_rating(self, token, rate, **kwargs):
        self._client_hub_refuse_client_rating(token)  # before Odoo's check of `rate` (a 500)
        return super().action_open_rating(token, rate, **kwargs)

    def _get_rating_and_record(self, token):
        self._client_hub_refuse_client_rating(token)
        return super()._get_rating_and_record(token)

    def _client_hub_refuse_client_rating(self, token):
        if not TOKEN_FORMAT.fullmatch(token):
            raise NotFound()  # never a token (a NUL would reach PostgreSQL)
        rating = request.env["rating.rating"].sudo().search([("access_token", "=", token)], limit=1)
        if rating.res_model == CLIENT_MODEL:
            raise NotFound()
