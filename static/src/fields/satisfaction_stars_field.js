import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/** A 1–5 satisfaction score as stars: read-only in lists, a click sets it in forms. */
export class SatisfactionStarsField extends Component {
    static template = "client_hub.SatisfactionStarsField";
    static props = { ...standardFieldProps };
    static stars = [1, 2, 3, 4, 5];

    /** No score yet (NULL): not five empty stars, which read as a 0. */
    get unrated() {
        const value = this.props.record.data[this.props.name];
        return value === false || value === null || value === undefined;
    }

    get value() {
        return Math.round(this.props.record.data[this.props.name] || 0);
    }

    setScore(score) {
        this.props.record.update({ [this.props.name]: score });
    }
}

registry.category("fields").add("client_hub_stars", {
    component: SatisfactionStarsField,
    supportedTypes: ["integer", "float"],
    // Room for the five stars in a list column.
    listViewWidth: 110,
});
