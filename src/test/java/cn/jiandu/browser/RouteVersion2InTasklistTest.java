package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each kind of form of route version 2 as its officers meet it in Tasklist: the task opened, a field
 * changed, Complete still enabled, the task gone and the record changed. The persons of a case are a
 * dynamic list where a step enters them or decides on each, a table where it only shows them.
 * Screenshots: target/screenshots/v2-*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:route-v2-tasklist;DB_CLOSE_DELAY=-1",
        "server.error.include-message=always", "server.error.include-stacktrace=always"})
class RouteVersion2InTasklistTest {

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

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("v2");

    @BeforeEach
    void browserAtThisApplication() throws IOException {
        browser = chromium.at(port);
        browser.desktop();
        route = new CaseRoute(new Http(port), taskService, managementService, runtimeService);
    }

    @Test
    void theTeamEntersTwoPersonsInTheListOfItsVerification() {
        String caseNumber = route.report("惠民超市未落实扫码测温", "北湖街道惠民超市", "NORTH");
        route.triage(caseNumber, "NORTH");

        open("north1", caseNumber, "verifyCase");
        browser.type("核查情况", "经核查，超市入口连续两日未落实扫码测温。");
        browser.choose("问责（提出问责处理意见）");
        browser.addRow();
        person(0, "王某", "北湖街道惠民超市", "店长", "直接责任");
        person(1, "赵某", "北湖街道办事处", "副主任", "重要领导责任");
        browser.screenshot("v2-01-north1-verify-two-persons");
        completeAndWaitUntilGone(caseNumber, "verifyCase");

        assertThat(route.isWaitingAt(caseNumber, "decideAccountability")).isTrue();
        assertThat(jdbc.queryForList("SELECT name || '/' || unit || '/' || responsibility FROM jd_case_person"
                + " WHERE case_number = ? ORDER BY position", String.class, caseNumber))
                .containsExactly("王某/北湖街道惠民超市/DIRECT", "赵某/北湖街道办事处/IMPORTANT_LEADERSHIP");
    }

    @Test
    void theCaseOfficeChoosesAMeasureForEachPerson() {
        String caseNumber = atDecision();

        open("review1", caseNumber, "decideAccountability");
        String form = formText();
        assertThat(form).contains("李某", "北湖街道幸福社区党支部", "直接责任", "张某", "重要领导责任", "建议问责方式");
        List<WebElement> measures = browser.fields("问责方式");
        assertThat(measures).hasSize(2);
        browser.select(measures.get(0), "诫勉（第一种形态）");
        browser.select(measures.get(1), "批评教育（第一种形态）");
        browser.type("处理意见及理由", "失职失责，造成不良影响");
        browser.screenshot("v2-02-review1-decide-measures");
        completeAndWaitUntilGone(caseNumber, "decideAccountability");

        assertThat(route.isWaitingAt(caseNumber, "hearDefence")).isTrue();
        assertThat(jdbc.queryForList("SELECT measure FROM jd_case_person WHERE case_number = ? ORDER BY position",
                String.class, caseNumber)).containsExactly("ADMONISHMENT", "CRITICISM_EDUCATION");
    }

    @Test
    void theCaseOfficeRecordsTheDefenceBesideATableOfThePersons() {
        String caseNumber = atDecision();
        route.decide(caseNumber);

        open("review1", caseNumber, "hearDefence");
        assertThat(personsTable()).contains("李某", "诫勉（第一种形态）", "张某", "批评教育（第一种形态）");
        browser.type("陈述申辩情况", "李某、张某对事实无异议，未提出申辩");
        browser.screenshot("v2-03-review1-hear-defence");
        completeAndWaitUntilGone(caseNumber, "hearDefence");

        assertThat(route.isWaitingAt(caseNumber, "approveAccountability")).isTrue();
        assertThat(caseColumn("defence_record", caseNumber)).isEqualTo("李某、张某对事实无异议，未提出申辩");
    }

    @Test
    void aLeaderApprovesTheDecisionBesideATableOfThePersons() {
        String caseNumber = atApproval();

        open("leader1", caseNumber, "approveAccountability");
        assertThat(personsTable()).contains("李某", "北湖街道幸福社区党支部", "书记", "直接责任", "诫勉（第一种形态）",
                "张某", "重要领导责任", "批评教育（第一种形态）", "建议问责方式");
        assertThat(formText()).contains("对党组织的问责方式：未对党组织问责");
        browser.choose("同意");
        browser.type("审批意见", "同意");
        browser.screenshot("v2-04-leader1-approve");
        completeAndWaitUntilGone(caseNumber, "approveAccountability");

        assertThat(route.isWaitingAt(caseNumber, "serveDecision")).isTrue();
    }

    @Test
    void theTeamRecordsTheDayItServedTheDecision() {
        String caseNumber = atApproval();
        route.complete(caseNumber, "approveAccountability", "leader1", Map.of("accountabilityApproved", true));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        open("north1", caseNumber, "serveDecision");
        assertThat(personsTable()).contains("李某", "诫勉（第一种形态）", "张某");
        // form-js shows the date as M/d/yyyy whatever the language; typed so, it stays as typed.
        browser.type("送达日期", today.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        browser.screenshot("v2-05-north1-serve");
        completeAndWaitUntilGone(caseNumber, "serveDecision");

        assertThat(caseColumn("served_on", caseNumber)).isEqualTo(today.toString());
    }

    private String atDecision() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.triage(caseNumber, "NORTH");
        route.toDecision(caseNumber, "north1");
        return caseNumber;
    }

    private String atApproval() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.triage(caseNumber, "NORTH");
        route.toAccountabilityApproval(caseNumber, "north1");
        return caseNumber;
    }

    private void open(String user, String caseNumber, String step) {
        browser.logInToTasklist(user);
        browser.openTask(route.task(caseNumber, step).getId());
        browser.claim();
    }

    private void person(int row, String name, String unit, String post, String responsibility) {
        browser.type(browser.fields("姓名").get(row), name);
        browser.type(browser.fields("工作单位").get(row), unit);
        browser.type(browser.fields("职务").get(row), post);
        browser.select(browser.fields("责任类型").get(row), responsibility);
    }

    /** Completes the task after the changes: Complete must still be enabled, and the task goes. */
    private void completeAndWaitUntilGone(String caseNumber, String step) {
        browser.complete();
        browser.waitUntil(d -> !route.isWaitingAt(caseNumber, step));
    }

    private String formText() {
        return browser.visible(By.cssSelector(".task-details .fjs-form")).getText();
    }

    private String personsTable() {
        return browser.visible(By.cssSelector(".task-details .fjs-form table")).getText();
    }

    private String caseColumn(String column, String caseNumber) {
        return jdbc.queryForObject("SELECT CAST(" + column + " AS VARCHAR) FROM jd_case WHERE case_number = ?",
                String.class, caseNumber);
    }
}
