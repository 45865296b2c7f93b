import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// An allowed user opens a credential from the vault and reveals its secret in the dialog.
registry.category("web_tour.tours").add("client_hub_reveal_secret", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Open the vault",
            trigger: ".o_main_navbar .dropdown-item:contains(Credentials), .o_main_navbar a:contains(Credentials)",
            run: "click",
        },
        {
            content: "Open the tour's credential",
            trigger: ".o_data_row:contains(Tour SFTP) .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "The form never shows the secret",
            trigger: ".o_field_widget[name=secret] input:empty",
        },
        {
            content: "Reveal it",
            trigger: "button[name=action_reveal_secret]",
            run: "click",
        },
        {
            content: "The dialog shows the secret with a copy button",
            trigger: ".modal .o_client_hub_revealed_secret .o_clipboard_button",
            run() {
                // Compared here, not in the trigger: triggers go to the test log, secrets never do.
                const shown = document.querySelector(".modal .o_client_hub_revealed_secret").textContent;
                if (!shown.includes("tour-Secret-42")) {
                    throw new Error("The dialog does not show the revealed secret.");
                }
            },
        },
        {
            content: "Copy it",
            trigger: ".modal .o_client_hub_revealed_secret .o_clipboard_button",
            run: "click",
        },
        {
            // Copied, or (a browser that refuses the clipboard) selected with what to do: never silence.
            content: "The dialog says what the copy did",
            trigger:
                ".modal .o_client_hub_copy_feedback:contains(Copied to the clipboard), .modal .o_client_hub_copy_feedback:contains(press Ctrl+C)",
        },
        {
            content: "Close the dialog",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The reveal is counted",
            trigger: ".o_field_widget[name=reveal_count]:contains(1)",
        },
    ],
});
