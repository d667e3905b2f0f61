package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    // ---- route version 2: person by person ------------------------------------------------------------

    @Test
    void version2LeadersApproveWhenTheTableSaidSoForAnyoneOrAnyonesMeasureNeedsThem() {
        Person director = decided("张伟", Measure.CRITICISM_EDUCATION, false);
        assertThat(AccountabilityRules.needsLeaderApproval(List.of(director, decided("李娜", Measure.TALK_REMINDER, true)),
                null, false)).as("the table said so for 李娜, though case-review chose lighter").isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(List.of(director, decided("王强", Measure.ADMONISHMENT, false)),
                null, false)).isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(List.of(director), null, false)).isFalse();
    }

    @Test
    void version2APartyOrganisationsCirculationOrReorganisationAndAnyPublicNamingNeedLeaders() {
        List<Person> light = List.of(decided("张伟", Measure.NONE, false));
        assertThat(AccountabilityRules.needsLeaderApproval(light, UnitMeasure.ORG_CIRCULATION, false)).isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(light, UnitMeasure.ORG_REORGANIZATION, false)).isTrue();
        assertThat(AccountabilityRules.needsLeaderApproval(light, UnitMeasure.ORG_INSPECTION, false))
                .as("an order to examine itself, like 责令检查, case-review decides").isFalse();
        assertThat(AccountabilityRules.needsLeaderApproval(light, null, true)).as("a 通报 always").isTrue();
    }

    private static Person decided(String name, Measure measure, boolean tableWantsLeaders) {
        return new Person(1, name, "北湖街道", null, null, null, null, Responsibility.DIRECT, false, false, measure,
                measure, tableWantsLeaders, null, null);
    }
}
