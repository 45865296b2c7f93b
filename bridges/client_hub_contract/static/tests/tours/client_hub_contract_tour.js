import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// An accountant opens a client from the Clients menu, adds its next contract with "New contract"
// (OCA's form, the client and its invoice address filled) and saves it; the test checks what was stored.
registry.category("web_tour.tours").add("client_hub_contract_new", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Open the tour's client",
            trigger: ".o_list_view .o_data_row td:contains(Contract Tour Ltd)",
            run: "click",
        },
        {
            content: "Add its next contract",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_new_client_contract]",
            run: "click",
        },
        {
            content: "OCA's contract form opens for the client",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value(Contract Tour Ltd)",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Hosting 2027",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
