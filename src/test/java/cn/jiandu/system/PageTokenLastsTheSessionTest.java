package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One CSRF token per session: a Jiandu page's token is taken until the session ends, however many
 * other pages, Tasklist requests and page calls come in between; it changes only with a new login.
 * A write without the session's token — none, another session's, the webapps' own — is refused and
 * changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:page-token;DB_CLOSE_DELAY=-1"})
class PageTokenLastsTheSessionTest {

    private static final Pattern PAGE_TOKEN = Pattern.compile("data-csrf=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private String caseNumber;

    @BeforeEach
    void aCase() {
        caseNumber = new Http(port).post("intake1", "/api/cases", Map.of("title", "某小区封控期间物资发放不到位",
                "description", "群众反映物资发放不到位", "source", "HOTLINE", "unit", "某社区居委会", "zone", "NORTH"))
                .expect(201, "report").json().get("caseNumber").asText();
    }

    @Test
    void aPagesTokenIsTakenAfterOtherPagesTasklistAndTheEngineHaveBeenAskedInTheSameSession() {
        Browser intake = Browser.signedInThroughJiandusLogin(port, "intake1", "/cases/" + caseNumber);
        String session = intake.sessionId();
        String pageA = intake.pageToken("/cases/" + caseNumber);

        intake.get("/cases");
        intake.pageToken("/cases/" + caseNumber);
        intake.tasklistAsks("/camunda/api/engine/engine/default/task/count");
        intake.get("/engine-rest/engine");
        intake.get("/api/cases/" + caseNumber);
        intake.get("/camunda/app/cockpit/default/");

        long cases = cases();
        HttpResponse<String> first = intake.post("/api/cases", report("一"), pageA);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        intake.pageToken("/cases/" + caseNumber);
        HttpResponse<String> second = intake.post("/api/cases", report("二"), pageA);
        assertThat(second.statusCode()).as("the same page posts again: " + second.body()).isEqualTo(201);
        assertThat(cases()).isEqualTo(cases + 2);
        assertThat(intake.sessionId()).as("the session keeps its id: Tasklist's requests in flight keep it")
                .isEqualTo(session);
    }

    @Test
    void theTokenOfAPageOpenedRightAfterTheLoginIsTakenAfterASecondPageOpened() {
        Browser intake = Browser.signedInThroughJiandusLogin(port, "intake1", "/cases/" + caseNumber);
        String opened = intake.pageToken("/cases/" + caseNumber);
        intake.pageToken("/cases/" + caseNumber);

        HttpResponse<String> posted = intake.post("/api/cases", report("三"), opened);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    @Test
    void aWriteWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        Browser intake = Browser.signedInThroughJiandusLogin(port, "intake1", "/cases/" + caseNumber);
        intake.pageToken("/cases/" + caseNumber);
        String foreign = Browser.signedInThroughJiandusLogin(port, "intake1", "/cases/" + caseNumber)
                .pageToken("/cases/" + caseNumber);
        long cases = cases();

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("none", null);
        refused.put("another session's", foreign);
        refused.put("the webapps' own", intake.webappToken());
        refused.put("guessed", "guessed");
        refused.forEach((which, token) -> {
            HttpResponse<String> forged = intake.post("/api/cases", report("伪造"), token);
            assertThat(forged.statusCode()).as(which + ": " + forged.body()).isEqualTo(403);
            assertThat(forged.body()).contains("X-XSRF-TOKEN");
        });
        assertThat(cases()).isEqualTo(cases);
        assertThat(intake.get("/cases/" + caseNumber).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aTokenEndsWithItsLoginAndTheNextLoginGivesANewOne() {
        Browser intake = Browser.signedInThroughJiandusLogin(port, "intake1", "/cases/" + caseNumber);
        String ofTheFirstLogin = intake.pageToken("/cases/" + caseNumber);
        intake.logOut();
        long cases = cases();

        HttpResponse<String> loggedOut = intake.post("/api/cases", report("已退出"), ofTheFirstLogin);
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(401);
        intake.signIn("intake1");
        HttpResponse<String> stale = intake.post("/api/cases", report("旧令牌"), ofTheFirstLogin);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(403);
        assertThat(cases()).isEqualTo(cases);

        HttpResponse<String> fresh = intake.post("/api/cases", report("新令牌"), intake.pageToken("/cases/" + caseNumber));
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
    }

    private static String report(String title) {
        return "{\"title\":\"" + title + "\",\"description\":\"页面提交\",\"source\":\"HOTLINE\",\"unit\":\"某社区\","
                + "\"zone\":\"NORTH\"}";
    }

    private long cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Long.class);
    }

    /**
     * A browser as it goes through Jiandu's /login (login.js): the webapps' token from Tasklist, their
     * login endpoint, then the page asked for. Cookies only; headers only where a page sends them.
     */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private String webappToken;

        private Browser(int port) {
            this.base = "http://localhost:" + port;
        }

        static Browser signedInThroughJiandusLogin(int port, String user, String next) {
            Browser browser = new Browser(port);
            assertThat(browser.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(200);
            browser.signIn(user);
            return browser;
        }

        void signIn(String user) {
            HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
            tasklist.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> webappToken = token);
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", webappToken)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // The login starts a new session; the webapps give it a token with its first request.
            tasklistAsks("/camunda/api/engine/engine/default/user/" + user + "/profile");
        }

        String webappToken() {
            return webappToken;
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> "JSESSIONID".equals(cookie.getName()))
                    .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        }

        /** Tasklist's logout: the webapps remove the login from the session. */
        void logOut() {
            HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
                    .header("X-XSRF-TOKEN", webappToken).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        }

        String pageToken(String page) {
            HttpResponse<String> answer = get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            Matcher token = PAGE_TOKEN.matcher(answer.body());
            assertThat(token.find()).as(page + " carries its token").isTrue();
            return token.group(1);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        /** A request of Tasklist's own: the webapps' token in their header. */
        void tasklistAsks(String path) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", webappToken == null ? "" : webappToken).GET());
            answer.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> webappToken = token);
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        }

        HttpResponse<String> post(String path, String json, String csrfToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create(base + path);
        }
    }
}
