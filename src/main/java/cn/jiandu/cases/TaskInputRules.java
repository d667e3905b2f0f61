package cn.jiandu.cases;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.cases.CaseEnums.Disposal;
import cn.jiandu.cases.CaseEnums.FaultToleranceOutcome;
import cn.jiandu.cases.CaseEnums.InquiryOutcome;
import cn.jiandu.cases.CaseEnums.OverdueAction;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Severity;
import cn.jiandu.cases.CaseEnums.VerificationOutcome;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.common.ModelVersion;
import cn.jiandu.common.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What each user task must be completed with, field by field. Forms check most of it in the browser;
 * this holds for every client of the REST API too. Missing yes/no answers count as "no". Steps both
 * versions of the model have are checked as the instance's version takes them; rules that need the
 * record (persons, the negative list) are the listener's.
 */
final class TaskInputRules {

    static final List<String> FAULT_TOLERANCE_CRITERIA = List.of("ftPublicInterest", "ftWithinProcedure",
            "ftNoPersonalGain", "ftNoProhibitionBroken", "ftLossRemedied");

    private TaskInputRules() {
    }

    static void check(DelegateTask task) {
        boolean version1 = !ModelVersion.is(task, SupervisionCaseProcess.VERSION_2);
        switch (task.getTaskDefinitionKey()) {
            case SupervisionCaseProcess.TRIAGE_CASE -> {
                ReportCheck.requireEnum(task, "problemType", "问题类型", ProblemType.class, true);
                ReportCheck.requireEnum(task, "severity", "情节", Severity.class, true);
                ReportCheck.requireEnum(task, "zone", "片区", Zone.class, true);
                ReportCheck.requireEnum(task, "disposal", "处置方式", Disposal.class, true);
                requireText(task, "triageComment", "研判意见");
            }
            case SupervisionCaseProcess.APPROVE_DISPOSAL -> requireApproval(task, "disposalApproved", true);
            case SupervisionCaseProcess.INQUIRE_CASE -> {
                requireText(task, "inquiryRecord", "谈话函询记录");
                if (version1) {
                    defaultFalse(task, "inquirySatisfactory");
                } else {
                    ReportCheck.requireEnum(task, "inquiryOutcome", "函询结果", InquiryOutcome.class, true);
                }
            }
            case SupervisionCaseProcess.VERIFY_CASE -> {
                requireText(task, "findings", "核查情况");
                if (version1) {
                    defaultFalse(task, "substantiated", "leadershipResponsible", "emergencyAction",
                            "faultToleranceRequested", "repeatOffence");
                } else {
                    ReportCheck.requireEnum(task, "verificationOutcome", "核实结论", VerificationOutcome.class, true);
                    defaultFalse(task, "emergencyAction", "faultToleranceRequested");
                }
            }
            case SupervisionCaseProcess.REVIEW_OVERDUE_TRIAGE, SupervisionCaseProcess.REVIEW_OVERDUE_INQUIRY,
                    SupervisionCaseProcess.REVIEW_OVERDUE_CASE, SupervisionCaseProcess.REVIEW_OVERDUE_DECISION,
                    SupervisionCaseProcess.REVIEW_OVERDUE_DEFENCE -> {
                ReportCheck.requireEnum(task, "overdueAction", "督办决定", OverdueAction.class, true);
                String assignee = Vars.string(task, "reassignTo");
                if (OverdueAction.REASSIGN.name().equals(Vars.string(task, "overdueAction")) && assignee != null
                        && task.getProcessEngineServices().getIdentityService().createUserQuery()
                                .userId(assignee).count() == 0) {
                    throw new FormFieldValidationException("reassignTo", "改派对象“" + assignee + "”不是系统用户");
                }
            }
            case SupervisionCaseProcess.DECIDE_ACCOUNTABILITY -> {
                if (version1) {
                    ReportCheck.requireEnum(task, "measure", "问责方式", Measure.class, true);
                    ReportCheck.requireEnum(task, "leaderMeasure", "领导责任问责方式", Measure.class,
                            Vars.isTrue(task, "leadershipResponsible"));
                } else {
                    ReportCheck.requireEnum(task, "unitMeasure", "对党组织的问责方式", UnitMeasure.class, false);
                }
                requireText(task, "decisionReason", "处理意见及理由");
                defaultFalse(task, "typicalCase");
            }
            case SupervisionCaseProcess.HEAR_DEFENCE -> {
                requireText(task, "defenceRecord", "陈述申辩情况");
                defaultFalse(task, "defenceChangesDecision");
            }
            case SupervisionCaseProcess.APPROVE_ACCOUNTABILITY -> requireApproval(task, "accountabilityApproved", !version1);
            case SupervisionCaseProcess.REVIEW_FAULT_TOLERANCE -> {
                ReportCheck.requireEnum(task, "faultToleranceOutcome", "容错结果", FaultToleranceOutcome.class, true);
                requireText(task, "faultToleranceReason", "容错审查理由");
                if (!version1) {
                    defaultFalse(task, FAULT_TOLERANCE_CRITERIA.toArray(String[]::new));
                }
            }
            case SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE -> requireApproval(task, "faultToleranceApproved", true);
            case SupervisionCaseProcess.DRAFT_NOTICE -> {
                requireText(task, "noticeTitle", "通报标题");
                requireText(task, "noticeBody", "通报正文");
            }
            case SupervisionCaseProcess.APPROVE_NOTICE -> requireApproval(task, "noticeApproved", false);
            default -> {
            }
        }
    }

    /**
     * A refusal must say why, so that the returned task shows the reason. Where the form offers 同意 and
     * 退回 as an explicit choice, no answer is no decision: forgetting to choose must not return the case.
     * Version 1's own forms (a checkbox: unticked is a return) keep their reading.
     */
    private static void requireApproval(DelegateTask task, String decision, boolean explicitChoice) {
        if (explicitChoice) {
            if (!(task.getVariable(decision) instanceof Boolean)) {
                throw new FormFieldValidationException(decision, "请选择审批结果（" + decision + "）：同意或退回");
            }
        } else {
            defaultFalse(task, decision);
        }
        if (!Vars.isTrue(task, decision) && Vars.string(task, "approvalComment") == null) {
            throw new FormFieldValidationException("approvalComment", "选择退回的，须填写审批意见（approvalComment），写明退回理由和要求");
        }
    }

    static void requireText(DelegateTask task, String name, String label) {
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
