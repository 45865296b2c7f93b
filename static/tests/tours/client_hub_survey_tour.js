import { registry } from "@web/core/registry";

// A Client Hub user sends the satisfaction survey from the client's form.
registry.category("web_tour.tours").add("client_hub_send_survey", {
    steps: () => [
        {
            content: "The client's form is open",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(Survey Tour Ltd), .o_form_view .o_field_widget[name=name] input:value(Survey Tour Ltd)",
        },
        {
            content: "Not rated yet, rather than five empty stars (a 0)",
            trigger: ".o_form_view .o_field_widget[name=satisfaction_score] .o_client_hub_unrated",
        },
        {
            content: "Send the survey",
            trigger: ".o_form_statusbar button[name=action_send_satisfaction_survey]",
            run: "click",
        },
        {
            content: "The survey went out",
            trigger: ".o_notification:contains(Satisfaction survey sent to 1 contact)",
        },
        {
            content: "The page shows when the survey was sent",
            trigger: ".o_form_view .o_field_widget[name=satisfaction_survey_date]",
        },
        {
            content: "Send the survey again",
            trigger: ".o_form_statusbar button[name=action_send_satisfaction_survey]",
            run: "click",
        },
        {
            content: "The second click answers too: the contact was already asked",
            trigger: ".o_notification:contains(Already asked this period)",
        },
    ],
});

// The contact, not logged in, opened a star of the e-mail: the page shows it chosen; it picks
// five stars instead, writes a comment and sends.
registry.category("web_tour.tours").add("client_hub_answer_survey", {
    steps: () => [
        {
            content: "The star clicked in the e-mail is chosen",
            trigger: ".o_client_hub_survey input[name=score][value='3']:checked",
        },
        {
            content: "Choose five stars",
            trigger: ".o_client_hub_survey label[for=client_hub_score_5]",
            run: "click",
        },
        {
            content: "Add a comment",
            trigger: ".o_client_hub_survey textarea[name=comment]",
            run: "edit Five stars from the tour",
        },
        {
            content: "Send",
            trigger: ".o_client_hub_survey button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanks are shown",
            trigger: ".o_client_hub_survey_thanks h1",
        },
    ],
});
