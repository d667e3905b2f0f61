package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import cn.jiandu.accountability.Measure;
import cn.jiandu.cases.CaseEnums.Disposal;
import cn.jiandu.cases.CaseEnums.FaultToleranceOutcome;
import cn.jiandu.cases.CaseEnums.OverdueAction;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Severity;
import cn.jiandu.cases.CaseEnums.Zone;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What each user task must be completed with. Forms check most of it in the browser; this holds
 * for every client of the REST API too. Missing yes/no answers count as "no".
 */
final class TaskInputRules {

    private TaskInputRules() {
    }

    static void check(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case SupervisionCaseProcess.TRIAGE_CASE -> {
                ReportCheck.requireEnum(task, "problemType", "问题类型", ProblemType.class, true);
                ReportCheck.requireEnum(task, "severity", "情节", Severity.class, true);
                ReportCheck.requireEnum(task, "zone", "片区", Zone.class, true);
                ReportCheck.requireEnum(task, "disposal", "处置方式", Disposal.class, true);
                requireText(task, "triageComment", "研判意见");
            }
            case SupervisionCaseProcess.INQUIRE_CASE -> {
                requireText(task, "inquiryRecord", "谈话函询记录");
                defaultFalse(task, "inquirySatisfactory");
            }
            case SupervisionCaseProcess.VERIFY_CASE -> {
                requireText(task, "findings", "核查情况");
                defaultFalse(task, "substantiated", "leadershipResponsible", "emergencyAction",
                        "faultToleranceRequested", "repeatOffence");
            }
            case SupervisionCaseProcess.REVIEW_OVERDUE_CASE, SupervisionCaseProcess.REVIEW_OVERDUE_DECISION -> {
                ReportCheck.requireEnum(task, "overdueAction", "督办决定", OverdueAction.class, true);
                String assignee = Vars.string(task, "reassignTo");
                if (OverdueAction.REASSIGN.name().equals(Vars.string(task, "overdueAction")) && assignee != null
                        && task.getProcessEngineServices().getIdentityService().createUserQuery()
                                .userId(assignee).count() == 0) {
                    throw new FormFieldValidationException("reassignTo", "改派对象“" + assignee + "”不是系统用户");
                }
            }
            case SupervisionCaseProcess.DECIDE_ACCOUNTABILITY -> {
                ReportCheck.requireEnum(task, "measure", "问责方式", Measure.class, true);
                ReportCheck.requireEnum(task, "leaderMeasure", "领导责任问责方式", Measure.class,
                        Vars.isTrue(task, "leadershipResponsible"));
                requireText(task, "decisionReason", "处理意见及理由");
                defaultFalse(task, "typicalCase");
            }
            case SupervisionCaseProcess.APPROVE_ACCOUNTABILITY -> requireApproval(task, "accountabilityApproved");
            case SupervisionCaseProcess.REVIEW_FAULT_TOLERANCE -> {
                ReportCheck.requireEnum(task, "faultToleranceOutcome", "容错结果", FaultToleranceOutcome.class, true);
                requireText(task, "faultToleranceReason", "容错审查理由");
            }
            case SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE -> requireApproval(task, "faultToleranceApproved");
            case SupervisionCaseProcess.DRAFT_NOTICE -> {
                requireText(task, "noticeTitle", "通报标题");
                requireText(task, "noticeBody", "通报正文");
            }
            case SupervisionCaseProcess.APPROVE_NOTICE -> requireApproval(task, "noticeApproved");
            default -> {
            }
        }
    }

    /** A refusal must say why, so that the returned task shows the reason. */
    private static void requireApproval(DelegateTask task, String decision) {
        defaultFalse(task, decision);
        if (!Vars.isTrue(task, decision) && Vars.string(task, "approvalComment") == null) {
            throw new FormFieldValidationException("approvalComment", "退回时须填写审批意见（approvalComment），说明退回理由");
        }
    }

    private static void requireText(DelegateTask task, String name, String label) {
        if (Vars.string(task, name) == null) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能为空");
        }
    }

    private static void defaultFalse(DelegateTask task, String... names) {
        for (String name : List.of(names)) {
            Object value = task.getVariable(name);
            if (!(value instanceof Boolean)) {
                task.getExecution().setVariable(name, Vars.isTrue(task, name));
            }
        }
    }
}
