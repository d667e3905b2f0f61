package cn.jiandu.publicreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The limit per client as deployed by default: 20 reports a minute; the 21st is refused and stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:public-report-limit;DB_CLOSE_DELAY=-1",
        "jiandu.public-report.challenge-max-number=1000"})
class PublicReportRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTwentyFirstReportInAMinuteFromOneClientIsRefusedWith429() {
        Citizen citizen = new Citizen(port);
        for (int i = 1; i <= 20; i++) {
            assertThat(citizen.report(Citizen.named("第 " + i + " 件举报", "1380000" + (1000 + i)), Map.of()).status())
                    .as("report %d", i).isEqualTo(200);
        }
        int cases = jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Integer.class);
        int processes = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Integer.class);

        Citizen.Page refused = citizen.report(Citizen.named("第 21 件举报", "13800009999"), Map.of("照片.jpg", Citizen.photo()));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains(ClientLimits.TOO_MANY_REPORTS)
                .as("what was typed is given back, not lost").contains("第 21 件举报");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Integer.class)).isEqualTo(cases);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Integer.class)).isEqualTo(processes);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_evidence", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case WHERE title = '第 21 件举报'", Integer.class)).isZero();
    }
}
