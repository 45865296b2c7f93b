import { registry } from "@web/core/registry";

// An accountant corrects a posted invoice through the real dialog: opened from the client (header
// button) or from the invoice (Correct), saved in each mode, landing on the created documents.
// The invoice (see tests/test_tour_correction.py): Chairs 10 x 100.00 -10 % + 23 % and
// Cushions 5 x 40.00 + 8 %, 1,323.00 in all.

function openFromClient() {
    return [
        {
            content: "Open the correction dialog from the client",
            trigger: ".o_form_view button[name=action_open_correction_wizard]:contains(Correct an invoice)",
            run: "click",
        },
        {
            content: "Choose the client's invoice",
            trigger: ".modal .o_field_widget[name=move_id] input",
            run: "click",
        },
        {
            content: "Pick it in the list",
            trigger: ".o-autocomplete--dropdown-item a:contains(INV/)",
            run: "click",
        },
    ];
}

function openFromInvoice() {
    return [
        {
            content: "Open the correction dialog from the invoice",
            trigger: ".o_form_view button[name=action_open_correction_wizard]",
            run: "click",
        },
        {
            content: "The dialog knows the invoice",
            trigger: ".modal .o_field_widget[name=move_id] input:value(/INV\\//)",
        },
    ];
}

function fillIn(mode, reason) {
    return [
        {
            content: "The dialog is extra large",
            trigger: ".modal .modal-dialog.modal-xl",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] input",
            run: `edit ${reason}`,
        },
        {
            content: `Choose the mode ${mode}`,
            trigger: `.modal .o_field_widget[name=mode] input[data-value=${mode}]`,
            run: "click",
        },
    ];
}

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
            trigger: `.modal .o_data_row:contains(${line}) .o_data_cell[name=difference]:contains(${difference})`,
        },
    ];
}

function confirm() {
    return [
        {
            content: "Create the correction",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

function documentTotal(total) {
    return [
        {
            content: "A corrective document is shown",
            trigger: ".o_form_view .o_field_widget[name=correction_reason]",
        },
        {
            content: `Its total is ${total}`,
            trigger: `.o_form_view .o_field_widget[name=tax_totals]:contains(${total})`,
        },
    ];
}

function listedTotals(...totals) {
    return totals.map((total) => ({
        content: `A created document totals ${total}`,
        trigger: `.o_list_view .o_data_row:contains(${total})`,
    }));
}

const tours = {
    client_hub_correct_full: () => [
        ...openFromClient(),
        ...fillIn("full", "Order cancelled"),
        ...confirm(),
        ...documentTotal("1,323.00"),
    ],
    client_hub_correct_partial: () => [
        ...openFromClient(),
        ...fillIn("partial", "Two chairs returned"),
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
        // 8 x 100 -10 % = 720.00 instead of 900.00; 5 x 45 = 225.00 instead of 200.00.
        ...editLine("Chairs", "quantity", "8", "180.00"),
        ...editLine("Cushions", "price_unit", "45", "25.00"),
        ...confirm(),
        // Credit note 180 + 23 % = 221.40, debit note 25 + 8 % = 27.00.
        ...listedTotals("221.40", "27.00"),
    ],
    client_hub_correct_replace: () => [
        ...openFromClient(),
        ...fillIn("replace", "Wrong address"),
        ...confirm(),
        ...listedTotals("1,323.00"),
        {
            content: "Two documents are listed",
            trigger: ".o_list_view:has(.o_data_row + .o_data_row)",
        },
    ],
    client_hub_correct_from_invoice: () => [
        ...openFromInvoice(),
        ...fillIn("partial", "Price agreed after delivery"),
        ...editLine("Cushions", "price_unit", "45", "25.00"),
        ...confirm(),
        ...documentTotal("27.00"),
    ],
};

for (const [name, steps] of Object.entries(tours)) {
    registry.category("web_tour.tours").add(name, { steps });
}
