package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.support.WebappSession;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist completes tasks through the webapps' engine API (/camunda/api/engine): a step Jiandu's rules
 * refuse is answered there as on /engine-rest, 400 with the Chinese message Tasklist shows the officer,
 * not a 500 in the engine's English; the case stays where it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:webapp-engine-api;DB_CLOSE_DELAY=-1"})
class WebappEngineApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLeaderWhoReturnsADisposalWithoutSayingWhyIsToldSoInTasklistsOwnApi() {
        String caseNumber = new Http(port).post("intake1", "/api/cases", Map.of("title", "幸福社区卡口无人值守",
                "description", "群众反映：卡口夜间无人值守", "source", "HOTLINE", "unit", "北湖街道幸福社区",
                "zone", "NORTH")).expect(201, "report").json().get("caseNumber").asText();
        Task triage = task(caseNumber);
        taskService.claim(triage.getId(), "intake1");
        taskService.complete(triage.getId(), Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                "severity", "SERIOUS", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "转北片区初步核实"));
        Task approval = task(caseNumber);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("approveDisposal");
        String submit = "/camunda/api/engine/engine/default/task/" + approval.getId() + "/submit-form";
        WebappSession leader = WebappSession.login(port, "leader1");

        Answer refused = leader.send("POST", submit, "{\"variables\":{\"disposalApproved\":{\"value\":false}}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
                .isEqualTo("选择退回的，须填写审批意见（approvalComment），写明退回理由和要求");
        assertThat(task(caseNumber).getId()).as("the task is still open").isEqualTo(approval.getId());
        assertThat(stage(caseNumber)).isEqualTo("DISPOSAL_APPROVAL");

        Answer returned = leader.send("POST", submit, "{\"variables\":{\"disposalApproved\":{\"value\":false},"
                + "\"approvalComment\":{\"value\":\"请补充群众反映的具体时间\"}}}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(204);
        assertThat(task(caseNumber).getTaskDefinitionKey()).isEqualTo("triageCase");
    }

    private Task task(String caseNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private String stage(String caseNumber) {
        return jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber);
    }
}
