import { registry } from "@web/core/registry";

// A Client Hub user without the Credentials group follows a link to a credential: Odoo's access
// error, once, and nothing of the credential behind it.
registry.category("web_tour.tours").add("client_hub_credential_url_refused", {
    steps: () => [
        {
            content: "Odoo refuses the credential with its access error",
            trigger: ".o_error_dialog:contains(Client Credential)",
        },
        {
            content: "Only one error dialog, and no credential field behind it",
            trigger: ".o_error_dialog",
            async run() {
                // Give a second request (chatter, breadcrumbs) the time to fail too.
                await new Promise((resolve) => setTimeout(resolve, 1500));
                const dialogs = document.querySelectorAll(".o_error_dialog").length;
                if (dialogs !== 1) {
                    throw new Error(`${dialogs} error dialogs for one refused credential`);
                }
                if (document.querySelector(".o_field_widget[name=secret], .o_field_widget[name=login]")) {
                    throw new Error("The credential's form is shown behind the error");
                }
            },
        },
        {
            content: "Close it",
            trigger: ".o_error_dialog .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "No dialog comes back",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
