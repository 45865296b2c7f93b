"""The correction dialog and a partial correction against Odoo's credit-note wizard."""

from datetime import date

from .measure import median_of, savepoint, timed


def form_specification(env, model, view_type="form"):
    """What the web client asks for when it opens `model`'s form (x2many lines included)."""
    views = env[model].get_views([(False, view_type)])
    models = views["models"]

    def spec(model_name, names):
        fields = models[model_name]["fields"]
        result = {}
        for name in names:
            info = fields[name]
            if info["type"] in ("one2many", "many2many") and info["relation"] in models:
                relation = info["relation"]
                result[name] = {"fields": spec(relation, models[relation]["fields"])}
            elif info["type"] == "many2one":
                result[name] = {"fields": {"display_name": {}}}
            else:
                result[name] = {}
        return result

    return spec(model, models[model]["fields"])


def correction_invoice(env, lines):
    """A posted customer invoice of a client with `lines` lines, two VAT rates."""
    env = env(context={"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True})
    company = env.company
    taxes = env["account.tax"].create(
        [{"name": f"Bench VAT {rate}", "amount": rate, "company_id": company.id} for rate in (23, 8)]
    )
    client = env["res.partner"].create(
        {
            "name": "Bench Corrected Client",
            "is_company": True,
            "client_status_id": env.ref("client_hub.client_status_active").id,
        }
    )
    invoice = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": client.id,
            "invoice_date": date.today().isoformat(),
            "invoice_line_ids": [
                (
                    0,
                    0,
                    {
                        "name": f"Item {i}",
                        "quantity": 10,
                        "price_unit": 10 + i % 7,
                        "tax_ids": [(6, 0, taxes[i % 2].ids)],
                    },
                )
                for i in range(lines)
            ],
        }
    )
    invoice.action_post()
    return invoice


def bench_correction(env, repetitions, lines=500, corrected=50):
    """The correction dialog on an invoice of `lines` lines, and a partial correction of
    `corrected` of them, vs Odoo's credit-note wizard (account.move.reversal) on that invoice:
    opening it, and confirming a full credit note."""
    invoice = correction_invoice(env, lines)
    admin_env = env(user=env.ref("base.user_admin"), context={"allowed_company_ids": invoice.company_id.ids})
    context = {"active_model": "account.move", "active_ids": invoice.ids, "active_id": invoice.id}
    dialogs = {
        "correction": (
            admin_env["account.move.correction"].with_context(
                **invoice.action_open_correction_wizard()["context"]
            ),
            form_specification(admin_env, "account.move.correction"),
        ),
        "reversal": (
            admin_env["account.move.reversal"].with_context(**context),
            form_specification(admin_env, "account.move.reversal"),
        ),
    }
    results = {"lines": lines, "corrected": corrected}
    for name, (model, spec) in dialogs.items():

        def open_dialog(model=model, spec=spec):
            env.invalidate_all()
            return timed(env, lambda: model.onchange({}, [], spec))

        open_dialog()  # warm the caches
        results[f"open_{name}"] = median_of(repetitions, open_dialog)

    # The dialog builds its lines when the user picks line mode (they are shown in it only).
    correction_model, correction_spec = dialogs["correction"]
    values = correction_model.onchange({}, [], correction_spec)["value"]
    values = {name: value["id"] if isinstance(value, dict) else value for name, value in values.items()}

    def line_mode():
        env.invalidate_all()
        values["mode"] = "partial"
        return timed(env, lambda: correction_model.onchange(values, ["mode"], correction_spec))

    line_mode()
    results["line_mode_correction"] = median_of(repetitions, line_mode)

    def correct():
        with savepoint(env):
            wizard = dialogs["correction"][0].create(
                {"move_id": invoice.id, "reason": "Bench", "mode": "partial"}
            )
            for line in wizard.line_ids[:corrected]:
                line.quantity -= 1
            env.flush_all()
            env.invalidate_all()
            result = timed(env, wizard.action_confirm)
        return result

    def reverse():
        with savepoint(env):
            wizard = dialogs["reversal"][0].create(
                {"move_ids": invoice.ids, "reason": "Bench", "journal_id": invoice.journal_id.id}
            )
            env.flush_all()
            env.invalidate_all()
            result = timed(env, wizard.refund_moves)
        return result

    results["confirm_correction"] = median_of(min(repetitions, 3), correct)
    results["confirm_reversal"] = median_of(min(repetitions, 3), reverse)
    return results
