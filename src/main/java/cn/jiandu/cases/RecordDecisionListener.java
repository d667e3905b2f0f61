package cn.jiandu.cases;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a user task: checks what was entered and writes the decisions into the case
 * record, in the same transaction as the completion, so that record and process never disagree.
 */
@Component("recordDecisionListener")
class RecordDecisionListener implements TaskListener {

    private final CaseRepository cases;

    RecordDecisionListener(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInputRules.check(task);
        Map<String, Object> decisions = new HashMap<>();
        for (String name : CaseRepository.RECORDED_VARIABLES.keySet()) {
            if (task.hasVariable(name)) {
                decisions.put(name, task.getVariable(name));
            }
        }
        cases.recordDecisions(Vars.caseNumber(task), decisions);
    }
}
