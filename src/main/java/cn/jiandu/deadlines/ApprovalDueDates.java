package cn.jiandu.deadlines;

import cn.jiandu.cases.SupervisionCaseProcess;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The leaders' approval of a disposal is due when the disposal opinion is: within the triage's month
 * (监督执纪工作规则: a disposal opinion within a month of receipt; the opinion counts once approved). The model
 * gives each new {@code approveDisposal} task {@code triageDueDate}; approvals opened by earlier versions of the
 * model have none, sort after every dated task in Tasklist and never show as overdue. At start this gives them
 * the date their case's triage had, once: afterwards there are none left to find.
 */
@Component
class ApprovalDueDates {

    private static final Logger log = LoggerFactory.getLogger(ApprovalDueDates.class);
    private static final String APPROVAL = "approveDisposal";
    private static final String DUE = "triageDueDate";
    private static final int PAGE = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;

    ApprovalDueDates(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void giveEarlierApprovalsTheirDueDate() {
        int given = 0;
        List<Task> page;
        // each page's tasks leave the query once dated; those whose case has no triage date are skipped past
        int skipped = 0;
        while (!(page = tasks.createTaskQuery().processDefinitionKey(SupervisionCaseProcess.PROCESS_KEY)
                .taskDefinitionKey(APPROVAL).withoutDueDate().orderByTaskId().asc().listPage(skipped, PAGE)).isEmpty()) {
            for (Task task : page) {
                if (runtime.getVariable(task.getProcessInstanceId(), DUE) instanceof Date due) {
                    task.setDueDate(due);
                    tasks.saveTask(task);
                    given++;
                } else {
                    skipped++;
                }
            }
        }
        if (given > 0) {
            log.info("Gave {} approvals of a disposal opened by an earlier model their due date (the triage's)", given);
        }
    }
}
