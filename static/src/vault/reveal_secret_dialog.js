import { Component, useRef, useState } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { Dialog } from "@web/core/dialog/dialog";
import { registry } from "@web/core/registry";

/** Shows a revealed secret once, in a dialog with a copy button; nothing is kept on the page. */
export class RevealSecretDialog extends Component {
    static template = "client_hub.RevealSecretDialog";
    static components = { Dialog };
    static props = ["title", "login", "secret", "close"];

    setup() {
        this.secretRef = useRef("secret");
        // "copied" or "failed": said beside the button until the next click (Odoo's copy button
        // only flashes a tooltip for 0.8 s, and says nothing when the browser refuses).
        this.state = useState({ copy: false });
    }

    async copy() {
        try {
            await browser.navigator.clipboard.writeText(this.props.secret);
            this.state.copy = "copied";
        } catch {
            // No clipboard (a page served over plain HTTP, a browser's refusal): the secret is
            // selected for the user to copy with the keyboard.
            document.getSelection().selectAllChildren(this.secretRef.el);
            this.state.copy = "failed";
        }
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
