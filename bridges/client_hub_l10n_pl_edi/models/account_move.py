import re

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_repr, html2plaintext

# FA(3)'s TZnakowy: the longest reason KSeF accepts.
REASON_MAX_LENGTH = 256


def _ksef_decimal(value, max_digits, min_digits=0):
    """`value` as FA(3) writes a decimal: at most `max_digits` decimals, trailing zeros dropped
    down to `min_digits` (quantities 10 and 2.5, prices 100.00 and 12.3456)."""
    text = float_repr(value, max_digits)
    if "." in text:
        whole, decimals = text.split(".")
        decimals = decimals.rstrip("0").ljust(min_digits, "0")
        text = f"{whole}.{decimals}" if decimals else whole
    return "0" if text in ("-0", "-0.0") else text


class AccountMove(models.Model):
    _inherit = "account.move"

    ksef_correction_type = fields.Selection(
        [
            ("1", "In the period of the corrected invoice"),
            ("2", "On the date the correction is issued"),
            ("3", "On another date"),
        ],
        string="Correction Effect (KSeF)",
        compute="_compute_ksef_correction_type",
        store=True,
        copy=False,
        help="When the correction counts in the VAT records (TypKorekty of the FA(3) correction): "
        "where its tax is booked, by its accounting date. A correction of an error is booked in "
        "the corrected invoice's period, one whose cause arose after the sale on its own date.",
    )
    ksef_is_correction = fields.Boolean(
        string="Correcting Invoice (KSeF)", compute="_compute_ksef_is_correction"
    )

    @api.depends("correction_of_move_id", "move_type", "debit_origin_id", "country_code")
    def _compute_ksef_is_correction(self):
        for move in self:
            move.ksef_is_correction = move.country_code == "PL" and move._is_client_hub_correction()

    @api.depends(
        "ksef_is_correction", "correction_cause", "date", "invoice_date", "correction_of_move_id.date"
    )
    def _compute_ksef_correction_type(self):
        # What the FA(3) declares is where the tax is booked (Odoo's tax report, the JPK): the
        # period of the corrected invoice, of the correction's issue date, or another one.
        for move in self:
            if not move.ksef_is_correction or not move.date:
                move.ksef_correction_type = False
                continue
            period = (move.date.year, move.date.month)
            invoice_date = move.correction_of_move_id.date
            in_invoice_period = bool(invoice_date) and period == (invoice_date.year, invoice_date.month)
            issued = move.invoice_date or move.date
            if in_invoice_period and (
                move.correction_cause == "at_sale" or period != (issued.year, issued.month)
            ):
                move.ksef_correction_type = "1"
            elif period == (issued.year, issued.month):
                move.ksef_correction_type = "2"
            else:
                move.ksef_correction_type = "3"

    def _is_client_hub_correction(self):
        """A credit or debit note a correction of Client Hub created (the new invoice of a replacing
        correction is an ordinary invoice: it is issued anew, the credit note corrects the old one)."""
        self.ensure_one()
        return bool(self.correction_of_move_id) and (
            self.move_type == "out_refund" or (self.move_type == "out_invoice" and bool(self.debit_origin_id))
        )

    def _l10n_pl_edi_get_ksef_invoice_type(self):
        # Odoo knows credit notes only: a debit note of a correction is a correcting invoice too.
        self.ensure_one()
        if self.move_type == "out_invoice" and self._is_client_hub_correction():
            origin_type = self.correction_of_move_id._l10n_pl_edi_get_ksef_invoice_type()
            return {"ZAL": "KOR_ZAL", "ROZ": "KOR_ROZ"}.get(origin_type, "KOR")
        return super()._l10n_pl_edi_get_ksef_invoice_type()

    def _l10n_pl_edi_get_xml_values(self):
        values = super()._l10n_pl_edi_get_xml_values()
        # Fixed for every document the bridge sends (Odoo's export, see the README):
        # - P_15 in the invoice's currency (KodWaluty), as P_13_x and P_14_x are, not in złoty;
        # - KursWalutyZ only on an advance invoice (the schema reserves it for art. 106b ust. 1
        #   pkt 4), in złoty per unit of the currency; any other invoice gives its rate per row
        #   (FaWiersz/KursWaluty);
        # - P_14_xW, the tax in złoty, as booked;
        # - the quantity as a decimal, the unit price as the invoice line has it (0.6543, not
        #   0.65), the 5 % rate as 5.
        # - the rows and the per-rate sums of a cash-basis tax (P_16 1), whose tags Odoo puts on
        #   the entry made at payment only.
        values["P_15"] = float_repr(self.amount_total_in_currency_signed, 2)
        odoo_amounts_from_tag = values["get_amounts_from_tag"]
        values["get_amounts_from_tag"] = lambda code: (
            odoo_amounts_from_tag(code) if "OSS" in code else self._ksef_amount_of_tag(code)
        )
        values["get_amounts_from_tag_in_PLN_currency"] = self._ksef_balance_of_tag
        values["invoice_lines"] = self._ksef_rows_with_cash_basis(values)
        rate = self._ksef_rate()
        values["KursWalutyZ"] = rate if values["invoice_type"] in ("ZAL", "KOR_ZAL") else False
        lines = {f"odoo-line-{line.id}": line for line in self.invoice_line_ids}
        for row in values["invoice_lines"]:
            line = lines.get(row["UU_ID"])
            # Odoo writes the float as Python prints it (40.0, 0.30000000000000004).
            row["P_8B"] = _ksef_decimal(row["P_8B"], 6)
            if line:
                row["P_9A"] = _ksef_decimal(line._ksef_net_unit_price(), 8, 2)
                row["P_12"] = line._ksef_p12(row["P_12"])
            if values["KursWalutyZ"] is False:
                row["KursWaluty"] = rate
        values.update(self._ksef_outside_country_sums(), exemption_basis=self._ksef_exemption_basis())
        if self._is_client_hub_correction() and "KOR" in values["invoice_type"]:
            values.update(self._ksef_correction_values(values))
        return values

    def _ksef_outside_country_sums(self):
        """P_13_8 and P_13_9, the net of the rows "np I" (K_11: supplies outside the country) and
        "np II" (K_12: services of art. 100 ust. 1 pkt 4), which Odoo's export leaves out: the
        per-rate sums did not add up to P_15."""
        sums = {"P_13_8": 0.0, "P_13_9": 0.0}
        for line in self.invoice_line_ids.filtered(lambda line: line.display_type == "product"):
            names = line._ksef_tag_names()
            key = "P_13_9" if "K_12" in names else "P_13_8" if "K_11" in names else None
            if key:
                sums[key] -= line.amount_currency
        return {
            key: not self.currency_id.is_zero(amount) and float_repr(amount, 2)
            for key, amount in sums.items()
        }

    def _ksef_exemption_basis(self):
        """The legal basis of the exempt rows (P_19A): the Legal Notes of their taxes (K_10). Odoo's
        export writes P_19N (no exempt supply) beside exempt rows."""
        self.ensure_one()
        taxes = self.invoice_line_ids.filtered(lambda line: "K_10" in line._ksef_tag_names()).tax_ids
        if not taxes:
            return False
        notes = [re.sub(r"\s+", " ", html2plaintext(tax.invoice_legal_notes or "")).strip() for tax in taxes]
        missing = taxes.filtered(lambda tax: not html2plaintext(tax.invoice_legal_notes or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "%(move)s has exempt lines, and FA(3) asks for the legal basis of the exemption: write it"
                    " in the Legal Notes of the tax %(tax)s (e.g. art. 43 ust. 1 pkt 37 ustawy o VAT).",
                    move=self.display_name,
                    tax=missing[0].display_name,
                )
            )
        return "; ".join(dict.fromkeys(note for note in notes if note))[:256]

    def _ksef_rate(self):
        """FA(3)'s rate of a foreign currency: złoty per unit of the currency (4.300000, Odoo keeps
        the inverse), the rate the invoice was converted at; False in złoty."""
        self.ensure_one()
        if self.currency_id == self.company_currency_id or not self.invoice_currency_rate:
            return False
        return float_repr(1 / self.invoice_currency_rate, 6)

    def _ksef_correction_values(self, values):
        """What differs in the FA(3) of a Client Hub correction from Odoo's export of a credit note."""
        self.ensure_one()
        invoice = self.correction_of_move_id
        reason = self.correction_reason or self.ref or "Korekta"
        if len(reason) > REASON_MAX_LENGTH:
            raise UserError(
                self.env._(
                    "The reason of correction %(move)s is longer than the %(max)s characters KSeF accepts: "
                    "shorten it.",
                    move=self.display_name,
                    max=REASON_MAX_LENGTH,
                )
            )
        p12 = {line["UU_ID"]: line["P_12"] for line in values["invoice_lines"]}
        rows = self._ksef_correction_rows(p12)
        if not values["KursWalutyZ"]:
            for row in rows:
                row["KursWaluty"] = self._ksef_rate()
        return {
            "invoice_lines": rows,
            "correction_info": {
                "PrzyczynaKorekty": reason,
                "TypKorekty": self.ksef_correction_type,
                "NrFaKorygowanej": invoice.name,
                "DataWystFaKorygowanej": invoice.invoice_date,
                "NrKSeFFaKorygowanej": invoice.l10n_pl_edi_number,
            },
        }

    def _ksef_lines_of_tag(self, code):
        """The lines of this document with the tax-report tag `code` (K_19...), a cash-basis tax's
        lines included (account.move.line._ksef_cash_basis_tags)."""
        tags = self.env["account.account.tag"]._get_tax_tags(code, self.env.ref("base.pl").id)
        return self.line_ids.filtered(lambda line: (line.tax_tag_ids | line._ksef_cash_basis_tags()) & tags)

    def _ksef_amount_of_tag(self, code):
        return -sum(self._ksef_lines_of_tag(code).mapped("amount_currency"))

    def _ksef_balance_of_tag(self, code):
        return -sum(self._ksef_lines_of_tag(code).mapped("balance"))

    def _ksef_rows_with_cash_basis(self, values):
        """Odoo's rows, with those of the lines it left out for having a cash-basis tax's tags only,
        in the order of the invoice's lines."""
        rows = {row["UU_ID"]: row for row in values["invoice_lines"]}
        sign = -1 if "KOR" in values["invoice_type"] else 1
        result = [
            rows.get(f"odoo-line-{line.id}") or line._ksef_cash_basis_row(sign)
            for line in self.invoice_line_ids
            if f"odoo-line-{line.id}" in rows or line._ksef_cash_basis_tags()
        ]
        for number, row in enumerate(result, start=1):
            row["NrWierszaFa"] = number
        return result

    def _ksef_correction_rows(self, p12):
        """FaWiersz rows: each corrected line twice, as it was before the correction (StanPrzed) and
        as it is after it, with the figures of the invoice line, not the signs of the document.
        A line without a link to an invoice line (the copies of a full credit note, a line added by
        hand) is credited when its quantity goes against the document, added otherwise."""
        self.ensure_one()
        lines = self.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        credits = 1 if self.move_type == "out_refund" else -1  # the sign of a credited quantity
        rows = []
        seen = set()
        for line in lines:
            corrected = line.corrected_line_id
            if not corrected:
                credited = line.quantity * credits > 0
                rows.append(self._ksef_row(line, line.name, p12, before=credited))
                if credited:
                    rows.append(self._ksef_row(line, line.name, p12, zero=True))
            elif corrected not in seen:
                seen.add(corrected)
                pair = lines.filtered(lambda other, corrected=corrected: other.corrected_line_id == corrected)
                before = pair.filtered(lambda other: other.correction_side == "before")
                rows += [
                    self._ksef_row(side, corrected.name, p12, before=side in before)
                    for side in before + (pair - before)
                ]
        for number, row in enumerate(rows, start=1):
            row["NrWierszaFa"] = number
        return rows

    def _ksef_row(self, line, name, p12, before=False, zero=False):
        """One FaWiersz of `line` in the invoice's currency (zero: the line after it is credited)."""
        quantity = 0.0 if zero else abs(line.quantity)
        subtotal = 0.0 if zero else abs(line.price_subtotal)
        unit_price = line._ksef_net_unit_price()
        discount = line.currency_id.round(quantity * unit_price - subtotal) if line.discount else 0.0
        return {
            "UU_ID": f"odoo-line-{line.id}{'-after' if zero else ''}",
            "P_7": name,
            "P_8A": line.product_uom_id.name or "szt.",
            "P_8B": _ksef_decimal(quantity, 6),
            "P_9A": _ksef_decimal(unit_price, 8, 2),
            "P_10": discount and float_repr(discount, 2),
            "P_11": float_repr(subtotal, 2),
            "P_12": p12.get(f"odoo-line-{line.id}"),
            "StanPrzed": before and "1",
        }
