package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.AccountabilityDecision.Evaluation;
import cn.jiandu.accountability.AccountabilityDecision.Person;
import cn.jiandu.accountability.AccountabilityDecision.Recommendation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of processes/accountability-measure.dmn with a person it decides, and the version-1
 * cases still running: they pass problemType, severity, repeatOffence and leadershipResponsible,
 * and neither responsibility nor faultTolerance.
 */
class AccountabilityMeasureDecisionTest {

    // One row per rule, in the order of the model (directMeasure → measureByResponsibility →
    // measureAfterFaultTolerance → accountabilityMeasure). Each row's person passes through one rule
    // of every table; the row names the rule it is there for. An empty cell is a fact not passed.
    private static final String RULES = """
        rule                              | problemType                    | severity | repeatOffence | responsibility       | faultTolerance | recommendedMeasure        | leaderApprovalRequired | typicalSuggested
        heavyMinor                        | MISUSE_OF_FUNDS                | MINOR    | false         | DIRECT               |                | ADMONISHMENT              | true                   | false
        heavyMinorRepeat                  | CONCEALED_REPORTING            | MINOR    | true          | DIRECT               |                | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        heavySeriousOrGrave               | HARMING_PUBLIC_INTEREST        | SERIOUS  | false         | DIRECT               |                | PROPOSE_FILING            | true                   | true
        defianceMinor                     | DEFIANCE_OF_ORDERS             | MINOR    | false         | DIRECT               |                | CIRCULATED_CRITICISM      | true                   | false
        defianceMinorRepeat               | DEFIANCE_OF_ORDERS             | MINOR    | true          | DIRECT               |                | ADMONISHMENT              | true                   | false
        defianceSerious                   | DEFIANCE_OF_ORDERS             | SERIOUS  | false         | DIRECT               |                | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        defianceSeriousRepeat             | DEFIANCE_OF_ORDERS             | SERIOUS  | true          | DIRECT               |                | PROPOSE_FILING            | true                   | true
        defianceGrave                     | DEFIANCE_OF_ORDERS             | GRAVE    | false         | DIRECT               |                | PROPOSE_FILING            | true                   | true
        dutyMinor                         | RESPONSIBILITY_NOT_IMPLEMENTED | MINOR    | false         | DIRECT               |                | ORDERED_INSPECTION        | false                  | false
        dutyMinorRepeat                   | INEFFECTIVE_PREVENTION         | MINOR    | true          | DIRECT               |                | CIRCULATED_CRITICISM      | true                   | false
        dutySerious                       | RESPONSIBILITY_NOT_IMPLEMENTED | SERIOUS  | false         | DIRECT               |                | ADMONISHMENT              | true                   | false
        dutySeriousRepeat                 | INEFFECTIVE_PREVENTION         | SERIOUS  | true          | DIRECT               |                | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        dutyGrave                         | RESPONSIBILITY_NOT_IMPLEMENTED | GRAVE    | true          | DIRECT               |                | PROPOSE_FILING            | true                   | true
        generalMinor                      | BUCK_PASSING                   | MINOR    | false         | DIRECT               |                | CRITICISM_EDUCATION       | false                  | false
        generalMinorRepeat                | FORMALISM_BUREAUCRATISM        | MINOR    | true          | DIRECT               |                | ORDERED_INSPECTION        | false                  | false
        generalSerious                    | RUMOR_SPREADING                | SERIOUS  | false         | DIRECT               |                | CIRCULATED_CRITICISM      | true                   | false
        generalSeriousRepeat              | OTHER                          | SERIOUS  | true          | DIRECT               |                | ADMONISHMENT              | true                   | false
        generalGrave                      | BUCK_PASSING                   | GRAVE    | false         | DIRECT               |                | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        generalGraveRepeat                | FORMALISM_BUREAUCRATISM        | GRAVE    | true          | DIRECT               |                | PROPOSE_FILING            | true                   | true
        direct                            | OTHER                          | MINOR    | false         |                      | NOT_APPLICABLE | CRITICISM_EDUCATION       | false                  | false
        principalProposeFiling            | MISUSE_OF_FUNDS                | GRAVE    | false         | PRINCIPAL_LEADERSHIP |                | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        principalOrganizationalAdjustment | DEFIANCE_OF_ORDERS             | SERIOUS  | false         | PRINCIPAL_LEADERSHIP |                | ADMONISHMENT              | true                   | false
        principalAdmonishment             | RESPONSIBILITY_NOT_IMPLEMENTED | SERIOUS  | false         | PRINCIPAL_LEADERSHIP |                | CIRCULATED_CRITICISM      | true                   | false
        principalCirculatedCriticism      | DEFIANCE_OF_ORDERS             | MINOR    | false         | PRINCIPAL_LEADERSHIP |                | ORDERED_INSPECTION        | false                  | false
        principalOrderedInspection        | INEFFECTIVE_PREVENTION         | MINOR    | false         | PRINCIPAL_LEADERSHIP |                | CRITICISM_EDUCATION       | false                  | false
        principalFloor                    | BUCK_PASSING                   | MINOR    | false         | PRINCIPAL_LEADERSHIP |                | TALK_REMINDER             | false                  | false
        importantProposeFiling            | CONCEALED_REPORTING            | SERIOUS  | false         | IMPORTANT_LEADERSHIP |                | ADMONISHMENT              | true                   | false
        importantOrganizationalAdjustment | BUCK_PASSING                   | GRAVE    | false         | IMPORTANT_LEADERSHIP |                | CIRCULATED_CRITICISM      | true                   | false
        importantAdmonishment             | OTHER                          | SERIOUS  | true          | IMPORTANT_LEADERSHIP |                | ORDERED_INSPECTION        | false                  | false
        importantCirculatedCriticism      | RUMOR_SPREADING                | SERIOUS  | false         | IMPORTANT_LEADERSHIP |                | CRITICISM_EDUCATION       | false                  | false
        importantFloor                    | INEFFECTIVE_PREVENTION         | MINOR    | false         | IMPORTANT_LEADERSHIP |                | TALK_REMINDER             | false                  | false
        exempt                            | MISUSE_OF_FUNDS                | GRAVE    | true          | DIRECT               | EXEMPT         | NONE                      | false                  | false
        mitigateProposeFiling             | MISUSE_OF_FUNDS                | GRAVE    | false         | DIRECT               | MITIGATE       | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        mitigateOrganizationalAdjustment  | DEFIANCE_OF_ORDERS             | SERIOUS  | false         | DIRECT               | MITIGATE       | ADMONISHMENT              | true                   | false
        mitigateAdmonishment              | RESPONSIBILITY_NOT_IMPLEMENTED | SERIOUS  | false         | DIRECT               | MITIGATE       | CIRCULATED_CRITICISM      | true                   | false
        mitigateCirculatedCriticism       | DEFIANCE_OF_ORDERS             | MINOR    | false         | DIRECT               | MITIGATE       | ORDERED_INSPECTION        | false                  | false
        mitigateOrderedInspection         | RESPONSIBILITY_NOT_IMPLEMENTED | MINOR    | false         | DIRECT               | MITIGATE       | CRITICISM_EDUCATION       | false                  | false
        mitigateFloor                     | BUCK_PASSING                   | MINOR    | false         | PRINCIPAL_LEADERSHIP | MITIGATE       | TALK_REMINDER             | false                  | false
        notApplicable                     | OTHER                          | GRAVE    | false         | DIRECT               | NOT_APPLICABLE | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        none                              | OTHER                          | MINOR    | false         | DIRECT               | EXEMPT         | NONE                      | false                  | false
        talkReminder                      | OTHER                          | MINOR    | false         | PRINCIPAL_LEADERSHIP |                | TALK_REMINDER             | false                  | false
        criticismEducation                | OTHER                          | MINOR    | false         | DIRECT               |                | CRITICISM_EDUCATION       | false                  | false
        orderedInspection                 | INEFFECTIVE_PREVENTION         | MINOR    | false         | DIRECT               |                | ORDERED_INSPECTION        | false                  | false
        circulatedCriticism               | BUCK_PASSING                   | SERIOUS  | false         | DIRECT               |                | CIRCULATED_CRITICISM      | true                   | false
        admonishment                      | MISUSE_OF_FUNDS                | MINOR    | false         | DIRECT               |                | ADMONISHMENT              | true                   | false
        organizationalAdjustment          | DEFIANCE_OF_ORDERS             | SERIOUS  | false         | DIRECT               |                | ORGANIZATIONAL_ADJUSTMENT | true                   | true
        proposeFiling                     | DEFIANCE_OF_ORDERS             | GRAVE    | false         | DIRECT               |                | PROPOSE_FILING            | true                   | true
        """;

    private static final AccountabilityDecision TABLE = new AccountabilityDecision();

    @ParameterizedTest
    @CsvSource(delimiter = '|', useHeadersInDisplayName = true, textBlock = RULES)
    void eachRuleRecommendsItsMeasure(String rule, String problemType, String severity, Boolean repeatOffence,
            String responsibility, String faultTolerance, Measure recommendedMeasure,
            boolean leaderApprovalRequired, boolean typicalSuggested) {
        Evaluation evaluation = TABLE.evaluate(
                new Person(problemType, severity, repeatOffence, responsibility, faultTolerance));

        assertThat(evaluation.ruleIds()).as("one rule of each of the four tables").hasSize(4).contains(rule);
        assertThat(evaluation.recommendations()).containsExactly(
                new Recommendation(recommendedMeasure, leaderApprovalRequired, typicalSuggested));
    }

    @Test
    void everyRuleOfTheModelHasARowAboveInItsOrder() {
        List<String> ruleIds = Dmn.readModelFromFile(AccountabilityDecision.DMN_FILE.toFile())
                .getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
        List<String> rows = RULES.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\|")[0].strip()).toList();

        assertThat(rows).containsExactlyElementsOf(ruleIds);
    }

    // ---- version 1: the case as a whole, no fault-tolerance review yet -------------------------------

    @Test
    void versionOneFactsAreJudgedAsTheDirectResponsibilityWithoutFaultTolerance() {
        List<Boolean> absentFalseTrue = Arrays.asList(null, false, true);
        for (String type : AccountabilityDecision.PROBLEM_TYPES) {
            for (String severity : AccountabilityDecision.SEVERITIES) {
                for (Boolean repeat : absentFalseTrue) {
                    for (Boolean leadership : absentFalseTrue) {
                        Map<String, Object> v1 = versionOne(type, severity, repeat, leadership);
                        Recommendation asDirect = TABLE.recommend(new Person(type, severity,
                                Boolean.TRUE.equals(repeat), "DIRECT", "NOT_APPLICABLE"));
                        assertThat(TABLE.evaluate(v1).recommendations()).as("version 1: %s", v1)
                                .containsExactly(asDirect);
                    }
                }
            }
        }
    }

    @Test
    void theVersionOneRoutesGetTheRecommendationsTheirTestsExpect() {
        assertThat(TABLE.evaluate(versionOne("BUCK_PASSING", "MINOR", null, null)).recommendations())
                .containsExactly(new Recommendation(Measure.CRITICISM_EDUCATION, false, false));
        assertThat(TABLE.evaluate(versionOne("RESPONSIBILITY_NOT_IMPLEMENTED", "SERIOUS", false, false))
                .recommendations()).containsExactly(new Recommendation(Measure.ADMONISHMENT, true, false));
        // Version 1 recommended CASE_FILING here; a sanction needs a filed case first.
        assertThat(TABLE.evaluate(versionOne("MISUSE_OF_FUNDS", "GRAVE", false, true)).recommendations())
                .containsExactly(new Recommendation(Measure.PROPOSE_FILING, true, true));
    }

    @Test
    void aFactPassedAsNullCountsAsAbsent() {
        Map<String, Object> nulls = new HashMap<>(versionOne("DEFIANCE_OF_ORDERS", "SERIOUS", null, null));
        nulls.put("repeatOffence", null);
        nulls.put("responsibility", null);
        nulls.put("faultTolerance", null);

        assertThat(TABLE.evaluate(nulls).recommendations())
                .containsExactly(TABLE.recommend(new Person("DEFIANCE_OF_ORDERS", "SERIOUS", false, "DIRECT", null)));
    }

    @Test
    void aResponsibilityTheTableDoesNotKnowRecommendsNothingRatherThanAGuess() {
        assertThat(TABLE.evaluate(new Person("OTHER", "MINOR", false, "COLLECTIVE", null)).recommendations())
                .isEmpty();
    }

    private static Map<String, Object> versionOne(String type, String severity, Boolean repeat, Boolean leadership) {
        Map<String, Object> variables = new HashMap<>(Map.of("problemType", type, "severity", severity));
        if (repeat != null) {
            variables.put("repeatOffence", repeat);
        }
        if (leadership != null) {
            variables.put("leadershipResponsible", leadership);
        }
        return variables;
    }
}
