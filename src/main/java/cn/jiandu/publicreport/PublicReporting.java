package cn.jiandu.publicreport;

import cn.jiandu.cases.CaseRecord;
import cn.jiandu.cases.CaseRepository;
import cn.jiandu.cases.PublicCaseReporting;
import cn.jiandu.cases.ReporterIdentity;
import cn.jiandu.evidence.ReporterEvidence;
import cn.jiandu.mail.MailOutbox;
import cn.jiandu.notices.CaseNamings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * A citizen's report from /report, and what they may learn of it later with the query code. Every check
 * (rate limits, the form, the files, the challenge) runs before anything is written; the case, its evidence,
 * the code's hash, the spent challenge and the receipt mail to the reporter's address are one transaction; the
 * code is answered only after it committed.
 */
@Service
class PublicReporting {

    static final String UNKNOWN_CODE = "没有找到与该查询码对应的举报。请核对查询码（共 20 位，不区分大小写）后重试。";
    static final String RECEIPT_SUBJECT = "您的举报已受理";
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final String DUPLICATE = "相同内容的举报已经受理，正在办理中，请勿重复提交。如需补充情况，请在“查询进度”页用查询码补充。";

    /** The code of an accepted report, shown once. */
    record Accepted(String caseNumber, String code) {
    }

    /** What the status page shows for a code. */
    record Status(CitizenStatus status, OffsetDateTime reportedAt, List<String> noticeLinks, boolean mayAdd) {
    }

    private final ClientLimits limits;
    private final Challenges challenges;
    private final Validator validator;
    private final ReporterEvidence evidence;
    private final PublicCaseReporting cases;
    private final CaseRepository caseRecords;
    private final PublicReportRepository reports;
    private final CaseNamings namings;
    private final PublicReportAlerts alerts;
    private final MailOutbox outbox;
    private final PublicReportProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PublicReporting(ClientLimits limits, Challenges challenges, Validator validator, ReporterEvidence evidence,
            PublicCaseReporting cases, CaseRepository caseRecords, PublicReportRepository reports, CaseNamings namings,
            PublicReportAlerts alerts, MailOutbox outbox, PublicReportProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.limits = limits;
        this.challenges = challenges;
        this.validator = validator;
        this.evidence = evidence;
        this.cases = cases;
        this.caseRecords = caseRecords;
        this.reports = reports;
        this.namings = namings;
        this.alerts = alerts;
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    Accepted submit(String client, PublicReportForm form, List<ReporterEvidence.Sent> files) {
        limits.report(client);
        Set<ConstraintViolation<PublicReportForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolation::getMessage).distinct().reduce((a, b) -> a + "；" + b).orElseThrow() + "。");
        }
        List<ReporterEvidence.Checked> checked = checked(files);
        Challenges.Solved solved = challenges.verify(form.altcha());
        String textHash = textHash(form);
        String code = QueryCodes.generate();
        Accepted accepted = transaction.execute(status -> {
            challenges.spend(solved);
            if (reports.openWithText(textHash)) {
                throw new Refusal(HttpStatus.CONFLICT, DUPLICATE);
            }
            ReporterIdentity reporter = form.anonymous() ? null
                    : ReporterIdentity.of(form.reporterName(), form.reporterPhone(), form.reporterEmail());
            PublicCaseReporting.Started started = cases.report(new PublicCaseReporting.PublicReport(form.title().strip(),
                    form.caseDescription(), form.unit().strip(), blankToNull(form.zone()), reporter));
            OffsetDateTime now = OffsetDateTime.now(clock);
            reports.insert(started.caseNumber(), QueryCodes.hash(QueryCodes.normalize(code)), textHash, now);
            evidence.file(started.caseNumber(), PublicCaseReporting.REPORTED_BY, checked);
            if (reporter != null && reporter.email() != null) {
                // Sealed in the outbox like the outcome mail; neither the name nor the query code is in it.
                outbox.recordToReporter("PUBLIC_REPORT_RECEIVED", started.caseNumber(), reporter.email(),
                        RECEIPT_SUBJECT, "public-report-received",
                        Map.of("title", form.title().strip(), "reportedOn", RECEIPT_DATE.format(now)));
            }
            return new Accepted(started.caseNumber(), code);
        });
        alerts.afterReport();
        return accepted;
    }

    /** The case's status for a code; empty for a wrong, malformed or unknown code alike. */
    Optional<Status> status(String client, String typedCode) {
        limits.lookup(client);
        return caseOf(typedCode).map(record -> new Status(CitizenStatus.of(record.stage(), record.outcome()),
                record.reportedAt(), namings.of(record.caseNumber()).stream()
                        .map(CaseNamings.Naming::publicLink).filter(java.util.Objects::nonNull).toList(),
                !"CLOSED".equals(record.stage())));
    }

    /** Adds the citizen's further information to their open case. */
    void add(String client, String typedCode, String text) {
        limits.lookup(client);
        CaseRecord record = caseOf(typedCode).orElseThrow(() -> new Refusal(HttpStatus.OK, UNKNOWN_CODE));
        String added = text == null ? "" : text.strip();
        if (added.isEmpty() || added.length() > 5000 || !cn.jiandu.system.PlainText.Check.accepts(added)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "补充内容须为 1 到 5000 个字，且不能含控制字符。");
        }
        if ("CLOSED".equals(record.stage())) {
            throw new Refusal(HttpStatus.CONFLICT, "该举报已办结，不能再补充。如有新的情况，请重新举报。");
        }
        transaction.executeWithoutResult(status -> reports.addition(record.caseNumber(), added, OffsetDateTime.now(clock)));
    }

    private Optional<CaseRecord> caseOf(String typedCode) {
        String code = QueryCodes.normalize(typedCode);
        return Optional.ofNullable(code).flatMap(normalized -> reports.caseOfCode(QueryCodes.hash(normalized)))
                .flatMap(caseRecords::findByNumber);
    }

    private List<ReporterEvidence.Checked> checked(List<ReporterEvidence.Sent> files) {
        try {
            return evidence.check(files, properties.maxFiles(), properties.maxFileSize().toBytes(),
                    properties.maxFileSizeText());
        } catch (ResponseStatusException refused) {
            throw new Refusal(HttpStatus.valueOf(refused.getStatusCode().value()), refused.getReason());
        }
    }

    /** The same report sent again: the same unit, summary and text, whatever the spaces and letter case. */
    private static String textHash(PublicReportForm form) {
        String text = String.join("\n", form.unit(), form.title(), form.description())
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
