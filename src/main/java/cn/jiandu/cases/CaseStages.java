package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Keeps the record's stage with the process: called by execution listeners named in the model. */
@Component("caseStages")
public class CaseStages {

    private final CaseRepository cases;

    CaseStages(CaseRepository cases) {
        this.cases = cases;
    }

    public void enter(DelegateExecution execution, String stage) {
        cases.updateStage(Vars.caseNumber(execution), CaseStage.valueOf(stage));
    }

    public void putOnHold(DelegateExecution execution) {
        enter(execution, CaseStage.ON_HOLD.name());
        Object count = execution.getVariable("holdCount");
        execution.setVariable("holdCount", count instanceof Integer n ? n + 1 : 1);
    }
}
