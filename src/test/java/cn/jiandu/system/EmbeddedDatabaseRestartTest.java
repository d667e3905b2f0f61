package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.JianduApplication;
import cn.jiandu.support.EmbeddedDefault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default (application.yaml's URL, moved into a temporary directory) keeps its data in
 * a file: a case reported before a restart is there after it.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path data;

    @Test
    void aCaseSurvivesARestartAndUnchangedModelsAreNotDeployedAgain() throws Exception {
        String url = EmbeddedDefault.urlIn(data);
        String caseNumber;
        long versions;
        try (ConfigurableApplicationContext first = start(url)) {
            // Each commit is in the file when it returns (see AcknowledgedReportsSurviveKillTest). H2 lists
            // the value in effect and the one last SET, which the URL's setting sets at every connection.
            assertThat(first.getBean(JdbcTemplate.class).queryForList(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                    String.class)).isNotEmpty().containsOnly("0");
            RuntimeService runtime = first.getBean(RuntimeService.class);
            String processInstance = runtime.startProcessInstanceByKey("supervisionCase", Map.of(
                    "title", "重启前登记", "description", "重启前登记的问题", "source", "INSPECTION",
                    "unit", "北湖社区", "anonymous", true)).getId();
            caseNumber = (String) runtime.getVariable(processInstance, "caseNumber");
            versions = first.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
        }
        assertThat(Files.list(data).anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start(url)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber))
                    .isEqualTo("TRIAGE");
            assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
                    .isEqualTo(versions);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(JianduApplication.class).run(
                "--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--spring.jmx.enabled=false");
    }
}
