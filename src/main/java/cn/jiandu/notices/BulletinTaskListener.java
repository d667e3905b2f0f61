package cn.jiandu.notices;

import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing draftNotice or approveNotice of a bulletin: holds the step to what it must say (a title and a
 * text; a decision, a reason to return) and records who approved it.
 * Refusals name the field (a 400 in Tasklist).
 */
@Component("bulletinTaskListener")
class BulletinTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (BulletinProcess.APPROVE_NOTICE.equals(task.getTaskDefinitionKey())) {
            approved(task);
        } else {
            drafted(task);
        }
    }

    private void drafted(DelegateTask task) {
        if (Vars.string(task, BulletinProcess.BULLETIN_TITLE) == null) {
            throw new FormFieldValidationException(BulletinProcess.BULLETIN_TITLE, "通报标题（bulletinTitle）不能为空");
        }
        String body = Vars.string(task, BulletinProcess.BULLETIN_BODY);
        if (body == null) {
            throw new FormFieldValidationException(BulletinProcess.BULLETIN_BODY, "通报正文（bulletinBody）不能为空");
        }
        // Leaders decide each version of the text anew.
        task.setVariable(BulletinProcess.NOTICE_APPROVED, null);
    }

    private void approved(DelegateTask task) {
        if (task.getVariable(BulletinProcess.NOTICE_APPROVED) == null) {
            throw new FormFieldValidationException(BulletinProcess.NOTICE_APPROVED,
                    "请选择审批结果（noticeApproved）：同意发布或退回修改");
        }
        if (!Vars.isTrue(task, BulletinProcess.NOTICE_APPROVED)
                && Vars.string(task, BulletinProcess.APPROVAL_COMMENT) == null) {
            throw new FormFieldValidationException(BulletinProcess.APPROVAL_COMMENT,
                    "退回修改时须填写审批意见（approvalComment），写明需要修改之处");
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.setVariable(BulletinProcess.APPROVED_BY, current != null ? current.getUserId() : task.getAssignee());
    }
}
