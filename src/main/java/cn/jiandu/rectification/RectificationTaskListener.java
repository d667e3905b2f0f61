package cn.jiandu.rectification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Every user task of a rectification: on create, what its form shows (and the leaders' mail of an
 * overdue review); on complete, the step checked and recorded, noting who did it.
 */
@Component("rectificationTaskListener")
class RectificationTaskListener implements TaskListener {

    private final RectificationWork work;

    RectificationTaskListener(RectificationWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            work.opened(task);
            return;
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        if (task.getAssignee() == null && actor != null) {
            task.setAssignee(actor);
        }
        work.completed(task, actor);
    }
}
