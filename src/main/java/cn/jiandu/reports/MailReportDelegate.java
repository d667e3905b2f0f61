package cn.jiandu.reports;

import java.time.Clock;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.mail.Recipients;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * mailDailyReport / mailWeeklyBulletin: the signed report, exactly as stored, goes to the
 * district's principal leaders (jiandu.mail.district-leaders) through the outbox.
 */
@Component("mailReportDelegate")
class MailReportDelegate implements JavaDelegate {

    static final String TEMPLATE = "supervision-report";

    private static final Logger log = LoggerFactory.getLogger(MailReportDelegate.class);

    private final ReportRepository reports;
    private final ReportService service;
    private final MailOutbox outbox;
    private final Recipients recipients;
    private final IdentityService identityService;
    private final Clock clock;

    MailReportDelegate(ReportRepository reports, ReportService service, MailOutbox outbox, Recipients recipients,
            IdentityService identityService, Clock clock) {
        this.reports = reports;
        this.service = service;
        this.outbox = outbox;
        this.recipients = recipients;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Report report = reports.find(ReportReview.reportId(execution)).orElseThrow();
        ReportPeriod period = service.period(report.kind(), report.periodKey());
        ReportView view = ReportView.of(period, report.figures(), report);
        String subject = "【" + report.kind().mailTag() + "】" + view.title() + "（" + view.periodLabel() + "）";
        List<String> to = recipients.districtLeaders();
        boolean recorded = outbox.record(report.kind().mailKind(), null, to, subject, TEMPLATE, Map.of(
                "view", view,
                "signedByName", nameOf(report.signedBy()),
                "reportLink", service.link(period)));
        execution.setVariable("reportMailed", recorded);
        if (recorded) {
            reports.mailed(report.id(), OffsetDateTime.now(clock));
        } else {
            log.warn("{} {} signed but not mailed: jiandu.mail.district-leaders names no recipient",
                    report.kind(), report.periodKey());
        }
    }

    private String nameOf(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId == null ? "" : userId;
        }
        String name = (user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName());
        return name.isBlank() ? userId : name;
    }
}
