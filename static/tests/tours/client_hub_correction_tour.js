import { registry } from "@web/core/registry";

// A Polish accountant corrects a posted invoice through the real dialog at 1,440 px: opened from
// the client (header button), the client's only invoice and the journal are there from the start;
// in line mode no column header is cut (each label's text fits its cell, the full text is in its
// tooltip) and the lines do not scroll sideways; the differences show as lines are edited; saved,
// it lands on the created documents. The other modes, and the dialog opened from the invoice, are
// saved through the Form helper (tests/test_correction_modes.py).
// The invoice (see tests/test_tour_correction.py): Chairs 10 x 100,00 -10 % + 23 % and
// Cushions 5 x 40,00 + 8 %, 1 323,00 in all (Polish numbers: a decimal comma).

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

function editLine(line, field, value, difference) {
    return [
        {
            content: `Edit the ${field} of ${line}`,
            trigger: `.modal .o_data_row:contains(${line}) .o_data_cell[name=${field}]`,
            run: "click",
        },
        {
            content: `Set it to ${value}`,
            trigger: `.modal .o_data_row:contains(${line}) .o_field_widget[name=${field}] input`,
            run: `edit ${value}`,
        },
        {
            content: "Leave the cell",
            trigger: ".modal .o_field_widget[name=reason] input",
            run: "click",
        },
        {
            content: `The difference of ${line} is shown: ${difference}`,
            trigger: `.modal .o_data_row:contains(${line}) .o_data_cell[name=difference]:contains("${difference}")`,
        },
    ];
}

function listedTotals(...totals) {
    return totals.map((total) => ({
        content: `A created document totals ${total}`,
        trigger: `.o_list_view .o_data_row:contains("${total}")`,
    }));
}

registry.category("web_tour.tours").add("client_hub_correct_partial", {
    steps: () => [
        {
            content: "Open the correction dialog from the client",
            trigger: ".o_form_view button[name=action_open_correction_wizard]",
            run: "click",
        },
        {
            content: "The dialog is extra large",
            trigger: ".modal .modal-dialog.modal-xl",
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
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] input",
            run: "edit Wrong quantity and price on the invoice",
        },
        {
            content: "An error on the invoice: booked in the invoice's period",
            trigger: ".modal .o_field_widget[name=cause] input[data-value=at_sale]",
            run: "click",
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
                    throw new Error(`Headers cut at ${window.innerWidth}px: ${cut.join(", ")}.`);
                }
            },
        },
        {
            content: "The full text of a header is its tooltip",
            trigger: ".modal th[data-name=difference_total] [data-tooltip-info*='Różnica z podatkami']",
        },
        {
            content: "Every column, the differences included, fits: the lines do not scroll sideways",
            trigger: ".modal .o_list_renderer th[data-name=difference_total]",
            run() {
                const lines = document.querySelector(".modal .o_list_renderer");
                if (lines.scrollWidth > lines.clientWidth + 1) {
                    throw new Error(
                        `The lines scroll sideways: ${lines.scrollWidth}px in ${lines.clientWidth}px (window ${window.innerWidth}px).`
                    );
                }
            },
        },
        // 8 x 100 -10 % = 720,00 instead of 900,00; 5 x 45 = 225,00 instead of 200,00.
        ...editLine("Chairs", "quantity", "8", "180,00"),
        ...editLine("Cushions", "price_unit", "45", "25,00"),
        {
            content: "Create the correction",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        // Credit note 180 + 23 % = 221,40, debit note 25 + 8 % = 27,00.
        ...listedTotals("221,40", "27,00"),
    ],
});
