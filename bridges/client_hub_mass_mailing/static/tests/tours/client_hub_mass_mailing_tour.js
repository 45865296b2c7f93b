import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A Client Hub user who is an Email Marketing user filters the Prospect clients from the Clients
// menu, selects two of them, sends them a mailing ("Send a mailing"), names it and saves it; the
// test checks the recipients the mailing stored.
const row = (name) => `.o_data_row:contains(${name})`;

registry.category("web_tour.tours").add("client_hub_mass_mailing_prospects", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Filter the Prospect clients (the status in the side panel)",
            trigger: ".o_search_panel_category_value .o_search_panel_label_title:contains(Prospect)",
            run: "click",
        },
        {
            content: "Only prospects are listed",
            trigger: `.o_list_view:has(${row("Tour Prospect Alpha")}):not(:has(${row("Tour Active Delta")}))`,
        },
        {
            content: "Select the first prospect",
            trigger: `.o_list_view ${row("Tour Prospect Alpha")} .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Select the second prospect",
            trigger: `.o_list_view ${row("Tour Prospect Beta")} .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Send them a mailing",
            trigger: ".o_selection_container button:contains(Send a mailing)",
            run: "click",
        },
        {
            content: "A new mailing on contacts opens",
            trigger: ".o_form_view .o_field_widget[name=mailing_model_id] input:value(Contact)",
        },
        {
            content: "Give it a subject",
            trigger: ".o_form_view .o_field_widget[name=subject] input",
            run: "edit News for our prospects",
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
