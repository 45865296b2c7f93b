import { registry } from "@web/core/registry";

// The client's portal user updates the company phone, adds a workplace, hands over an FTP
// access and rates the service 5 stars.
registry.category("web_tour.tours").add("client_hub_portal", {
    url: "/my",
    steps: () => [
        {
            content: "Open the company profile",
            trigger: "a[href='/my/client']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Change the phone",
            trigger: "form.o_client_hub_profile_form input[name=phone]",
            run: "edit +1 201-555-0199",
        },
        {
            content: "Save the profile",
            trigger: "form.o_client_hub_profile_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The profile is saved",
            trigger: ".alert-success",
        },
        {
            content: "Go to the addresses",
            trigger: "body",
            run: "goToUrl /my/addresses",
            expectUnloadPage: true,
        },
        {
            content: "Add an address under the Workplace heading",
            trigger: ".o_client_hub_address_section[data-address-type-code=workplace] .o_client_hub_add_typed_address",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form is titled Workplace, not Delivery address",
            trigger: "h3.o_client_hub_address_form_title:text(Workplace)",
        },
        {
            content: "The type Workplace is chosen",
            trigger: "select[name=address_type_id]:has(option:selected:text(Workplace))",
        },
        {
            content: "Name the workplace",
            trigger: "input[name=name]",
            run: "edit Newark workshop",
        },
        {
            content: "Its e-mail",
            trigger: "input[name=email]",
            run: "edit workshop@willis-partners.example.com",
        },
        {
            content: "Its phone",
            trigger: "input[name=phone]",
            run: "edit +1 973-555-0110",
        },
        {
            content: "Its street",
            trigger: "input[name=street]",
            run: "edit 10 Broad Street",
        },
        {
            content: "Its city",
            trigger: "input[name=city]",
            run: "edit Newark",
        },
        {
            content: "Its zip",
            trigger: "input[name=zip]",
            run: "edit 07102",
        },
        {
            content: "Its country",
            trigger: "select[name=country_id]",
            run: "selectByLabel United States",
        },
        {
            content: "Its state",
            trigger: "select[name=state_id]:not(:disabled)",
            run: "selectByLabel New Jersey",
        },
        {
            content: "Save the address",
            trigger: "#save_address",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The workplace is listed with its type",
            trigger: ".o_address_card:contains(Newark workshop) .o_client_hub_address_type:contains(Workplace)",
        },
        {
            content: "It is listed once, under the Workplace heading, not under Delivery or Billing",
            trigger:
                ".o_client_hub_address_section[data-address-type-code=workplace] + div .o_address_card:contains(Newark workshop)",
            run() {
                const cards = [...document.querySelectorAll(".o_address_card")].filter((card) =>
                    card.textContent.includes("Newark workshop")
                );
                if (cards.length !== 1) {
                    throw new Error(`Newark workshop is listed ${cards.length} times`);
                }
            },
        },
        {
            content: "Hand over an FTP access",
            trigger: "body",
            run: "goToUrl /my/credentials/new",
            expectUnloadPage: true,
        },
        {
            content: "Name it",
            trigger: "form.o_client_hub_credential_form input[name=name]",
            run: "edit Shop FTP",
        },
        {
            content: "FTP",
            trigger: "form.o_client_hub_credential_form select[name=platform]",
            run: "select ftp",
        },
        {
            content: "Host",
            trigger: "form.o_client_hub_credential_form input[name=url]",
            run: "edit ftp.willis-partners.example.com",
        },
        {
            content: "Login",
            trigger: "form.o_client_hub_credential_form input[name=login]",
            run: "edit willis-ftp",
        },
        {
            content: "Password",
            trigger: "form.o_client_hub_credential_form input[name=secret]",
            run: "edit portal-Tour-Secret-7",
        },
        {
            content: "Save the credential",
            trigger: "form.o_client_hub_credential_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It is listed, without its secret",
            trigger: ".o_portal_my_doc_table td:contains(Shop FTP), table td:contains(Shop FTP)",
        },
        {
            content: "Rate the service",
            trigger: "body",
            run: "goToUrl /my/satisfaction",
            expectUnloadPage: true,
        },
        {
            content: "Five stars",
            trigger: "label[for=client_hub_score_5]",
            run: "click",
        },
        {
            content: "A comment",
            trigger: "textarea[name=comment]",
            run: "edit Keep it up!",
        },
        {
            content: "Send",
            trigger: "form.o_client_hub_satisfaction_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The rating is listed",
            trigger: ".o_client_hub_ratings:contains(Keep it up!)",
        },
    ],
});
