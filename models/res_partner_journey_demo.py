import random
from datetime import datetime, time, timedelta

from odoo import api, fields, models

PREFIXES = (
    "Amber", "Baltic", "Cedar", "Delta", "Echo", "Fjord", "Granite", "Harbor", "Iris", "Juniper",
    "Kestrel", "Linden", "Meridian", "Nova", "Orchid",
)  # fmt: skip
SUFFIXES = ("Trading", "Studio", "Logistics")
# How well each acquisition source converts (the demo's story: events and referrals bring clients
# that stay, advertising brings many that leave).
SOURCE_ODDS = {
    "client_hub.utm_source_website": (0.65, 0.50, 0.25),
    "client_hub.utm_source_social_media": (0.55, 0.40, 0.35),
    "client_hub.utm_source_event": (0.80, 0.70, 0.15),
    "client_hub.utm_source_advertising": (0.50, 0.35, 0.50),
}
COUNTRIES = ("base.pl", "base.ar", "base.es", "base.de", "base.us")
CATEGORIES = (
    "client_hub.client_category_retail_ecommerce",
    "client_hub.client_category_retail_stores",
    "client_hub.client_category_services_agencies",
    "client_hub.client_category_services_consulting",
    "client_hub.client_category_manufacturing",
)
SALESPEOPLE = ("base.user_admin", "client_hub.user_demo_hub")


class ResPartnerStatusHistory(models.Model):
    """The demo's journeys: 45 clients over the last two years, each with its status changes (back
    and forth, skipped statuses, churn and win-backs), and the demo clients' own past, so that the
    Journey Analysis has a story to show. Few enough clients for the Clients list's first page."""

    _inherit = "res.partner.status.history"

    @api.model
    def _load_demo_journeys(self):
        rng = random.Random(37)  # the same demo on every install
        today = fields.Date.context_today(self)
        statuses = {
            name: self.env.ref(f"client_hub.client_status_{name}")
            for name in ("tracking", "prospect", "active", "inactive")
        }
        values, new_journeys = [], []
        for index in range(len(PREFIXES) * len(SUFFIXES)):
            source = rng.choice(list(SOURCE_ODDS))
            journey = self._demo_journey(rng, today, SOURCE_ODDS[source])
            values.append(
                {
                    "name": f"{PREFIXES[index % len(PREFIXES)]} {SUFFIXES[index // len(PREFIXES)]}",
                    "is_company": True,
                    "client_status_id": statuses[journey[-1][1]].id,
                    "acquisition_source_id": self.env.ref(source).id,
                    "country_id": self.env.ref(rng.choice(COUNTRIES)).id,
                    "client_category_id": self.env.ref(rng.choice(CATEGORIES)).id,
                    "user_id": self.env.ref(rng.choice(SALESPEOPLE)).id,
                    "client_since": journey[0][0],
                }
            )
            new_journeys.append(journey)
        new_clients = self.env["res.partner"].create(values)
        journeys = list(zip(new_clients, new_journeys, strict=True))
        # The demo clients of demo/: Tracking, Prospect, back to Tracking, Prospect again, then their
        # status of today.
        names = {status: name for name, status in statuses.items()}
        for client in self.env["res.partner"].search(
            [("is_client", "=", True), ("id", "not in", new_clients.ids)]
        ):
            start = min(client.client_since or today, today - timedelta(days=120))
            steps = [
                (start, "tracking"),
                (start + timedelta(days=14), "prospect"),
                (start + timedelta(days=30), "tracking"),
                (start + timedelta(days=45), "prospect"),
            ]
            if names.get(client.client_status_id) not in ("tracking", "prospect", None):
                steps.append((start + timedelta(days=75), names[client.client_status_id]))
            journeys.append((client, steps))
        # In place of the rows their creation wrote today.
        self.search([("partner_id", "in", [client.id for client, _journey in journeys])]).unlink()
        rows, ratings = [], []
        for client, journey in journeys:
            previous = False
            for day, status in journey:
                rows.append(
                    {
                        "partner_id": client.id,
                        "from_status_id": previous,
                        "to_status_id": statuses[status].id,
                        "date": datetime.combine(day, time(9)),
                        "user_id": client.user_id.id or self.env.uid,
                        "company_id": client.company_id.id,
                    }
                )
                previous = statuses[status].id
        # Clients who left were unhappy first; those who stay mostly are not.
        for client, journey in zip(new_clients, new_journeys, strict=True):
            if any(status == "active" for _day, status in journey):
                left = journey[-1][1] == "inactive"
                before = journey[-1][0] if left else today
                ratings.append(
                    {
                        "client_id": client.id,
                        "rating": rng.choice((1, 2, 2, 3, 4) if left else (3, 4, 5, 5)),
                        "consumed": True,
                        "rating_date": before - timedelta(days=rng.randint(5, 40)),
                    }
                )
        self.create(rows)
        self.env["rating.rating"].create(ratings)

    @api.model
    def _demo_journey(self, rng, today, odds):
        """[(date, status name)] of one client: from its first contact up to today."""
        to_prospect, to_active, churn = odds
        day = today - timedelta(days=rng.randint(20, 730))
        journey = [(day, "tracking" if rng.random() < 0.8 else "prospect")]

        def step(status, low, high):
            nonlocal day
            day += timedelta(days=rng.randint(low, high))
            if day > today:
                return False
            journey.append((day, status))
            return True

        if journey[0][1] == "tracking":
            draw = rng.random()
            if draw > to_prospect:
                return journey
            if draw < 0.1:  # straight to Active: the Prospect status skipped
                if step("active", 10, 50):
                    self._demo_churn(rng, step, churn)
                return journey
            if not step("prospect", 5, 45):
                return journey
        while rng.random() < 0.3:  # back and forth: Tracking again, then Prospect again
            if not (step("tracking", 5, 20) and step("prospect", 10, 40)):
                return journey
        draw = rng.random()
        if draw < to_active:
            if step("active", 10, 70):
                self._demo_churn(rng, step, churn)
        elif draw < to_active + 0.2 and step("inactive", 20, 90) and rng.random() < 0.3:
            # a lost prospect, sometimes back months later
            step("tracking", 60, 200)
        return journey

    @api.model
    def _demo_churn(self, rng, step, churn):
        # Clients leave, and a third of them come back (and may leave again).
        while rng.random() < churn and step("inactive", 60, 420):
            if not (rng.random() < 0.35 and step("active", 30, 200)):
                return
