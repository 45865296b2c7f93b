import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Open a client from the Clients menu (its context, as a user gets it) on its Client page.
function openClient(name) {
    return [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: `Open ${name}`,
            trigger: `.o_list_view .o_data_row td:contains(${name})`,
            run: "click",
        },
        {
            content: "The form opens on the Client page",
            trigger: ".o_notebook .nav-link.active:contains(Client)",
        },
    ];
}

function addAddressRow(button, name, street, city) {
    const row = "div[name=client_address_ids] .o_data_row.o_selected_row";
    return [
        {
            content: `Click "${button}"`,
            trigger: `div[name=client_address_ids] .o_field_x2many_list_row_add a:contains(${button})`,
            run: "click",
        },
        {
            content: "Name the address",
            trigger: `${row} .o_field_widget[name=name] input`,
            run: `edit ${name}`,
        },
        {
            content: "Its street",
            trigger: `${row} .o_field_widget[name=street] input`,
            run: `edit ${street}`,
        },
        {
            content: "Its city",
            trigger: `${row} .o_field_widget[name=city] input`,
            run: `edit ${city}`,
        },
    ];
}

function saveTheClient() {
    return [
        {
            content: "Save the client",
            trigger: ".o_form_view .o_form_button_save:not(:disabled)",
            run: "click",
        },
        {
            content: "The client is saved",
            trigger: ".o_form_saved",
        },
    ];
}

// The Client page's "Add a delivery address" and "Add a correspondence address": two addresses of
// the client, typed, not two new clients.
registry.category("web_tour.tours").add("client_hub_page_adds_addresses", {
    url: "/odoo",
    steps: () => [
        ...openClient("Page Tour Ltd"),
        ...addAddressRow("Add a delivery address", "Tour Dock", "1 Quay Street", "Gdynia"),
        {
            content: "The row is a delivery address",
            trigger:
                "div[name=client_address_ids] .o_data_row.o_selected_row .o_field_widget[name=address_type_id] input:value(Delivery)",
        },
        ...addAddressRow("Add a correspondence address", "Tour PO Box", "PO Box 12", "Sopot"),
        ...saveTheClient(),
        {
            content: "Both addresses are listed with their type",
            trigger:
                "div[name=client_address_ids] .o_data_row:contains(Tour PO Box):contains(Correspondence)",
        },
    ],
});

// The Contacts tab's Add: a person of the client.
registry.category("web_tour.tours").add("client_hub_page_adds_contact", {
    url: "/odoo",
    steps: () => [
        ...openClient("Page Tour Ltd"),
        {
            content: "Go to the Contacts tab",
            trigger: ".o_notebook .nav-link[name=contact_addresses]",
            run: "click",
        },
        {
            content: "Add a contact",
            trigger: "div[name=child_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Name the contact",
            trigger: ".modal .o_form_view .o_field_widget[name=name] input",
            run: "edit Tour Person",
        },
        {
            content: "Save and close the dialog",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The contact is on the client's card list",
            trigger: "div[name=child_ids] .o_kanban_record:contains(Tour Person)",
        },
        ...saveTheClient(),
    ],
});

// Client page › Grant or revoke portal access › Grant access on a person of the client.
registry.category("web_tour.tours").add("client_hub_page_grants_portal", {
    url: "/odoo",
    steps: () => [
        ...openClient("Page Tour Ltd"),
        {
            content: "Open the portal access wizard",
            trigger: ".o_form_view button:contains(Grant or revoke portal access)",
            run: "click",
        },
        {
            content: "The wizard lists the client's person",
            trigger: ".modal .o_data_row:contains(Portal Person)",
        },
        {
            content: "and not its workplace (an address)",
            trigger: ".modal .o_list_renderer:not(:has(.o_data_row:contains(Tour Workplace)))",
        },
        {
            content: "Grant access to the person",
            trigger: ".modal .o_data_row:contains(Portal Person) button[name=action_grant_access]",
            run: "click",
        },
        {
            content: "The row now offers to revoke it",
            trigger: ".modal .o_data_row:contains(Portal Person) button[name=action_revoke_access]",
        },
    ],
});

// The Clients menu's New: still a company with the status Prospect.
registry.category("web_tour.tours").add("client_hub_menu_new_client", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "New client",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The new client is a company",
            trigger: ".o_field_widget[name=company_type] input[data-value=company]:checked",
        },
        {
            content: "with the status Prospect",
            trigger: ".o_form_statusbar .o_statusbar_status button.o_arrow_button_current:contains(Prospect)",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Menu New Ltd",
        },
        ...saveTheClient(),
    ],
});
