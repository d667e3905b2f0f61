package cn.jiandu.notices;

import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** publishBulletin: publishes the approved bulletin, mails it and ends the wait of each case it names. */
@Component("publishBulletinDelegate")
class PublishBulletinDelegate implements JavaDelegate {

    private final BulletinPublication publication;

    PublishBulletinDelegate(BulletinPublication publication) {
        this.publication = publication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(BulletinProcess.BULLETIN_ID);
        if (!(id instanceof Number bulletinId)) {
            throw new IllegalStateException("no bulletin registered for process instance " + execution.getProcessInstanceId());
        }
        publication.publish(bulletinId.longValue(), new BulletinPublication.Approved(
                Vars.string(execution, BulletinProcess.BULLETIN_TITLE), Vars.string(execution, BulletinProcess.BULLETIN_BODY),
                Vars.string(execution, BulletinProcess.APPROVED_BY)));
    }
}
