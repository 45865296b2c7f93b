import { registry } from "@web/core/registry";

// The portal's credentials on a phone (390 px, see tests/test_tour_portal_phone.py): every column
// of the table within the screen, the "Hand over access data" button on one line.
registry.category("web_tour.tours").add("client_hub_portal_credentials_phone", {
    steps: () => [
        {
            content: "The credentials table shows its last column",
            trigger: "#wrap table th:last-child",
            run() {
                const right = this.anchor.getBoundingClientRect().right;
                if (right > document.documentElement.clientWidth) {
                    throw new Error(`The last column ends at ${right} px, beyond the screen.`);
                }
            },
        },
        {
            content: "The button is on one line",
            trigger: ".o_client_hub_new_credential",
            run() {
                const lineHeight = parseFloat(getComputedStyle(this.anchor).lineHeight);
                const rects = [...this.anchor.getClientRects()];
                const textHeight = this.anchor.clientHeight - parseFloat(getComputedStyle(this.anchor).paddingTop) -
                    parseFloat(getComputedStyle(this.anchor).paddingBottom);
                if (textHeight > 1.5 * lineHeight || rects.length !== 1) {
                    throw new Error(`The button wraps: ${textHeight} px of text for a ${lineHeight} px line.`);
                }
            },
        },
    ],
});
