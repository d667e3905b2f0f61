package cn.jiandu.notices;

import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import cn.jiandu.mail.TaskLinks;
import cn.jiandu.notices.Bulletin.NamedCase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Publishes an approved bulletin: on the public page, the feed and GET /api/notices, by mail to the notice
 * distribution list, and to each case it names, which then closes. Safe to run again: a bulletin is
 * published and mailed once, and a case that no longer waits is left alone.
 */
@Service
class BulletinPublication {

    /** The bulletin as leaders approved it. */
    record Approved(String title, String body, String approvedBy) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final BulletinRepository bulletins;
    private final CasesAwaitingBulletin awaiting;
    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;
    private final Clock clock;

    BulletinPublication(BulletinRepository bulletins, CasesAwaitingBulletin awaiting, MailOutbox outbox,
            Recipients recipients, TaskLinks links, Clock clock) {
        this.bulletins = bulletins;
        this.awaiting = awaiting;
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
        this.clock = clock;
    }

    /** Returns whether this call published it (false: it had been published before). */
    boolean publish(long bulletinId, Approved approved) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean published = bulletins.publish(bulletinId, approved.title(), approved.body(), approved.approvedBy(), now);
        List<NamedCase> cases = bulletins.cases(bulletinId);
        if (published) {
            List<String> withdrawn = cases.stream().filter(NamedCase::withdrawn).map(NamedCase::caseNumber).toList();
            outbox.record("PUBLIC_BULLETIN", null, recipients.noticeDistribution(), "【通报曝光】" + approved.title(),
                    "public-notice", Map.of(
                            "noticeTitle", approved.title(),
                            "noticeBody", BulletinText.shown(approved.body(), withdrawn),
                            "publishedDate", DAY.format(now.atZoneSameInstant(clock.getZone())),
                            "noticeLink", links.publicUrl() + NoticeView.bulletinLink(bulletinId)));
        }
        // Every case named, withdrawn ones too: their wait is over either way, and none must wait for ever.
        cases.forEach(named -> awaiting.named(named.caseNumber(), bulletinId));
        return published;
    }
}
