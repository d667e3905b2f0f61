package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When leaders approve an accountability decision, from plain values. */
class AccountabilityRulesTest {

    @Test
    void aRecommendationThatNeedsLeadersSendsEvenALighterMeasureToThem() {
        assertThat(AccountabilityRules.needsLeaderApproval(true, Measure.CRITICISM_EDUCATION, null)).isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(true, Measure.NONE, Measure.NONE)).isTrue();
    }

    @Test
    void admonishmentOrHeavierForAnyoneNeedsLeaders() {
        assertThat(AccountabilityRules.needsLeaderApproval(false, Measure.ADMONISHMENT, null)).isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(false, Measure.CRITICISM_EDUCATION,
                Measure.ORGANIZATIONAL_ADJUSTMENT)).isTrue();
    }

    @Test
    void aCirculatedCriticismForAnyoneNeedsLeaders() {
        assertThat(AccountabilityRules.needsLeaderApproval(false, Measure.CIRCULATED_CRITICISM, Measure.NONE)).isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(false, Measure.TALK_REMINDER,
                Measure.CIRCULATED_CRITICISM)).isTrue();
    }

    @Test
    void lightMeasuresWithALightRecommendationAreDecidedByCaseReview() {
        assertThat(AccountabilityRules.needsLeaderApproval(false, Measure.ORDERED_INSPECTION, Measure.TALK_REMINDER))
                .isFalse();
        assertThat(AccountabilityRules.needsLeaderApproval(false, null, null)).isFalse();
    }
}
