package cn.jiandu.deadlines;

import java.time.Clock;
import cn.jiandu.mail.TaskLinks;

import cn.jiandu.common.Vars;
import cn.jiandu.mail.MailOutbox;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** send…Reminder (each stage with a deadline; the task is the input reminderTask): mails those working on the task before it falls due. */
@Component("sendTaskReminderDelegate")
class SendTaskReminderDelegate implements JavaDelegate {

    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final OpenTasks openTasks;
    private final MailOutbox outbox;
    private final TaskLinks links;
    private final Clock clock;

    SendTaskReminderDelegate(OpenTasks openTasks, MailOutbox outbox, TaskLinks links, Clock clock) {
        this.openTasks = openTasks;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = openTasks.find(execution.getProcessInstanceId(), Vars.string(execution, "reminderTask"));
        if (task == null || task.getDueDate() == null) {
            return;
        }
        String caseNumber = Vars.caseNumber(execution);
        String due = DAY_AND_TIME.format(task.getDueDate().toInstant().atZone(clock.getZone()));
        outbox.record("TASK_REMINDER", caseNumber, openTasks.addressesOfWorkers(task),
                "【到期提醒】" + caseNumber + " " + task.getName() + "将于" + due + "到期",
                "task-reminder", Map.of(
                        "caseNumber", caseNumber,
                        "title", Vars.string(execution, "title"),
                        "taskName", task.getName(),
                        "dueDate", due,
                        "taskLink", links.task(task.getId())));
    }
}
