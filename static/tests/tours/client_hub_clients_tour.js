import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A Client Hub user opens the app from the apps menu and lands on the Clients list.
registry.category("web_tour.tours").add("client_hub_open_clients", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "The Clients list is shown",
            trigger: ".o_breadcrumb:contains(Clients)",
        },
        {
            content: "It lists the clients",
            trigger: ".o_list_view .o_data_row",
        },
    ],
});
