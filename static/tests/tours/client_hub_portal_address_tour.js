import { registry } from "@web/core/registry";

// On a phone: Delivery address › Add. Without a type the form says so and keeps what was typed;
// with the Delivery type the address is saved and listed.
registry.category("web_tour.tours").add("client_hub_portal_address_type", {
    url: "/my/addresses",
    steps: () => [
        {
            content: "Add a delivery address",
            trigger: "a.o_address_card_add_new[data-address-type=delivery]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The Delivery type is chosen",
            trigger: "select[name=address_type_id]:has(option:selected:text(Delivery))",
        },
        {
            content: "Choose no type",
            trigger: "select[name=address_type_id]",
            run() {
                this.anchor.value = "";
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Name the address",
            trigger: "input[name=name]",
            run: "edit Phone Dock",
        },
        {
            content: "Its e-mail",
            trigger: "input[name=email]",
            run: "edit dock@phone.example.com",
        },
        {
            content: "Its phone",
            trigger: "input[name=phone]",
            run: "edit +48 58 555 0101",
        },
        {
            content: "Its street",
            trigger: "input[name=street]",
            run: "edit 7 Marina Road",
        },
        {
            content: "Its city",
            trigger: "input[name=city]",
            run: "edit Gdansk",
        },
        {
            content: "Its zip",
            trigger: "input[name=zip]",
            run: "edit 80-001",
        },
        {
            content: "Save",
            trigger: "#save_address",
            run: "click",
        },
        {
            content: "The form says what to fix",
            trigger: "#errors .text-danger:contains(Choose the type of this address)",
        },
        {
            content: "and marks the type",
            trigger: "select[name=address_type_id].is-invalid",
        },
        {
            content: "What was typed is still there",
            trigger: "input[name=street]:value(7 Marina Road)",
        },
        {
            content: "Choose Delivery",
            trigger: "select[name=address_type_id]",
            run: "selectByLabel Delivery",
        },
        {
            content: "Save again",
            trigger: "#save_address",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The address is listed among the delivery addresses",
            trigger: ".o_portal_addresses .o_portal_address_list:contains(Phone Dock)",
        },
    ],
});
