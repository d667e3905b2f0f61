package cn.jiandu.browser;

import cn.jiandu.support.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through its chromedriver (nothing downloads a browser), with
 * what a person does in Tasklist: log in, open a task, claim it, fill a Camunda Form, complete it.
 * Screenshots of every step go to target/screenshots/ for a person to look at.
 *
 * <p>On the Camunda webapps' pages this Chromium drops the mouse and key events chromedriver
 * synthesises (they reach every other page, /notices included), so there the browser is driven
 * through the page itself: elements are focused and clicked by the DOM, text goes in as an input
 * method delivers it (Input.insertText). Angular and form-js see the same events as from a person.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1366, 900);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    static Browser start(String baseUrl) throws IOException {
        Path profile = Files.createTempDirectory("jiandu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=1366,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, profile, baseUrl);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Forgets every login, as a new visitor would be. */
    void forgetLogins() {
        open("/camunda/app/welcome/default/");
        driver.manage().deleteAllCookies();
        driver.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    void desktop() {
        driver.manage().window().setSize(DESKTOP);
    }

    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A screenshot and the HTML of the page as it is now, for a failed test. */
    void keepPage(String name) {
        screenshot(name);
        try {
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(condition, Duration.ofSeconds(30));
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration limit) {
        return new WebDriverWait(driver, limit).until(condition);
    }

    WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    // ---- Tasklist ----------------------------------------------------------------------------------

    /** Logs in by the inputs' types, not their placeholders, which depend on the language. */
    void logInToTasklist(String user) {
        // In one loaded full run Tasklist answered a correct login with 登录失败 (twice, for different users and
        // classes; alone and on a quiet machine it never did): as a person would, log in again, at most three times.
        for (int attempt = 1;; attempt++) {
            if (tryLogInToTasklist(user)) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("Tasklist refused the login of " + user + " three times");
            }
        }
    }

    private boolean tryLogInToTasklist(String user) {
        forgetLogins();
        open("/camunda/app/tasklist/default/");
        WebElement password = tasklistLoginForm();
        WebElement form = password.findElement(By.xpath("ancestor::form"));
        WebElement name = form.findElement(By.cssSelector("input[type='text']"));
        // The page's autofocus may still move the caret while we type: check both, and retype.
        for (int attempt = 0; attempt < 3 && !(user.equals(valueOf(name)) && "demo".equals(valueOf(password)));
                attempt++) {
            name.clear();
            password.clear();
            enter(name, user);
            enter(password, "demo");
        }
        press(form.findElement(By.cssSelector("button[type='submit']")));
        waitUntil(d -> !d.findElements(By.cssSelector(".task-filters")).isEmpty()
                || !d.findElements(By.cssSelector(".page-notifications .alert-danger")).isEmpty());
        if (driver.findElements(By.cssSelector(".task-filters")).isEmpty()) {
            keepPage("login-refused-" + user);
            return false;
        }
        visible(By.cssSelector(".task-filters"));
        return true;
    }

    /**
     * Tasklist's login form exists only once the Angular app has started. In one full CI run the
     * page stayed the bare template for two minutes (scripts loaded, app never started) while it
     * starts in seconds otherwise: after a minute without the form, load the page again, as a
     * person would, at most three times.
     */
    private WebElement tasklistLoginForm() {
        return reloadUntil(By.cssSelector("input[type='password']"));
    }

    /** Opens a webapp's page (Welcome, Cockpit, Tasklist) and waits until it shows {@code ready}. */
    WebElement openWebapp(String path, By ready) {
        open(path);
        return reloadUntil(ready);
    }

    /**
     * The webapps' pages show what they need only once their Angular app has started. In full CI runs
     * a page stayed the bare template for minutes (scripts loaded, app never started) while it starts in
     * seconds otherwise: after a minute without it, load the page again, as a person would, at most
     * three times.
     */
    private WebElement reloadUntil(By ready) {
        for (int attempt = 1;; attempt++) {
            try {
                return waitUntil(ExpectedConditions.visibilityOfElementLocated(ready), Duration.ofSeconds(60));
            } catch (TimeoutException notStarted) {
                if (attempt == 3) {
                    throw notStarted;
                }
                driver.navigate().refresh();
            }
        }
    }

    void openTask(String taskId) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        visible(By.cssSelector(".task-details .fjs-form"));
    }

    /** Opens a task of the current filter's list, as a person clicks it. */
    void openListedTask(String taskId) {
        waitForListedTask(taskId);
        press(driver.findElement(By.cssSelector(".tasks-list li.task h4 a[href*='task=" + taskId + "']")));
        visible(By.cssSelector(".task-details .fjs-form"));
    }

    void openFilter(String name) {
        press(visible(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"
                + "//h4[contains(normalize-space(),'" + name + "')]/a")));
    }

    /** The ids of the tasks listed in the middle column, the current filter's tasks. */
    List<String> listedTasks() {
        return driver.findElements(By.cssSelector(".tasks-list li.task h4 a")).stream()
                .map(link -> link.getDomAttribute("href"))
                .map(href -> href.replaceFirst(".*[?&]task=([^&]+).*", "$1"))
                .toList();
    }

    void waitForListedTask(String taskId) {
        waitUntil(d -> listedTasks().contains(taskId));
    }

    void claim() {
        press(visible(By.cssSelector(".task-details button.claim")));
        waitUntil(d -> d.findElements(By.cssSelector(".task-details button.claim")).isEmpty());
    }

    /** The form field whose label reads {@code label} (form-js links each label to its input). */
    WebElement field(String label) {
        WebElement labelElement = visible(By.xpath("//*[contains(@class,'fjs-form')]//label[starts-with(normalize-space(),'"
                + label + "')]"));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    /** The fields whose labels read {@code label}, one per row of a dynamic list, in the rows' order. */
    List<WebElement> fields(String label) {
        visible(By.xpath(labelled(label)));
        return driver.findElements(By.xpath(labelled(label))).stream()
                .map(labelElement -> driver.findElement(By.id(labelElement.getDomAttribute("for")))).toList();
    }

    private static String labelled(String label) {
        return "//*[contains(@class,'fjs-form')]//label[starts-with(normalize-space(),'" + label + "')]";
    }

    /** Adds a row to the form's dynamic list (there is one that allows it). */
    void addRow() {
        int rows = driver.findElements(By.cssSelector(".fjs-form .fjs-repeat-row-container")).size();
        press(visible(By.cssSelector(".fjs-form .fjs-repeat-render-add")));
        waitUntil(d -> d.findElements(By.cssSelector(".fjs-form .fjs-repeat-row-container")).size() > rows);
    }

    void type(String label, String text) {
        type(field(label), text);
    }

    void type(WebElement input, String text) {
        waitUntil(ExpectedConditions.elementToBeClickable(input));
        input.clear();
        enter(input, text);
        // form-js debounces typing into its model; leaving the field commits it, as a person's next click would.
        driver.executeScript("arguments[0].blur();", input);
        waitUntil(d -> text.equals(valueOf(input)));
    }

    /** Types text into a field, as an input method delivers it (see the class comment). */
    private void enter(WebElement input, String text) {
        driver.executeScript("arguments[0].focus();", input);
        waitUntil(d -> input.equals(d.switchTo().activeElement()));
        driver.executeCdpCommand("Input.insertText", Map.of("text", text));
    }

    /** Picks a radio option or a checkbox by the words beside it. */
    void choose(String option) {
        press(visible(By.xpath("//*[contains(@class,'fjs-form')]//label[normalize-space()='" + option + "']//input")));
    }

    /** Opens a form-js select by its label and picks the option showing {@code option}. */
    void select(String label, String option) {
        select(field(label), option);
    }

    /** Picks an option of this form-js select and waits until the select shows it. */
    void select(WebElement input, String option) {
        driver.executeScript("arguments[0].focus();"
                + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));", input);
        WebElement item = visible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
        driver.executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));", item);
        // A searchable select shows the option in its input, any other beside its hidden input.
        String display = input.getDomAttribute("id") + "-display";
        waitUntil(d -> option.equals(valueOf(input))
                || d.findElements(By.id(display)).stream().anyMatch(shown -> option.equals(shown.getText().trim())));
    }

    void complete() {
        press(waitUntil(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'task-details')]//button[normalize-space()='完成' or normalize-space()='Complete']"))));
    }

    private static String valueOf(WebElement input) {
        return input.getDomProperty("value");
    }

    /** Clicks through the DOM, see the class comment. */
    void press(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
