package cn.jiandu.reports;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.support.ProcessTestContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Every route of processes/weekly-supervision-bulletin.bpmn: on Monday morning the bulletin of the
 * week before lists the cases closed with their measures; office reviews, leaders sign off or
 * return, the signed bulletin is mailed.
 */
@ProcessTestContext
class WeeklySupervisionBulletinProcessTest {

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
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void onMondayTheBulletinOfTheWeekBeforeListsTheClosedCasesAndIsMailedWhenSigned() {
        Job timer = timer();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(SHANGHAI);
        Assertions.assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        Assertions.assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        ReportPeriod week = schedule.week(due.toLocalDate().minusWeeks(1));
        closedCase("JD-2099-00001", "挪用防控物资", week.from().plusDays(2), "DISCIPLINARY_SANCTION", "ADMONISHMENT");
        closedCase("JD-2099-00002", "上周以前办结", week.from().minusHours(1), "CASE_FILING", null);
        closedCase("JD-2099-00003", "隐瞒确诊病例", week.from().plusDays(3), null, null);
        persons.replace("JD-2099-00003", List.of(
                Person.entered(1, "刘洋", "某街道", "科员", null, true, true, Responsibility.DIRECT, false),
                Person.entered(2, "陈刚", "某街道", "主任", null, true, true, Responsibility.PRINCIPAL_LEADERSHIP, false)));
        persons.recordMeasure("JD-2099-00003", 1, Measure.CIRCULATED_CRITICISM);
        persons.recordMeasure("JD-2099-00003", 2, Measure.TALK_REMINDER);

        ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(2)));
        managementService.executeJob(timer.getId());
        Assertions.assertThat(timer().getDuedate().toInstant()).isEqualTo(due.plusWeeks(1).toInstant());
        ProcessInstance bulletin = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("weeklySupervisionBulletin").activityIdIn("compileWeeklyBulletin").singleResult();
        execute(job("compileWeeklyBulletin", bulletin));

        assertThat(bulletin).isWaitingAt("reviewWeeklyBulletin").hasBusinessKey("WEEKLY-" + week.key());
        assertThat(task("reviewWeeklyBulletin", bulletin)).hasCandidateGroup("office");
        Report compiled = reports.find(ReportKind.WEEKLY, week.key()).orElseThrow();
        Assertions.assertThat(compiled.figures().closedCases()).extracting(ReportFigures.ClosedCase::caseNumber)
                .containsExactly("JD-2099-00001", "JD-2099-00003");
        Assertions.assertThat(compiled.figures().persons().total()).as("the version-1 case has no persons").isEqualTo(2);
        Assertions.assertThat((String) runtimeService.getVariable(bulletin.getId(), "reportSummary"))
                .contains("问责人员 2 人次", "问责人次（按四种形态）：第一种形态 2");

        complete("office1", "office", task("reviewWeeklyBulletin", bulletin), Map.of("officeRemarks", "本周办结一件"));
        assertThat(task("signOffWeeklyBulletin", bulletin)).hasCandidateGroup("leaders");
        complete("leader1", "leaders", task("signOffWeeklyBulletin", bulletin), Map.of("reportApproved", true));
        execute(job("mailWeeklyBulletin", bulletin));

        assertThat(bulletin).isEnded().hasPassedInOrder("weeklyBulletinDue", "compileWeeklyBulletin",
                "reviewWeeklyBulletin", "signOffWeeklyBulletin", "mailWeeklyBulletin", "weeklyBulletinMailed");
        Map<String, Object> mail = jdbc.queryForMap(
                "SELECT * FROM jd_mail_outbox WHERE kind = 'WEEKLY_BULLETIN' AND subject LIKE ?", "%" + week.label() + "%");
        Assertions.assertThat((String) mail.get("SUBJECT")).isEqualTo("【定期通报】疫情防控监督工作定期通报（" + week.label() + "）");
        Assertions.assertThat((String) mail.get("TEXT_BODY")).contains("JD-2099-00001 挪用防控物资",
                "直接责任人 纪律处分；领导责任 诫勉", "JD-2099-00003 隐瞒确诊病例｜贪污截留私分挪用防控款物｜直接责任 通报批评、主要领导责任 谈话提醒",
                "本周办结一件", "问责人次：共 2 人次", "问责人次（按问责方式）：谈话提醒 1、通报批评 1",
                "问责人次（按责任类型）：直接责任 1、主要领导责任 1", "第一版案件未逐人记录").doesNotContain("JD-2099-00002");
        Assertions.assertThat((String) mail.get("HTML_BODY")).contains("问责人次（共 <span>2</span> 人次）",
                "第一种形态 2");
        Assertions.assertThat(reports.find(ReportKind.WEEKLY, week.key()).orElseThrow().status())
                .isEqualTo(ReportStatus.MAILED);
    }

    @Test
    void leadersReturnTheBulletinAndAWeekInHandIsNotCompiledTwice() {
        ProcessInstance bulletin = compiledOn("2030-01-14T09:00:02+08:00");
        assertThat(bulletin).hasBusinessKey("WEEKLY-2030-W02");
        ProcessInstance again = compiledOn("2030-01-14T10:00:00+08:00");
        assertThat(again).isEnded().hasPassed("weeklyBulletinAlreadyHandled");

        complete("office1", "office", task("reviewWeeklyBulletin", bulletin), Map.of());
        complete("leader1", "leaders", task("signOffWeeklyBulletin", bulletin),
                Map.of("reportApproved", false, "signOffComment", "请列出典型问题"));
        assertThat(bulletin).isWaitingAt("reviewWeeklyBulletin");
        Assertions.assertThat(reports.find(ReportKind.WEEKLY, "2030-W02").orElseThrow().status())
                .isEqualTo(ReportStatus.RETURNED);
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private ProcessInstance compiledOn(String moment) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
        ProcessInstance bulletin = runtimeService.createProcessInstanceByKey("weeklySupervisionBulletin")
                .startBeforeActivity("compileWeeklyBulletin").execute();
        execute(job("compileWeeklyBulletin", bulletin));
        return bulletin;
    }

    private void closedCase(String number, String title, OffsetDateTime closedAt, String measure, String leaderMeasure) {
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, problem_type, zone, stage,
                    outcome, measure, leader_measure, reported_at, updated_at, closed_at)
                VALUES (?, ?, '经查属实', 'PUBLIC_REPORT', '某街道', FALSE, 'MISUSE_OF_FUNDS', 'NORTH', 'CLOSED',
                    'ACCOUNTABILITY', ?, ?, ?, ?, ?)""",
                number, title, measure, leaderMeasure, closedAt.minusDays(20), closedAt, closedAt);
    }

    private Job timer() {
        return managementService.createJobQuery().processDefinitionKey("weeklySupervisionBulletin").timers()
                .singleResult();
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
