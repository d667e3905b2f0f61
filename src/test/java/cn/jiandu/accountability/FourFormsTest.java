package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.FourForms.Form;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The form (四种形态) the record shows for each measure. */
class FourFormsTest {

    @Test
    void everyMeasureIsPlacedInAFormOrKnowinglyInNone() {
        // A measure added to Measure must be placed here too (or Measure gives its own form, see FourForms).
        assertThat(Arrays.stream(Measure.values()).filter(measure -> !FourForms.places(measure)))
                .as("measures FourForms does not place").isEmpty();
    }

    @Test
    void talksCriticismAndAdmonishmentAreTheFirstForm() {
        assertThat(FourForms.of(Measure.CRITICISM_EDUCATION)).contains(Form.FIRST);
        assertThat(FourForms.of(Measure.CIRCULATED_CRITICISM)).contains(Form.FIRST);
        assertThat(FourForms.of(Measure.ADMONISHMENT)).contains(Form.FIRST);
        assertThat(Form.FIRST.label()).isEqualTo("第一种形态");
    }

    @Test
    void organisationalAdjustmentIsTheSecondAndFilingTheFourth() {
        assertThat(FourForms.of(Measure.ORGANIZATIONAL_ADJUSTMENT)).contains(Form.SECOND);
        assertThat(FourForms.of(Measure.CASE_FILING)).contains(Form.FOURTH);
    }

    @Test
    void noMeasureAndASanctionOfUnknownWeightShowNoForm() {
        assertThat(FourForms.of(Measure.NONE)).isEmpty();
        assertThat(FourForms.of(Measure.DISCIPLINARY_SANCTION)).isEmpty();
        assertThat(FourForms.of(null)).isEmpty();
    }
}
