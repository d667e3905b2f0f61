package cn.jiandu.rectification;

import cn.jiandu.common.Vars;
import cn.jiandu.rectification.RectificationRepository.Stored;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * send…Reminder / remind…Overdue (input reminderOf: the step the timer watches): before the unit's
 * deadline the zone's team is reminded to press the unit; a team step past its due date is mailed to
 * the team and leaders. Either way the record notes the reminder (REMINDED). A step done meanwhile
 * is not reminded.
 */
@Component("remindRectificationDelegate")
class RemindRectificationDelegate implements JavaDelegate {

    private final RectificationRepository record;
    private final RectificationMails mails;
    private final TaskService taskService;
    private final Clock clock;

    RemindRectificationDelegate(RectificationRepository record, RectificationMails mails, TaskService taskService,
            Clock clock) {
        this.record = record;
        this.mails = mails;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = Vars.string(execution, "reminderOf");
        Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(step).singleResult();
        Stored stored = record.find(execution.getProcessBusinessKey()).orElseThrow();
        if (task == null) {
            return;
        }
        boolean beforeDeadline = RectificationProcess.RECORD_REPORT.equals(step);
        if (beforeDeadline) {
            mails.reminder(stored, task);
        } else {
            mails.stepOverdue(stored, task);
        }
        record.addEvent(stored.id(), "REMINDED", OffsetDateTime.now(clock), null, stored.deadline(), null,
                (beforeDeadline ? "整改期限届满前提醒：" : "逾期提醒：") + task.getName());
    }
}
