package app.cosell.ui.edit;

import app.cosell.model.EditableField;
import app.cosell.model.OpportunityChoices;
import app.cosell.ui.common.Messages;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The editor's checks of each field as the service model constrains it (lengths, formats, the choices a submission
 * needs to pass), as the rep types: what is wrong with each field, in the rep's words. A pure function of the values.
 */
final class FieldChecks {

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,30})(\\.[0-9]{0,2})?");
    private static final Pattern WEB = Pattern.compile("(?i)(https?://)?[^\\s/.]+(\\.[^\\s/.]+)+(/\\S*)?");

    private FieldChecks() {}

    /**
     * What is wrong with each field.
     *
     * @param value        a text field's value, stripped ("" when empty)
     * @param close        the target close date (null: none)
     * @param today        today (null: dates are not checked against it)
     * @param closeTouched whether the rep changed the date (a past date as read is not theirs to fix)
     */
    static Map<EditableField, String> check(Function<EditableField, String> value, LocalDate close, LocalDate today,
                                            boolean closeTouched) {
        Map<EditableField, String> e = new EnumMap<>(EditableField.class);
        String website = value.apply(EditableField.WEBSITE);
        if (!website.isEmpty() && (website.length() < 4 || website.length() > 255 || !WEB.matcher(website).matches()))
            e.put(EditableField.WEBSITE, Messages.get("edit.error.website"));
        String problem = value.apply(EditableField.BUSINESS_PROBLEM);
        if (!problem.isEmpty() && (problem.length() < 20 || problem.length() > 2000))
            e.put(EditableField.BUSINESS_PROBLEM, Messages.format("edit.error.length", problem.length(), 20, 2000));
        max(e, value, EditableField.COMPANY_NAME, 120);
        max(e, value, EditableField.OTHER_INDUSTRY, 255);
        max(e, value, EditableField.POSTAL_CODE, 20);
        max(e, value, EditableField.CITY, 255);
        max(e, value, EditableField.STREET, 255);
        max(e, value, EditableField.TITLE, 255);
        max(e, value, EditableField.PARTNER_OPPORTUNITY_ID, 64);
        if ("Other".equals(value.apply(EditableField.INDUSTRY)) && value.apply(EditableField.OTHER_INDUSTRY).isEmpty())
            e.put(EditableField.OTHER_INDUSTRY, Messages.get("edit.error.otherIndustry"));
        String state = value.apply(EditableField.STATE);
        if ("US".equals(value.apply(EditableField.COUNTRY)) && !state.isEmpty()
                && !OpportunityChoices.US_STATES.contains(state)) {
            String spelled = OpportunityChoices.usStateName(state);
            e.put(EditableField.STATE, spelled != null ? Messages.format("edit.error.stateSpelled", spelled)
                    : Messages.get("edit.error.state"));
        }
        String amount = value.apply(EditableField.EXPECTED_SPEND);
        if (!amount.isEmpty() && !AMOUNT.matcher(amount).matches())
            e.put(EditableField.EXPECTED_SPEND, Messages.get("edit.error.amount"));
        if (close != null && today != null && close.isBefore(today) && closeTouched)
            e.put(EditableField.TARGET_CLOSE_DATE, Messages.get("edit.error.datePast"));
        return e;
    }

    private static void max(Map<EditableField, String> e, Function<EditableField, String> value, EditableField f,
                            int max) {
        if (value.apply(f).length() > max) e.put(f, Messages.format("edit.error.max", max));
    }
}
