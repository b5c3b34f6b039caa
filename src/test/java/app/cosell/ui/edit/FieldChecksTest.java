package app.cosell.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cosell.model.EditableField;
import app.cosell.ui.common.Messages;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FieldChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private final Map<EditableField, String> values = new EnumMap<>(EditableField.class);
    private final Function<EditableField, String> value = f -> values.getOrDefault(f, "");

    @Test
    void emptyFieldsBreakNoRule() {
        assertThat(FieldChecks.check(value, null, TODAY, false)).isEmpty();
    }

    @Test
    void eachFieldIsCheckedAsTheServiceModelConstrainsIt() {
        values.put(EditableField.WEBSITE, "not a site");
        values.put(EditableField.BUSINESS_PROBLEM, "too short");
        values.put(EditableField.TITLE, "x".repeat(256));
        values.put(EditableField.INDUSTRY, "Other");
        values.put(EditableField.EXPECTED_SPEND, "12.345");

        Map<EditableField, String> errors = FieldChecks.check(value, null, TODAY, false);

        assertThat(errors).containsOnlyKeys(EditableField.WEBSITE, EditableField.BUSINESS_PROBLEM, EditableField.TITLE,
                EditableField.OTHER_INDUSTRY, EditableField.EXPECTED_SPEND);
        assertThat(errors.get(EditableField.BUSINESS_PROBLEM)).isEqualTo(Messages.format("edit.error.length", 9, 20, 2000));
        assertThat(errors.get(EditableField.TITLE)).isEqualTo(Messages.format("edit.error.max", 255));
    }

    @Test
    void aUsStateMustBeSpelledOut() {
        values.put(EditableField.COUNTRY, "US");
        values.put(EditableField.STATE, "NY");
        assertThat(FieldChecks.check(value, null, TODAY, false).get(EditableField.STATE))
                .isEqualTo(Messages.format("edit.error.stateSpelled", "New York"));

        values.put(EditableField.STATE, "New York");
        assertThat(FieldChecks.check(value, null, TODAY, false)).isEmpty();
    }

    @Test
    void aPastCloseDateIsAnErrorOnlyWhenTheRepChangedIt() {
        LocalDate yesterday = TODAY.minusDays(1);
        assertThat(FieldChecks.check(value, yesterday, TODAY, false)).isEmpty();
        assertThat(FieldChecks.check(value, yesterday, TODAY, true)).containsOnlyKeys(EditableField.TARGET_CLOSE_DATE);
        assertThat(FieldChecks.check(value, TODAY, TODAY, true)).isEmpty();
    }
}
