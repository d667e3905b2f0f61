package cn.jiandu.cases;

import cn.jiandu.common.ModelVersion;
import cn.jiandu.common.Vars;
import cn.jiandu.accountability.AccountabilityRules;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.UnitMeasure;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Whether a case's accountability decision goes to leaders (the gateway after decideAccountability).
 * Computed by Jiandu from the record, so no variable a client might have written decides it: route
 * version 2 from each person's row (the table's recommendation and the measure decided), the party
 * organisation's measure and whether the case is typical; version 1 evaluates the DMN again on the
 * record's facts and the measures case-review recorded.
 */
@Component("accountabilityRules")
public class LeaderApproval {

    static final String DECISION_KEY = "accountabilityMeasure";

    private final CaseRepository cases;
    private final DecisionService decisions;
    private final CasePersons persons;

    LeaderApproval(CaseRepository cases, DecisionService decisions, CasePersons persons) {
        this.cases = cases;
        this.decisions = decisions;
        this.persons = persons;
    }

    public boolean needsLeaderApproval(DelegateExecution execution) {
        CaseRecord record = cases.findByNumber(Vars.caseNumber(execution)).orElseThrow();
        if (ModelVersion.is(execution, SupervisionCaseProcess.VERSION_2)) {
            return AccountabilityRules.needsLeaderApproval(persons.of(record.caseNumber()),
                    record.unitMeasure() == null ? null : UnitMeasure.valueOf(record.unitMeasure()),
                    Boolean.TRUE.equals(record.typicalCase()));
        }
        Map<String, Object> recommendation = decisions.evaluateDecisionTableByKey(DECISION_KEY,
                Variables.createVariables()
                        .putValue("problemType", record.problemType())
                        .putValue("severity", record.severity())
                        .putValue("repeatOffence", Boolean.TRUE.equals(record.repeatOffence()))
                        .putValue("leadershipResponsible", Boolean.TRUE.equals(record.leadershipResponsible())))
                .getSingleResult().getEntryMap();
        return AccountabilityRules.needsLeaderApproval(
                Boolean.TRUE.equals(recommendation.get("leaderApprovalRequired")),
                measure(record.measure()), measure(record.leaderMeasure()));
    }

    private static Measure measure(String name) {
        return name == null || name.isBlank() ? null : Measure.valueOf(name);
    }
}
