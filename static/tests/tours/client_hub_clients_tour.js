import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A Client Hub user opens the app, sees the Clients list with satisfaction stars,
// switches to the kanban grouped by status (cards with activities and the salesperson, as CRM's)
// and opens a client: it opens on its Client page.
registry.category("web_tour.tours").add("client_hub_open_clients", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "The Clients list is shown",
            trigger: ".o_breadcrumb:contains(Clients)",
        },
        {
            content: "It shows the satisfaction as five stars",
            trigger: ".o_list_view .o_data_row .o_client_hub_stars:has(.fa-star-o:nth-child(5), .fa-star:nth-child(5))",
        },
        {
            content: "A client not rated yet says so, rather than five empty stars (a 0)",
            trigger: ".o_list_view .o_data_row .o_client_hub_unrated:contains(Not rated yet)",
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
            content: "A card shows its activities, as CRM's cards",
            trigger: ".o_kanban_record:contains(Tour Client Ltd) .o_field_kanban_activity",
        },
        {
            content: "and its salesperson's avatar",
            trigger: ".o_kanban_record:contains(Tour Client Ltd) .o_field_many2one_avatar_user img",
        },
        {
            content: "Open the tour's client",
            trigger: ".o_kanban_record:contains(Tour Client Ltd)",
            run: "click",
        },
        {
            content: "The form opens on the Client page, which shows the client number",
            trigger: ".o_notebook .nav-link.active:contains(Client)",
        },
        {
            content: "The client number is on the page shown",
            trigger: ".o_notebook .tab-pane.active .o_field_widget[name=ref] input:value(/^CL\\d{5}$/)",
        },
    ],
});

// The status bar of the form header moves a client to another status.
registry.category("web_tour.tours").add("client_hub_status_bar", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Open the tour's client",
            trigger: ".o_list_view .o_data_row td:contains(Status Bar Ltd)",
            run: "click",
        },
        {
            content: "The header shows the status as a status bar, Prospect current",
            trigger: ".o_form_statusbar .o_statusbar_status button.o_arrow_button_current:contains(Prospect)",
        },
        {
            content: "Click Active",
            trigger: ".o_form_statusbar .o_statusbar_status button:text(Active)",
            run: "click",
        },
        {
            content: "Active is now the current status",
            trigger: ".o_form_statusbar .o_statusbar_status button.o_arrow_button_current:text(Active)",
        },
        {
            content: "The status bar saved the client by itself",
            trigger: ".o_form_saved",
        },
    ],
});
