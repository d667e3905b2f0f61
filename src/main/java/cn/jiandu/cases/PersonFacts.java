package cn.jiandu.cases;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.common.Vars;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The inputs of the accountability table (DMN accountabilityMeasure) for each person of a case, as
 * recommendAccountability evaluates it once per person (a sequential multi-instance over
 * {@link #positions}), and where each recommendation goes: the person's row.
 */
@Component("personFacts")
public class PersonFacts {

    private final CaseRepository cases;
    private final CasePersons persons;

    PersonFacts(CaseRepository cases, CasePersons persons) {
        this.cases = cases;
        this.persons = persons;
    }

    /** The persons' positions in the case (1, 2, …), one evaluation each. */
    public List<Integer> positions(DelegateExecution execution) {
        return IntStream.rangeClosed(1, persons.of(Vars.caseNumber(execution)).size()).boxed().toList();
    }

    public String problemType(DelegateExecution execution) {
        return record(execution).problemType();
    }

    public String severity(DelegateExecution execution) {
        return record(execution).severity();
    }

    /** The fault-tolerance review's outcome; null when there was none (the table reads it as NOT_APPLICABLE). */
    public String faultTolerance(DelegateExecution execution) {
        return record(execution).faultToleranceOutcome();
    }

    public String responsibility(DelegateExecution execution, Integer position) {
        return person(execution, position).responsibility().name();
    }

    /** What the officer confirmed; Jiandu's proposal alone makes nobody a repeat offender. */
    public boolean repeatOffence(DelegateExecution execution, Integer position) {
        return Boolean.TRUE.equals(person(execution, position).repeatOffence());
    }

    /**
     * The end of one person's evaluation: the recommendation and whether leaders must approve go on
     * the person's row; typicalSuggested is whether the table suggested any person's case as typical
     * (the first person's evaluation starts the answer afresh).
     *
     * @param recommendation the table's single result (recommendedMeasure, leaderApprovalRequired, typicalSuggested)
     */
    public void recordRecommendation(DelegateExecution execution, Integer position, Map<String, Object> recommendation) {
        Measure recommended = Measure.valueOf((String) recommendation.get("recommendedMeasure"));
        boolean leadersApprove = Boolean.TRUE.equals(recommendation.get("leaderApprovalRequired"));
        persons.recordRecommendation(execution, position, recommended, leadersApprove);
        boolean typical = Boolean.TRUE.equals(recommendation.get("typicalSuggested"));
        boolean first = Integer.valueOf(0).equals(execution.getVariable("loopCounter"));
        execution.getProcessInstance().setVariable("typicalSuggested",
                typical || !first && Vars.isTrue(execution.getProcessInstance(), "typicalSuggested"));
    }

    private CaseRecord record(DelegateExecution execution) {
        return cases.findByNumber(Vars.caseNumber(execution)).orElseThrow();
    }

    private Person person(DelegateExecution execution, Integer position) {
        return persons.of(Vars.caseNumber(execution)).stream().filter(p -> p.position() == position).findFirst()
                .orElseThrow(() -> new IllegalStateException("case " + Vars.caseNumber(execution) + " has no person "
                        + position));
    }
}
