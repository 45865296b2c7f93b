import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// From the Clients menu, the tour's client's form (on its Client page).
function openClient() {
    return [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Open the tour's client",
            trigger: ".o_list_view .o_data_row td:contains(Vault Grant Ltd)",
            run: "click",
        },
    ];
}

// A Client Hub manager opens a client from the Clients menu, gives one of its contacts the portal
// vault right in the Portal Vault Access list of the Client page, saves, then revokes it.
registry.category("web_tour.tours").add("client_hub_vault_grant", {
    url: "/odoo",
    steps: () => [
        ...openClient(),
        {
            content: "Add a line to the Portal Vault Access list",
            trigger: ".o_field_widget[name=client_hub_client_vault_grant_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Pick the contact",
            trigger: ".o_field_widget[name=client_hub_client_vault_grant_ids] .o_data_row .o_field_widget[name=partner_id] input",
            run: "edit Vault Grant Contact",
        },
        {
            content: "Choose it in the dropdown",
            trigger: ".o-autocomplete--dropdown-item:contains(Vault Grant Contact)",
            run: "click",
        },
        {
            content: "Save the client",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the line shows who granted it",
            trigger: ".o_form_saved .o_field_widget[name=client_hub_client_vault_grant_ids] .o_data_row td:contains(Vault Grant Manager)",
        },
        {
            content: "and the portal login it opens",
            trigger: ".o_field_widget[name=client_hub_client_vault_grant_ids] .o_data_row td[name=user_id]:contains(Vault Grant Contact)",
        },
    ],
});

registry.category("web_tour.tours").add("client_hub_vault_revoke", {
    url: "/odoo",
    steps: () => [
        ...openClient(),
        {
            content: "Revoke the contact's right",
            trigger: ".o_field_widget[name=client_hub_client_vault_grant_ids] .o_data_row button[name=action_revoke]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The list is empty",
            trigger: ".o_field_widget[name=client_hub_client_vault_grant_ids]:not(:has(.o_data_row))",
        },
    ],
});
