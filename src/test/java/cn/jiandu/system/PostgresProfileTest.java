package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production start: the postgres profile on a real PostgreSQL, the first administrator from the environment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "JIANDU_ADMIN_USER=chief", "JIANDU_ADMIN_PASSWORD=s3cret-Chief", "camunda.bpm.job-execution.enabled=false",
        // Production seals reporter identities with the key from the environment; without one it does not start.
        "JIANDU_REPORTER_KEY=q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="})
@ActiveProfiles("postgres")
class PostgresProfileTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "postgres_profile");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsWithTheAdministratorFromTheEnvironmentAndNoDemoUsers() {
        assertThat(identityService.createUserQuery().userId("chief").memberOfGroup("camunda-admin").count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("north1").count()).isZero();
        assertThat(identityService.createGroupQuery().groupId("team-north").count()).isEqualTo(1);
        Http http = new Http(port);
        assertThat(http.get("chief:s3cret-Chief", "/engine-rest/process-definition?key=supervisionCase").json())
                .isNotEmpty();
        assertThat(http.get(null, "/actuator/health").body()).contains("UP");
    }

    @Test
    void eachConnectionPlansWithCostsThatProbeTheAuthorizationIndex() {
        assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
        assertThat(jdbc.queryForObject("SHOW cpu_operator_cost", String.class)).isEqualTo("0.005");
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        assertThat(jdbc.queryForObject("SHOW work_mem", String.class)).isEqualTo("16MB");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'jd_ix_task_due_date'",
                Integer.class)).isEqualTo(1);
        // 群众举报's count starts from the cases of the public page
        assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'jd_ix_var_public_report'",
                String.class)).contains("(proc_inst_id_)", "'source'", "'PUBLIC_REPORT'", "task_id_ IS NULL");
        // a count of a group's tasks reads the indexes only
        assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'jd_ix_identitylink_group'",
                String.class)).contains("(group_id_, type_) INCLUDE (task_id_)");
        assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'jd_ix_task_counted'",
                String.class)).contains("(id_) INCLUDE (tenant_id_, suspension_state_, proc_def_id_, case_execution_id_)");
    }
}
