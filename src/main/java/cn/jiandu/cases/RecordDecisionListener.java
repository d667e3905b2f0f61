package cn.jiandu.cases;

import cn.jiandu.common.ModelVersion;
import cn.jiandu.common.Vars;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing a user task: checks what was entered, notes who completed it, keeps an approval's
 * comment in the case's timeline, and writes the decisions into the case record — in the same
 * transaction as the completion, so that record and process never disagree.
 */
@Component("recordDecisionListener")
class RecordDecisionListener implements TaskListener {

    /** Each leaders' approval and the Boolean its gateway reads. */
    static final Map<String, String> APPROVALS = Map.of(
            SupervisionCaseProcess.APPROVE_DISPOSAL, "disposalApproved",
            SupervisionCaseProcess.APPROVE_ACCOUNTABILITY, "accountabilityApproved",
            SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE, "faultToleranceApproved",
            SupervisionCaseProcess.APPROVE_NOTICE, "noticeApproved");

    /**
     * The steps an approval returns a case to, which show the leaders' reason (approvalComment). Once
     * such a step is done the reason is answered: it goes, so that the next approval neither shows it
     * in its comment box nor records it again as its own comment.
     */
    private static final java.util.Set<String> RETURNED_TO = java.util.Set.of(SupervisionCaseProcess.TRIAGE_CASE,
            SupervisionCaseProcess.VERIFY_CASE, SupervisionCaseProcess.REVIEW_FAULT_TOLERANCE,
            SupervisionCaseProcess.DECIDE_ACCOUNTABILITY, SupervisionCaseProcess.DRAFT_NOTICE);

    private final CaseRepository cases;
    private final Version2Steps version2;

    RecordDecisionListener(CaseRepository cases, Version2Steps version2) {
        this.cases = cases;
        this.version2 = version2;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskInputRules.check(task);
        if (ModelVersion.is(task, SupervisionCaseProcess.VERSION_2)) {
            version2.complete(task);
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (task.getAssignee() == null && current != null) {
            task.setAssignee(current.getUserId());
        }
        String approval = APPROVALS.get(task.getTaskDefinitionKey());
        if (approval != null) {
            keepApprovalComment(task, approval);
        } else if (RETURNED_TO.contains(task.getTaskDefinitionKey()) && task.hasVariable("approvalComment")) {
            task.getExecution().removeVariable("approvalComment");
        }
        Map<String, Object> decisions = new HashMap<>();
        for (String name : CaseRepository.RECORDED_VARIABLES.keySet()) {
            if (task.hasVariable(name)) {
                decisions.put(name, task.getVariable(name));
            }
        }
        cases.recordDecisions(Vars.caseNumber(task), decisions);
    }

    /**
     * The comment goes into the timeline. After an approval it is removed from the variables, so
     * that the next form does not show it as a reason for return.
     */
    private void keepApprovalComment(DelegateTask task, String approvalVariable) {
        String comment = Vars.string(task, "approvalComment");
        boolean approved = Vars.isTrue(task, approvalVariable);
        if (comment != null) {
            task.getProcessEngineServices().getTaskService().createComment(task.getId(),
                    task.getProcessInstanceId(), (approved ? "同意：" : "退回：") + comment);
        }
        if (approved) {
            task.getExecution().removeVariable("approvalComment");
        }
        if (SupervisionCaseProcess.APPROVE_NOTICE.equals(task.getTaskDefinitionKey()) && approved) {
            task.getExecution().setVariable("noticeApprovedBy", task.getAssignee());
        }
    }
}
