import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A Client Hub user opens the app, sees the Clients list with satisfaction stars,
// switches to the kanban grouped by status and opens a client's profile.
registry.category("web_tour.tours").add("client_hub_open_clients", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "The Clients list is shown",
            trigger: ".o_breadcrumb:contains(Clients)",
        },
        {
            content: "It shows the satisfaction as stars",
            trigger: ".o_list_view .o_data_row .o_client_hub_stars",
        },
        {
            content: "Switch to the kanban",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Clients are grouped by status",
            trigger: ".o_kanban_group .o_column_title:contains(Active)",
        },
        {
            content: "Open the tour's client",
            trigger: ".o_kanban_record:contains(Tour Client Ltd)",
            run: "click",
        },
        {
            content: "Open the Client page",
            trigger: ".o_notebook .nav-link:contains(Client)",
            run: "click",
        },
        {
            content: "The profile shows the client number",
            trigger: ".o_field_widget[name=ref] input:value(/^CL\\d{5}$/)",
        },
    ],
});
