import { registry } from "@web/core/registry";

// An accountant corrects an invoice from the client (see tests/test_tour_corrections_found.py):
// the invoice picker tells the invoice by its date, amount and payment state; the "after" cells
// that can be typed in look apart from the computed ones; the lines have a total row.
registry.category("web_tour.tours").add("client_hub_correction_picker_and_totals", {
    steps: () => [
        {
            content: "Open the correction dialog from the client",
            trigger: ".o_form_view button[name=action_open_correction_wizard]",
            run: "click",
        },
        {
            content: "The invoice shows with its date, amount and state",
            trigger: ".modal .o_field_widget[name=move_id] input",
            run() {
                const shown = this.anchor.value;
                for (const part of ["10/01/2026", "1,323.00", "Not Paid"]) {
                    if (!shown.includes(part)) {
                        throw new Error(`The invoice picker shows "${shown}", without "${part}".`);
                    }
                }
            },
        },
        {
            content: "Correct some lines",
            trigger: ".modal .o_field_widget[name=mode] input[data-value=partial]",
            run: "click",
        },
        {
            content: "Typed cells look apart from computed ones",
            trigger: ".modal .o_data_row:contains(Chairs) .o_data_cell[name=quantity]:not(.o_readonly_modifier)",
            run() {
                const row = this.anchor.closest(".o_data_row");
                const typed = getComputedStyle(this.anchor).backgroundColor;
                const computed = getComputedStyle(row.querySelector(".o_data_cell[name=subtotal]")).backgroundColor;
                if (typed === computed) {
                    throw new Error(`Typed and computed cells share their background (${typed}).`);
                }
            },
        },
        {
            content: "Return two chairs",
            trigger: ".modal .o_data_row:contains(Chairs) .o_data_cell[name=quantity]",
            run: "click",
        },
        {
            content: "8 chairs",
            trigger: ".modal .o_data_row:contains(Chairs) .o_field_widget[name=quantity] input",
            run: "edit 8",
        },
        {
            content: "Leave the cell",
            trigger: ".modal .o_field_widget[name=reason] input",
            run: "edit Two chairs returned",
        },
        {
            // 900.00 + 200.00 before, 720.00 + 200.00 after: -180.00 net, -221.40 gross.
            content: "The lines' totals",
            trigger: ".modal .o_list_footer:has(:contains(1,100.00)):has(:contains(920.00)):has(:contains(-180.00)):has(:contains(-221.40))",
        },
        {
            content: "Create the correction",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The dialog lands on the credit note it created",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=correction_reason]:contains(Two chairs returned)",
        },
    ],
});

// Then, from the client's page: the Corrections button lists the credit and the debit note, each
// with its type, the drafts named by type.
registry.category("web_tour.tours").add("client_hub_corrections_button", {
    steps: () => [
        {
            content: "Open the client's corrections",
            trigger: ".o_form_view button[name=action_open_corrections]:contains(Corrections):contains(2)",
            run: "click",
        },
        {
            content: "The draft credit note, as such",
            trigger: ".o_list_view .o_data_row:contains(Draft Credit Note) .o_data_cell[name=correction_document_type]:contains(Credit Note)",
        },
        {
            content: "The draft debit note, as such",
            trigger: ".o_list_view .o_data_row:contains(Draft Debit Note) .o_data_cell[name=correction_document_type]:contains(Debit Note)",
        },
        {
            content: "Nothing is created from this list",
            trigger: ".o_list_view:not(:has(.o_list_button_add))",
        },
    ],
});

// The statuses list says "Never" for 0 and "Every 3 months", under a header that is not cut; a
// client's Finance tab says when nothing was paid yet (client_hub_no_payments).
registry.category("web_tour.tours").add("client_hub_statuses_and_no_payments", {
    steps: () => [
        {
            content: "0 reads as never",
            trigger: ".o_data_row:contains(Prospect) .o_data_cell[name=survey_interval_months]:contains(Never)",
        },
        {
            content: "3 reads as every 3 months",
            trigger: ".o_data_row:contains(Active) .o_data_cell[name=survey_interval_months]:contains(Every 3 months)",
        },
        {
            content: "The header is not cut",
            trigger: "th[data-name=survey_interval_months]",
            run() {
                const label = this.anchor.querySelector(".o_list_header_label, span") || this.anchor;
                if (label.scrollWidth > label.clientWidth + 1) {
                    throw new Error("The survey interval header is cut.");
                }
            },
        },
    ],
});

registry.category("web_tour.tours").add("client_hub_no_payments", {
    steps: () => [
        {
            content: "Open the Finance tab",
            trigger: ".o_notebook .nav-link[name=client_hub_finance]",
            run: "click",
        },
        {
            content: "It says that nothing was paid yet, instead of an empty grid",
            trigger: ".o_notebook .o_client_hub_no_payments:contains(No payment received yet.)",
            run() {
                if (document.querySelector(".o_field_widget[name=client_payment_ids]")) {
                    throw new Error("An empty payments grid is shown beside the message.");
                }
            },
        },
    ],
});
