package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.cases.CaseEnums.Disposal;
import cn.jiandu.cases.CaseEnums.VerificationOutcome;
import cn.jiandu.cases.CaseEnums.FaultToleranceOutcome;
import cn.jiandu.common.Labelled;
import cn.jiandu.common.ModelVersion;
import cn.jiandu.mail.TaskLinks;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating approveDisposal, approveAccountability, approveFaultTolerance or approveNotice: mails the leaders what
 * waits for their approval, with what they are asked to approve and a link to the task. The decision of an earlier
 * round (a return, or a hold that came back to triage) goes first: leaders decide each round anew, and the form
 * shows neither 同意 nor 退回 chosen.
 */
@Component("approvalRequestMailListener")
class ApprovalRequestMailListener implements TaskListener {

    /** One line of the mail: what is to be approved. */
    record Detail(String label, String value) {
    }

    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;
    private final CasePersons persons;

    ApprovalRequestMailListener(MailOutbox outbox, Recipients recipients, TaskLinks links, CasePersons persons) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
        this.persons = persons;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = RecordDecisionListener.APPROVALS.get(task.getTaskDefinitionKey());
        if (decision != null && task.getExecution().hasVariable(decision)) {
            task.getExecution().removeVariable(decision);
        }
        String caseNumber = Vars.caseNumber(task);
        String title = Vars.string(task, "title");
        Map<String, Object> model = new HashMap<>(Map.of(
                "caseNumber", caseNumber,
                "title", title,
                "unit", String.valueOf(Vars.string(task, "unit")),
                "taskName", task.getName(),
                "details", details(task),
                "taskLink", links.task(task.getId())));
        // Route version 2's approvals have a page of their own that reads on a phone.
        if (decision != null && ModelVersion.is(task, SupervisionCaseProcess.VERSION_2)
                && SupervisionCaseProcess.LEADERS_APPROVALS.containsKey(task.getTaskDefinitionKey())) {
            model.put("approvalLink", links.approval(task.getId()));
        }
        outbox.record("APPROVAL_REQUEST", caseNumber, recipients.ofCandidateGroups(task),
                "【待审批】" + caseNumber + " " + task.getName() + "：" + title, "approval-request", model);
    }

    private List<Detail> details(DelegateTask task) {
        List<Detail> details = new ArrayList<>();
        switch (task.getTaskDefinitionKey()) {
            case SupervisionCaseProcess.APPROVE_DISPOSAL -> {
                add(details, "处置方式", label(Disposal.values(), Vars.string(task, "disposal")));
                add(details, "研判意见", Vars.string(task, "triageComment"));
            }
            case SupervisionCaseProcess.APPROVE_ACCOUNTABILITY -> {
                add(details, "建议问责方式", label(Measure.values(), Vars.string(task, "recommendedMeasure")));
                add(details, "拟问责方式", label(Measure.values(), Vars.string(task, "measure")));
                add(details, "领导责任问责", label(Measure.values(), Vars.string(task, "leaderMeasure")));
                add(details, "核实结论", label(VerificationOutcome.values(), Vars.string(task, "verificationOutcome")));
                for (Person p : persons.of(Vars.caseNumber(task))) {
                    add(details, p.name() + "（" + p.unit() + "，" + label(p.responsibility()) + "）",
                            p.measure() == null ? null : "拟" + p.measure().label()
                                    + (p.recommendedMeasure() == null ? "" : "（建议" + p.recommendedMeasure().label() + "）"));
                }
                add(details, "对党组织问责", label(UnitMeasure.values(), Vars.string(task, "unitMeasure")));
                add(details, "处理理由", Vars.string(task, "decisionReason"));
                add(details, "陈述申辩", Vars.string(task, "defenceRecord"));
            }
            case SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE -> {
                add(details, "容错结论", label(FaultToleranceOutcome.values(), Vars.string(task, "faultToleranceOutcome")));
                add(details, "审查意见", Vars.string(task, "faultToleranceReason"));
            }
            case SupervisionCaseProcess.APPROVE_NOTICE -> {
                add(details, "通报标题", Vars.string(task, "noticeTitle"));
                add(details, "通报正文", Vars.string(task, "noticeBody"));
            }
            default -> {
            }
        }
        return details;
    }


    private static void add(List<Detail> details, String label, String value) {
        if (value != null) {
            details.add(new Detail(label, value));
        }
    }

    private static String label(Labelled value) {
        return value == null ? "责任未填" : value.label();
    }

    private static String label(Labelled[] values, String name) {
        return name == null ? null : Arrays.stream(values).filter(value -> value.name().equals(name))
                .map(Labelled::label).findFirst().orElse(name);
    }
}
