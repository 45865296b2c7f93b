import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { IntegerField, integerField } from "@web/views/fields/integer/integer_field";

/** A number of months where 0 means never (a status's survey interval): read as "Never" or
 * "Every 6 months", typed as a number. */
export class MonthsOrNeverField extends IntegerField {
    get formattedValue() {
        return this.props.readonly ? monthsOrNever(this.value) : super.formattedValue;
    }
}

export function monthsOrNever(months) {
    if (!months) {
        return _t("Never");
    }
    return months === 1 ? _t("Every month") : _t("Every %s months", months);
}

registry.category("fields").add("client_hub_months_or_never", {
    ...integerField,
    component: MonthsOrNeverField,
    // Room for "Every 12 months" in the longest translation.
    listViewWidth: 170,
});
