package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One sign-in: logged in to Tasklist, a person opens Jiandu's pages without a second password, and
 * Tasklist's logout ends it for them too. A page without a login sends the browser to the Tasklist
 * login, the API still answers 401. A write the session cookie alone would authorize is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:one-sign-in;DB_CLOSE_DELAY=-1"})
class OneSignInTest {

    private static final Pattern PAGE_TOKEN = Pattern.compile("<meta name=\"jiandu-csrf\" content=\"([^\"]+)\"");
    private static final String NO_SUCH_VERSION =
            "{\"processKey\":\"supervisionCase\",\"fromVersion\":999,\"dryRun\":true}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTasklistLoginOpensTheReportPagesWithoutASecondPassword() {
        WebappSession office = WebappSession.login(port, "office1");

        for (String page : new String[] {"/reports/daily", "/reports/weekly"}) {
            HttpResponse<String> answer = office.exchange("GET", page, null, Map.of("Accept", "text/html"));
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(page).isEmpty();
        }
    }

    @Test
    void theSessionCarriesTheGroupsAsBasicDoes() {
        assertThat(WebappSession.login(port, "admin").exchange("GET", "/admin/migrations", null, Map.of())
                .statusCode()).isEqualTo(200);
        WebappSession north = WebappSession.login(port, "north1");
        assertThat(north.exchange("GET", "/admin/migrations", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(north.exchange("GET", "/api/admin/migrations", null, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutALoginAPageGoesToTheTasklistLoginAndTheApiAnswers401() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String page : new String[] {"/reports/daily", "/reports/weekly?week=2025-W10", "/admin/migrations"}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri(page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(page).isIn(302, 303);
            assertThat(answer.headers().firstValue("Location")).get().asString()
                    .endsWith("/camunda/app/tasklist/default/");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(page).isEmpty();
        }
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(uri("/api/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    }

    @Test
    void tasklistsLogoutEndsItForJiandusPagesToo() {
        WebappSession office = WebappSession.login(port, "office1");
        assertThat(office.exchange("GET", "/reports/daily", null, Map.of()).statusCode()).isEqualTo(200);

        office.logout();

        assertThat(office.exchange("GET", "/reports/daily", null, Map.of()).statusCode()).isIn(302, 303);
        HttpResponse<String> api = office.exchange("GET", "/api/reports/daily", null, Map.of());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).as("no Basic prompt in the page").isEmpty();
    }

    @Test
    void aCrossSiteWriteWithTheCookieButWithoutThePagesTokenIsRefused() {
        WebappSession admin = WebappSession.login(port, "admin");
        String token = pageToken(admin);
        Map<String, String> crossSite = Map.of("Origin", "https://evil.example", "Accept", "application/json");

        HttpResponse<String> forged = admin.exchange("POST", "/api/admin/migrations", NO_SUCH_VERSION, crossSite);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-XSRF-TOKEN");
        assertThat(admin.exchange("POST", "/api/admin/migrations", NO_SUCH_VERSION,
                Map.of("X-XSRF-TOKEN", "guessed")).statusCode()).isEqualTo(403);
        long cases = jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Long.class);
        HttpResponse<String> report = WebappSession.login(port, "intake1").exchange("POST", "/api/cases",
                "{\"title\":\"伪造\",\"description\":\"伪造\",\"source\":\"HOTLINE\",\"unit\":\"某社区\",\"zone\":\"NORTH\"}",
                Map.of("Idempotency-Key", "forged-1"));
        assertThat(report.statusCode()).isEqualTo(403);
        assertThat(report.body()).contains("X-XSRF-TOKEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Long.class)).isEqualTo(cases);

        // The page's own call, with the token the page carries, reaches the controller as admin.
        HttpResponse<String> own = admin.exchange("POST", "/api/admin/migrations", NO_SUCH_VERSION,
                Map.of("X-XSRF-TOKEN", token, "Accept", "application/json"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(404);
        assertThat(own.body()).contains("没有第 999 版");
    }

    private static String pageToken(WebappSession session) {
        HttpResponse<String> page = session.exchange("GET", "/admin/migrations", null, Map.of());
        Matcher token = PAGE_TOKEN.matcher(page.body());
        assertThat(token.find()).as("the page carries its token").isTrue();
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
