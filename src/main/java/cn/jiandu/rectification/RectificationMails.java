package cn.jiandu.rectification;

import cn.jiandu.identity.Groups;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import cn.jiandu.mail.TaskLinks;
import cn.jiandu.rectification.RectificationRepository.Stored;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The mails of a rectification, through the outbox (in the step's transaction): reminders to the zone's team,
 * overdue steps to the team and leaders, the leaders' overdue review, and their urging (督办通知) to the team.
 * Each links to the task its recipient has to do; one who has none there (leaders told of the team's overdue
 * step) gets the rectification's page. Filed in the outbox under the case, where an officer looks for it (none
 * for an inspection's finding); the ZG number is in every subject and text.
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
        outbox.record(REMINDER, stored.caseNumber(), team(stored), "【整改到期提醒】" + stored.number() + " "
                + stored.unit() + "整改期限将于" + day(stored.deadline()) + "届满", "rectification", model(stored,
                "被整改单位的整改期限将于 " + day(stored.deadline()) + " 届满。请督促被整改单位按期报告整改情况，"
                        + "收到报告后及时登记。", taskLink(task.getName()), links.task(task.getId())));
    }

    /** A team step past its due date: the team is told to do it, leaders that it is late. */
    void stepOverdue(Stored stored, Task task) {
        String subject = "【逾期提醒】" + stored.number() + " " + task.getName() + "已逾期";
        String message = "整改督办环节“" + task.getName() + "”已超过办理期限，请" + Groups.NAMES.get(teamOf(stored))
                + "尽快办理。";
        Set<String> team = team(stored);
        outbox.record(STEP_OVERDUE, stored.caseNumber(), team, subject, "rectification",
                model(stored, message, taskLink(task.getName()), links.task(task.getId())));
        Set<String> leaders = new LinkedHashSet<>(recipients.ofGroups(List.of(Groups.LEADERS)));
        leaders.removeAll(team);
        outbox.record(STEP_OVERDUE, stored.caseNumber(), leaders, subject, "rectification",
                model(stored, message, "查看整改督办情况", page(stored)));
    }

    void overdueToLeaders(DelegateTask review, Stored stored) {
        outbox.record(OVERDUE_REVIEW, stored.caseNumber(), recipients.ofCandidateGroups(review), "【整改逾期督办】"
                + stored.number() + " " + stored.unit() + "整改逾期，请委领导督办", "rectification", model(stored,
                "被整改单位未在整改期限（" + day(stored.deadline()) + "）内报告整改情况。请委领导督办：督促整改、延长整改期限，"
                        + "或对整改责任人立案追究整改不实不力。", taskLink("整改逾期督办"), links.task(review.getId())));
    }

    /** The leaders' urging, to the team, with the report it now waits for ({@code report}, just opened). */
    void urged(DelegateTask report, Stored stored, LocalDate deadline, String comment) {
        outbox.record(URGED, stored.caseNumber(), recipients.ofCandidateGroups(report), "【督办通知】"
                + stored.number() + " " + stored.unit() + "整改逾期，限" + day(deadline) + "前完成", "rectification",
                model(stored, "委领导督办：" + comment + "。请督促被整改单位于 " + day(deadline)
                        + " 前完成整改并报告整改情况。", taskLink(report.getName()), links.task(report.getId())));
    }

    /** Where the rectification is seen: its case's page, or for an inspection's finding its unit's history. */
    private String page(Stored stored) {
        return links.publicUrl() + (stored.caseNumber() != null
                ? "/cases/" + stored.caseNumber() + "#rectification-" + stored.number()
                : "/units?name=" + URLEncoder.encode(stored.unit(), StandardCharsets.UTF_8) + "#rectifications");
    }

    private static Map<String, Object> model(Stored stored, String message, String linkText, String link) {
        Map<String, Object> model = new HashMap<>();
        model.put("greeting", "同志：");
        model.put("message", message);
        model.put("rectificationNumber", stored.number());
        model.put("unit", stored.unit());
        model.put("caseNumber", stored.caseNumber() == null ? "—" : stored.caseNumber());
        model.put("deadline", stored.deadline() == null ? "未定" : day(stored.deadline()));
        model.put("linkText", linkText);
        model.put("link", link);
        return model;
    }

    private static String taskLink(String taskName) {
        return "在任务列表中打开“" + taskName + "”";
    }

    private Set<String> team(Stored stored) {
        return recipients.ofGroups(List.of(teamOf(stored)));
    }

    private static String teamOf(Stored stored) {
        return Groups.teamOfZone(stored.zone());
    }

    private static String day(LocalDate day) {
        return day == null ? "—" : StepAnswers.DAY.format(day);
    }
}
