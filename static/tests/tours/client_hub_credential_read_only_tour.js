import { registry } from "@web/core/registry";

// A Credentials user who is not allowed on a credential opens it: a read-only form that says why,
// and no port 0 for a credential without a port.
registry.category("web_tour.tours").add("client_hub_credential_read_only", {
    steps: () => [
        {
            content: "The form says why it cannot be changed",
            trigger: ".o_form_view .o_client_hub_credential_read_only:contains(not allowed to change)",
        },
        {
            content: "The name is shown, not editable",
            trigger: ".o_field_widget[name=name]:contains(Tour CMS):not(:has(input))",
        },
        {
            // A read-only field without a value is hidden; a port 0 would show.
            content: "No port is shown, not 0",
            trigger: ".o_field_widget[name=port]:not(:has(input)):not(:visible)",
            run() {
                const port = document.querySelector(".o_field_widget[name=port]").textContent.trim();
                if (port !== "") {
                    throw new Error(`The credential without a port shows the port "${port}"`);
                }
            },
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
