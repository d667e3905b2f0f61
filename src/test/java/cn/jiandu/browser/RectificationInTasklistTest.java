package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rectification (整改督办) from its notice to its follow-up check, worked in Tasklist by the groups that
 * hold each step: the north team issues the notice, the unit's deadline passes (the engine's clock moved)
 * and a leader extends it, the team records the unit's report, returns it once as partly rectified, accepts
 * it, and a month later (the clock moved again) records the 回头看. On each form: every word in Chinese, a
 * required field left empty refused with a Chinese message naming it and nothing written; after each
 * completion the next task waits for the right group; at the end the case page shows what was entered.
 * Screenshots: target/screenshots/rectification-*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:rectification-in-tasklist;DB_CLOSE_DELAY=-1",
        "server.error.include-message=always", "server.error.include-stacktrace=always"})
class RectificationInTasklistTest {

    private static final ZoneId COMMISSION = ZoneId.of("Asia/Shanghai");
    /** form-js shows and takes a date as M/d/yyyy whatever the language. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("M/d/yyyy");

    private Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    private CaseRoute route;
    private Http http;

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("rectification");

    @BeforeEach
    void browserAtThisApplication() throws IOException {
        browser = chromium.at(port);
        browser.desktop();
        http = new Http(port);
        route = new CaseRoute(http, taskService, managementService, runtimeService);
    }

    @AfterEach
    void clockBackToNow() {
        ClockUtil.reset();
    }

    @Test
    void aRectificationFromItsNoticeToItsFollowUpThroughTasklist() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.toBulletin(caseNumber, "NORTH", "north1");
        String number = jdbc.queryForObject("SELECT rectification_number FROM jd_rectification WHERE case_number = ?",
                String.class, caseNumber);
        LocalDate noticeDay = today();
        LocalDate firstDeadline = noticeDay.plusDays(20);

        // 下发整改通知: the north team
        String notice = waitsFor(number, "issueRectificationNotice", "team-north");
        open("north1", notice, "rectification-01-notice");
        browser.type(browser.fields("整改事项内容").get(0), "卡口24小时值守排班落实到人");
        browser.addRow();
        browser.type(browser.fields("整改事项内容").get(1), "进出人员逐一测温、登记");
        browser.type("整改期限", firstDeadline.format(TYPED));
        browser.type("整改要求", "举一反三，建立卡口值守制度，书面报告整改情况并附照片");
        browser.type("责任人职务", "居委会主任");
        browser.select("单位类型", "社区（村）");
        refusedInTheForm(number, notice, "请填写“整改责任人”", "rectification-02-notice-refused");
        browser.type("整改责任人", "王五");
        completeAndWaitUntilGone(notice);
        assertThat(state(number)).isEqualTo("RECTIFYING");

        // The unit lets its deadline pass: the day after, the leaders review it.
        String report = waitsFor(number, "recordRectificationReport", "team-north");
        Job overdue = timer(report, "rectificationOverdue");
        assertThat(isDue(overdue)).as("not overdue before the deadline has passed").isFalse();
        LocalDate dayAfterDeadline = firstDeadline.plusDays(1);
        moveClockTo(dayAfterDeadline);
        assertThat(isDue(overdue)).as("overdue the day after the deadline").isTrue();
        managementService.executeJob(overdue.getId());

        // 整改逾期督办: the leaders extend the deadline
        String review = waitsFor(number, "reviewOverdueRectification", "leaders");
        LocalDate extended = dayAfterDeadline.plusDays(14);
        open("leader1", review, "rectification-03-overdue");
        browser.choose("延长整改期限");
        refusedInTheForm(number, review, "请填写“督办意见”", "rectification-04-overdue-refused");
        browser.type("督办意见", "同意延期，请检查组跟踪督促，按期报告");
        refusedByJiandu(number, review, "延长后的整改期限", "rectification-04b-extension-without-date-refused");
        browser.type("延长后的整改期限", extended.format(TYPED));
        completeAndWaitUntilGone(review);

        // 登记整改情况报告: the north team records what the unit reported
        report = waitsFor(number, "recordRectificationReport", "team-north");
        open("north1", report, "rectification-05-report");
        assertThat(formText()).contains("卡口24小时值守排班落实到人", "进出人员逐一测温、登记");
        assertThat(shown("整改期限")).isEqualTo(extended.toString());
        assertThat(shown("整改责任人")).isEqualTo("王五");
        browser.type("整改情况报告", "已落实卡口24小时值守排班；进出人员测温登记，附照片三张");
        refusedInTheForm(number, report, "请填写“报告日期”", "rectification-06-report-refused");
        browser.type("报告日期", dayAfterDeadline.format(TYPED));
        completeAndWaitUntilGone(report);
        assertThat(state(number)).isEqualTo("CHECKING");

        // 核查整改情况: partly rectified, returned with a new deadline
        String check = waitsFor(number, "checkRectification", "team-north");
        LocalDate returnedDeadline = dayAfterDeadline.plusDays(10);
        open("north1", check, "rectification-07-check");
        assertThat(shown("整改情况报告")).isEqualTo("已落实卡口24小时值守排班；进出人员测温登记，附照片三张");
        refusedInTheForm(number, check, "请选择“核查结果”", "rectification-08-check-refused");
        browser.choose("部分整改到位");
        browser.type("新的整改期限", returnedDeadline.format(TYPED));
        refusedByJiandu(number, check, "核查意见", "rectification-09-check-reason-refused");
        browser.type("核查意见", "夜间值守仍有空档，测温登记不全");
        completeAndWaitUntilGone(check);
        assertThat(state(number)).isEqualTo("RECTIFYING");

        report = waitsFor(number, "recordRectificationReport", "team-north");
        open("north1", report, "rectification-10-report-again");
        assertThat(formText()).contains("部分整改到位");
        assertThat(shown("退回整改的理由")).isEqualTo("夜间值守仍有空档，测温登记不全");
        browser.type("报告日期", dayAfterDeadline.format(TYPED));
        browser.type("整改情况报告", "夜间增派两名值守人员，测温登记表逐日归档");
        completeAndWaitUntilGone(report);

        check = waitsFor(number, "checkRectification", "team-north");
        open("north1", check, "rectification-11-check-accepted");
        browser.choose("整改到位");
        browser.type("核查意见", "现场核实，整改到位");
        completeAndWaitUntilGone(check);
        assertThat(state(number)).isEqualTo("FOLLOW_UP_PENDING");

        // 回头看: a month after the check
        Job followUpDue = runtimeJob(number, "followUpDue");
        LocalDate followUpDay = dayAfterDeadline.plusDays(30);
        assertThat(isDue(followUpDue)).as("no follow-up before its day").isFalse();
        moveClockTo(followUpDay);
        assertThat(isDue(followUpDue)).as("the follow-up falls due after a month").isTrue();
        managementService.executeJob(followUpDue.getId());

        String followUp = waitsFor(number, "recordFollowUp", "team-north");
        open("north1", followUp, "rectification-12-follow-up");
        browser.type("回头看日期", followUpDay.format(TYPED));
        browser.choose("实地查看");
        browser.type("回头看情况", "卡口值守正常，测温登记完整");
        refusedInTheForm(number, followUp, "请选择“回头看结果”", "rectification-13-follow-up-refused");
        browser.choose("整改成果巩固");
        completeAndWaitUntilGone(followUp);
        assertThat(state(number)).isEqualTo("COMPLETED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();

        // What was entered, on the case page
        browser.logInToTasklist("north1");
        browser.open("/cases/" + caseNumber);
        WebElement section = browser.visible(By.id("rectification-" + number));
        String shown = section.getText();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", section);
        browser.screenshot("rectification-14-case-page");
        ChineseOnPage.assertNoEnglishIn(browser, "案件页的整改督办", section);
        assertThat(shown).contains(number, "整改完成",
                "卡口24小时值守排班落实到人", "进出人员逐一测温、登记",
                "举一反三，建立卡口值守制度，书面报告整改情况并附照片", "王五 居委会主任",
                returnedDeadline.toString(), "（原定 " + firstDeadline + "）",
                dayAfterDeadline + " 夜间增派两名值守人员，测温登记表逐日归档",
                "整改到位：现场核实，整改到位",
                followUpDay + " 实地查看，整改成果巩固：卡口值守正常，测温登记完整",
                "延长整改期限", "同意延期，请检查组跟踪督促，按期报告",
                "核查整改情况（部分整改到位）", "夜间值守仍有空档，测温登记不全", "回头看（整改成果巩固）");
        assertThat(http.get("north1", "/api/rectifications/" + number).expect(200, "the record").json()
                .get("events")).extracting(event -> event.get("kind").asText())
                .containsExactly("NOTICE_ISSUED", "EXTENDED", "REPORTED", "CHECKED", "REPORTED", "CHECKED",
                        "FOLLOWED_UP");
    }

    /**
     * The task waits for this group and no other (the other zone's team does not see it); returns its id.
     */
    private String waitsFor(String number, String step, String group) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(step)
                .singleResult();
        assertThat(task).as(number + " waits at " + step).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(group);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser("south1").count())
                .as("the south team does not see " + step).isZero();
        return task.getId();
    }

    /** Logs in as a person of the group, finds the task in the group's list, claims it; the form in Chinese. */
    private void open(String user, String taskId, String screenshot) {
        browser.logInToTasklist(user);
        browser.openListedTask(taskId);
        browser.claim();
        ChineseOnPage.assertTaskInChinese(browser, screenshot);
        browser.screenshot(screenshot);
    }

    /**
     * Completes the form with one required field left empty: form-js refuses it under the field, in Chinese
     * and naming it, no request is sent, the record is as it was and the task still open.
     */
    private void refusedInTheForm(String number, String taskId, String message, String screenshot) {
        String before = record(number);
        browser.complete();
        WebElement refused = browser.visible(By.xpath("//*[contains(@class,'fjs-form-field-error')]"));
        browser.waitUntil(d -> message.equals(refused.getText().trim()));
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form-field-error")))
                .extracting(error -> error.getText().trim()).containsExactly(message);
        ChineseOnPage.assertTaskInChinese(browser, screenshot);
        browser.screenshot(screenshot);
        assertThat(record(number)).as("nothing written").isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
    }

    /**
     * Completes a form that form-js lets through but Jiandu refuses (a rule across fields): Tasklist shows
     * Jiandu's Chinese message naming the field, and nothing is written.
     */
    private void refusedByJiandu(String number, String taskId, String field, String screenshot) {
        String before = record(number);
        browser.complete();
        WebElement refused = browser.visible(By.xpath("//*[contains(@class,'page-notifications')]"
                + "//*[contains(normalize-space(),'" + field + "')]"));
        browser.screenshot(screenshot);
        assertThat(refused.getText()).contains(field, "不能为空");
        ChineseOnPage.assertTaskInChinese(browser, screenshot);
        assertThat(record(number)).as("nothing written").isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
    }

    /** Completes the task after the changes: Complete must still be enabled, and the task goes. */
    private void completeAndWaitUntilGone(String taskId) {
        browser.complete();
        browser.waitUntil(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    }

    /** What a field shows: its value, which is no text of the page. */
    private String shown(String label) {
        return browser.field(label).getDomProperty("value");
    }

    private String formText() {
        return browser.visible(By.cssSelector(".task-details .fjs-form")).getText();
    }

    /** The rectification as its record holds it (GET /api/rectifications/{n}), to compare before and after. */
    private String record(String number) {
        return http.get("north1", "/api/rectifications/" + number).expect(200, "the record").body();
    }

    private String state(String number) {
        return jdbc.queryForObject("SELECT state FROM jd_rectification WHERE rectification_number = ?", String.class,
                number);
    }

    private Job timer(String taskId, String activity) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(activity)
                .singleResult();
    }

    private Job runtimeJob(String number, String activity) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("rectification").singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(activity).singleResult();
        assertThat(job).as(number + " has a timer at " + activity).isNotNull();
        return job;
    }

    /** Whether the engine would run the job now: due by the engine's clock. */
    private boolean isDue(Job job) {
        return managementService.createJobQuery().jobId(job.getId()).executable().count() == 1;
    }

    /** The engine's clock (and with it Jiandu's Clock bean) at nine in the morning of that day. */
    private static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(COMMISSION).toInstant()));
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(COMMISSION).toLocalDate();
    }
}
