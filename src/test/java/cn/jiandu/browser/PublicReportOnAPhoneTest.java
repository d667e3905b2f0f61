package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen on a phone (390×844): a named report with a photo on /report, the page's own script solving the
 * challenge; the query code shown; /report/status with the code before triage, after triage and after the
 * case closed. Screenshots: target/screenshots/public-report-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:public-report-phone;DB_CLOSE_DELAY=-1",
        "jiandu.public-report.challenge-max-number=20000"})
class PublicReportOnAPhoneTest {

    private Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("public-report");

    @Test
    void aCitizenReportsWithAPhotoAndFollowsTheCaseToItsEnd() throws IOException {
        Path photo = Files.createTempDirectory("jiandu-phone").resolve("卡口照片.jpg");
        ImageIO.write(new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
        browser = chromium.at(port);
        browser.phone();

        browser.open("/report");
        type("title", "幸福社区卡口夜间无人值守");
        type("description", "连续三个晚上十点以后卡口没有人，外来车辆随意进出，也没有人查验。");
        type("unit", "幸福社区居委会");
        type("street", "北湖街道");
        type("happenedAt", "12月1日至3日晚上");
        browser.driver().findElement(By.id("evidence")).sendKeys(photo.toString());
        type("reporterName", "钱某某");
        type("reporterPhone", "13512345678");
        browser.press(browser.driver().findElement(By.name("acknowledged")));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("challenge-state"), "已完成"),
                Duration.ofSeconds(60));
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                .isEqualTo(true);
        browser.screenshot("public-report-1-form");
        browser.press(browser.driver().findElement(By.id("submit")));

        String code = browser.visible(By.id("query-code")).getText().trim();
        assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}");
        browser.press(browser.driver().findElement(By.id("copy-code")));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("copied"), "复制"));
        browser.screenshot("public-report-2-code");
        String caseNumber = jdbc.queryForObject("SELECT case_number FROM jd_case WHERE title = ?", String.class,
                "幸福社区卡口夜间无人值守");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_evidence WHERE case_number = ?", Integer.class, caseNumber))
                .isEqualTo(1);

        assertThat(status(code, "public-report-3-received")).isEqualTo("已受理");

        complete(caseNumber, "triageCase", "intake1", Map.of("problemType", "INEFFECTIVE_PREVENTION", "severity", "MINOR",
                "zone", "NORTH", "disposal", "CLOSE", "triageComment", "社区已整改"));
        assertThat(status(code, "public-report-4-in-progress")).isEqualTo("办理中");

        complete(caseNumber, "approveDisposal", "leader1", Map.of("disposalApproved", true));
        String processInstance = jdbc.queryForObject("SELECT process_instance_id FROM jd_case WHERE case_number = ?",
                String.class, caseNumber);
        managementService.createJobQuery().processInstanceId(processInstance).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(status(code, "public-report-5-closed")).isEqualTo("已办结");
        assertThat(browser.driver().findElement(By.id("outcome")).getText()).isEqualTo("经研判，已依规处置，予以了结。");
    }

    /** The stage word /report/status shows for the code, as the citizen types it. */
    private String status(String code, String screenshot) {
        browser.open("/report/status");
        type("code", code);
        browser.press(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        String stage = browser.visible(By.id("stage")).getText().trim();
        browser.screenshot(screenshot);
        return stage;
    }

    private void type(String id, String text) {
        var input = browser.visible(By.id(id));
        input.clear();
        input.sendKeys(text);
        browser.waitUntil(d -> text.equals(input.getDomProperty("value")));
    }

    private void complete(String caseNumber, String step, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
                .singleResult();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }
}
