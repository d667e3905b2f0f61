package cn.jiandu.appeals;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** On completing reviewAppeal or approveAppeal: holds the step to what it must say, records who did it. */
@Component("reviewAppealListener")
class ReviewAppealListener implements TaskListener {

    private final AppealReview review;

    ReviewAppealListener(AppealReview review) {
        this.review = review;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = current != null ? current.getUserId() : task.getAssignee();
        if (AppealProcess.APPROVE_APPEAL.equals(task.getTaskDefinitionKey())) {
            review.approved(task, user);
        } else {
            review.reviewed(task, user);
        }
    }
}
