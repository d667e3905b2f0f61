package cn.jiandu.appeals;

import cn.jiandu.identity.Groups;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import cn.jiandu.mail.TaskLinks;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The mails of an appeal, through the outbox (in the step's transaction): the outcome to the office,
 * which serves the review decision on the person, and to case-review; an overdue review to leaders.
 */
@Service
class AppealMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;
    private final Clock clock;

    AppealMails(MailOutbox outbox, Recipients recipients, TaskLinks links, Clock clock) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
        this.clock = clock;
    }

    boolean outcome(Appeal appeal) {
        Map<String, Object> model = facts(appeal);
        model.put("outcomeLabel", appeal.outcome().label());
        model.put("measureInForce", appeal.measureInForce().label());
        model.put("reviewReason", String.valueOf(appeal.reviewReason()));
        model.put("noticeWithdrawn", Boolean.TRUE.equals(appeal.noticeWithdrawn()));
        return outbox.record("APPEAL_OUTCOME", appeal.caseNumber(),
                recipients.ofGroups(List.of(Groups.OFFICE, Groups.CASE_REVIEW)),
                "【申诉复查结果】" + appeal.appealNumber() + " " + appeal.personName() + "：" + appeal.outcome().label()
                        + "原问责决定",
                "appeal-outcome", model);
    }

    boolean overdue(Appeal appeal, String reviewTaskId) {
        Map<String, Object> model = facts(appeal);
        model.put("dueDate", DAY_AND_TIME.format(appeal.decisionDueAt().atZoneSameInstant(clock.getZone())));
        // Without a review task (done meanwhile) Tasklist itself, not the site's start page.
        model.put("taskLink", reviewTaskId == null ? links.tasklist() : links.task(reviewTaskId));
        return outbox.record("APPEAL_OVERDUE", appeal.caseNumber(), recipients.ofGroups(List.of(Groups.LEADERS)),
                "【逾期督办】" + appeal.appealNumber() + " 申诉复查已逾期，请委领导督办", "appeal-overdue", model);
    }

    private static Map<String, Object> facts(Appeal appeal) {
        Map<String, Object> model = new HashMap<>();
        model.put("appealNumber", appeal.appealNumber());
        model.put("caseNumber", appeal.caseNumber());
        model.put("personName", appeal.personName());
        model.put("appealedMeasure", appeal.appealedMeasure().label());
        model.put("receivedOn", DAY.format(appeal.receivedOn()));
        return model;
    }
}
