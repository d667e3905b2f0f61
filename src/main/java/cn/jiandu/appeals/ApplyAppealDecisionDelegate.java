package cn.jiandu.appeals;

import cn.jiandu.accountability.Measure;
import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** applyAppealDecision: records the approved outcome on the appeal, the person and, if revoked, the notice. */
@Component("applyAppealDecisionDelegate")
class ApplyAppealDecisionDelegate implements JavaDelegate {

    private final AppealDecisions decisions;

    ApplyAppealDecisionDelegate(AppealDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String newMeasure = Vars.string(execution, "newMeasure");
        boolean withdrawn = decisions.apply(execution.getProcessBusinessKey(), new AppealDecisions.Approved(
                AppealOutcome.valueOf(Vars.string(execution, "appealOutcome")),
                newMeasure == null ? null : Measure.valueOf(newMeasure),
                Vars.string(execution, "reviewReason"), Vars.string(execution, "appealReviewedBy"),
                Vars.string(execution, "approvalComment"), Vars.string(execution, "appealApprovedBy")));
        execution.setVariable("noticeWithdrawn", withdrawn);
    }
}
