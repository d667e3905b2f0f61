package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Chromium;
import cn.jiandu.support.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * An officer's day in a real browser: intake triages in Tasklist, the north team sees only its own
 * zone, a leader approves an accountability decision person by person and a bulletin naming a typical
 * case, and anyone reads the bulletin on /notices — with whatever a person typed shown as text, never
 * run as script. Screenshots of each step: target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:officers-day-browser;DB_CLOSE_DELAY=-1",
        "jiandu.mail.notice-distribution=media@jiandu.local",
        // A failed page then shows why in its screenshot and saved HTML.
        "server.error.include-message=always", "server.error.include-stacktrace=always"})
class OfficersDayInBrowserTest {

    static final String SCRIPT_TITLE = "<script>window.__xss=1</script>测试";
    static final String NOTICE_TITLE = "关于北湖街道幸福社区党支部书记李某落实疫情防控责任不力问题的通报";
    static final String NOTICE_BODY = """
            2020年2月3日至5日，北湖街道幸福社区党支部书记、居委会主任李某落实疫情防控属地责任不力，\
            社区出入口连续三日无人值守，未落实进出人员测温、登记措施，造成不良影响。
            李某对上述问题负有直接责任，北湖街道党工委副书记张某负有重要领导责任。
            经区纪委监委研究，对李某予以诫勉，对张某进行批评教育。""";

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
    static final BrowserPerClass chromium = new BrowserPerClass("");

    @BeforeEach
    void browserAtThisApplication() throws IOException {
        browser = chromium.at(port);
        browser.desktop();
        route = new CaseRoute(new Http(port), taskService, managementService, runtimeService);
    }

    @Test
    void theLoginPageShowsTheCommissionsNameNotTheCamundaWordmark() {
        browser.forgetLogins();
        browser.open("/camunda/app/tasklist/default/");
        WebElement header = waitForLoginHeader();
        // The name is drawn by user-styles.css where the wordmark (an SVG) was, so it is read from the style.
        assertThat(browser.script("return getComputedStyle(document.querySelector('.login-logo'), '::before').content"))
                .isEqualTo("\"区纪委监委监督平台\"");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.login-logo svg')).display"))
                .isEqualTo("none");
        assertThat(header.getText()).contains("任务列表").doesNotContainIgnoringCase("camunda");
        browser.waitUntil(d -> d.getTitle().contains("区纪委监委监督平台"));
        browser.screenshot("00-login-page");
    }

    private WebElement waitForLoginHeader() {
        browser.waitUntil(d -> !d.findElements(By.cssSelector("input[type='password']")).isEmpty(),
                Duration.ofSeconds(120));
        return browser.visible(By.cssSelector(".form-signin .login-header"));
    }

    @Test
    void intakeTriagesAReportedProblemInItsChineseForm() {
        String caseNumber = route.report("幸福社区出入口无人值守、未测体温", "北湖街道幸福社区", null);

        String triage = route.task(caseNumber, "triageCase").getId();

        browser.logInToTasklist("intake1");
        browser.openFilter("本组待办");
        browser.waitForListedTask(triage);
        browser.screenshot("01-intake1-tasklist");

        browser.openListedTask(triage);
        String form = browser.visible(By.cssSelector(".task-details .fjs-form")).getText();
        assertThat(form).contains("案件信息", "分办处置", "问题类型", "情节", "片区", "处置方式", "初步核实", "谈话函询");
        assertThat(browser.field("案件编号").getDomProperty("value")).isEqualTo(caseNumber);
        browser.screenshot("02-intake1-triage-form");

        browser.claim();
        browser.select("问题类型", "属地责任落实不到位");
        browser.choose("情节较重");
        browser.choose("北片区（第一监督检查组）");
        browser.choose("初步核实");
        browser.type("分办意见", "反映问题具体，转第一监督检查组初步核实");
        browser.screenshot("03-intake1-triage-filled");
        browser.complete();

        // Route version 2: the disposal waits for a leader's approval before the team gets the case.
        browser.waitUntil(d -> route.isWaitingAt(caseNumber, "approveDisposal"));
        browser.screenshot("04-intake1-triage-completed");
        String processInstanceId = route.task(caseNumber, "approveDisposal").getProcessInstanceId();
        assertThat(runtimeService.getVariables(processInstanceId))
                .containsEntry("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED")
                .containsEntry("severity", "SERIOUS")
                .containsEntry("zone", "NORTH")
                .containsEntry("disposal", "PRELIMINARY_VERIFICATION")
                .containsEntry("triageComment", "反映问题具体，转第一监督检查组初步核实");
    }

    @Test
    void oneTasklistLoginOpensTheDailyReportWithoutASecondPassword() {
        browser.forgetLogins();
        browser.open("/reports/daily");
        browser.visible(By.cssSelector("input[type='password']"));
        assertThat(browser.driver().getCurrentUrl()).as("sent to the Tasklist login").contains("/camunda/app/tasklist/");

        browser.logInToTasklist("office1");
        browser.open("/reports/daily");

        // A Basic challenge would leave headless Chromium on the 401 problem+json, not on the report.
        browser.waitUntil(d -> d.getTitle().startsWith("疫情防控监督工作日报"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/reports/daily");
        browser.screenshot("one-sign-in-daily-report");
    }

    @Test
    void theNorthTeamSeesItsVerificationTaskButNotTheSouthZones() {
        String north = route.report("惠民超市未落实扫码测温", "北湖街道惠民超市", "NORTH");
        route.triage(north, "NORTH");
        String south = route.report("阳光小区封控管理不严", "南湖街道阳光小区", "SOUTH");
        route.triage(south, "SOUTH");

        String northTask = route.task(north, "verifyCase").getId();
        String southTask = route.task(south, "verifyCase").getId();

        browser.logInToTasklist("north1");
        browser.openFilter("本组待办");
        browser.waitForListedTask(northTask);
        assertThat(browser.listedTasks()).doesNotContain(southTask);
        browser.screenshot("05-north1-tasklist");

        browser.openListedTask(northTask);
        assertThat(browser.visible(By.cssSelector(".task-details .fjs-form")).getText()).contains("核查");
        browser.screenshot("06-north1-verify-form");
    }

    @Test
    void aLeaderApprovesTheAccountabilityDecisionPersonByPersonAndTheTypicalCaseWaitsForItsBulletin() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.triage(caseNumber, "NORTH");
        route.toAccountabilityApproval(caseNumber, "north1");

        browser.logInToTasklist("leader1");
        browser.openTask(route.task(caseNumber, "approveAccountability").getId());
        assertThat(browser.visible(By.cssSelector(".task-details .fjs-form")).getText())
                .contains("问责处理意见", "涉及人员及拟问责方式", "委领导审批");
        assertThat(browser.visible(By.cssSelector(".task-details .fjs-form table")).getText())
                .contains("李某", "直接责任", "诫勉（第一种形态）", "张某", "重要领导责任", "批评教育（第一种形态）");
        assertThat(browser.field("处理意见及理由").getDomProperty("value")).isEqualTo("失职失责，造成不良影响");
        assertThat(browser.field("陈述申辩情况").getDomProperty("value")).isEqualTo("李某、张某对事实无异议，未提出申辩");
        browser.claim();
        browser.choose("同意");
        browser.type("审批意见", "同意逐人问责意见");
        browser.screenshot("07-leader1-approve-accountability");
        browser.complete();
        browser.waitUntil(d -> !route.isWaitingAt(caseNumber, "approveAccountability"));
        browser.screenshot("08-leader1-approved");
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        assertThat(taskService.getProcessInstanceComments(processInstanceId)).extracting(c -> c.getFullMessage())
                .contains("同意：同意逐人问责意见");

        route.serve(caseNumber, "north1");
        assertThat(jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber))
                .as("a typical case waits until a bulletin names it").isEqualTo("NOTICE");
        assertThat(jdbc.queryForList("SELECT measure FROM jd_case_person WHERE case_number = ? ORDER BY position",
                String.class, caseNumber)).containsExactly("ADMONISHMENT", "CRITICISM_EDUCATION");
    }

    @Test
    void aLeaderApprovesTheBulletinAndAnyoneFindsItOnTheNoticePage() {
        String caseNumber = route.report("幸福社区卡口形同虚设", "北湖街道幸福社区", "NORTH");
        route.toBulletin(caseNumber, "NORTH", "north1");
        String bulletin = route.draftBulletin(NOTICE_TITLE, NOTICE_BODY, caseNumber);

        browser.logInToTasklist("leader1");
        browser.openTask(route.bulletinTask(bulletin, "approveNotice").getId());
        assertThat(browser.field("通报标题").getDomProperty("value")).isEqualTo(NOTICE_TITLE);
        assertThat(browser.field("通报的案件编号").getDomProperty("value")).contains(caseNumber);
        assertThat(browser.visible(By.cssSelector(".task-details .fjs-form table")).getText())
                .as("every person the bulletin names, with responsibility and measure")
                .contains(caseNumber, "李某", "直接责任", "诫勉", "张某", "重要领导责任", "批评教育");
        browser.claim();
        browser.choose("同意发布");
        browser.type("审批意见", "同意发布");
        browser.screenshot("09-leader1-approve-bulletin");
        browser.complete();
        browser.waitUntil(d -> route.bulletinTask(bulletin, "approveNotice") == null);
        browser.screenshot("10-leader1-approved-bulletin");
        route.publish(bulletin, caseNumber);
        assertThat(jdbc.queryForObject("SELECT approved_by FROM jd_bulletin WHERE process_instance_id = ?",
                String.class, bulletin)).isEqualTo("leader1");
        assertThat(jdbc.queryForObject("SELECT outcome FROM jd_case WHERE case_number = ?", String.class, caseNumber))
                .as("named in the bulletin, the case is closed").isEqualTo("ACCOUNTABILITY");

        browser.forgetLogins();
        browser.open("/notices");
        WebElement link = browser.visible(By.linkText(NOTICE_TITLE));
        assertThat(browser.driver().getTitle()).contains("通报曝光");
        browser.screenshot("11-public-notices");
        link.click();
        assertThat(browser.visible(By.cssSelector(".notice-full h1")).getText()).isEqualTo(NOTICE_TITLE);
        String body = browser.visible(By.cssSelector(".body")).getText();
        assertThat(body).contains("对李某予以诫勉").contains("\n");
        assertThat(browser.driver().findElement(By.cssSelector(".named")).getText())
                .contains("北湖街道幸福社区", "属地责任落实不到位", "李某", "直接责任", "诫勉", "张某", "批评教育");
        browser.screenshot("12-public-notice-detail");
        browser.phone();
        browser.open("/notices");
        browser.visible(By.linkText(NOTICE_TITLE));
        browser.screenshot("13-public-notices-phone");
    }

    @Test
    void aScriptTypedIntoACaseTitleIsShownAsTextInTasklist() {
        String caseNumber = route.report(SCRIPT_TITLE, "北湖街道幸福社区", "NORTH");

        String triage = route.task(caseNumber, "triageCase").getId();

        browser.logInToTasklist("intake1");
        browser.openFilter("本组待办");
        browser.openListedTask(triage);

        assertThat(browser.field("问题标题").getDomProperty("value")).isEqualTo(SCRIPT_TITLE);
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.script("return Array.from(document.scripts).some(s => s.text.includes('__xss'))"))
                .isEqualTo(false);
        browser.screenshot("14-tasklist-script-title-as-text");
    }

    @Test
    void aScriptInAPublishedNoticeIsShownAsTextOnThePublicPageAndInItsMail() {
        String caseNumber = route.report("某卫生院发热门诊推诿病人", "南湖街道卫生院", "SOUTH");
        route.toBulletin(caseNumber, "SOUTH", "south1");
        String body = "<img src=x onerror=\"window.__xss=2\">第一段\n第二段";
        String bulletin = route.draftBulletin(SCRIPT_TITLE + "通报", body, caseNumber);
        Task approval = route.bulletinTask(bulletin, "approveNotice");
        taskService.claim(approval.getId(), "leader1");
        taskService.complete(approval.getId(), Map.of("noticeApproved", true));
        route.publish(bulletin, caseNumber);

        browser.forgetLogins();
        browser.open("/notices");
        browser.visible(By.linkText(SCRIPT_TITLE + "通报")).click();
        assertThat(browser.visible(By.cssSelector(".notice-full h1")).getText()).isEqualTo(SCRIPT_TITLE + "通报");
        assertThat(browser.visible(By.cssSelector(".body")).getText()).isEqualTo(body);
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
        browser.screenshot("15-public-notice-script-as-text");

        String mail = jdbc.queryForObject(
                "SELECT html_body FROM jd_mail_outbox WHERE kind = 'PUBLIC_BULLETIN' AND subject = ?", String.class,
                "【通报曝光】" + SCRIPT_TITLE + "通报");
        assertThat(mail).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;").doesNotContain("<script", "<img");
    }
}
