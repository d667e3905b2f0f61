package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountabilityMeasureDecisionTest {

  private static final Path DMN_FILE = Path.of("processes", "accountability-measure.dmn");
  private static final String DECISION_KEY = "accountabilityMeasure";

  private static final List<String> MEASURES_IN_INCREASING_ORDER = List.of(
      "NONE", "CRITICISM_EDUCATION", "ORDERED_INSPECTION", "CIRCULATED_CRITICISM",
      "ADMONISHMENT", "ORGANIZATIONAL_ADJUSTMENT", "DISCIPLINARY_SANCTION", "CASE_FILING");
  private static final List<String> PROBLEM_TYPES = List.of(
      "RESPONSIBILITY_NOT_IMPLEMENTED", "INEFFECTIVE_PREVENTION", "BUCK_PASSING",
      "CONCEALED_REPORTING", "DEFIANCE_OF_ORDERS", "FORMALISM_BUREAUCRATISM",
      "RUMOR_SPREADING", "MISUSE_OF_FUNDS", "OTHER");
  private static final List<String> SEVERITIES = List.of("MINOR", "SERIOUS", "GRAVE");
  private static final Set<String> GRAVEST_TYPES = Set.of("MISUSE_OF_FUNDS", "CONCEALED_REPORTING");

  // One row per rule, in the order of the decision table; a rule without a row fails
  // everyRuleOfTheTableHasARowInTheRuleTable.
  private static final String RULES = """
      rule                                | problemType                    | severity | repeatOffence | leadershipResponsible | recommendedMeasure        | leaderApprovalRequired | typicalSuggested
      leadershipResponsibleMinor          | BUCK_PASSING                   | MINOR    | false         | true                  | CIRCULATED_CRITICISM      | false                  | false
      misuseOrConcealmentMinorRepeat      | CONCEALED_REPORTING            | MINOR    | true          | false                 | ORGANIZATIONAL_ADJUSTMENT | true                   | false
      misuseOrConcealmentSeriousRepeat    | MISUSE_OF_FUNDS                | SERIOUS  | true          | false                 | CASE_FILING               | true                   | true
      misuseOrConcealmentMinor            | CONCEALED_REPORTING            | MINOR    | false         | false                 | ADMONISHMENT              | true                   | false
      misuseOrConcealmentSerious          | MISUSE_OF_FUNDS                | SERIOUS  | false         | false                 | DISCIPLINARY_SANCTION     | true                   | true
      misuseOrConcealmentGrave            | CONCEALED_REPORTING            | GRAVE    | false         | false                 | CASE_FILING               | true                   | true
      defianceMinorRepeat                 | DEFIANCE_OF_ORDERS             | MINOR    | true          | false                 | ADMONISHMENT              | true                   | false
      defianceSeriousRepeat               | DEFIANCE_OF_ORDERS             | SERIOUS  | true          | false                 | DISCIPLINARY_SANCTION     | true                   | true
      defianceGraveRepeat                 | DEFIANCE_OF_ORDERS             | GRAVE    | true          | false                 | CASE_FILING               | true                   | true
      defianceMinor                       | DEFIANCE_OF_ORDERS             | MINOR    | false         | false                 | CIRCULATED_CRITICISM      | false                  | false
      defianceSerious                     | DEFIANCE_OF_ORDERS             | SERIOUS  | false         | false                 | ORGANIZATIONAL_ADJUSTMENT | true                   | false
      defianceGrave                       | DEFIANCE_OF_ORDERS             | GRAVE    | false         | false                 | DISCIPLINARY_SANCTION     | true                   | true
      responsibilityMinorRepeat           | RESPONSIBILITY_NOT_IMPLEMENTED | MINOR    | true          | false                 | CIRCULATED_CRITICISM      | false                  | false
      responsibilitySeriousRepeat         | INEFFECTIVE_PREVENTION         | SERIOUS  | true          | false                 | ORGANIZATIONAL_ADJUSTMENT | true                   | true
      responsibilityGraveRepeat           | RESPONSIBILITY_NOT_IMPLEMENTED | GRAVE    | true          | false                 | CASE_FILING               | true                   | true
      responsibilityMinor                 | INEFFECTIVE_PREVENTION         | MINOR    | false         | false                 | ORDERED_INSPECTION        | false                  | false
      responsibilitySerious               | RESPONSIBILITY_NOT_IMPLEMENTED | SERIOUS  | false         | false                 | ADMONISHMENT              | true                   | false
      responsibilityGrave                 | INEFFECTIVE_PREVENTION         | GRAVE    | false         | false                 | DISCIPLINARY_SANCTION     | true                   | true
      buckPassingOrFormalismMinorRepeat   | BUCK_PASSING                   | MINOR    | true          | false                 | ORDERED_INSPECTION        | false                  | false
      buckPassingOrFormalismSeriousRepeat | FORMALISM_BUREAUCRATISM        | SERIOUS  | true          | false                 | ADMONISHMENT              | true                   | true
      buckPassingOrFormalismGraveRepeat   | BUCK_PASSING                   | GRAVE    | true          | false                 | DISCIPLINARY_SANCTION     | true                   | true
      buckPassingOrFormalismMinor         | FORMALISM_BUREAUCRATISM        | MINOR    | false         | false                 | CRITICISM_EDUCATION       | false                  | false
      buckPassingOrFormalismSerious       | BUCK_PASSING                   | SERIOUS  | false         | false                 | CIRCULATED_CRITICISM      | false                  | false
      buckPassingOrFormalismGrave         | FORMALISM_BUREAUCRATISM        | GRAVE    | false         | false                 | ORGANIZATIONAL_ADJUSTMENT | true                   | true
      otherMinorRepeat                    | RUMOR_SPREADING                | MINOR    | true          | false                 | ORDERED_INSPECTION        | false                  | false
      otherSeriousRepeat                  | OTHER                          | SERIOUS  | true          | false                 | ADMONISHMENT              | true                   | true
      otherGraveRepeat                    | RUMOR_SPREADING                | GRAVE    | true          | false                 | ORGANIZATIONAL_ADJUSTMENT | true                   | true
      otherMinor                          | OTHER                          | MINOR    | false         | false                 | CRITICISM_EDUCATION       | false                  | false
      otherSerious                        | RUMOR_SPREADING                | SERIOUS  | false         | false                 | CIRCULATED_CRITICISM      | false                  | false
      otherGrave                          | OTHER                          | GRAVE    | false         | false                 | ADMONISHMENT              | true                   | true
      """;

  private static final List<String> matchedRuleIds = new ArrayList<>();
  private static DmnEngine engine;
  private static DmnDecision decision;

  private record Facts(String problemType, String severity, boolean repeatOffence,
      boolean leadershipResponsible) {

    Facts repeated() {
      return new Facts(problemType, severity, true, leadershipResponsible);
    }

    Facts withLeadershipResponsible() {
      return new Facts(problemType, severity, repeatOffence, true);
    }
  }

  private record Recommendation(String measure, Boolean leaderApprovalRequired,
      Boolean typicalSuggested) {

    int rank() {
      return MEASURES_IN_INCREASING_ORDER.indexOf(measure);
    }
  }

  private record Evaluation(List<Recommendation> recommendations, List<String> ruleIds) {
  }

  @BeforeAll
  static void parseDecision() throws IOException {
    DmnDecisionTableEvaluationListener recordMatchedRules = event -> event.getMatchingRules()
        .stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules))
        .buildEngine();
    try (InputStream dmn = Files.newInputStream(DMN_FILE)) {
      decision = engine.parseDecision(DECISION_KEY, dmn);
    }
  }

  @Test
  void misuseOfFundsGraveIsCaseFiling() {
    assertThat(recommend(facts("MISUSE_OF_FUNDS", "GRAVE")))
        .isEqualTo(new Recommendation("CASE_FILING", true, true));
  }

  @Test
  void misuseOfFundsMinorIsStillAdmonishmentApprovedByLeaders() {
    assertThat(recommend(facts("MISUSE_OF_FUNDS", "MINOR")))
        .isEqualTo(new Recommendation("ADMONISHMENT", true, false));
  }

  @Test
  void concealedReportingSeriousIsDisciplinarySanctionAndTypical() {
    assertThat(recommend(facts("CONCEALED_REPORTING", "SERIOUS")))
        .isEqualTo(new Recommendation("DISCIPLINARY_SANCTION", true, true));
  }

  @Test
  void defianceOfOrdersGraveIsDisciplinarySanction() {
    assertThat(recommend(facts("DEFIANCE_OF_ORDERS", "GRAVE")))
        .isEqualTo(new Recommendation("DISCIPLINARY_SANCTION", true, true));
  }

  @Test
  void ineffectivePreventionMinorIsOrderedInspectionWithoutLeaders() {
    assertThat(recommend(facts("INEFFECTIVE_PREVENTION", "MINOR")))
        .isEqualTo(new Recommendation("ORDERED_INSPECTION", false, false));
  }

  @Test
  void buckPassingMinorIsCriticismEducation() {
    assertThat(recommend(facts("BUCK_PASSING", "MINOR")))
        .isEqualTo(new Recommendation("CRITICISM_EDUCATION", false, false));
  }

  @Test
  void formalismGraveIsOrganizationalAdjustmentAndTypical() {
    assertThat(recommend(facts("FORMALISM_BUREAUCRATISM", "GRAVE")))
        .isEqualTo(new Recommendation("ORGANIZATIONAL_ADJUSTMENT", true, true));
  }

  @Test
  void rumorSpreadingSeriousIsCirculatedCriticism() {
    assertThat(recommend(facts("RUMOR_SPREADING", "SERIOUS")))
        .isEqualTo(new Recommendation("CIRCULATED_CRITICISM", false, false));
  }

  @Test
  void repeatedSeriousIneffectivePreventionIsRaisedToOrganizationalAdjustmentAndTypical() {
    assertThat(recommend(facts("INEFFECTIVE_PREVENTION", "SERIOUS").repeated()))
        .isEqualTo(new Recommendation("ORGANIZATIONAL_ADJUSTMENT", true, true));
  }

  @Test
  void repeatedGraveMisuseOfFundsStaysCaseFiling() {
    assertThat(recommend(facts("MISUSE_OF_FUNDS", "GRAVE").repeated()))
        .isEqualTo(new Recommendation("CASE_FILING", true, true));
  }

  @Test
  void leadershipResponsibilityMakesMinorBuckPassingCirculatedCriticism() {
    assertThat(recommend(facts("BUCK_PASSING", "MINOR").withLeadershipResponsible()))
        .isEqualTo(new Recommendation("CIRCULATED_CRITICISM", false, false));
  }

  @Test
  void leadershipResponsibilityOutweighsTheRepeatStepForMinorFormalism() {
    assertThat(recommend(facts("FORMALISM_BUREAUCRATISM", "MINOR").repeated().withLeadershipResponsible()))
        .isEqualTo(new Recommendation("CIRCULATED_CRITICISM", false, false));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', useHeadersInDisplayName = true, textBlock = RULES)
  void eachRuleRecommendsItsMeasure(String rule, String problemType, String severity,
      boolean repeatOffence, boolean leadershipResponsible, String recommendedMeasure,
      boolean leaderApprovalRequired, boolean typicalSuggested) {
    Evaluation evaluation = evaluate(
        new Facts(problemType, severity, repeatOffence, leadershipResponsible));

    assertThat(evaluation.ruleIds()).containsExactly(rule);
    assertThat(evaluation.recommendations()).containsExactly(
        new Recommendation(recommendedMeasure, leaderApprovalRequired, typicalSuggested));
  }

  @Test
  void everyRuleOfTheTableHasARowInTheRuleTable() {
    List<String> ruleIds = Dmn.readModelFromFile(DMN_FILE.toFile())
        .getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    List<String> rows = RULES.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty())
        .map(line -> line.split("\\|")[0].strip()).toList();

    assertThat(rows).hasSameSizeAs(ruleIds).containsExactlyElementsOf(ruleIds);
  }

  @Test
  void everyCombinationGivesExactlyOneKnownMeasure() {
    assertThat(allCombinations()).hasSize(9 * 3 * 2 * 2).allSatisfy(facts -> {
      Evaluation evaluation = evaluate(facts);
      assertThat(evaluation.ruleIds()).hasSize(1);
      assertThat(evaluation.recommendations()).singleElement()
          .extracting(Recommendation::measure).isIn(MEASURES_IN_INCREASING_ORDER);
    });
  }

  @Test
  void leadersApproveExactlyFromAdmonishmentUp() {
    int admonishment = MEASURES_IN_INCREASING_ORDER.indexOf("ADMONISHMENT");
    assertThat(allCombinations()).allSatisfy(facts -> {
      Recommendation recommendation = recommend(facts);
      assertThat(recommendation.leaderApprovalRequired())
          .isEqualTo(recommendation.rank() >= admonishment);
    });
  }

  @Test
  void repeatOffenceNeverLowersTheMeasure() {
    assertThat(allCombinations()).filteredOn(facts -> !facts.repeatOffence()).allSatisfy(facts ->
        assertThat(recommend(facts.repeated()).rank())
            .isGreaterThanOrEqualTo(recommend(facts).rank()));
  }

  @Test
  void repeatOffenceWithoutLeadershipResponsibilityRaisesTheMeasureOneStepUpToCaseFiling() {
    int caseFiling = MEASURES_IN_INCREASING_ORDER.indexOf("CASE_FILING");
    assertThat(allCombinations())
        .filteredOn(facts -> !facts.repeatOffence() && !facts.leadershipResponsible())
        .allSatisfy(facts -> assertThat(recommend(facts.repeated()).rank())
            .isEqualTo(Math.min(recommend(facts).rank() + 1, caseFiling)));
  }

  @Test
  void leadershipResponsibilityMeansAtLeastCirculatedCriticism() {
    int circulatedCriticism = MEASURES_IN_INCREASING_ORDER.indexOf("CIRCULATED_CRITICISM");
    assertThat(allCombinations()).filteredOn(Facts::leadershipResponsible).allSatisfy(facts ->
        assertThat(recommend(facts).rank()).isGreaterThanOrEqualTo(circulatedCriticism));
  }

  @Test
  void graverSeverityNeverLowersTheMeasure() {
    assertThat(allCombinations()).filteredOn(facts -> !facts.severity().equals("GRAVE"))
        .allSatisfy(facts -> {
          String graver = SEVERITIES.get(SEVERITIES.indexOf(facts.severity()) + 1);
          Facts graverFacts = new Facts(facts.problemType(), graver, facts.repeatOffence(),
              facts.leadershipResponsible());
          assertThat(recommend(graverFacts).rank()).isGreaterThanOrEqualTo(recommend(facts).rank());
        });
  }

  @Test
  void typicalForGravestTypesUnlessMinorForEveryGraveCaseAndForRepeatOffencesUnlessMinor() {
    assertThat(allCombinations()).allSatisfy(facts -> {
      boolean notMinor = !facts.severity().equals("MINOR");
      boolean typical = GRAVEST_TYPES.contains(facts.problemType()) && notMinor
          || facts.severity().equals("GRAVE")
          || facts.repeatOffence() && notMinor;
      assertThat(recommend(facts).typicalSuggested()).isEqualTo(typical);
    });
  }

  private static Facts facts(String problemType, String severity) {
    return new Facts(problemType, severity, false, false);
  }

  private static List<Facts> allCombinations() {
    return PROBLEM_TYPES.stream().flatMap(problemType -> SEVERITIES.stream().flatMap(severity ->
        Stream.of(false, true).flatMap(repeatOffence -> Stream.of(false, true).map(leadership ->
            new Facts(problemType, severity, repeatOffence, leadership))))).toList();
  }

  private static Recommendation recommend(Facts facts) {
    List<Recommendation> recommendations = evaluate(facts).recommendations();
    assertThat(recommendations).as("recommendations for %s", facts).hasSize(1);
    return recommendations.get(0);
  }

  private static Evaluation evaluate(Facts facts) {
    matchedRuleIds.clear();
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("problemType", facts.problemType())
        .putValue("severity", facts.severity())
        .putValue("repeatOffence", facts.repeatOffence())
        .putValue("leadershipResponsible", facts.leadershipResponsible()));
    List<Recommendation> recommendations =
        result.stream().map(AccountabilityMeasureDecisionTest::toRecommendation).toList();
    return new Evaluation(recommendations, List.copyOf(matchedRuleIds));
  }

  private static Recommendation toRecommendation(DmnDecisionRuleResult ruleResult) {
    return new Recommendation(ruleResult.getEntry("recommendedMeasure"),
        ruleResult.getEntry("leaderApprovalRequired"), ruleResult.getEntry("typicalSuggested"));
  }
}
