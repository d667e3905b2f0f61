package cn.jiandu.reports;

import java.time.Clock;
import cn.jiandu.common.Vars;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listeners of the report processes, called on completion from expressions in the models
 * (${reportReview.reviewed(task)}, ${reportReview.signedOff(task)}): they check what was entered
 * and keep it with the stored report, in the transaction of the completion.
 */
@Component("reportReview")
public class ReportReview {

    static final int MAX_TEXT = 4000;

    private final ReportRepository reports;
    private final Clock clock;

    ReportReview(ReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** The office reviewed the figures, possibly adding remarks for the leaders and the recipients. */
    public void reviewed(DelegateTask task) {
        String remarks = text(task, "officeRemarks", "审核意见和补充说明");
        reports.reviewed(reportId(task), remarks, completedBy(task), OffsetDateTime.now(clock));
    }

    /** Leaders sign the report off, or return it to the office saying why. */
    public void signedOff(DelegateTask task) {
        boolean approved = Vars.isTrue(task, "reportApproved");
        task.getExecution().setVariable("reportApproved", approved);
        String comment = text(task, "signOffComment", "领导批示");
        if (!approved && comment == null) {
            throw new FormFieldValidationException("signOffComment", "退回时须填写领导批示（signOffComment），说明需要修改什么");
        }
        String by = completedBy(task);
        reports.signedOff(reportId(task), approved, comment, by, OffsetDateTime.now(clock));
        if (comment != null) {
            task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                    (approved ? "签发：" : "退回：") + comment);
        }
    }

    static long reportId(org.camunda.bpm.engine.delegate.VariableScope variables) {
        if (variables.getVariable("reportId") instanceof Number id) {
            return id.longValue();
        }
        throw new IllegalStateException("process has no reportId");
    }

    private static String text(DelegateTask task, String name, String label) {
        String value = Vars.string(task, name);
        if (value != null && value.length() > MAX_TEXT) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能超过 " + MAX_TEXT + " 个字");
        }
        return value;
    }

    private static String completedBy(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (task.getAssignee() == null && current != null) {
            task.setAssignee(current.getUserId());
        }
        return task.getAssignee();
    }
}
