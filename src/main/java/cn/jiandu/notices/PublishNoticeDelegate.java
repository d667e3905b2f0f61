package cn.jiandu.notices;

import java.time.Clock;
import cn.jiandu.common.Vars;
import cn.jiandu.mail.TaskLinks;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * publishNotice: puts the approved notice on the public page and mails it to the distribution
 * list. Safe to retry: a case has at most one notice.
 */
@Component("publishNoticeDelegate")
class PublishNoticeDelegate implements JavaDelegate {

    private final NoticeRepository notices;
    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;
    private final Clock clock;

    PublishNoticeDelegate(NoticeRepository notices, MailOutbox outbox, Recipients recipients, TaskLinks links,
            Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.caseNumber(execution);
        if (notices.existsForCase(caseNumber)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Notice notice = new Notice(null, caseNumber, Vars.string(execution, "noticeTitle"),
                Vars.string(execution, "noticeBody"), Vars.string(execution, "unit"),
                Vars.string(execution, "problemType"), Vars.string(execution, "measure"),
                Vars.string(execution, "noticeApprovedBy"), now);
        notices.insert(notice);
        execution.setVariable("noticePublishedAt", java.util.Date.from(now.toInstant()));
        outbox.record("PUBLIC_NOTICE", caseNumber, recipients.noticeDistribution(), "【通报曝光】" + notice.title(),
                "public-notice", Map.of(
                        "noticeTitle", notice.title(),
                        "noticeBody", notice.body(),
                        "publishedDate", DateTimeFormatter.ofPattern("yyyy年M月d日").format(now),
                        "noticeLink", links.publicUrl() + "/notices"));
    }
}
