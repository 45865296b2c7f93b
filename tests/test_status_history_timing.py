import os
import time
import unittest
from statistics import median
from unittest.mock import patch

from odoo.tests import tagged

from .common import ClientHubCase

CLIENTS = int(os.environ.get("CLIENT_HUB_BENCH_CLIENTS", "10000"))
REPETITIONS = 3
DECIDING_FIELDS = "odoo.addons.client_hub.models.res_partner_status_tracking.STATUS_DECIDING_FIELDS"


@unittest.skipUnless(
    os.environ.get("CLIENT_HUB_BENCH"), "a benchmark: CLIENT_HUB_BENCH=1 make pytest ARGS=..."
)
@tagged("post_install", "-at_install", "-standard")
class TestStatusHistoryTiming(ClientHubCase):
    """Prints what writing a status on 10,000 clients at once costs with the status history and
    without it (the history's write bypassed); measures, asserts no time."""

    def _timed_write(self, clients, status):
        self.env.flush_all()
        start = time.perf_counter()
        clients.write({"client_status_id": status.id})
        self.env.flush_all()
        return time.perf_counter() - start

    def test_print_the_cost_of_the_history_on_a_batch_write(self):
        clients = self._create_clients(*(f"Timed Client {i}" for i in range(CLIENTS)))
        self.env.flush_all()
        with_history, without = [], []
        for _repetition in range(REPETITIONS):
            with_history.append(self._timed_write(clients, self.status_prospect))
            with patch(DECIDING_FIELDS, frozenset()):
                without.append(self._timed_write(clients, self.status_active))
            with_history.append(self._timed_write(clients, self.status_prospect))
            with patch(DECIDING_FIELDS, frozenset()):
                without.append(self._timed_write(clients, self.status_active))
        rows = self.env["res.partner.status.history"].search_count([("partner_id", "in", clients.ids)])
        print(  # pylint: disable=print-used
            f"\nStatus written on {CLIENTS} clients at once: {median(with_history):.3f} s with the history, "
            f"{median(without):.3f} s without (median of {len(without)}), "
            f"ratio {median(with_history) / median(without):.2f}; {rows} history rows"
        )
