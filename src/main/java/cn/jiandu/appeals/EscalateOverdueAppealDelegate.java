package cn.jiandu.appeals;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * escalateOverdueAppeal: the review's month has passed; leaders are mailed a link to the review task and
 * the task carries a comment, so case-review sees it was escalated. The review stays with case-review.
 */
@Component("escalateOverdueAppealDelegate")
class EscalateOverdueAppealDelegate implements JavaDelegate {

    private final AppealRepository appeals;
    private final AppealMails mails;
    private final TaskService taskService;

    EscalateOverdueAppealDelegate(AppealRepository appeals, AppealMails mails, TaskService taskService) {
        this.appeals = appeals;
        this.mails = mails;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        Appeal appeal = appeals.find(number).orElseThrow(() -> new IllegalStateException("no appeal " + number));
        Task review = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(AppealProcess.REVIEW_APPEAL).singleResult();
        mails.overdue(appeal, review == null ? null : review.getId());
        if (review != null) {
            taskService.createComment(review.getId(), execution.getProcessInstanceId(),
                    "申诉复查已逾期，已报委领导督办");
        }
        execution.setVariable("appealReviewOverdue", true);
    }
}
