from datetime import timedelta

from odoo import Command, fields
from odoo.addons.client_hub.tests.common import ClientHubFixtures


class ContractFixtures(ClientHubFixtures):
    """Customer contracts (OCA's contract) of clients, each line a dated recurring service."""

    @classmethod
    def _setup_contracts(cls):
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.service = cls.env["product.product"].create(
            {"name": "Hosting", "type": "service", "list_price": 100}
        )

    @classmethod
    def _create_contract(cls, partner, *lines, **values):
        """A customer contract of the partner; each line a dict of (date_start, date_end, price_unit,
        recurring_rule_type…) over a monthly hosting line of 100."""
        return cls.env["contract.contract"].create(
            {
                "name": f"{partner.name} contract",
                "partner_id": partner.id,
                "contract_type": "sale",
                "line_recurrence": True,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "name": "Hosting",
                            "quantity": 1,
                            "price_unit": 100,
                            "recurring_rule_type": "monthly",
                            **line,
                        }
                    )
                    for line in lines
                ],
                **values,
            }
        )

    @classmethod
    def _days(cls, days):
        return cls.today + timedelta(days=days)
