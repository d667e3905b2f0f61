package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may reach what, as people and programs meet it over HTTP: nothing without a login but
 * health and the public notices; each team sees and completes only its own tasks; only
 * administrators deploy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:access-control;DB_CLOSE_DELAY=-1"})
class AccessControlTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theEngineApiNeedsALogin() {
        assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get("nobody:secret", "/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get("north1", "/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void jianduApiNeedsALoginAndSaysSoAsProblemJson() {
        Answer anonymous = http.get(null, "/api/cases");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("detail").asText()).contains("登录");
    }

    @Test
    void healthAndTheNoticesAreOpenToEveryone() {
        assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(http.get(null, "/actuator/env").status()).isIn(401, 404);
        assertThat(http.get(null, "/actuator/beans").status()).isIn(401, 404);
    }

    @Test
    void eachGroupHasItsTasklistFilters() {
        List<String> names = new ArrayList<>();
        http.get("north1", "/engine-rest/filter").json().forEach(filter -> names.add(filter.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("我的任务", "本组待办", "已逾期");
    }

    @Test
    void theNorthTeamNeitherSeesNorCompletesASouthTask() {
        String caseNumber = reportSouthCase();
        String triage = onlyTaskOf("intake1", caseNumber);
        assertThat(http.complete("intake1", triage, Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", "SOUTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "转南片区核实")).status()).isEqualTo(204);
        approveDisposal(caseNumber);

        String verify = onlyTaskOf("south1", caseNumber);
        assertThat(tasksOf("north1", caseNumber)).isEmpty();
        Answer refused = http.complete("north1", verify, Map.of("verificationOutcome", "CLOSE", "findings", "越权"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(onlyTaskOf("south1", caseNumber)).isEqualTo(verify);
        assertThat(http.get("north1", "/api/cases/" + caseNumber).status()).isEqualTo(404);
    }

    @Test
    void tasklistCardsShowTheCaseToTheTeamThatWorksOnItAndToNoOtherTeam() {
        String caseNumber = reportSouthCase();
        String triage = onlyTaskOf("intake1", caseNumber);
        assertThat(cardVariables("intake1", "case-management")).contains("caseNumber=" + caseNumber, "unit=南门菜市场");
        assertThat(http.complete("intake1", triage, Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", "SOUTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "转南片区核实")).status()).isEqualTo(204);
        approveDisposal(caseNumber);

        assertThat(cardVariables("south1", "team-south")).contains("caseNumber=" + caseNumber, "title=菜市场未测体温");
        String instance = http.get("south1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .get(0).get("processInstanceId").asText();
        assertThat(http.get("south1", "/engine-rest/process-instance/" + instance + "/variables").status())
                .isEqualTo(200);
        assertThat(http.get("north1", "/engine-rest/process-instance/" + instance + "/variables").status())
                .isIn(403, 404);
        assertThat(http.get("north1", "/engine-rest/variable-instance?processInstanceIdIn=" + instance).json())
                .isEmpty();
    }

    /** What Tasklist shows on the task cards of the group's 本组待办 filter, as name=value. */
    private List<String> cardVariables(String user, String group) {
        String filter = null;
        for (JsonNode candidate : http.get(user, "/engine-rest/filter?resourceType=Task").json()) {
            if (group.equals(candidate.path("properties").path("jianduGroup").asText())
                    && "本组待办".equals(candidate.path("name").asText())) {
                filter = candidate.get("id").asText();
            }
        }
        assertThat(filter).as("本组待办 of " + group).isNotNull();
        Answer page = http.post(user, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=50", Map.of(),
                Map.of("Accept", "application/hal+json"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> shown = new ArrayList<>();
        page.json().path("_embedded").path("task").forEach(task -> task.path("_embedded").path("variable")
                .forEach(variable -> shown.add(variable.get("name").asText() + "=" + variable.path("value").asText())));
        return shown;
    }

    @Test
    void onlyAdministratorsDeploy() {
        byte[] model = ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://jiandu.cn/test">
                  <process id="deploymentProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                  </process>
                </definitions>
                """).getBytes(StandardCharsets.UTF_8);
        assertThat(deploy("north1", model).status()).isEqualTo(403);
        assertThat(deploy("leader1", model).status()).isEqualTo(403);
        assertThat(deploy("admin", model).status()).isEqualTo(200);
    }

    @Test
    void aReporterIsShownOnlyToCaseManagementAndLeaders() {
        String caseNumber = reportSouthCase();
        assertThat(http.get("intake1", "/api/cases/" + caseNumber).json().path("reporter").path("name").asText())
                .isEqualTo("赵某");
        assertThat(http.get("leader1", "/api/cases/" + caseNumber).json().path("reporter").path("phone").asText())
                .isEqualTo("13900000000");
        JsonNode asReviewer = http.get("review1", "/api/cases/" + caseNumber).json();
        assertThat(asReviewer.path("title").asText()).isEqualTo("菜市场未测体温");
        assertThat(asReviewer.has("reporter")).isFalse();
    }

    private Answer deploy(String user, byte[] model) {
        return http.postMultipart(user, "/engine-rest/deployment/create", Map.of("deployment-name", "probe"),
                Map.of("probe.bpmn", model));
    }

    private String reportSouthCase() {
        Answer reported = http.post("intake1", "/api/cases", Map.of("title", "菜市场未测体温",
                "description", "南片区某菜市场入口未测体温", "source", "HOTLINE", "unit", "南门菜市场",
                "reporterName", "赵某", "reporterPhone", "13900000000", "zone", "SOUTH"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().get("caseNumber").asText();
    }

    private List<String> tasksOf(String user, String caseNumber) {
        List<String> ids = new ArrayList<>();
        http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    /** Route version 2: a leader approves the disposal before the team gets the case. */
    private void approveDisposal(String caseNumber) {
        assertThat(http.complete("leader1", onlyTaskOf("leader1", caseNumber), Map.of("disposalApproved", true))
                .status()).isEqualTo(204);
    }

    private String onlyTaskOf(String user, String caseNumber) {
        List<String> tasks = tasksOf(user, caseNumber);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
