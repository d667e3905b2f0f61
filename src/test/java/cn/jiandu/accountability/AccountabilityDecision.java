package cn.jiandu.accountability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * processes/accountability-measure.dmn on the bare DMN engine, as the process evaluates it: the
 * decision accountabilityMeasure with the decisions it requires, from the variables given (a fact
 * left null is not passed at all, as in a version-1 case). Records the rules that matched in every
 * table of the chain.
 */
final class AccountabilityDecision {

    static final Path DMN_FILE = Path.of("processes", "accountability-measure.dmn");

    static final List<String> PROBLEM_TYPES = List.of("RESPONSIBILITY_NOT_IMPLEMENTED", "INEFFECTIVE_PREVENTION",
            "BUCK_PASSING", "CONCEALED_REPORTING", "DEFIANCE_OF_ORDERS", "FORMALISM_BUREAUCRATISM",
            "RUMOR_SPREADING", "MISUSE_OF_FUNDS", "HARMING_PUBLIC_INTEREST", "OTHER");
    static final List<String> SEVERITIES = List.of("MINOR", "SERIOUS", "GRAVE");
    /** Heaviest first: each later one is one step lighter. */
    static final List<String> RESPONSIBILITIES = List.of("DIRECT", "PRINCIPAL_LEADERSHIP", "IMPORTANT_LEADERSHIP");
    /** null: no fault-tolerance review (the variable absent). */
    static final List<String> FAULT_TOLERANCES = java.util.Arrays.asList("EXEMPT", "MITIGATE", "NOT_APPLICABLE", null);
    /** The measures the table may recommend, lightest first: one step is one place in this list. */
    static final List<Measure> LADDER = List.of(Measure.NONE, Measure.TALK_REMINDER, Measure.CRITICISM_EDUCATION,
            Measure.ORDERED_INSPECTION, Measure.CIRCULATED_CRITICISM, Measure.ADMONISHMENT,
            Measure.ORGANIZATIONAL_ADJUSTMENT, Measure.PROPOSE_FILING);

    /** The facts about one person held accountable; responsibility and faultTolerance may be absent. */
    record Person(String problemType, String severity, Boolean repeatOffence, String responsibility,
            String faultTolerance) {

        Person withSeverity(String other) {
            return new Person(problemType, other, repeatOffence, responsibility, faultTolerance);
        }

        Person withProblemType(String other) {
            return new Person(other, severity, repeatOffence, responsibility, faultTolerance);
        }

        Person withRepeatOffence(Boolean other) {
            return new Person(problemType, severity, other, responsibility, faultTolerance);
        }

        Person withResponsibility(String other) {
            return new Person(problemType, severity, repeatOffence, other, faultTolerance);
        }

        Person withFaultTolerance(String other) {
            return new Person(problemType, severity, repeatOffence, responsibility, other);
        }

        VariableMap variables() {
            VariableMap variables = Variables.createVariables()
                    .putValue("problemType", problemType).putValue("severity", severity);
            putIfPresent(variables, "repeatOffence", repeatOffence);
            putIfPresent(variables, "responsibility", responsibility);
            putIfPresent(variables, "faultTolerance", faultTolerance);
            return variables;
        }
    }

    record Recommendation(Measure measure, Boolean leaderApprovalRequired, Boolean typicalSuggested) {

        int step() {
            return LADDER.indexOf(measure);
        }
    }

    /** Every result of accountabilityMeasure and the ids of the rules that matched in any table. */
    record Evaluation(List<Recommendation> recommendations, List<String> ruleIds) {
    }

    private final List<String> matchedRuleIds = new ArrayList<>();
    private final DmnEngine engine;
    private final DmnDecision decision;

    AccountabilityDecision() {
        DmnDecisionEvaluationListener recordMatchedRules = event -> {
            matchedRuleIds.addAll(ruleIds(event.getDecisionResult()));
            event.getRequiredDecisionResults().forEach(required -> matchedRuleIds.addAll(ruleIds(required)));
        };
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(recordMatchedRules))
                .buildEngine();
        try (InputStream dmn = Files.newInputStream(DMN_FILE)) {
            decision = engine.parseDecision("accountabilityMeasure", dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Evaluation evaluate(Map<String, Object> variables) {
        matchedRuleIds.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, variables);
        List<Recommendation> recommendations = result.getResultList().stream().map(entries -> new Recommendation(
                Measure.valueOf((String) entries.get("recommendedMeasure")),
                (Boolean) entries.get("leaderApprovalRequired"), (Boolean) entries.get("typicalSuggested"))).toList();
        return new Evaluation(recommendations, List.copyOf(matchedRuleIds));
    }

    Evaluation evaluate(Person person) {
        return evaluate(person.variables());
    }

    /** The one recommendation for the person; fails if there is none or more than one. */
    Recommendation recommend(Person person) {
        List<Recommendation> recommendations = evaluate(person).recommendations();
        if (recommendations.size() != 1) {
            throw new AssertionError(recommendations.size() + " recommendations for " + person);
        }
        return recommendations.get(0);
    }

    /** All 10 × 3 × 2 × 3 × 4 combinations of a person's facts. */
    static List<Person> everyPerson() {
        return PROBLEM_TYPES.stream().flatMap(type -> SEVERITIES.stream().flatMap(severity ->
                Stream.of(false, true).flatMap(repeat -> RESPONSIBILITIES.stream().flatMap(responsibility ->
                        FAULT_TOLERANCES.stream().map(tolerance ->
                                new Person(type, severity, repeat, responsibility, tolerance))))))
                .toList();
    }

    private static void putIfPresent(VariableMap variables, String name, Object value) {
        if (value != null) {
            variables.putValue(name, value);
        }
    }

    private static List<String> ruleIds(DmnDecisionLogicEvaluationEvent event) {
        return event instanceof DmnDecisionTableEvaluationEvent table
                ? table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList()
                : List.of();
    }
}
