package cn.jiandu.deadlines;

import cn.jiandu.cases.CaseDeadlineRecord;
import cn.jiandu.cases.CaseEnums.OverdueAction;
import cn.jiandu.cases.SupervisionCaseProcess;
import cn.jiandu.common.ModelVersion;
import cn.jiandu.common.Vars;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.TaskLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * apply…OverdueAction: carries out what leaders decided on an overdue task, in the transaction of
 * their completion. EXTEND moves the due date (and the next escalation) to newDueDate; REASSIGN
 * gives the task to reassignTo, or back to the team's pool when nobody is named; URGE mails those
 * working on it. Every decision is left as a comment on the task, so the team sees it. Route version
 * 2 extends a verification once, by at most jiandu.deadlines.verification-extension (监督执纪工作规则):
 * anything more is refused, and with it the leaders' completion.
 */
@Component("applyOverdueActionDelegate")
class ApplyOverdueActionDelegate implements JavaDelegate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final TaskService taskService;
    private final OpenTasks openTasks;
    private final CaseDeadlines deadlines;
    private final DeadlineProperties properties;
    private final CaseDeadlineRecord record;
    private final MailOutbox outbox;
    private final TaskLinks links;
    private final Clock clock;

    ApplyOverdueActionDelegate(TaskService taskService, OpenTasks openTasks, CaseDeadlines deadlines,
            DeadlineProperties properties, CaseDeadlineRecord record, MailOutbox outbox, TaskLinks links,
            Clock clock) {
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.deadlines = deadlines;
        this.properties = properties;
        this.record = record;
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
                Optional<Instant> chosen = chosenDate(execution.getVariable("newDueDate"));
                Date newDue;
                if (CaseDeadlines.VERIFY_DUE_DATE.equals(dueVariable)
                        && ModelVersion.is(execution, SupervisionCaseProcess.VERSION_2)) {
                    newDue = Date.from(oneVerificationExtension(execution, chosen));
                } else {
                    newDue = Date.from(aheadOrFullPeriod(chosen, dueVariable));
                }
                execution.setVariable(dueVariable, newDue);
                if (CaseDeadlines.VERIFY_DUE_DATE.equals(dueVariable)) {
                    deadlines.recordVerificationExtended(execution, newDue);
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

    /**
     * One extension of a verification, to a day no later than the extension's limit after the due
     * date it extends (compared by calendar day in the commission's time zone).
     */
    private Instant oneVerificationExtension(DelegateExecution execution, Optional<Instant> chosen) {
        String caseNumber = Vars.caseNumber(execution);
        if (record.verificationExtendedBefore(caseNumber)) {
            throw new FormFieldValidationException("overdueAction", "初步核实已延期一次，不能再次延期（督办决定 overdueAction）。"
                    + "请选择改派（REASSIGN）或督促（URGE）");
        }
        Date oldDue = Vars.date(execution, CaseDeadlines.VERIFY_DUE_DATE);
        LocalDate latest = oldDue.toInstant().atZone(clock.getZone()).toLocalDate()
                .plusDays(properties.verificationExtension().toDays());
        if (chosen.isEmpty()) {
            throw new FormFieldValidationException("newDueDate", "延期须填写新到期日期（newDueDate），最迟为 "
                    + DAY.format(latest) + "（原到期日后 " + properties.verificationExtension().toDays() + " 日）");
        }
        Instant when = chosen.get();
        if (!when.isAfter(clock.instant())) {
            throw new FormFieldValidationException("newDueDate", "新到期日期（newDueDate）须晚于现在，最迟为 " + DAY.format(latest));
        }
        if (when.atZone(clock.getZone()).toLocalDate().isAfter(latest)) {
            throw new FormFieldValidationException("newDueDate", "初步核实最多延期 " + properties.verificationExtension().toDays()
                    + " 日：新到期日期（newDueDate）不能晚于 " + DAY.format(latest) + "，请重新选择");
        }
        return when;
    }

    /** The date leaders chose, if it lies ahead; otherwise a fresh full period from now. */
    private Instant aheadOrFullPeriod(Optional<Instant> chosen, String dueVariable) {
        Instant now = clock.instant();
        return chosen.filter(when -> when.isAfter(now))
                .orElseGet(() -> now.plus(deadlines.extensionFallback(dueVariable)));
    }

    /** A date and time, or a day (then its end, in the commission's time zone); empty if unreadable. */
    private Optional<Instant> chosenDate(Object chosen) {
        if (chosen instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (!(chosen instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException notADateTime) {
            try {
                return Optional.of(LocalDate.parse(text.trim()).atTime(LocalTime.of(23, 59))
                        .atZone(clock.getZone()).toInstant());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
