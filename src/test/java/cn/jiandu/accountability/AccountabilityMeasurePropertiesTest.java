package cn.jiandu.accountability;

import static cn.jiandu.accountability.AccountabilityDecision.LADDER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.AccountabilityDecision.Evaluation;
import cn.jiandu.accountability.AccountabilityDecision.Person;
import cn.jiandu.accountability.AccountabilityDecision.Recommendation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What must hold for every person, checked on all 720 combinations of the facts (10 problem types ×
 * 3 severities × repeat or not × 3 responsibilities × 4 fault-tolerance outcomes, absent included):
 * few enough to enumerate, so every combination rather than a random sample.
 */
class AccountabilityMeasurePropertiesTest {

    private static final Set<String> GRAVEST_TYPES =
            Set.of("MISUSE_OF_FUNDS", "CONCEALED_REPORTING", "HARMING_PUBLIC_INTEREST");
    private static final int TALK_REMINDER = LADDER.indexOf(Measure.TALK_REMINDER);
    private static final int PROPOSE_FILING = LADDER.indexOf(Measure.PROPOSE_FILING);

    private static final Map<Person, Recommendation> RECOMMENDATIONS = new LinkedHashMap<>();
    private static final AccountabilityDecision TABLE = new AccountabilityDecision();

    @BeforeAll
    static void evaluateEveryPerson() {
        AccountabilityDecision.everyPerson().forEach(person -> RECOMMENDATIONS.put(person, TABLE.recommend(person)));
    }

    @Test
    void everyCombinationMatchesOneRuleOfEachTableAndGivesOneMeasureOfTheLadder() {
        assertThat(AccountabilityDecision.everyPerson()).hasSize(10 * 3 * 2 * 3 * 4).allSatisfy(person -> {
            Evaluation evaluation = TABLE.evaluate(person);
            assertThat(evaluation.ruleIds()).as("rules matched for %s", person).hasSize(4);
            assertThat(evaluation.recommendations()).singleElement()
                    .satisfies(only -> assertThat(LADDER).contains(only.measure()));
        });
    }

    @Test
    void graverSeverityNeverGivesALighterMeasure() {
        heavierNeverLighter(person -> !person.severity().equals("GRAVE"), person -> person.withSeverity(
                AccountabilityDecision.SEVERITIES.get(AccountabilityDecision.SEVERITIES.indexOf(person.severity()) + 1)));
    }

    @Test
    void aRepeatOffenceNeverGivesALighterMeasure() {
        heavierNeverLighter(person -> !person.repeatOffence(), person -> person.withRepeatOffence(true));
    }

    @Test
    void directResponsibilityIsNeverLighterThanPrincipalNorPrincipalThanImportantLeadership() {
        List<String> responsibilities = AccountabilityDecision.RESPONSIBILITIES;
        heavierNeverLighter(person -> !person.responsibility().equals("DIRECT"), person -> person.withResponsibility(
                responsibilities.get(responsibilities.indexOf(person.responsibility()) - 1)));
    }

    @Test
    void noToleranceIsNeverLighterThanMitigationNorMitigationThanExemption() {
        heavierNeverLighter(person -> "MITIGATE".equals(person.faultTolerance()),
                person -> person.withFaultTolerance("NOT_APPLICABLE"));
        heavierNeverLighter(person -> "EXEMPT".equals(person.faultTolerance()),
                person -> person.withFaultTolerance("MITIGATE"));
    }

    @Test
    void theGravestProblemTypesAreNeverLighterThanAnyOther() {
        RECOMMENDATIONS.keySet().stream().filter(person -> GRAVEST_TYPES.contains(person.problemType()))
                .forEach(gravest -> AccountabilityDecision.PROBLEM_TYPES.forEach(other ->
                        assertThat(step(gravest)).as("%s against %s", gravest, other)
                                .isGreaterThanOrEqualTo(step(gravest.withProblemType(other)))));
    }

    @Test
    void aRepeatOffenceRaisesTheDirectMeasureOneStepUpToFiling() {
        RECOMMENDATIONS.keySet().stream()
                .filter(person -> !person.repeatOffence() && person.responsibility().equals("DIRECT")
                        && person.faultTolerance() == null)
                .forEach(person -> assertThat(step(person.withRepeatOffence(true))).as("%s repeated", person)
                        .isEqualTo(Math.min(step(person) + 1, PROPOSE_FILING)));
    }

    @Test
    void principalLeadershipIsOneStepAndImportantLeadershipTwoStepsLighterThanDirectDownToTalkReminder() {
        RECOMMENDATIONS.keySet().stream()
                .filter(person -> person.responsibility().equals("DIRECT") && person.faultTolerance() == null)
                .forEach(direct -> {
                    assertThat(step(direct.withResponsibility("PRINCIPAL_LEADERSHIP"))).as("principal, %s", direct)
                            .isEqualTo(Math.max(step(direct) - 1, TALK_REMINDER));
                    assertThat(step(direct.withResponsibility("IMPORTANT_LEADERSHIP"))).as("important, %s", direct)
                            .isEqualTo(Math.max(step(direct) - 2, TALK_REMINDER));
                });
    }

    @Test
    void mitigationIsExactlyOneStepLighterDownToTalkReminder() {
        RECOMMENDATIONS.keySet().stream().filter(person -> "MITIGATE".equals(person.faultTolerance()))
                .forEach(mitigated -> assertThat(step(mitigated)).as("%s", mitigated).isEqualTo(
                        Math.max(step(mitigated.withFaultTolerance("NOT_APPLICABLE")) - 1, TALK_REMINDER)));
    }

    @Test
    void noFaultToleranceReviewCountsAsNotApplicable() {
        RECOMMENDATIONS.keySet().stream().filter(person -> person.faultTolerance() == null)
                .forEach(unreviewed -> assertThat(RECOMMENDATIONS.get(unreviewed)).as("%s", unreviewed)
                        .isEqualTo(RECOMMENDATIONS.get(unreviewed.withFaultTolerance("NOT_APPLICABLE"))));
    }

    @Test
    void anExemptedPersonIsNotHeldAccountableNeedsNoLeadersAndIsNotTypical() {
        RECOMMENDATIONS.forEach((person, recommendation) -> {
            if ("EXEMPT".equals(person.faultTolerance())) {
                assertThat(recommendation).isEqualTo(new Recommendation(Measure.NONE, false, false));
            } else {
                assertThat(recommendation.measure()).as("%s", person).isNotEqualTo(Measure.NONE);
            }
        });
    }

    @Test
    void leadersApproveExactlyTheMeasuresThatNeedThem() {
        RECOMMENDATIONS.forEach((person, recommendation) -> assertThat(recommendation.leaderApprovalRequired())
                .as("%s", person).isEqualTo(recommendation.measure().needsLeaderApproval()));
    }

    @Test
    void organizationalAdjustmentAndFilingAreSuggestedAsTypicalAndNothingLighter() {
        RECOMMENDATIONS.forEach((person, recommendation) -> assertThat(recommendation.typicalSuggested())
                .as("%s", person).isEqualTo(recommendation.step() >= LADDER.indexOf(Measure.ORGANIZATIONAL_ADJUSTMENT)));
    }

    private static void heavierNeverLighter(Predicate<Person> lighterFacts, UnaryOperator<Person> heavier) {
        RECOMMENDATIONS.keySet().stream().filter(lighterFacts).forEach(person ->
                assertThat(step(heavier.apply(person))).as("%s made heavier", person)
                        .isGreaterThanOrEqualTo(step(person)));
    }

    private static int step(Person person) {
        Recommendation recommendation = RECOMMENDATIONS.get(person);
        assertThat(recommendation).as("evaluated %s", person).isNotNull();
        return recommendation.step();
    }
}
