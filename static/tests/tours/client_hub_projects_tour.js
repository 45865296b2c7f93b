import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A project manager creates a project from a client with *New project* (Odoo's "Create a
// Project" dialog, saved through the web client), then finds it in the client's Projects.
registry.category("web_tour.tours").add("client_hub_new_project", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("client_hub.client_hub_menu_root", "Open the Clients app"),
        {
            content: "Open the tour's client",
            trigger: ".o_list_view .o_data_row td:contains(Tour Projects Ltd)",
            run: "click",
        },
        {
            content: "No project yet",
            trigger: "button[name=action_open_client_projects] .o_stat_value:text(0)",
        },
        {
            content: "Click New project",
            trigger: ".o_form_statusbar button[name=action_new_client_project]",
            run: "click",
        },
        {
            content: "Name the project in Odoo's dialog",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Tour Launch",
        },
        {
            content: "Create it",
            trigger: ".modal button[name=action_view_tasks]",
            run: "click",
        },
        {
            content: "The project's tasks are shown",
            trigger: ".o_breadcrumb .active:contains(Tour Launch)",
        },
        {
            content: "Back to the client",
            trigger: ".o_breadcrumb a:contains(Tour Projects Ltd)",
            run: "click",
        },
        {
            content: "The client has one open project: open them",
            trigger: "button[name=action_open_client_projects]:has(.o_stat_value:text(1))",
            run: "click",
        },
        {
            content: "The new project is among the client's projects",
            trigger: ".o_kanban_record:contains(Tour Launch)",
        },
    ],
});

// The client's portal user finds the project in Odoo's /my/projects.
registry.category("web_tour.tours").add("client_hub_portal_projects", {
    url: "/my/client",
    steps: () => [
        {
            content: "The profile page has a Projects line",
            trigger: ".o_client_hub_projects a:text(1)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Odoo's project list shows the new project",
            trigger: "a:contains(Tour Launch)",
        },
    ],
});
