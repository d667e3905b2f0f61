package cn.jiandu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Chromium;
import cn.jiandu.support.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evidence panel in headless Chromium (Debian's): an officer of the north team signs in, picks a site photo,
 * uploads it and sees it listed with the SHA-256 of the file on their disk; a program renamed .jpg is
 * refused with the reason shown; the photo is withdrawn with a reason and stays listed as withdrawn.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:evidence-panel;DB_CLOSE_DELAY=-1"})
class EvidencePanelBrowserTest {


    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private Path profile;
    private Path files;

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (Path directory : new Path[] {profile, files}) {
            if (directory != null) {
                try (var walk = Files.walk(directory)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Test
    void anOfficerUploadsAPhotoSeesItsHashAndWithdrawsIt() throws Exception {
        String caseNumber = new Http(port).post("intake1", "/api/cases", Map.of("title", "北苑社区卡口无人值守",
                "description", "夜间卡口无人值守", "source", "INSPECTION", "unit", "北苑社区居委会", "zone", "NORTH"))
                .expect(201, "report").json().get("caseNumber").asText();
        files = Files.createTempDirectory("jiandu-evidence");
        byte[] photo = SampleFiles.jpeg();
        Path photoFile = Files.write(files.resolve("卡口现场照片.jpg"), photo);
        Path program = Files.write(files.resolve("卡口照片2.jpg"), SampleFiles.elf());

        openAs("north1", "/cases/" + caseNumber + "/evidence");
        waitForText(".jd-evidence-status", "尚无证据材料");

        browser.findElement(By.cssSelector(".jd-evidence input[type=file]")).sendKeys(photoFile.toString());
        browser.findElement(By.cssSelector(".jd-evidence textarea[name=description]")).sendKeys("夜间 22 时拍摄");
        submit();
        waitForText(".jd-evidence-message", "已上传");
        // The panel says so first, then reloads its list: wait for the row itself (seen once in a full CI run).
        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b
                .findElements(By.cssSelector(".jd-evidence tbody tr")).stream().findFirst().orElse(null));
        assertThat(row.findElement(By.cssSelector(".jd-evidence-hash")).getText())
                .isEqualTo(EvidenceFiling.sha256(photo));
        assertThat(row.getText()).contains("卡口现场照片.jpg", "夜间 22 时拍摄", "JPEG 照片", "north1", "有效");
        screenshot("evidence-panel-uploaded.png");

        browser.findElement(By.cssSelector(".jd-evidence input[type=file]")).sendKeys(program.toString());
        submit();
        waitForText(".jd-evidence-message", "可执行程序");
        assertThat(browser.findElements(By.cssSelector(".jd-evidence tbody tr"))).hasSize(1);

        ((JavascriptExecutor) browser).executeScript("window.prompt = function () { return '拍错了卡口'; };");
        browser.findElement(By.cssSelector(".jd-evidence tbody tr button")).click();
        // The list is drawn anew after the withdrawal: ask the page, not a row that may be replaced meanwhile.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b)
                .executeScript("return document.querySelector('.jd-evidence tbody tr.withdrawn') !== null;")));
        assertThat(browser.findElement(By.cssSelector(".jd-evidence tbody tr")).getText())
                .contains("已撤回（north1", "拍错了卡口");
        screenshot("evidence-panel-withdrawn.png");
    }

    private void submit() {
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('.jd-evidence-upload button[type=submit]').click();");
    }

    private void waitForText(String selector, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> b.findElement(By.cssSelector(selector)).getText().contains(text));
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void openAs(String user, String path) throws IOException {
        Chromium.required();
        profile = Files.createTempDirectory("jiandu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // Signed in as a person is: Jiandu's login, the webapps' session, then the page. Each upload and the
        // withdrawal send the page's token, with the panel's own requests in between.
        browser.get("http://localhost:" + port + "/login?next=" + path);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith(path));
    }
}
