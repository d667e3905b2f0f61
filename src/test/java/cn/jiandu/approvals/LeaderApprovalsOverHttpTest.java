package cn.jiandu.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leader's approval page and its API (/approvals/{taskId}, /api/approvals/{taskId}) hold exactly to
 * the task's candidates and to the step's checks: whoever is not a candidate neither sees nor decides
 * the approval (404, nothing changed), a candidate meets the same refusals as in Tasklist, a session
 * needs its token, and the login the page leads to never sends anyone to another site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:leader-approvals-http;DB_CLOSE_DELAY=-1"})
class LeaderApprovalsOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void whoIsNotACandidateNeitherSeesNorDecidesTheApprovalAndNothingChanges() {
        String caseNumber = waitingForDisposalApproval();
        Task approval = approval(caseNumber);

        for (String outsider : new String[] {"north1", "intake1", "review1"}) {
            Answer decided = http.post(outsider, "/api/approvals/" + approval.getId(),
                    Map.of("approved", true, "comment", "同意"));
            assertThat(decided.status()).as(outsider + " " + decided.body()).isEqualTo(404);
            assertThat(decided.contentType()).startsWith("application/problem+json");
            HttpResponse<String> page = WebappSession.login(port, outsider)
                    .exchange("GET", "/approvals/" + approval.getId(), null, Map.of());
            assertThat(page.statusCode()).as(outsider + " opens the page").isEqualTo(404);
            assertThat(page.body()).doesNotContain(caseNumber, "属实可能性大");
        }

        assertThat(approval(caseNumber)).as("the approval still waits").isNotNull();
        assertThat(stage(caseNumber)).isEqualTo("DISPOSAL_APPROVAL");
        assertThat(runtimeService.getVariable(approval.getProcessInstanceId(), "disposalApproved")).isNull();
        assertThat(taskService.getTaskComments(approval.getId())).isEmpty();
    }

    @Test
    void aLeaderMeetsTheStepsOwnRefusalsThenApprovesOnce() {
        String caseNumber = waitingForDisposalApproval();
        String path = "/api/approvals/" + approval(caseNumber).getId();

        Answer noChoice = http.post("leader1", path, Map.of("comment", "已阅"));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.json().path("detail").asText()).contains("请选择审批结果（disposalApproved）：同意或退回");
        Answer noReason = http.post("leader1", path, Map.of("approved", false));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asText()).contains("审批意见（approvalComment）");
        Answer tooLong = http.post("leader1", path, Map.of("approved", false, "comment", "理".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("detail").asText()).contains("审批意见（approvalComment）不能超过 4000 个字");
        assertThat(stage(caseNumber)).as("refused, nothing changed").isEqualTo("DISPOSAL_APPROVAL");

        Answer approved = http.post("leader1", path, Map.of("approved", true, "comment", "同意初步核实"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("casePage").asText()).isEqualTo("/cases/" + caseNumber);
        assertThat(stage(caseNumber)).isEqualTo("VERIFICATION");
        assertThat(http.post("leader1", path, Map.of("approved", true)).status()).as("done once").isEqualTo(404);
    }

    @Test
    void aSessionNeedsItsTokenAndTheLoginNeverLeadsAway() {
        String caseNumber = waitingForDisposalApproval();
        String taskId = approval(caseNumber).getId();

        HttpResponse<String> forged = WebappSession.login(port, "leader1").exchange("POST", "/api/approvals/" + taskId,
                "{\"approved\": true}", Map.of());
        assertThat(forged.statusCode()).as("a form another site posts has no token").isEqualTo(403);
        assertThat(stage(caseNumber)).isEqualTo("DISPOSAL_APPROVAL");

        WebappSession leader = WebappSession.login(port, "leader1");
        assertThat(leader.exchange("GET", "/cases/" + caseNumber, null, Map.of()).body())
                .as("the case page links its open approval to the page").contains("/approvals/" + taskId);
        HttpResponse<String> page = leader.exchange("GET", "/approvals/" + taskId, null, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(caseNumber, "属实可能性大，转片区监督检查组初步核实", "退回案件监督管理室重新研判");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> withToken = leader.exchange("POST", "/api/approvals/" + taskId,
                "{\"approved\": false, \"comment\": \"请补充群众反映的具体时间\"}",
                Map.of("X-XSRF-TOKEN", token.group(1), "Accept", "application/json"));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(stage(caseNumber)).as("returned to triage").isEqualTo("TRIAGE");

        Answer anonymous = http.get(null, "/approvals/" + taskId);
        assertThat(anonymous.status()).isEqualTo(302);
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)"}) {
            Answer login = http.get(null, "/login?next=" + java.net.URLEncoder.encode(elsewhere,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(login.body()).as(elsewhere).contains("data-next=\"/camunda/app/tasklist/default/\"")
                    .doesNotContain("evil.example");
        }
        assertThat(http.get(null, "/login?next=%2Fapprovals%2F" + taskId).body())
                .contains("data-next=\"/approvals/" + taskId + "\"");
    }

    private String waitingForDisposalApproval() {
        Map<String, Object> problem = new HashMap<>(Map.of("title", "幸福社区卡口无人值守", "unit", "北湖街道幸福社区",
                "source", "PUBLIC_REPORT", "description", "群众反映：小区出入口无人值守。", "anonymous", true,
                "zone", "NORTH"));
        Answer created = http.post("intake1", "/api/cases", problem);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();
        Task triage = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("triageCase").singleResult();
        taskService.complete(triage.getId(), Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                "severity", "SERIOUS", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "属实可能性大，转片区监督检查组初步核实"));
        return caseNumber;
    }

    private Task approval(String caseNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("approveDisposal").singleResult();
    }

    private String stage(String caseNumber) {
        return jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber);
    }
}
