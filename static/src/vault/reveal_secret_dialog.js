import { Component } from "@odoo/owl";
import { CopyButton } from "@web/core/copy_button/copy_button";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";

/** Shows a revealed secret once, in a dialog with a copy button; nothing is kept on the page. */
export class RevealSecretDialog extends Component {
    static template = "client_hub.RevealSecretDialog";
    static components = { Dialog, CopyButton };
    static props = ["title", "login", "secret", "close"];

    get copyLabel() {
        return _t("Copy");
    }

    get copiedMessage() {
        return _t("Copied");
    }
}

function revealSecretAction(env, action) {
    const { title, login, secret } = action.params;
    // Reload the form when the dialog closes: it shows the new reveal count and log row.
    env.services.dialog.add(
        RevealSecretDialog,
        { title, login, secret },
        { onClose: () => env.services.action.doAction({ type: "ir.actions.client", tag: "soft_reload" }) }
    );
}

registry.category("actions").add("client_hub.reveal_secret", revealSecretAction);
