package cn.jiandu.reports;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiandu.support.ProcessTestContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of processes/daily-supervision-report.bpmn: the timer fires at the cut-off, office
 * reviews, leaders sign off or return, the signed report is mailed as a 专报. Timers and
 * asynchronous steps are fired by hand, the engine's clock set to the moment they would fire.
 */
@ProcessTestContext
class DailySupervisionReportProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ReportRepository reports;
    @Autowired
    ReportSchedule schedule;
    @Autowired
    ReportTimers timers;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theTimerFiresAtTheCutOffAndTheSignedReportGoesToTheDistrictLeadersAsAZhuanbao() {
        Job timer = timer();
        Instant due = timer.getDuedate().toInstant();
        Assertions.assertThat(due).isEqualTo(schedule.nextDaily(Instant.now()));
        Assertions.assertThat(due.atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(18, 0));

        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(3)));
        managementService.executeJob(timer.getId());
        Assertions.assertThat(timer().getDuedate().toInstant()).isEqualTo(due.plusSeconds(24 * 3600));
        ProcessInstance report = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("dailySupervisionReport").activityIdIn("compileDailyReport").singleResult();
        execute(job("compileDailyReport", report));

        String date = due.atZone(SHANGHAI).toLocalDate().toString();
        assertThat(report).isWaitingAt("reviewDailyReport").hasBusinessKey("DAILY-" + date);
        assertThat(task("reviewDailyReport", report)).hasCandidateGroup("office");
        assertThat(report).variables().containsEntry("reportTitle", "疫情防控监督工作日报（" + schedule.day(
                due.atZone(SHANGHAI).toLocalDate()).label() + "）").containsKey("reportLink");
        Assertions.assertThat((String) runtimeService.getVariable(report.getId(), "reportSummary"))
                .startsWith("统计区间：").contains("监督检查", "新增问题（按类型）：", "问责人员", "问责人次（按四种形态）：");
        Report compiled = stored(date);
        Assertions.assertThat(compiled.status()).isEqualTo(ReportStatus.COMPILED);
        Assertions.assertThat(compiled.periodEnd().toInstant()).isEqualTo(due);

        complete("office1", "office", task("reviewDailyReport", report), Map.of("officeRemarks", "本日无新增问题线索"));
        Assertions.assertThat(stored(date).status()).isEqualTo(ReportStatus.REVIEWED);
        Assertions.assertThat(stored(date).reviewedBy()).isEqualTo("office1");
        assertThat(task("signOffDailyReport", report)).hasCandidateGroup("leaders");
        complete("leader1", "leaders", task("signOffDailyReport", report),
                Map.of("reportApproved", true, "signOffComment", "同意报送"));

        assertThat(report).isWaitingAt("mailDailyReport");
        Assertions.assertThat(stored(date).status()).isEqualTo(ReportStatus.SIGNED);
        execute(job("mailDailyReport", report));

        assertThat(report).isEnded().hasPassedInOrder("dailyReportDue", "compileDailyReport", "reviewDailyReport",
                "signOffDailyReport", "mailDailyReport", "dailyReportMailed");
        Report mailed = stored(date);
        Assertions.assertThat(mailed.status()).isEqualTo(ReportStatus.MAILED);
        Assertions.assertThat(mailed.signedBy()).isEqualTo("leader1");
        Assertions.assertThat(mailed.mailedAt()).isNotNull();
        Map<String, Object> mail = jdbc.queryForMap("SELECT * FROM jd_mail_outbox WHERE kind = 'DAILY_REPORT' AND subject LIKE ?",
                "%" + schedule.day(due.atZone(SHANGHAI).toLocalDate()).label() + "%");
        Assertions.assertThat(mail.get("RECIPIENTS")).isEqualTo("qu-shuji@example.cn,qu-zhang@example.cn");
        Assertions.assertThat((String) mail.get("SUBJECT")).startsWith("【专报】疫情防控监督工作日报（");
        Assertions.assertThat((String) mail.get("TEXT_BODY")).contains("本日无新增问题线索", "同意报送", "签发：刘卫东",
                "/reports/daily?date=" + date, "新增问题（按类型）：", "问责人次：共 ", "问责人次（按四种形态）：");
        Assertions.assertThat((String) mail.get("HTML_BODY")).contains("<h3>办公室说明</h3>", "本日无新增问题线索");
    }

    @Test
    void theZhuanbaoCountsTheThreePersonsOfAVersionTwoCaseByMeasureFormAndResponsibilityAndSaysWhenAPersonCounts() {
        OffsetDateTime closedAt = OffsetDateTime.parse("2031-03-03T10:00:00+08:00");
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, problem_type, severity,
                    zone, stage, outcome, unit_measure, reported_at, updated_at, closed_at)
                VALUES ('JD-2031-00001', '卡口无人值守', '经查属实', 'HOTLINE', '幸福社区居委会', FALSE,
                    'INEFFECTIVE_PREVENTION', 'SERIOUS', 'NORTH', 'CLOSED', 'ACCOUNTABILITY', 'ORG_CIRCULATION', ?, ?, ?)""",
                closedAt.minusDays(30), closedAt, closedAt);
        person(1, "李明", "DIRECT", "ADMONISHMENT", closedAt);
        person(2, "王建国", "PRINCIPAL_LEADERSHIP", "CIRCULATED_CRITICISM", closedAt);
        person(3, "张华", "IMPORTANT_LEADERSHIP", "ORGANIZATIONAL_ADJUSTMENT", closedAt);

        ProcessInstance report = compiledOn("2031-03-03T18:00:05+08:00");
        Assertions.assertThat((String) runtimeService.getVariable(report.getId(), "reportSummary"))
                .contains("问责人员 3 人次", "问责党组织 1 个", "问责人次（按四种形态）：第一种形态 2、第二种形态 1");
        complete("office1", "office", task("reviewDailyReport", report), Map.of());
        complete("leader1", "leaders", task("signOffDailyReport", report), Map.of("reportApproved", true));
        execute(job("mailDailyReport", report));

        Map<String, Object> mail = jdbc.queryForMap(
                "SELECT * FROM jd_mail_outbox WHERE kind = 'DAILY_REPORT' AND subject LIKE ?",
                "%" + schedule.day(LocalDate.of(2031, 3, 3)).label() + "%");
        Assertions.assertThat((String) mail.get("TEXT_BODY")).contains(
                "问责人员：3 人次",
                "问责人次：共 3 人次",
                "问责人次（按问责方式）：通报批评 1、诫勉 1、组织调整建议 1",
                "问责人次（按四种形态）：第一种形态 2、第二种形态 1",
                "问责人次（按责任类型）：直接责任 1、主要领导责任 1、重要领导责任 1",
                "办结案件（按结果）：问责 1",
                ReportView.PersonCounts.NOTE, ReportView.PersonCounts.FORMS_NOTE,
                "问责党组织：共 1 个；问责党组织（按问责方式）：通报 1", ReportView.OrganisationCounts.NOTE);
        Assertions.assertThat((String) mail.get("HTML_BODY")).contains("问责人次（共 <span>3</span> 人次）",
                "直接责任 1、主要领导责任 1、重要领导责任 1", "第一种形态 2、第二种形态 1",
                "问责党组织（共 <span>1</span> 个）", "人次按案件办结日期计入统计区间");
    }

    @Test
    void leadersReturnTheReportSayingWhyAndTheOfficeReviewsItAgain() {
        ProcessInstance report = compiledOn("2030-01-10T18:00:05+08:00");
        complete("office1", "office", task("reviewDailyReport", report), Map.of());

        complete("leader1", "leaders", task("signOffDailyReport", report),
                Map.of("reportApproved", false, "signOffComment", "请补充逾期案件的督办情况"));
        assertThat(report).isWaitingAt("reviewDailyReport");
        assertThat(report).variables().containsEntry("signOffComment", "请补充逾期案件的督办情况");
        Assertions.assertThat(stored("2030-01-10").status()).isEqualTo(ReportStatus.RETURNED);
        Assertions.assertThat(taskService.getProcessInstanceComments(report.getId()))
                .extracting(c -> c.getFullMessage()).contains("退回：请补充逾期案件的督办情况");

        complete("office1", "office", task("reviewDailyReport", report),
                Map.of("officeRemarks", "逾期的 2 件已由委领导督办，限三日内办结"));
        complete("leader1", "leaders", task("signOffDailyReport", report), Map.of("reportApproved", true));
        execute(job("mailDailyReport", report));

        assertThat(report).isEnded().hasPassed("dailyReportMailed");
        Report mailed = stored("2030-01-10");
        Assertions.assertThat(mailed.officeRemarks()).isEqualTo("逾期的 2 件已由委领导督办，限三日内办结");
        Assertions.assertThat(mailed.status()).isEqualTo(ReportStatus.MAILED);
    }

    @Test
    void aReturnWithoutAReasonIsRefused() {
        ProcessInstance report = compiledOn("2030-01-12T18:00:05+08:00");
        complete("office1", "office", task("reviewDailyReport", report), Map.of());
        Task signOff = task("signOffDailyReport", report);

        Throwable refused = assertThrows(Exception.class,
                () -> complete("leader1", "leaders", signOff, Map.of("reportApproved", false)));
        while (refused.getCause() != null) {
            refused = refused.getCause();
        }
        Assertions.assertThat(refused).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("signOffComment");
        assertThat(report).isWaitingAt("signOffDailyReport");
    }

    @Test
    void aDayAlreadyInHandOrSignedIsNotCompiledAgain() {
        ProcessInstance first = compiledOn("2030-01-11T18:00:05+08:00");

        ProcessInstance second = compiledOn("2030-01-11T19:30:00+08:00");
        assertThat(second).isEnded().hasPassed("dailyReportAlreadyHandled").hasNotPassed("reviewDailyReport");
        Assertions.assertThat(stored("2030-01-11").processInstanceId()).isEqualTo(first.getId());

        complete("office1", "office", task("reviewDailyReport", first), Map.of());
        complete("leader1", "leaders", task("signOffDailyReport", first), Map.of("reportApproved", true));
        execute(job("mailDailyReport", first));
        ProcessInstance third = compiledOn("2030-01-12T08:00:00+08:00");
        assertThat(third).isEnded().hasPassed("dailyReportAlreadyHandled");
    }

    @Test
    void aTimerLeftFromAnEarlierScheduleIsMovedToTheConfiguredOne() {
        Job timer = timer();
        Instant expected = schedule.nextDaily(Instant.now());
        managementService.setJobDuedate(timer.getId(), Date.from(expected.plusSeconds(3 * 3600)));

        timers.keepToSchedule();

        Assertions.assertThat(timer().getDuedate().toInstant()).isEqualTo(expected);
    }

    // ---- the story's steps ------------------------------------------------------------------------

    /** The report compiled as if the timer fired at that moment (the engine's clock stays there). */
    private ProcessInstance compiledOn(String moment) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
        ProcessInstance report = runtimeService.createProcessInstanceByKey("dailySupervisionReport")
                .startBeforeActivity("compileDailyReport").execute();
        execute(job("compileDailyReport", report));
        return report;
    }

    private void person(int position, String name, String responsibility, String measure, OffsetDateTime at) {
        jdbc.update("""
                INSERT INTO jd_case_person (case_number, position, name, unit, responsibility, measure, created_at,
                    updated_at)
                VALUES ('JD-2031-00001', ?, ?, '幸福社区居委会', ?, ?, ?, ?)""", position, name, responsibility, measure, at, at);
    }

    private Job timer() {
        return managementService.createJobQuery().processDefinitionKey("dailySupervisionReport").timers().singleResult();
    }

    private Report stored(String date) {
        return reports.find(ReportKind.DAILY, date).orElseThrow();
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
