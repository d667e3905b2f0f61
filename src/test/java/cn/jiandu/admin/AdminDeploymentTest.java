package cn.jiandu.admin;

import static cn.jiandu.admin.AdminTesting.broken;
import static cn.jiandu.admin.AdminTesting.deploy;
import static cn.jiandu.admin.AdminTesting.original;
import static cn.jiandu.admin.AdminTesting.withTriageReview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator changes the route in Camunda Modeler and deploys it to Jiandu over Camunda's
 * REST API: only administrators may, only models that pass Jiandu's checks go live, new cases
 * take the new route while running ones keep theirs, and every deployment is recorded and can be
 * exported back into the repository.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:admin;DB_CLOSE_DELAY=-1"})
class AdminDeploymentTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aChangedRouteDeployedByTheAdministratorIsUsedByNewCasesWhileRunningCasesKeepTheirs() {
        assertThat(deploy(http, "admin", "supervision-case", Map.of("supervision-case.bpmn", original())).status())
                .isEqualTo(200);
        ProcessInstance running = instanceOf(reportCase("已在办理中的问题"));

        Answer deployed = deploy(http, "admin", "supervision-case", Map.of("supervision-case.bpmn", withTriageReview()));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String newRoute = deployed.json().path("deployedProcessDefinitions").fieldNames().next();
        ProcessInstance fresh = instanceOf(reportCase("新登记的问题"));

        assertThat(fresh.getProcessDefinitionId()).isEqualTo(newRoute);
        assertThat(running.getProcessDefinitionId()).isNotEqualTo(newRoute);
        triage(running);
        triage(fresh);
        assertThat(openStep(running)).isEqualTo("approveDisposal");
        assertThat(openStep(fresh)).isEqualTo("reviewTriage");
    }

    @Test
    void aBrokenModelIsRejectedWithAllItsProblemsAndNothingIsDeployed() {
        long deployments = repositoryService.createDeploymentQuery().count();
        long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM jd_deployment_log", Long.class);
        String newForm = "{\"id\": \"extraNoteForm\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": []}";

        Answer refused = deploy(http, "admin", "broken-route",
                Map.of("supervision-case.bpmn", broken(), "extra-note.form", newForm));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode answer = refused.json();
        assertThat(answer.path("type").asText()).isEqualTo("ParseException");
        assertThat(answer.path("message").asText()).contains("本次部署没有生效", "共 3 个问题",
                "「初步核实」（verifyCase）引用的表单「verifyCaseFormV3」不存在",
                "「审批处置意见」（approveDisposal）的候选组「party-committee」不存在",
                "「移送审查调查」（handOverForInvestigation）的实现 ${handOverToProcuratorateDelegate} 所指的组件"
                        + "「handOverToProcuratorateDelegate」在监督系统中不存在");
        JsonNode errors = answer.path("details").path("supervision-case.bpmn").path("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.findValuesAsText("mainElementId")).containsExactlyInAnyOrder("approveDisposal", "handOverForInvestigation",
                "verifyCase");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createDeploymentQuery().deploymentName("broken-route").count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_deployment_log", Long.class)).isEqualTo(recorded);
    }

    @Test
    void theChecksHoldForEveryWayOfDeployingNotOnlyTheRestApi() {
        long deployments = repositoryService.createDeploymentQuery().count();
        assertThatThrownBy(() -> repositoryService.createDeployment().name("from-java")
                .addString("supervision-case.bpmn", broken()).deploy())
                .isInstanceOfSatisfying(ModelsRejected.class, rejected -> assertThat(rejected.problems()).hasSize(3));
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void onlyAdministratorsDeployAndSeeTheDeployments() {
        assertThat(deploy(http, "north1", "supervision-case", Map.of("supervision-case.bpmn", original())).status())
                .isEqualTo(403);
        assertThat(deploy(http, "leader1", "supervision-case", Map.of("supervision-case.bpmn", original())).status())
                .isEqualTo(403);
        Answer list = http.get("north1", "/api/admin/deployments");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().path("detail").asText()).contains("系统管理员");
        assertThat(http.get("admin", "/api/admin/deployments").status()).isEqualTo(200);
    }

    @Test
    void aDeploymentIsRecordedWithWhatChangedAndCanBeExportedAsRepositoryFiles() throws IOException {
        String before = deploy(http, "admin", "supervision-case", Map.of("supervision-case.bpmn", original()))
                .json().path("id").asText();
        Answer deployed = deploy(http, "admin", "supervision-case", Map.of("supervision-case.bpmn", withTriageReview()));
        String id = deployed.json().path("id").asText();

        JsonNode record = http.get("admin", "/api/admin/deployments/" + id).json();
        assertThat(record.path("deployedBy").asText()).isEqualTo("admin");
        assertThat(record.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(record.path("definitions").asText()).startsWith("supervisionCase v");
        assertThat(record.path("deployedAt").asText()).endsWith("+08:00");
        JsonNode resource = record.path("resources").get(0);
        assertThat(resource.path("modelFile").asText()).isEqualTo("processes/supervision-case.bpmn");
        assertThat(resource.path("change").asText()).isEqualTo("CHANGED");
        assertThat(resource.path("previousDeploymentId").asText()).isEqualTo(before);

        Map<String, String> exported = unzip(download("/api/admin/deployments/" + id + "/export"));
        assertThat(exported).containsOnlyKeys("processes/supervision-case.bpmn");
        assertThat(exported.get("processes/supervision-case.bpmn")).isEqualTo(withTriageReview());
    }

    @Test
    void theStartupDeploymentIsRecordedToo() {
        JsonNode startup = null;
        for (JsonNode entry : http.get("admin", "/api/admin/deployments?limit=500").json()) {
            if ("jiandu".equals(entry.path("name").asText())) {
                startup = entry;
            }
        }
        assertThat(startup).isNotNull();
        assertThat(startup.has("deployedBy")).isFalse();
        assertThat(startup.path("resources").findValuesAsText("modelFile"))
                .contains("forms/triage-case.form", "processes/accountability-measure.dmn", "processes/supervision-case.bpmn");
    }

    private String reportCase(String title) {
        Answer reported = http.post("intake1", "/api/cases", Map.of("title", title, "description", "小区出入口无人值守",
                "source", "HOTLINE", "unit", "北湖街道幸福社区", "anonymous", true, "zone", "NORTH"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().path("caseNumber").asText();
    }

    private ProcessInstance instanceOf(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private void triage(ProcessInstance instance) {
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        Answer completed = http.complete("intake1", task, Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "转核实"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    private String openStep(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey();
    }

    private byte[] download(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
