package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
 * A leader's day (issue #17): the approval mail's link opens the very task after logging in, on a phone
 * too, where the leader reads the case and approves or returns it on one page; in Tasklist the approval
 * is an explicit choice that sends a Boolean, nothing chosen beforehand. Screenshots: target/screenshots/leader-*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:leaders-day-browser;DB_CLOSE_DELAY=-1"})
class LeadersDayInBrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/(approvals|tasks)/[A-Za-z0-9-]+)");

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
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    private CaseRoute route;

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("leader");

    @BeforeEach
    void browserAtThisApplication() throws IOException {
        browser = chromium.at(port);
        browser.desktop();
        route = new CaseRoute(new Http(port), taskService, managementService, runtimeService);
    }

    @Test
    void onAPhoneTheLeaderOpensTheMailsLinkLogsInReadsTheCaseAndCannotReturnItWithoutAReasonThenApproves() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.triage(caseNumber, "NORTH");
        route.toAccountabilityApproval(caseNumber, "north1");
        String taskId = route.task(caseNumber, "approveAccountability").getId();
        List<String> links = links(caseNumber, "领导审批问责");
        assertThat(links).as("the mail links to the approval page and to the task").contains(
                "/approvals/" + taskId, "/tasks/" + taskId);

        browser.forgetLogins();
        browser.phone();
        browser.open("/approvals/" + taskId);
        logInOnJianduPage("leader1");
        WebElement persons = browser.visible(By.id("persons"));
        assertThat(persons.getText()).contains("李某", "北湖街道幸福社区党支部", "直接责任", "诫勉", "张某",
                "重要领导责任", "批评教育", "未对党组织问责");
        assertThat(browser.visible(By.id("facts")).getText()).contains("失职失责，造成不良影响",
                "属实可能性大，转片区监督检查组初步核实");
        assertThat(widthOfPage()).as("one column, no sideways scrolling at 390 px").isLessThanOrEqualTo(390L);
        browser.screenshot("leader-01-phone-approval-page");

        browser.press(browser.visible(By.id("return")));
        browser.press(browser.visible(By.id("submit")));
        browser.waitUntil(d -> d.findElement(By.id("message")).getText().contains("审批意见"));
        assertThat(browser.visible(By.id("message")).getText()).contains("须填写审批意见（approvalComment）");
        browser.screenshot("leader-02-phone-return-without-reason");
        assertThat(route.isWaitingAt(caseNumber, "approveAccountability")).as("nothing happened").isTrue();

        browser.press(browser.visible(By.id("approve")));
        browser.press(browser.visible(By.id("submit")));
        browser.visible(By.id("to-case"));
        browser.screenshot("leader-03-phone-approved");
        assertThat(route.isWaitingAt(caseNumber, "serveDecision")).as("the case moves on to service").isTrue();
        assertThat(booleanVariable(caseNumber, "accountabilityApproved")).isTrue();
        assertThat(jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber))
                .isEqualTo("SERVICE");
    }

    @Test
    void theMailsTaskLinkOpensTheVeryTaskInTasklistAfterLoggingIn() {
        String caseNumber = route.report("惠民超市未落实扫码测温", "北湖街道惠民超市", "NORTH");
        String taskId = triagedToApproval(caseNumber);
        assertThat(links(caseNumber, "审批处置意见")).contains("/tasks/" + taskId);

        browser.forgetLogins();
        browser.open("/tasks/" + taskId);
        logInOnJianduPage("leader1");
        browser.visible(By.cssSelector(".task-details .fjs-form"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("task=" + taskId));
        assertThat(browser.visible(By.cssSelector(".task-details")).getText()).contains("审批处置意见");
        browser.screenshot("leader-04-tasklist-task-after-login");
    }

    @Test
    void inTasklistTheLeaderMustChooseNothingIsChosenAndTheChoiceIsABoolean() {
        String caseNumber = route.report("惠民超市未落实扫码测温", "北湖街道惠民超市", "NORTH");
        String taskId = triagedToApproval(caseNumber);

        browser.logInToTasklist("leader1");
        browser.openTask(taskId);
        browser.claim();
        List<WebElement> choices = browser.driver().findElements(
                By.xpath("//*[contains(@class,'fjs-form')]//input[@type='radio' and not(@disabled)]"));
        assertThat(choices).hasSize(2).noneMatch(WebElement::isSelected);
        browser.complete();
        browser.visible(By.xpath("//*[contains(@class,'fjs-form-field-error')]"));
        assertThat(route.isWaitingAt(caseNumber, "approveDisposal")).as("no choice, no completion").isTrue();

        browser.choose("退回案件监督管理室重新研判");
        browser.type("审批意见", "请补充群众反映的具体时间");
        browser.screenshot("leader-05-tasklist-return");
        browser.complete();
        browser.waitUntil(d -> !route.isWaitingAt(caseNumber, "approveDisposal"));

        assertThat(route.isWaitingAt(caseNumber, "triageCase")).isTrue();
        assertThat(booleanVariable(caseNumber, "disposalApproved")).as("Tasklist sent a Boolean").isFalse();
    }

    /** Triage done, waiting for the leaders' approval of the disposal; the approval task's id. */
    private String triagedToApproval(String caseNumber) {
        route.complete(caseNumber, "triageCase", "intake1", java.util.Map.of("problemType",
                "RESPONSIBILITY_NOT_IMPLEMENTED", "severity", "SERIOUS", "zone", "NORTH", "disposal",
                "PRELIMINARY_VERIFICATION", "triageComment", "属实可能性大，转片区监督检查组初步核实"));
        return route.task(caseNumber, "approveDisposal").getId();
    }

    /** Jiandu's login, which a link without a login leads to, and which comes back to the link. */
    private void logInOnJianduPage(String user) {
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login?next="));
        browser.type(browser.visible(By.id("username")), user);
        browser.type(browser.visible(By.id("password")), "demo");
        browser.press(browser.visible(By.id("sign-in")));
    }

    /** The paths of the links in the approval mail of this step of the case (its text version). */
    private List<String> links(String caseNumber, String taskName) {
        String text = jdbc.queryForObject("SELECT text_body FROM jd_mail_outbox WHERE kind = 'APPROVAL_REQUEST'"
                + " AND case_number = ? AND subject LIKE ? ORDER BY id DESC LIMIT 1", String.class, caseNumber,
                "%" + taskName + "%");
        Matcher links = LINK.matcher(text);
        List<String> paths = new java.util.ArrayList<>();
        while (links.find()) {
            paths.add(links.group(1));
        }
        return paths;
    }

    private long widthOfPage() {
        return ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
    }

    /** The decision as the engine keeps it: a Boolean, not a text. */
    private Boolean booleanVariable(String caseNumber, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber).singleResult().getId())
                .variableName(name).singleResult();
        assertThat(variable.getTypeName()).isEqualTo("boolean");
        return (Boolean) variable.getValue();
    }
}
