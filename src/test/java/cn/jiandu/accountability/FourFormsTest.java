package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.FourForms.Form;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The form (四种形态) the record shows for each measure. */
class FourFormsTest {

    @Test
    void everyMeasureShowsTheFormItCarries() {
        Arrays.stream(Measure.values()).forEach(measure -> assertThat(FourForms.of(measure).map(Form::ordinal))
                .as(measure.name())
                .isEqualTo(measure.form() == Measure.NO_FORM ? Optional.empty() : Optional.of(measure.form() - 1)));
    }

    @Test
    void talksCriticismAndAdmonishmentAreTheFirstForm() {
        assertThat(FourForms.of(Measure.TALK_REMINDER)).contains(Form.FIRST);
        assertThat(FourForms.of(Measure.CRITICISM_EDUCATION)).contains(Form.FIRST);
        assertThat(FourForms.of(Measure.CIRCULATED_CRITICISM)).contains(Form.FIRST);
        assertThat(FourForms.of(Measure.ADMONISHMENT)).contains(Form.FIRST);
        assertThat(Form.FIRST.label()).isEqualTo("第一种形态");
    }

    @Test
    void organisationalAdjustmentIsTheSecondAndAFilingNoneUntilTheReviewsSanctionIsImposed() {
        assertThat(FourForms.of(Measure.ORGANIZATIONAL_ADJUSTMENT)).contains(Form.SECOND);
        assertThat(FourForms.of(Measure.PROPOSE_FILING)).isEmpty();
        assertThat(FourForms.of(Measure.CASE_FILING)).isEmpty();
    }

    @Test
    void noMeasureShowsNoFormAndAVersionOneSanctionCountsAsLight() {
        assertThat(FourForms.of(Measure.NONE)).isEmpty();
        assertThat(FourForms.of(null)).isEmpty();
        assertThat(FourForms.of(Measure.DISCIPLINARY_SANCTION)).contains(Form.SECOND);
    }
}
