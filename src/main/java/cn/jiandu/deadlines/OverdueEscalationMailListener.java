package cn.jiandu.deadlines;

import java.time.Clock;
import cn.jiandu.mail.TaskLinks;

import cn.jiandu.cases.SupervisionCaseProcess;
import cn.jiandu.common.Vars;
import cn.jiandu.identity.Groups;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * On creating a leaders' overdue review (reviewOverdueTriage, …Inquiry, …Case, …Decision, …Defence): mails the leaders that a step is overdue,
 * who works on it, and a link that opens their review task in Tasklist.
 */
@Component("overdueEscalationMailListener")
class OverdueEscalationMailListener implements TaskListener {

    /** The review task of leaders, and the step whose deadline passed. */
    private static final Map<String, String> OVERDUE_STEP = Map.of(
            SupervisionCaseProcess.REVIEW_OVERDUE_TRIAGE, SupervisionCaseProcess.TRIAGE_CASE,
            SupervisionCaseProcess.REVIEW_OVERDUE_INQUIRY, SupervisionCaseProcess.INQUIRE_CASE,
            SupervisionCaseProcess.REVIEW_OVERDUE_CASE, SupervisionCaseProcess.VERIFY_CASE,
            SupervisionCaseProcess.REVIEW_OVERDUE_DECISION, SupervisionCaseProcess.DECIDE_ACCOUNTABILITY,
            SupervisionCaseProcess.REVIEW_OVERDUE_DEFENCE, SupervisionCaseProcess.HEAR_DEFENCE);

    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;
    private final OpenTasks openTasks;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Clock clock;

    OverdueEscalationMailListener(MailOutbox outbox, Recipients recipients, TaskLinks links, OpenTasks openTasks,
            TaskService taskService, IdentityService identityService, Clock clock) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
        this.openTasks = openTasks;
        this.taskService = taskService;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask review) {
        String caseNumber = Vars.caseNumber(review);
        String overdueTaskName = Vars.string(review, "overdueTaskName");
        Date due = Vars.date(review, "overdueDueDate");
        Task overdue = openTasks.find(review.getProcessInstanceId(), OVERDUE_STEP.get(review.getTaskDefinitionKey()));
        outbox.record("OVERDUE_ESCALATION", caseNumber, recipients.ofCandidateGroups(review),
                "【逾期督办】" + caseNumber + " " + overdueTaskName + "已逾期，请委领导督办", "overdue-escalation", Map.of(
                        "caseNumber", caseNumber,
                        "title", String.valueOf(Vars.string(review, "title")),
                        "unit", String.valueOf(Vars.string(review, "unit")),
                        "overdueTaskName", String.valueOf(overdueTaskName),
                        "dueDate", due == null ? "—"
                                : SendTaskReminderDelegate.DAY_AND_TIME.format(due.toInstant().atZone(clock.getZone())),
                        "workers", overdue == null ? "—" : workers(overdue),
                        "taskLink", links.task(review.getId())));
    }

    /** The assignee's name, or the names of the candidate groups while nobody has claimed the step. */
    private String workers(Task overdue) {
        if (overdue.getAssignee() != null) {
            User user = identityService.createUserQuery().userId(overdue.getAssignee()).singleResult();
            return user == null ? overdue.getAssignee()
                    : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())) + "（" + user.getId() + "）";
        }
        return taskService.getIdentityLinksForTask(overdue.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> Groups.NAMES.getOrDefault(link.getGroupId(), link.getGroupId()))
                .collect(Collectors.joining("、"));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
