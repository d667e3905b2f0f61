package cn.jiandu.rectification;

import cn.jiandu.identity.Groups;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import cn.jiandu.mail.TaskLinks;
import cn.jiandu.rectification.RectificationRepository.Stored;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The mails of a rectification, through the outbox (in the step's transaction), filed under the
 * rectification's number: reminders to the zone's team, overdue steps to the team and leaders, the
 * leaders' overdue review, and their urging (督办通知) to the team.
 */
@Service
class RectificationMails {

    static final String REMINDER = "RECTIFICATION_REMINDER";
    static final String STEP_OVERDUE = "RECTIFICATION_STEP_OVERDUE";
    static final String OVERDUE_REVIEW = "RECTIFICATION_OVERDUE";
    static final String URGED = "RECTIFICATION_URGED";

    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;

    RectificationMails(MailOutbox outbox, Recipients recipients, TaskLinks links) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
    }

    /** Before the unit's deadline: the team presses the unit to report on time. */
    void reminder(Stored stored, Task task) {
        send(REMINDER, stored, List.of(team(stored)), "【整改到期提醒】" + stored.number() + " " + stored.unit()
                + "整改期限将于" + day(stored.deadline()) + "届满",
                "被整改单位的整改期限将于 " + day(stored.deadline()) + " 届满。请督促被整改单位按期报告整改情况，"
                        + "收到报告后及时登记。", task);
    }

    /** A team step past its due date: the team and leaders are told once. */
    void stepOverdue(Stored stored, Task task) {
        send(STEP_OVERDUE, stored, List.of(team(stored), Groups.LEADERS), "【逾期提醒】" + stored.number() + " "
                + task.getName() + "已逾期", "整改督办环节“" + task.getName() + "”已超过办理期限，请"
                        + Groups.NAMES.get(team(stored)) + "尽快办理。", task);
    }

    void overdueToLeaders(DelegateTask review, Stored stored) {
        Map<String, Object> model = model(stored, "被整改单位未在整改期限（" + day(stored.deadline())
                + "）内报告整改情况。请委领导督办：督促整改、延长整改期限，或对整改责任人立案追究整改不实不力。",
                "整改逾期督办", links.task(review.getId()));
        outbox.record(OVERDUE_REVIEW, stored.number(), recipients.ofCandidateGroups(review), "【整改逾期督办】"
                + stored.number() + " " + stored.unit() + "整改逾期，请委领导督办", "rectification", model);
    }

    void urged(DelegateTask review, Stored stored, LocalDate deadline, String comment) {
        Map<String, Object> model = model(stored, "委领导督办：" + comment + "。请督促被整改单位于 " + day(deadline)
                + " 前完成整改并报告整改情况。", "登记整改情况报告", links.tasklist());
        outbox.record(URGED, stored.number(), recipients.ofGroups(List.of(team(stored))), "【督办通知】"
                + stored.number() + " " + stored.unit() + "整改逾期，限" + day(deadline) + "前完成", "rectification",
                model);
    }

    private void send(String kind, Stored stored, List<String> groups, String subject, String message, Task task) {
        outbox.record(kind, stored.number(), recipients.ofGroups(groups), subject, "rectification",
                model(stored, message, task.getName(), links.task(task.getId())));
    }

    private static Map<String, Object> model(Stored stored, String message, String taskName, String taskLink) {
        Map<String, Object> model = new HashMap<>();
        model.put("greeting", "同志：");
        model.put("message", message);
        model.put("rectificationNumber", stored.number());
        model.put("unit", stored.unit());
        model.put("caseNumber", stored.caseNumber() == null ? "—" : stored.caseNumber());
        model.put("deadline", stored.deadline() == null ? "未定" : day(stored.deadline()));
        model.put("taskName", taskName);
        model.put("taskLink", taskLink);
        return model;
    }

    private static String team(Stored stored) {
        return Groups.teamOfZone(stored.zone());
    }

    private static String day(LocalDate day) {
        return day == null ? "—" : StepAnswers.DAY.format(day);
    }
}
