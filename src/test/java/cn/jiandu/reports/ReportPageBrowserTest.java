package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.support.Chromium;
import cn.jiandu.support.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report pages as staff see them, in headless Chromium (Debian's, never a downloaded one): the
 * charts are drawn by the Chart.js the application serves, and a signed report shows the figures
 * it was signed with. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:inspection-and-report-web;DB_CLOSE_DELAY=-1"})
class ReportPageBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportSchedule schedule;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    ReportRepository reports;
    @Autowired
    PersonRepository persons;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void someWorkInTheLatestDayAndWeek() {
        someWorkAt(schedule.day(schedule.latestDay(Instant.now())).from().plusHours(2));
        someWorkAt(schedule.latestWeek(Instant.now()).from().plusDays(2));
    }

    private void someWorkAt(OffsetDateTime at) {
        String[][] cases = {
            {"INEFFECTIVE_PREVENTION", "NORTH", "PUBLIC_REPORT", "TRIAGE"},
            {"INEFFECTIVE_PREVENTION", "SOUTH", "INSPECTION", "VERIFICATION"},
            {"BUCK_PASSING", "NORTH", "HOTLINE", "VERIFICATION"},
            {"CONCEALED_REPORTING", "SOUTH", "MEDIA", "DECISION"},
            {"FORMALISM_BUREAUCRATISM", "NORTH", "INSPECTION", "CLOSED"}};
        for (String[] c : cases) {
            String number = "P-" + System.nanoTime();
            jdbc.update("""
                    INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, problem_type, zone,
                        stage, outcome, measure, reported_at, updated_at, closed_at)
                    VALUES (?, '某社区卡口无人值守', '描述', ?, '某社区', FALSE, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    number, c[2], c[0], c[1], c[3], "CLOSED".equals(c[3]) ? "ACCOUNTABILITY" : null,
                    "CLOSED".equals(c[3]) ? "CRITICISM_EDUCATION" : null, at, at, "CLOSED".equals(c[3]) ? at : null);
            if ("CLOSED".equals(c[3])) {
                heldAccountable(number);
            }
        }
        for (String[] i : new String[][] {{"OPEN", "ON_SITE", "COMMUNITY"}, {"UNANNOUNCED", "REMOTE_VIDEO", "MARKET"},
                {"UNANNOUNCED", "ON_SITE", "ENTERPRISE"}}) {
            jdbc.update("""
                    INSERT INTO jd_inspection (unit, unit_kind, zone, mode, scope, channel, planned_date, planned_at,
                        status, problem_count, recorded_at)
                    VALUES (?, ?, 'NORTH', ?, 'FOCUSED', ?, ?, ?, 'CARRIED_OUT', 1, ?)""",
                    "单位" + System.nanoTime(), i[2], i[0], i[1], LocalDate.now(), at, at);
        }
    }

    /** The persons of a closed case, so that the persons' charts have something to draw. */
    private void heldAccountable(String caseNumber) {
        persons.replace(caseNumber, List.of(
                Person.entered(1, "李明", "某社区", "网格员", null, true, false, Responsibility.DIRECT, false),
                Person.entered(2, "王建国", "某社区", "书记", null, true, true, Responsibility.PRINCIPAL_LEADERSHIP, false)));
        persons.recordMeasure(caseNumber, 1, Measure.CIRCULATED_CRITICISM);
        persons.recordMeasure(caseNumber, 2, Measure.ORGANIZATIONAL_ADJUSTMENT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theDailyPageDrawsItsChartsForALoggedInOfficer() throws IOException {
        openAs("office1", "/reports/daily");

        assertThat(browser.getTitle()).startsWith("疫情防控监督工作日报");
        assertChartsDrawn("report-daily.png");
        assertThat(browser.findElement(org.openqa.selenium.By.id("chart-personsByResponsibility")).isDisplayed())
                .as("drawn when someone was held accountable").isTrue();
        assertThat(browser.findElement(org.openqa.selenium.By.cssSelector(".status")).getText())
                .isEqualTo("实时汇总，尚未形成报告");
    }

    @Test
    void theWeeklyPageDrawsItsChartsToo() throws IOException {
        openAs("leader1", "/reports/weekly");

        assertThat(browser.getTitle()).startsWith("疫情防控监督工作定期通报");
        assertChartsDrawn("report-weekly.png");
    }

    @Test
    void aSignedReportShowsTheFiguresItWasSignedWithAndItsRemarks() {
        ReportPeriod day = schedule.day(LocalDate.of(2025, 5, 6));
        long id = reports.saveCompiled(day, compiler.compile(day, day.to()), null);
        reports.reviewed(id, "数据已核对", "office1", day.to());
        reports.signedOff(id, true, "同意报送", "leader1", day.to());
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, reported_at,
                    updated_at)
                VALUES ('LATE-1', '签发后补录', '描述', 'HOTLINE', '某社区', FALSE, 'TRIAGE', ?, ?)""",
                day.from().plusHours(1), day.from().plusHours(1));

        Http http = new Http(port);
        String page = http.get("review1", "/reports/daily?date=2025-05-06").body();
        assertThat(page).contains("已签发", "数据已核对", "同意报送", "新增问题线索");
        assertThat(http.get("review1", "/api/reports/daily?date=2025-05-06").json()
                .at("/figures/newProblems/total").asInt()).isZero();
        // Without a login the page sends the browser to the Tasklist login (OneSignInTest).
        assertThat(http.get(null, "/reports/daily?date=2025-05-06").status()).isEqualTo(302);
    }

    private void openAs(String user, String path) {
        Chromium.required();
        try {
            profile = Files.createTempDirectory("jiandu-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1400,3600", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // HTTP Basic, as the application's login: the header on every request of the page.
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        browser.get("http://localhost:" + port + path);
    }

    @SuppressWarnings("unchecked")
    private void assertChartsDrawn(String screenshot) throws IOException {
        JavascriptExecutor js = browser;
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> js.executeScript("return window.jianduChartsDrawn") != null);
        long canvases = (Long) js.executeScript("return document.querySelectorAll('canvas').length");
        assertThat(canvases).isGreaterThanOrEqualTo(8);
        assertThat((Long) js.executeScript("return window.jianduChartsDrawn")).isEqualTo(canvases);
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) js.executeScript("""
                return Array.from(document.querySelectorAll('canvas')).map(function (canvas) {
                  var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  var painted = 0;
                  for (var k = 3; k < pixels.length; k += 4) { if (pixels[k] !== 0) { painted++; } }
                  return {id: canvas.id, chart: Chart.getChart(canvas) !== undefined, painted: painted};
                });""");
        assertThat(drawn).allSatisfy(canvas -> {
            assertThat(canvas.get("chart")).as(canvas.get("id") + " has a chart").isEqualTo(true);
            assertThat((Long) canvas.get("painted")).as(canvas.get("id") + " is painted").isGreaterThan(500L);
        });
        Path target = Path.of("target", "screenshots", screenshot);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
