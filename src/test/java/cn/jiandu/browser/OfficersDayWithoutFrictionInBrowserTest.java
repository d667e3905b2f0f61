package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #17, the officer's day in Tasklist without friction: the registering officer sees the case
 * number at once, Tasklist opens on the group's list with a count on every filter, cards show
 * dates and Chinese labels, every completion is confirmed, and the pages the officers and the
 * administrator use show no English — checked in the rendered page, as a person sees it.
 * Screenshots: target/screenshots/friction-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:officers-day-friction;DB_CLOSE_DELAY=-1",
        "server.error.include-message=always", "server.error.include-stacktrace=always"})
class OfficersDayWithoutFrictionInBrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** The browser's zone (Browser starts chromedriver with TZ=Asia/Shanghai). */
    private static final ZoneId BROWSER_ZONE = ZoneId.of("Asia/Shanghai");

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
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;

    private CaseRoute route;
    private Http http;

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("friction");

    @BeforeEach
    void browserAtThisApplication() throws IOException {
        browser = chromium.at(port);
        browser.desktop();
        http = new Http(port);
        route = new CaseRoute(http, taskService, managementService, runtimeService);
    }

    @Test
    void theOfficerWhoRegistersACaseInTasklistSeesItsCaseNumberAtOnce() {
        browser.logInToTasklist("intake1");
        browser.press(browser.visible(By.xpath("//a[normalize-space()='发起流程']")));
        browser.press(browser.visible(By.xpath("//*[contains(@class,'modal')]//a[normalize-space()='疫情防控监督问题办理']")));
        browser.visible(By.cssSelector(".modal .fjs-form"));
        browser.type("问题标题", "幸福社区出入口无人值守、未测体温");
        browser.select("来源", "群众举报");
        browser.type("涉及单位/社区", "北湖街道幸福社区");
        browser.type("问题描述", "群众反映：幸福社区北门连续三日无人值守，进出人员未测体温、未登记。");
        browser.screenshot("friction-01-start-form");
        browser.press(browser.visible(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space()='开始']")));

        WebElement notice = browser.visible(By.id("jiandu-notice"));
        String caseNumber = jdbc.queryForObject("SELECT case_number FROM jd_case WHERE title = ?", String.class,
                "幸福社区出入口无人值守、未测体温");
        assertThat(notice.getText()).startsWith("已登记，案件编号 " + caseNumber).contains("查看案件");
        assertThat(notice.findElement(By.linkText("查看案件")).getDomAttribute("href")).isEqualTo("/cases/" + caseNumber);
        browser.screenshot("friction-02-case-number-after-start");
    }

    @Test
    void tasklistOpensOnTheGroupsListWithCountsAndCardsAPersonReads() {
        String caseNumber = route.report("惠民超市未落实扫码测温", "北湖街道惠民超市", "NORTH");
        Task triage = route.task(caseNumber, "triageCase");
        long groupTasks = taskService.createTaskQuery().taskCandidateGroup("case-management").includeAssignedTasks().count();

        browser.logInToTasklist("intake1");
        WebElement opened = browser.visible(By.cssSelector(".task-filters .task-filter.active h4"));
        assertThat(opened.getText()).startsWith("本组待办");
        browser.waitForListedTask(triage.getId());
        browser.waitUntil(d -> countOf("本组待办").equals("（" + groupTasks + "）"));
        assertThat(countOf("已逾期")).isEqualTo("（0）");
        assertThat(countOf("我的任务")).isEqualTo("（0）");

        WebElement card = browser.driver().findElement(By.xpath(
                "//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//a[contains(@href,'task=" + triage.getId() + "')]]"));
        String due = DAY.format(triage.getDueDate().toInstant().atZone(BROWSER_ZONE));
        assertThat(card.findElement(By.cssSelector(".due-date")).getText()).isEqualTo("到期 " + due);
        assertThat(card.findElements(By.cssSelector(".priority"))).allMatch(priority -> !priority.isDisplayed());
        WebElement unit = card.findElement(By.xpath(".//*[contains(@class,'variable-value')][normalize-space()='北湖街道惠民超市']"));
        assertThat(unit.isDisplayed()).as("the unit shows on the card without expanding it").isTrue();
        assertThat(card.findElements(By.cssSelector(".variable-label"))).extracting(label -> label.getDomAttribute("uib-tooltip"))
                .containsExactly("案件编号", "问题标题", "涉及单位");
        assertThat(card.findElements(By.cssSelector(".variable-label"))).extracting(WebElement::getText)
                .containsExactly("案件编号：", "问题标题：", "涉及单位：");
        browser.screenshot("friction-03-group-list-with-counts");
    }

    @Test
    void everyCompletionIsConfirmedWithTheStepAndTheCaseNumber() {
        String caseNumber = route.report("阳光小区封控管理不严", "南湖街道阳光小区", "SOUTH");
        String triage = route.task(caseNumber, "triageCase").getId();

        browser.logInToTasklist("intake1");
        browser.openListedTask(triage);
        browser.claim();
        browser.select("问题类型", "防控不力");
        browser.choose("情节较轻");
        browser.choose("南片区（第二监督检查组）");
        browser.choose("初步核实");
        browser.type("分办意见", "转第二监督检查组初步核实");
        browser.complete();

        browser.waitUntil(d -> d.findElement(By.id("jiandu-notice")).getText().startsWith("已办理："));
        assertThat(browser.driver().findElement(By.cssSelector("#jiandu-notice .jiandu-notice-text")).getText())
                .isEqualTo("已办理：分类研判处置（" + caseNumber + "）");
        assertThat(route.isWaitingAt(caseNumber, "approveDisposal")).isTrue();
        browser.screenshot("friction-04-completion-confirmed");
    }

    @Test
    void thePagesTheOfficersUseShowNoEnglish() {
        String caseNumber = route.report("农贸市场测温点形同虚设", "北湖街道农贸市场", "NORTH");
        String triage = route.task(caseNumber, "triageCase").getId();

        browser.logInToTasklist("intake1");
        browser.waitForListedTask(triage);
        assertNoEnglish("Tasklist 任务列表", false);
        browser.openListedTask(triage);
        browser.claim();
        openDropdownOf("问题类型");
        assertNoEnglish("Tasklist 表单", false);
        browser.screenshot("friction-05-form-in-chinese");
        browser.press(browser.visible(By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]"
                + "//a[normalize-space()='流程图']")));
        browser.visible(By.cssSelector(".task-details .djs-container"));
        browser.visible(By.xpath("//button[@title='放大']"));
        assertNoEnglish("Tasklist 流程图", false);
        browser.press(browser.visible(By.xpath("//a[normalize-space()='发起流程']")));
        browser.visible(By.xpath("//*[contains(@class,'modal')]//a[normalize-space()='疫情防控监督问题办理']"));
        assertNoEnglish("Tasklist 发起流程", false);

        browser.openWebapp("/camunda/app/welcome/default/", By.cssSelector(".user-profile"));
        assertNoEnglish("Welcome（办案人员）", false);
    }

    @Test
    void theAdministratorsWelcomeAndCockpitShowNoEnglish() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.triage(caseNumber, "NORTH");
        String instance = route.task(caseNumber, "verifyCase").getProcessInstanceId();
        String decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("accountabilityMeasure")
                .latestVersion().singleResult().getId();

        browser.logInToTasklist("admin");
        WebElement profile = browser.openWebapp("/camunda/app/welcome/default/", By.cssSelector(".user-profile"));
        browser.waitUntil(d -> profile.getText().contains("系统管理员"));
        assertThat(profile.getText()).doesNotContainIgnoringCase("camunda BPM Administrators");
        assertNoEnglish("Welcome（系统管理员）", false);
        browser.screenshot("friction-06-welcome-admin");

        browser.openWebapp("/camunda/app/cockpit/default/", By.cssSelector(".stats-section.deployments"));
        assertNoEnglish("Cockpit 仪表盘", true);
        browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
        browser.visible(By.xpath("//table[contains(@class,'cam-table')]//*[normalize-space()='caseNumber']"));
        browser.visible(By.xpath("//button[@title='放大']"));
        assertNoEnglish("Cockpit 流程实例与变量", true);
        browser.screenshot("friction-07-cockpit-variables");
        browser.open("/camunda/app/cockpit/default/#/decision-definition/" + decision);
        browser.visible(By.cssSelector(".tjs-container"));
        browser.waitUntil(d -> d.findElement(By.cssSelector(".tjs-container")).getText().contains("命中策略"));
        assertNoEnglish("Cockpit 决策表", true);
        browser.screenshot("friction-08-cockpit-decision-table");
    }

    @Test
    void everyProblemTitleIsChinese() {
        List<Answer> problems = List.of(
                http.get(null, "/api/cases"),
                http.get("nobody-at-all", "/api/cases"),
                http.get("north1", "/api/admin/migrations"),
                http.get("intake1", "/api/cases/JD-2026-99999"),
                http.get("intake1", "/api/no-such-address"),
                http.get("intake1", "/api/cases?page=-1"),
                http.send("intake1", "DELETE", "/api/cases", null));
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.contentType()).as(problem.body()).startsWith("application/problem+json");
            String title = problem.json().path("title").asText();
            assertThat(title).as(problem.body()).isNotBlank().matches("[^A-Za-z]+");
        });
    }

    /**
     * Opens a webapp and waits for what the page shows once started. Like Tasklist's login page
     * (Browser.tasklistLoginForm), a webapp has been seen staying the bare template in a loaded CI run:
     * after a minute without the element, load it again, as a person would, at most three times.
     */
    private String countOf(String filter) {
        List<WebElement> counts = browser.driver().findElements(By.xpath("//*[contains(@class,'task-filters')]"
                + "//h4[starts-with(normalize-space(),'" + filter + "')]//*[contains(@class,'jiandu-count')]"));
        return counts.isEmpty() ? "" : counts.get(0).getText();
    }

    private void openDropdownOf(String label) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].focus(); arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));",
                browser.field(label));
        browser.visible(By.cssSelector(".fjs-dropdownlist-item"));
    }

    private void assertNoEnglish(String page, boolean showsModelData) {
        ChineseOnPage.assertNoEnglish(browser, page, showsModelData);
    }
}
