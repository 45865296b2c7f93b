from odoo.tests import TransactionCase, tagged

from .common import MailingFixtures

REPORT = "res.partner.journey.report"


@tagged("post_install", "-at_install")
class TestJourneyAfterMailing(MailingFixtures, TransactionCase):
    """Hand-worked figures (2026; a mailing reaches a client when it is sent to the client or one of
    its contacts and neither bounced nor was cancelled):

    M1: Prospect 01-10, mailing 02-01, Active 02-20: mailed as a prospect, Active 19 days after it.
    M2: Tracking 01-01, mailing 01-05, Prospect 01-10, Active 02-01: mailed as a tracked client (not as
        a prospect), Prospect 5 days after it.
    M3: Prospect 01-10, mailing 01-15, Active 04-01: mailed, Active 76 days after it (> 30).
    M4: Prospect 01-10, a bounced mailing 02-01, a mailing cancelled for its blacklisted contact 02-05,
        Active 02-10: never reached.
    M5: Prospect 01-10, a mailing to its contact 03-01, still a prospect: mailed, not moved on.
    M6: Prospect 01-10, mailings 01-12 and 03-01, Active 03-10: the last one counts, 9 days.

    Prospect: 6 clients, 5 moved on, 4 mailed (M1, M3, M5, M6), 2 became Active within 30 days after a
    mailing (M1, M6). Tracking: 1 client (M2), mailed, moved on 5 days after it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tracking, cls.prospect, cls.active = (
            cls.env.ref(f"client_hub.client_status_{name}") for name in ("tracking", "prospect", "active")
        )
        cls.analyst = cls._create_user("ch_journey_analyst", "client_hub.group_client_hub_user")
        cls.clients = m1, m2, m3, m4, m5, m6 = cls.env["res.partner"].create(
            [
                {"name": f"Mailing M{number}", "is_company": True, "client_status_id": status.id}
                for number, status in enumerate(
                    (cls.active, cls.active, cls.active, cls.active, cls.prospect, cls.active), start=1
                )
            ]
        )
        contact4 = cls._create_contact(m4, "M4 Blacklisted", email="m4@example.com")
        contact5 = cls._create_contact(m5, "M5 Buyer", email="m5@example.com")
        History = cls.env["res.partner.status.history"].sudo()
        History.search([("partner_id", "in", cls.clients.ids)]).unlink()
        journeys = {
            m1: [("01-10", cls.prospect), ("02-20", cls.active)],
            m2: [("01-01", cls.tracking), ("01-10", cls.prospect), ("02-01", cls.active)],
            m3: [("01-10", cls.prospect), ("04-01", cls.active)],
            m4: [("01-10", cls.prospect), ("02-10", cls.active)],
            m5: [("01-10", cls.prospect)],
            m6: [("01-10", cls.prospect), ("03-10", cls.active)],
        }
        History.create(
            [
                {
                    "partner_id": client.id,
                    "to_status_id": status.id,
                    "date": f"2026-{day} 09:00:00",
                    "company_id": client.company_id.id,
                }
                for client, steps in journeys.items()
                for day, status in steps
            ]
        )
        mailing = cls.env["mailing.mailing"].create(
            {"subject": "Journey news", "mailing_model_id": cls.env["ir.model"]._get_id("res.partner")}
        )
        sent = [
            (m1, "02-01", "sent"),
            (m2, "01-05", "open"),
            (m3, "01-15", "reply"),
            (m4, "02-01", "bounce"),
            (contact4, "02-05", "cancel"),
            (contact5, "03-01", "sent"),
            (m6, "01-12", "sent"),
            (m6, "03-01", "open"),
        ]
        cls.env["mailing.trace"].create(
            [
                {
                    "mass_mailing_id": mailing.id,
                    "model": "res.partner",
                    "res_id": partner.id,
                    "email": partner.email or f"{partner.id}@example.com",
                    "trace_status": status,
                    "sent_datetime": f"2026-{day} 10:00:00",
                }
                for partner, day, status in sent
            ]
        )

    def _groups(self, domain=()):
        Report = self.env[REPORT].with_user(self.analyst)
        return {
            stage: figures
            for stage, *figures in Report._read_group(
                [("partner_id", "in", self.clients.ids), *domain],
                ["stage_id"],
                [
                    "client_count:sum",
                    "moved_on_count:sum",
                    "mailed_count:sum",
                    "moved_on_after_mailing_count:sum",
                ],
            )
        }

    def test_clients_that_moved_on_within_30_days_after_a_mailing(self):
        groups = self._groups()
        self.assertEqual(groups[self.prospect], [6, 5, 4, 2])
        self.assertEqual(groups[self.tracking], [1, 1, 1, 1])

    def test_the_filter_lists_the_prospects_that_became_active_after_a_mailing(self):
        rows = (
            self.env[REPORT]
            .with_user(self.analyst)
            .search(
                [
                    ("partner_id", "in", self.clients.ids),
                    ("stage_id", "=", self.prospect.id),
                    ("moved_on_after_mailing_count", "=", 1),
                ]
            )
        )
        m1, _m2, _m3, _m4, _m5, m6 = self.clients
        self.assertEqual(rows.partner_id, m1 | m6)
        self.assertEqual(rows.next_status_id, self.active)
