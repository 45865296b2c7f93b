import { registry } from "@web/core/registry";

// A Polish accountant opens the correction dialog from the client at 1,440 px: the client's only
// invoice and the journal are there from the start, and in line mode no column header is cut
// (each label's text fits its cell); the full text of a header is in its tooltip.
// Run by tests/test_tour_correction_headers.py.

const HEADERS = [
    "original_quantity",
    "quantity",
    "original_price_unit",
    "price_unit",
    "original_discount",
    "discount",
    "original_subtotal",
    "subtotal",
    "difference",
    "difference_total",
];

registry.category("web_tour.tours").add("client_hub_correction_headers_pl", {
    steps: () => [
        {
            content: "Open the correction dialog from the client",
            trigger: ".o_form_view button[name=action_open_correction_wizard]",
            run: "click",
        },
        {
            content: "The client's only invoice is chosen",
            trigger: ".modal .o_field_widget[name=move_id] input:value(/INV\\//)",
        },
        {
            content: "The journal is shown from the start",
            trigger: ".modal .o_field_widget[name=journal_id] input:value(/\\w/)",
        },
        {
            content: "Choose the line mode",
            trigger: ".modal .o_field_widget[name=mode] input[data-value=partial]",
            run: "click",
        },
        {
            content: "The lines are listed, headers in Polish; none is cut",
            trigger: ".modal .o_list_renderer:has(.o_data_row) th[data-name=quantity]:contains(Ilość po)",
            run() {
                const cut = [];
                for (const name of HEADERS) {
                    const label = document.querySelector(
                        `.modal .o_list_renderer th[data-name=${name}] span.text-truncate`
                    );
                    if (!label) {
                        throw new Error(`No header for ${name}.`);
                    }
                    if (label.scrollWidth > label.clientWidth) {
                        cut.push(`${label.textContent} (${label.scrollWidth}px in ${label.clientWidth}px)`);
                    }
                }
                if (cut.length) {
                    throw new Error(
                        `Headers cut at ${window.innerWidth}px: ${cut.join(", ")}.`
                    );
                }
            },
        },
        {
            content: "The full text of a header is its tooltip",
            trigger: ".modal th[data-name=difference_total] [data-tooltip-info*='Różnica z podatkami']",
        },
        {
            content: "Every column fits: the lines do not scroll sideways",
            trigger: ".modal .o_list_renderer",
            run() {
                if (this.anchor.scrollWidth > this.anchor.clientWidth + 1) {
                    throw new Error(
                        `The lines scroll sideways: ${this.anchor.scrollWidth}px in ${this.anchor.clientWidth}px.`
                    );
                }
            },
        },
        {
            content: "Close the dialog",
            trigger: ".modal-footer button.btn-secondary",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
