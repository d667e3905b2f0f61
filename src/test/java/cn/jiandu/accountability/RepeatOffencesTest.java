package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.PersonRepository.EarlierMeasure;
import org.junit.jupiter.api.Test;

/** Which earlier record holds a person accountable, so that repeat offence is proposed: plain values. */
class RepeatOffencesTest {

    @Test
    void aMeasureOnACaseClosedWithAccountabilityCounts() {
        assertThat(held("CLOSED", "ACCOUNTABILITY", Measure.ADMONISHMENT)).isTrue();
        assertThat(held("CLOSED", "ACCOUNTABILITY", Measure.CRITICISM_EDUCATION)).isTrue();
    }

    @Test
    void aDecisionThatStandsCountsBeforeTheCaseCloses() {
        assertThat(held("FAULT_TOLERANCE", null, Measure.ORDERED_INSPECTION)).isTrue();
        assertThat(held("NOTICE", null, Measure.CIRCULATED_CRITICISM)).isTrue();
        assertThat(held("SERVICE", null, Measure.TALK_REMINDER)).as("route version 2: approved, being served").isTrue();
    }

    @Test
    void aMeasureStillBeforeCaseReviewOrLeadersCountsNot() {
        assertThat(held("DECISION", null, Measure.ADMONISHMENT)).isFalse();
        assertThat(held("APPROVAL", null, Measure.DISCIPLINARY_SANCTION)).isFalse();
        assertThat(held("VERIFICATION", null, Measure.ADMONISHMENT)).isFalse();
        assertThat(held("DEFENCE", null, Measure.ADMONISHMENT)).as("route version 2: the person is still heard").isFalse();
        assertThat(held("CLOSED", "REFERRED_FOR_INVESTIGATION", Measure.PROPOSE_FILING))
                .as("filed: the investigation decides").isFalse();
    }

    @Test
    void exemptionAndNoMeasureHoldNobodyAccountable() {
        assertThat(held("CLOSED", "EXEMPTED", Measure.ADMONISHMENT)).isFalse();
        assertThat(held("CLOSED", "ACCOUNTABILITY", Measure.NONE)).isFalse();
        assertThat(held("NOTICE", null, Measure.NONE)).isFalse();
        assertThat(held("CLOSED", "ACCOUNTABILITY", null)).isFalse();
    }

    private static boolean held(String stage, String outcome, Measure measure) {
        return RepeatOffences.heldAccountable(new EarlierMeasure("JD-2025-00001", stage, outcome, measure));
    }
}
