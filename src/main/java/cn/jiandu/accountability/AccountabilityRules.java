package cn.jiandu.accountability;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Whether leaders must approve the accountability decision: when the DMN says so, or when the
 * measure case-review chose for anyone is ADMONISHMENT or heavier (DESIGN.md).
 */
@Component("accountabilityRules")
public class AccountabilityRules {

    public boolean needsLeaderApproval(VariableScope variables) {
        return Boolean.TRUE.equals(variables.getVariable("leaderApprovalRequired"))
                || heavy(variables.getVariable("measure"))
                || heavy(variables.getVariable("leaderMeasure"));
    }

    private boolean heavy(Object measure) {
        return measure instanceof String name && !name.isBlank() && Measure.valueOf(name).needsLeaderApproval();
    }
}
