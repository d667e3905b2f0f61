package cn.jiandu.publicreport;

import cn.jiandu.identity.Groups;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import cn.jiandu.mail.TaskLinks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells case-management by mail, once a day, when that day's public reports reach the threshold
 * (JIANDU_PUBLIC_REPORT_DAILY_ALERT). Runs after a report committed, in a transaction of its own: a failure
 * here never costs a report.
 */
@Component
class PublicReportAlerts {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublicReportAlerts.class);

    private final PublicReportRepository reports;
    private final Challenges challenges;
    private final MailOutbox outbox;
    private final Recipients recipients;
    private final TaskLinks links;
    private final PublicReportProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    PublicReportAlerts(PublicReportRepository reports, Challenges challenges, MailOutbox outbox, Recipients recipients,
            TaskLinks links, PublicReportProperties properties, TransactionTemplate transaction, Clock clock,
            @Value("${jiandu.timezone:Asia/Shanghai}") ZoneId zone) {
        this.reports = reports;
        this.challenges = challenges;
        this.outbox = outbox;
        this.recipients = recipients;
        this.links = links;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = zone;
    }

    void afterReport() {
        try {
            transaction.executeWithoutResult(status -> {
                challenges.forgetExpired();
                alertIfThresholdPassed();
            });
        } catch (RuntimeException e) {
            LOG.warn("群众举报数量提醒未能记录（举报本身已保存）", e);
        }
    }

    private void alertIfThresholdPassed() {
        int threshold = properties.dailyAlertThreshold();
        if (threshold <= 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        OffsetDateTime from = today.atStartOfDay(zone).toOffsetDateTime();
        long count = reports.countBetween(from, today.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        if (count >= threshold && reports.markAlerted(today, OffsetDateTime.now(clock))) {
            outbox.record("PUBLIC_REPORTS_THRESHOLD", null, recipients.ofGroups(List.of(Groups.CASE_MANAGEMENT)),
                    "今日群众举报已达 " + count + " 件", "public-reports-threshold", Map.of(
                            "count", count, "threshold", threshold, "day", today.toString(),
                            "tasklist", links.tasklist()));
        }
    }
}
