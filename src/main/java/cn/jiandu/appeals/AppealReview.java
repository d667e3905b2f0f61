package cn.jiandu.appeals;

import cn.jiandu.accountability.Measure;
import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Service;

/**
 * What reviewing and approving an appeal must say before the step is done: an outcome with its
 * reason, a new measure for a change, a reason to return. Refusals name the field (a 400 in Tasklist).
 */
@Service
class AppealReview {

    void reviewed(DelegateTask task, String reviewer) {
        String outcomeName = Vars.string(task, "appealOutcome");
        if (outcomeName == null) {
            throw new FormFieldValidationException("appealOutcome", "请选择复查结果（appealOutcome）：维持、变更或撤销");
        }
        AppealOutcome outcome = AppealOutcome.valueOf(outcomeName);
        if (Vars.string(task, "reviewReason") == null) {
            throw new FormFieldValidationException("reviewReason", "复查意见及理由（reviewReason）不能为空");
        }
        if (outcome == AppealOutcome.CHANGED) {
            String newMeasure = Vars.string(task, "newMeasure");
            if (newMeasure == null) {
                throw new FormFieldValidationException("newMeasure", "复查结果为变更的，请选择变更后的问责方式（newMeasure）");
            }
            if (Measure.valueOf(newMeasure) == Measure.NONE) {
                throw new FormFieldValidationException("newMeasure", "变更为不予问责的，请选择复查结果“撤销”");
            }
            if (newMeasure.equals(Vars.string(task, "currentMeasure"))) {
                throw new FormFieldValidationException("newMeasure", "变更后的问责方式与原问责方式相同，请选择复查结果“维持”");
            }
        } else {
            // A measure picked before switching the outcome must not be taken for a change.
            task.setVariable("newMeasure", null);
        }
        task.setVariable("appealReviewedBy", reviewer);
        // Leaders decide each review anew: their form shows neither 同意 nor 退回 chosen.
        task.setVariable("appealApproved", null);
    }

    void approved(DelegateTask task, String approver) {
        Object approved = task.getVariable("appealApproved");
        if (approved == null) {
            throw new FormFieldValidationException("appealApproved", "请选择审批结果（appealApproved）：同意或退回");
        }
        if (!Vars.isTrue(task, "appealApproved") && Vars.string(task, "approvalComment") == null) {
            throw new FormFieldValidationException("approvalComment", "退回时须填写审批意见（approvalComment），说明退回理由");
        }
        task.setVariable("appealApprovedBy", approver);
    }
}
