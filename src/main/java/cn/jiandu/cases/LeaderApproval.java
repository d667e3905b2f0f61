package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import cn.jiandu.accountability.AccountabilityRules;
import cn.jiandu.accountability.Measure;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Whether a case's accountability decision goes to leaders (the gateway after decideAccountability).
 * Computed by Jiandu from the record: the DMN is evaluated again on the record's facts and the
 * measures case-review recorded, so no variable a client might have written decides it.
 */
@Component("accountabilityRules")
public class LeaderApproval {

    static final String DECISION_KEY = "accountabilityMeasure";

    private final CaseRepository cases;
    private final DecisionService decisions;

    LeaderApproval(CaseRepository cases, DecisionService decisions) {
        this.cases = cases;
        this.decisions = decisions;
    }

    public boolean needsLeaderApproval(DelegateExecution execution) {
        CaseRecord record = cases.findByNumber(Vars.caseNumber(execution)).orElseThrow();
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
