import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A Client Hub user opens the Journey Analysis from Clients > Reporting: the pivot shows each stage
// with its conversion; the graph and the cohorts open too.
registry.category("web_tour.tours").add("client_hub_journey_analysis", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Open the Reporting menu",
            trigger: ".o_main_navbar button:contains(Reporting), .o_main_navbar .dropdown-toggle:contains(Reporting)",
            run: "click",
        },
        {
            content: "Open the Journey Analysis",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Journey Analysis)",
            run: "click",
        },
        {
            content: "The pivot lists the stages with their conversion",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains(Tracking)",
        },
        {
            content: "with the conversion measure",
            trigger: ".o_pivot th:contains(\"Conversion (%)\")",
        },
        {
            content: "Switch to the graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The graph is drawn",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Open the Reporting menu again",
            trigger: ".o_main_navbar button:contains(Reporting), .o_main_navbar .dropdown-toggle:contains(Reporting)",
            run: "click",
        },
        {
            content: "Open the cohorts",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Journey Cohorts)",
            run: "click",
        },
        {
            content: "The cohort pivot shows the months since entry",
            trigger: ".o_pivot th:contains(\"Moved On (Clients)\")",
        },
    ],
});
