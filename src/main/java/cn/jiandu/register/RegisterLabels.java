package cn.jiandu.register;

import cn.jiandu.cases.CaseEnums;
import cn.jiandu.cases.CaseSort;
import cn.jiandu.common.Labelled;
import cn.jiandu.reports.CaseLabels;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Chinese names of codes and the commission's way of writing dates, for the register's templates
 * ({@code ${@registerLabels.stage(code)}}): the reports' names where they have them, the Labelled lists else.
 */
@Component("registerLabels")
class RegisterLabels {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    RegisterLabels(Clock clock) {
        this.clock = clock;
    }

    public Map<String, String> stages() {
        return CaseLabels.STAGES;
    }

    public Map<String, String> outcomes() {
        return CaseLabels.OUTCOMES;
    }

    public Map<String, String> zones() {
        return labels(CaseEnums.Zone.values());
    }

    public Map<String, String> problemTypes() {
        return labels(CaseEnums.ProblemType.values());
    }

    public Map<String, String> sources() {
        return labels(CaseEnums.Source.values());
    }

    public Map<String, String> sorts() {
        return labels(CaseSort.values());
    }

    public String stage(String code) {
        return CaseLabels.of(CaseLabels.STAGES, code);
    }

    public String outcome(String code) {
        return CaseLabels.of(CaseLabels.OUTCOMES, code);
    }

    public String zone(String code) {
        return CaseLabels.of(CaseLabels.ZONES, code);
    }

    public String problemType(String code) {
        return CaseLabels.of(CaseLabels.PROBLEM_TYPES, code);
    }

    public String source(String code) {
        return CaseLabels.of(CaseLabels.SOURCES, code);
    }

    public String severity(String code) {
        return of(CaseEnums.Severity.values(), code);
    }

    public String disposal(String code) {
        return of(CaseEnums.Disposal.values(), code);
    }

    public String inquiryOutcome(String code) {
        return of(CaseEnums.InquiryOutcome.values(), code);
    }

    public String verificationOutcome(String code) {
        return of(CaseEnums.VerificationOutcome.values(), code);
    }

    /** Version 2 records EXEMPT, version 1 EXEMPTED: both read 免责. */
    public String faultTolerance(String code) {
        String label = of(CaseEnums.FaultToleranceOutcome.values(), code);
        return label.equals(code) ? CaseLabels.of(CaseLabels.FAULT_TOLERANCE, code) : label;
    }

    public String measure(String code) {
        return CaseLabels.of(CaseLabels.MEASURES, code);
    }

    public String unitMeasure(String code) {
        return CaseLabels.of(CaseLabels.UNIT_MEASURES, code);
    }

    public String yesNo(Boolean value) {
        return value == null ? "" : value ? "是" : "否";
    }

    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(clock.getZone()).format(DATE_TIME);
    }

    public String dateTime(Date at) {
        return at == null ? "" : at.toInstant().atZone(clock.getZone()).format(DATE_TIME);
    }

    public String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** The task in Tasklist (TaskLinks: Tasklist keeps the task through its login). */
    public String taskLink(String taskId) {
        return cn.jiandu.mail.TaskLinks.taskPath(taskId);
    }

    /** Whether a due date has passed. */
    /** The leader's approval page of an open approval of route version 2 (approvals/ApprovalPages), else null. */
    public String approvalLink(String taskId, String taskKey) {
        return cn.jiandu.cases.SupervisionCaseProcess.LEADERS_APPROVALS.containsKey(taskKey) ? "/approvals/" + taskId
                : null;
    }

    public boolean past(Date at) {
        return at != null && at.toInstant().isBefore(clock.instant());
    }

    private static String of(Labelled[] values, String code) {
        if (code == null) {
            return "";
        }
        return Arrays.stream(values).filter(v -> v.name().equals(code)).map(Labelled::label).findFirst().orElse(code);
    }

    private static Map<String, String> labels(Labelled[] values) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> labels.put(v.name(), v.label()));
        return labels;
    }
}
