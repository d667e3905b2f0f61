package cn.jiandu.deadlines;

import java.time.Clock;
import cn.jiandu.mail.TaskLinks;

import cn.jiandu.cases.CaseEnums.OverdueAction;
import cn.jiandu.common.Vars;
import cn.jiandu.mail.MailOutbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * applyOverdueAction / applyDecisionOverdueAction: carries out what leaders decided on an overdue
 * task. EXTEND moves the due date (and the next escalation) to newDueDate; REASSIGN gives the task
 * to reassignTo, or back to the team's pool when nobody is named; URGE mails those working on it.
 * Every decision is left as a comment on the task, so the team sees it.
 */
@Component("applyOverdueActionDelegate")
class ApplyOverdueActionDelegate implements JavaDelegate {

    private final TaskService taskService;
    private final OpenTasks openTasks;
    private final CaseDeadlines deadlines;
    private final MailOutbox outbox;
    private final TaskLinks links;
    private final Clock clock;

    ApplyOverdueActionDelegate(TaskService taskService, OpenTasks openTasks, CaseDeadlines deadlines,
            MailOutbox outbox, TaskLinks links, Clock clock) {
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = openTasks.find(execution.getProcessInstanceId(), Vars.string(execution, "overdueTask"));
        if (task == null) {
            return;
        }
        OverdueAction action = OverdueAction.valueOf(Vars.string(execution, "overdueAction"));
        String comment = Vars.string(execution, "overdueComment");
        switch (action) {
            case EXTEND -> {
                String dueVariable = Vars.string(execution, "dueDateVariable");
                Date newDue = newDueDate(execution.getVariable("newDueDate"), dueVariable);
                execution.setVariable(dueVariable, newDue);
                if ("verifyDueDate".equals(dueVariable)) {
                    deadlines.recordVerificationDue(execution, newDue);
                }
                task.setDueDate(newDue);
                taskService.saveTask(task);
            }
            case REASSIGN -> taskService.setAssignee(task.getId(), Vars.string(execution, "reassignTo"));
            case URGE -> {
                String caseNumber = Vars.caseNumber(execution);
                Map<String, Object> model = new HashMap<>();
                model.put("caseNumber", caseNumber);
                model.put("title", Vars.string(execution, "title"));
                model.put("taskName", task.getName());
                model.put("comment", comment);
                model.put("taskLink", links.task(task.getId()));
                outbox.record("OVERDUE_URGE", caseNumber, openTasks.addressesOfWorkers(task),
                        "【督办】" + caseNumber + " " + task.getName() + "已逾期，请尽快办结", "overdue-urge", model);
            }
        }
        taskService.createComment(task.getId(), execution.getProcessInstanceId(),
                "委领导督办（" + action.label() + "）" + (comment == null ? "" : "：" + comment));
    }

    /** The date leaders chose, if it lies ahead; otherwise a fresh full period from now. */
    private Date newDueDate(Object chosen, String dueVariable) {
        Instant when = null;
        if (chosen instanceof Date date) {
            when = date.toInstant();
        } else if (chosen instanceof String text && !text.isBlank()) {
            try {
                when = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                when = null;
            }
        }
        Instant now = clock.instant();
        if (when == null || !when.isAfter(now)) {
            when = now.plus(deadlines.extensionFallback(dueVariable));
        }
        return Date.from(when);
    }
}
