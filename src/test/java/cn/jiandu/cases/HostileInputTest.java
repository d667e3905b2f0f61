package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 1,000 malformed or hostile reports: wrong types, huge bodies, invalid UTF-8, missing fields,
 * SQL and script payloads. None may cause a 5xx or leave a partial case, and the service stays up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:hostile-input;DB_CLOSE_DELAY=-1"})
class HostileInputTest {

    private static final String VALID = "{\"title\":\"%s\",\"description\":\"%s\",\"source\":\"HOTLINE\",\"unit\":\"%s\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aThousandHostileReportsCauseNoServerErrorAndNoPartialCase() {
        Http http = new Http(port);
        Random random = new Random(20261129);
        List<String> serverErrors = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < 1000; i++) {
            Answer answer = switch (i % 10) {
                case 0 -> http.post("intake1", "/api/cases", "{\"title\": 42, \"description\": [], \"source\": {}}");
                case 1 -> http.post("intake1", "/api/cases", VALID.formatted("x".repeat(50_000), "d", "u"));
                case 2 -> http.postRaw("intake1", "/api/cases", "application/json", invalidUtf8(random));
                case 3 -> http.post("intake1", "/api/cases", "{\"description\":\"没有标题\"}");
                case 4 -> http.post("intake1", "/api/cases",
                        VALID.formatted("'; DROP TABLE jd_case; --", "1' OR '1'='1", "x\\\" OR 1=1 --"));
                case 5 -> http.post("intake1", "/api/cases",
                        VALID.formatted("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>单位</b>"));
                case 6 -> http.post("intake1", "/api/cases", "{\"title\":\"t\",\"description\":\"d\",\"source\":\"HOTLINE\","
                        + "\"unit\":\"u\",\"anonymous\":\"perhaps\",\"zone\":\"EAST\"}");
                case 7 -> http.post("intake1", "/api/cases", "[" .repeat(5000) + "]".repeat(5000));
                case 8 -> http.postRaw("intake1", "/api/cases", "text/plain", "title=x".getBytes(StandardCharsets.UTF_8));
                default -> http.post("intake1", "/api/cases", "{\"title\":\"\u0000\",\"description\":\"\\ud800\","
                        + "\"source\":\"HOTLINE\",\"unit\":\"" + "深".repeat(201) + "\"}");
            };
            if (answer.status() >= 500) {
                serverErrors.add(i + ": " + answer.status() + " " + answer.body());
            }
            if (answer.status() == 201) {
                created++;
            }
        }
        assertThat(serverErrors).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Integer.class)).isEqualTo(created);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case WHERE process_instance_id IS NULL OR stage <> 'TRIAGE'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL", Integer.class))
                .isEqualTo(created);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case WHERE title = ?", Integer.class,
                "'; DROP TABLE jd_case; --")).isEqualTo(100);
        assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    private static byte[] invalidUtf8(Random random) {
        byte[] body = "{\"title\":\"XXXX\",\"description\":\"d\",\"source\":\"HOTLINE\",\"unit\":\"u\"}"
                .getBytes(StandardCharsets.UTF_8);
        body[10] = (byte) 0xC3;
        body[11] = (byte) (0x28 + random.nextInt(8));
        body[12] = (byte) 0xFF;
        return body;
    }
}
