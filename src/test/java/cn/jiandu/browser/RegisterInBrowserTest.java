package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The register in a real browser: an officer logged in to Tasklist opens /cases without a second login, finds
 * a case of their zone by its unit and by a person, opens it and reads how it was handled, the leaders' return
 * with its reason included. Screenshots: target/screenshots/register-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:register-browser;DB_CLOSE_DELAY=-1",
        "server.error.include-message=always"})
class RegisterInBrowserTest {

    private Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("register");

    @Test
    void anOfficerFindsAClosedCaseOfTheirZoneByUnitAndPersonAndReadsItsTimeline() throws IOException {
        CaseRoute route = new CaseRoute(new Http(port), taskService, managementService, runtimeService);
        String closed = route.report("幸福社区出入口无人值守、未测体温", "北湖街道幸福社区", "NORTH");
        String south = route.report("南湖农贸市场未查验健康码", "南湖农贸市场", "SOUTH");
        closeAtTriage(route, closed);

        startBrowser();
        browser.logInToTasklist("north1");
        browser.open("/cases");
        browser.visible(By.id("search"));
        assertThat(browser.driver().getCurrentUrl()).as("no second login").endsWith("/cases");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("案件台账");

        search("unit", "幸福社区");
        assertThat(listed()).contains(closed, "北湖街道幸福社区", "已办结", "研判后了结").doesNotContain(south);
        browser.screenshot("register-01-found-by-unit");

        browser.open("/cases");
        search("person", "李某");
        assertThat(listed()).contains(closed).doesNotContain(south);
        browser.screenshot("register-02-found-by-person");

        browser.press(browser.visible(By.linkText(closed)));
        browser.visible(By.id("timeline"));
        assertThat(browser.driver().findElement(By.id("stage")).getText()).isEqualTo("已办结");
        assertThat(browser.driver().findElement(By.id("outcome")).getText()).isEqualTo("研判后了结");
        String timeline = browser.driver().findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("分类研判处置", "审批处置意见", "王晓明（intake1）", "刘卫东（leader1）",
                "退回：反映内容已有结论，建议了结", "办结归档");
        browser.screenshot("register-03-closed-case");
        browser.script("document.getElementById('timeline').scrollIntoView()");
        browser.screenshot("register-04-closed-case-timeline");

        browser.open("/cases/" + south);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("未找到案件");
    }

    @Test
    void aTaskFormLinksToItsCasePage() throws IOException {
        CaseRoute route = new CaseRoute(new Http(port), taskService, managementService, runtimeService);
        String caseNumber = route.report("物流园返乡人员排查不到位", "东城街道物流园", "NORTH");
        String triage = route.task(caseNumber, "triageCase").getId();

        startBrowser();
        browser.logInToTasklist("intake1");
        browser.openTask(triage);
        WebElement link = browser.visible(By.cssSelector(".task-details .fjs-form a[href='/cases/" + caseNumber + "']"));
        assertThat(link.getText()).contains("在案件页查看本案全部情况");
        browser.screenshot("register-05-task-form-links-to-case");

        browser.press(link);
        browser.waitUntil(d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().endsWith("/cases/" + caseNumber));
        for (String window : browser.driver().getWindowHandles()) {
            browser.driver().switchTo().window(window);
        }
        browser.visible(By.id("case-number"));
        assertThat(browser.driver().findElement(By.id("case-number")).getText()).isEqualTo(caseNumber);
    }

    @Test
    void theWelcomePageLinksToJiandusOwnPagesWhichOpenWithTheSameLogin() throws IOException {
        startBrowser();
        browser.logInToTasklist("leader1");
        WebElement register = browser.openWebapp("/camunda/app/welcome/default/", By.linkText("案件台账"));
        assertThat(browser.driver().findElements(By.linkText("监督日报"))).hasSize(1);
        assertThat(browser.driver().findElements(By.linkText("通报曝光"))).hasSize(1);
        browser.screenshot("register-06-welcome-links");

        browser.press(register);
        browser.visible(By.id("search"));
        assertThat(browser.driver().getCurrentUrl()).as("no second login").endsWith("/cases");
    }

    @Test
    void tasklistsHeaderLinksToJiandusPagesWhichOpenWithTheSameLogin() throws IOException {
        startBrowser();
        browser.logInToTasklist("north1");
        WebElement register = browser.visible(HEADER_LINKS.apply("案件台账"));
        assertThat(browser.driver().findElements(HEADER_LINKS.apply("监督日报"))).hasSize(1);
        assertThat(browser.driver().findElements(HEADER_LINKS.apply("通报曝光"))).hasSize(1);
        assertThat(browser.driver().findElements(HEADER_LINKS.apply("流程部署与迁移"))).as("only in Cockpit").isEmpty();
        browser.screenshot("register-07-tasklist-header-links");

        // Tasklist redraws its views as a person moves around; the links stay, once.
        browser.open("/camunda/app/tasklist/default/#/?searchQuery=%5B%5D");
        browser.visible(By.cssSelector(".task-filters"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("[cam-widget-header] ul.jiandu-links")).size() == 1);
        register = browser.visible(HEADER_LINKS.apply("案件台账"));

        browser.press(register);
        browser.visible(By.id("search"));
        assertThat(browser.driver().getCurrentUrl()).as("no second login").endsWith("/cases");
    }

    @Test
    void cockpitsHeaderLinksToJiandusPagesAndForAdministratorsToDeployments() throws IOException {
        startBrowser();
        browser.logInToTasklist("admin");
        browser.open("/camunda/app/cockpit/default/");
        // The administrators' link comes once Cockpit has asked the engine for the user's groups.
        WebElement migrations = browser.visible(HEADER_LINKS.apply("流程部署与迁移"));
        assertThat(migrations.getAttribute("href")).endsWith("/admin/migrations");
        assertThat(browser.driver().findElements(HEADER_LINKS.apply("监督日报"))).hasSize(1);
        assertThat(browser.driver().findElements(HEADER_LINKS.apply("通报曝光"))).hasSize(1);
        browser.screenshot("register-08-cockpit-header-links");

        browser.press(browser.visible(HEADER_LINKS.apply("案件台账")));
        browser.visible(By.id("search"));
        assertThat(browser.driver().getCurrentUrl()).as("no second login").endsWith("/cases");
    }

    /** A link of Jiandu's in the webapps' header, by its Chinese text. */
    private static final java.util.function.Function<String, By> HEADER_LINKS = text ->
            By.xpath("//*[@cam-widget-header]//ul[contains(@class, 'jiandu-links')]//a[normalize-space() = '" + text + "']");

    private void startBrowser() throws IOException {
        browser = chromium.at(port);
        browser.desktop();
    }

    private void search(String field, String text) {
        WebElement input = browser.visible(By.name(field));
        input.clear();
        input.sendKeys(text);
        browser.press(browser.driver().findElement(By.id("find")));
        browser.waitUntil(d -> d.getCurrentUrl().contains(field + "="));
    }

    private String listed() {
        return browser.visible(By.id("cases")).getText();
    }

    /** Intake proposes to close it, leaders send it back once with a reason, then approve; closeCase runs. */
    private void closeAtTriage(CaseRoute route, String caseNumber) {
        Map<String, Object> triage = Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED", "severity", "MINOR",
                "zone", "NORTH", "disposal", "CLOSE", "triageComment", "经了解已整改到位，拟予了结");
        route.complete(caseNumber, "triageCase", "intake1", triage);
        route.complete(caseNumber, "approveDisposal", "leader1", Map.of("disposalApproved", false,
                "approvalComment", "反映内容已有结论，建议了结"));
        route.complete(caseNumber, "triageCase", "intake1", triage);
        route.complete(caseNumber, "approveDisposal", "leader1", Map.of("disposalApproved", true));
        String processInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        for (Job job : managementService.createJobQuery().processInstanceId(processInstance).list()) {
            managementService.executeJob(job.getId());
        }
    }
}
