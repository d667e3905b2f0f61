package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks an officer who wants a case to go away tried against the running application,
 * replayed over HTTP as they were made. Each is refused, and the record, the open tasks, the
 * variables and the history are exactly as they were before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:insider-attacks;DB_CLOSE_DELAY=-1"})
class InsiderAttacksTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anotherCaseCannotBeRewrittenThroughATaskVariable() {
        String north = reportAndSendToVerification("NORTH", "北区幸福社区未封闭小区");
        String south = reportAndSendToVerification("SOUTH", "南区菜市场未测温");
        String verify = onlyTaskOf("north1", north);
        RecordTrace before = RecordTrace.of(jdbc);

        Answer put = http.send("north1", "PUT", "/engine-rest/task/" + verify + "/variables/caseNumber",
                Map.of("value", south, "type", "String"));
        Answer complete = http.complete("north1", verify, Map.of("caseNumber", south, "verificationOutcome", "CLOSE",
                "findings", "经核查不属实"));
        Answer local = http.send("north1", "PUT", "/engine-rest/task/" + verify + "/localVariables/caseNumber",
                Map.of("value", south, "type", "String"));
        Answer modify = http.post("north1", "/engine-rest/task/" + verify + "/variables",
                Map.of("modifications", Map.of("caseNumber", Map.of("value", south))));
        Answer onInstance = http.send("north1", "PUT", "/engine-rest/process-instance/" + instanceOf(north)
                + "/variables/caseNumber", Map.of("value", south));

        assertThat(put.status()).isEqualTo(403);
        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.json().get("detail").asText()).contains("caseNumber");
        assertThat(List.of(local.status(), modify.status(), onInstance.status())).containsOnly(403);
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);

        http.complete("north1", verify, Map.of("verificationOutcome", "CLOSE", "findings", "经核查不属实"))
                .expect(204, "verify");
        assertThat(stageOf(north)).isIn("VERIFICATION", "CLOSED");
        assertThat(stageOf(south)).isEqualTo("VERIFICATION");
        assertThat(jdbc.queryForObject("SELECT zone FROM jd_case WHERE case_number = ?", String.class, south))
                .isEqualTo("SOUTH");
    }

    @Test
    void aLeadersApprovalCannotBeSwitchedOff() {
        String caseNumber = reportAndSendToVerification("NORTH", "街道未落实属地责任");
        http.complete("north1", onlyTaskOf("north1", caseNumber), Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "属实", "persons", Http.json(List.of(DIRECTOR)))).expect(204, "verify");
        String decide = onlyTaskOf("review1", caseNumber);
        RecordTrace before = RecordTrace.of(jdbc);

        Answer forged = http.complete("review1", decide, Map.of("persons", measured("CRITICISM_EDUCATION"),
                "leaderApprovalRequired", false, "decisionReason", "从轻"));
        Answer recommendation = http.complete("review1", decide, Map.of("persons", measured("CRITICISM_EDUCATION"),
                "recommendedMeasure", "NONE", "decisionReason", "从轻"));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("detail").asText()).contains("leaderApprovalRequired");
        assertThat(recommendation.status()).isEqualTo(400);
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);

        // A measure lighter than the recommended ADMONISHMENT still goes to leaders: Jiandu computes it, from
        // the director's row of the record. Version 2 hears the defence first, then the leaders approve.
        http.complete("review1", decide, Map.of("persons", measured("CRITICISM_EDUCATION"), "decisionReason", "从轻"))
                .expect(204, "decide");
        http.complete("review1", onlyTaskOf("review1", caseNumber), Map.of("defenceRecord", "本人无异议",
                "defenceChangesDecision", false)).expect(204, "defence");
        assertThat(taskNamesOf("leader1", caseNumber)).containsExactly("approveAccountability");
    }

    @Test
    void aCaseCannotBeStartedAroundTheChecks() {
        long cases = caseCount();
        RecordTrace before = RecordTrace.of(jdbc);

        Answer asLeader = startCase("stationed1", Map.of("reportedBy", "leader1"));
        Answer badPhone = startCase("stationed1", Map.of("reporterPhone", "not-a-phone <script>"));
        Answer typical = startCase("stationed1", Map.of("typicalCase", true));
        Answer numbered = http.post("stationed1", "/engine-rest/process-definition/key/supervisionCase/start",
                Map.of("businessKey", "JD-2026-99999", "variables", reportVariables(Map.of())));
        Answer skipping = http.post("stationed1", "/engine-rest/process-definition/key/supervisionCase/start",
                Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "closeCase")),
                        "variables", reportVariables(Map.of())));

        Answer mail = http.post("admin", "/engine-rest/process-definition/key/mailDelivery/start",
                Map.of("variables", Map.of("mailId", Map.of("value", 1))));
        assertThat(mail.status()).as("nobody starts Jiandu's mail delivery by hand").isEqualTo(403);

        assertThat(List.of(asLeader, badPhone, typical, numbered, skipping)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(asLeader.json().get("field").asText()).isEqualTo("reportedBy");
        assertThat(badPhone.json().get("detail").asText()).contains("联系电话");
        assertThat(caseCount()).isEqualTo(cases);
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);

        Answer honest = startCase("stationed1", Map.of());
        assertThat(honest.status()).as(honest.body()).isEqualTo(200);
        String caseNumber = honest.json().get("businessKey").asText();
        assertThat(jdbc.queryForObject("SELECT reported_by FROM jd_case WHERE case_number = ?", String.class,
                caseNumber)).isEqualTo("stationed1");
        assertThat(http.get("stationed1", "/api/cases/" + caseNumber).status()).isEqualTo(200);
    }

    @Test
    void tasksCannotBeHandedAcrossTheZoneWallRenamedOrUndated() {
        String caseNumber = reportAndSendToVerification("NORTH", "北区药店未登记购药信息");
        String verify = onlyTaskOf("north1", caseNumber);
        RecordTrace before = RecordTrace.of(jdbc);

        List<Answer> attempts = List.of(
                http.post("north1", "/engine-rest/task/" + verify + "/assignee", Map.of("userId", "south1")),
                http.post("north1", "/engine-rest/task/" + verify + "/claim", Map.of("userId", "south1")),
                http.post("north1", "/engine-rest/task/" + verify + "/delegate", Map.of("userId", "south1")),
                http.post("north1", "/engine-rest/task/" + verify + "/identity-links",
                        Map.of("groupId", "team-south", "type", "candidate")),
                http.send("north1", "PUT", "/engine-rest/task/" + verify,
                        Map.of("name", "已办结", "due", "null", "priority", 0)),
                http.send("north1", "DELETE", "/engine-rest/task/" + verify, null),
                http.post("north1", "/engine-rest/task/" + verify + "/bpmnError", Map.of("errorCode", "x")));

        assertThat(attempts).extracting(Answer::status).containsOnly(403);
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);
        assertThat(http.get("south1", "/api/cases/" + caseNumber).status()).isEqualTo(404);
        http.post("north1", "/engine-rest/task/" + verify + "/claim", Map.of("userId", "north1")).expect(204, "claim");
    }

    @Test
    void aReportersIdentityNeverReachesTheEngine() {
        Answer viaStartForm = http.post("intake1", "/engine-rest/process-definition/key/supervisionCase/submit-form",
                Map.of("variables", reportVariables(Map.of("reporterName", "钱某某", "reporterPhone", "13712345678",
                        "reporterEmail", "qian@example.cn"))));
        assertThat(viaStartForm.status()).as(viaStartForm.body()).isEqualTo(200);
        String viaApi = http.post("intake1", "/api/cases", Map.of("title", "药店未登记", "description", "未登记购药人员",
                "source", "HOTLINE", "unit", "某药店", "reporterName", "孙某某", "reporterPhone", "13612345678"))
                .expect(201, "report").json().get("caseNumber").asText();

        for (String trace : List.of("钱某某", "13712345678", "qian@example.cn", "孙某某", "13612345678")) {
            assertThat(engineRowsContaining(trace)).as(trace).isZero();
            assertThat(http.get("admin", "/engine-rest/history/detail").body()).doesNotContain(trace);
            assertThat(http.get("admin", "/engine-rest/history/variable-instance").body()).doesNotContain(trace);
        }
        String startFormCase = viaStartForm.json().get("businessKey").asText();
        assertThat(http.get("intake1", "/api/cases/" + startFormCase).json().path("reporter").path("phone").asText())
                .isEqualTo("13712345678");
        assertThat(http.get("intake1", "/api/cases/" + viaApi).json().path("reporter").path("name").asText())
                .isEqualTo("孙某某");
    }

    @Test
    void inputTooLongForItsColumnIsRefusedBeforeTheDatabase() {
        long cases = caseCount();
        Answer persons = startCase("intake1", Map.of("personsInvolved", "人".repeat(2001)));
        assertThat(persons.status()).isEqualTo(400);
        assertThat(persons.json().get("field").asText()).isEqualTo("personsInvolved");
        assertThat(persons.body()).doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("update");
        assertThat(caseCount()).isEqualTo(cases);

        String caseNumber = reportAndSendToVerification("NORTH", "北区核查超长");
        RecordTrace before = RecordTrace.of(jdbc);
        Answer findings = http.complete("north1", onlyTaskOf("north1", caseNumber),
                Map.of("verificationOutcome", "CLOSE", "findings", "查".repeat(10001)));
        assertThat(findings.status()).isEqualTo(400);
        assertThat(findings.json().get("detail").asText()).contains("核查情况（findings）不能超过 10000 个字");
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsReachCockpitsStatistics() {
        WebappSession north = WebappSession.login(port, "north1");
        Answer statistics = north.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
        assertThat(statistics.status()).isEqualTo(403);
        assertThat(north.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(200);
        WebappSession admin = WebappSession.login(port, "admin");
        assertThat(admin.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status())
                .isNotIn(401, 403);
    }

    @Test
    void tasklistsOwnRequestsAreHeldToTheSameRules() {
        String caseNumber = reportAndSendToVerification("NORTH", "北区超市未测温");
        String verify = onlyTaskOf("north1", caseNumber);
        WebappSession north = WebappSession.login(port, "north1");
        RecordTrace before = RecordTrace.of(jdbc);

        Answer forged = north.send("POST", "/camunda/api/engine/engine/default/task/" + verify + "/submit-form",
                "{\"variables\":{\"findings\":{\"value\":\"不属实\"},\"verificationOutcome\":{\"value\":\"CLOSE\"},"
                        + "\"stage\":{\"value\":\"CLOSED\"}}}");
        Answer handedOver = north.send("POST", "/camunda/api/engine/engine/default/task/" + verify + "/assignee",
                "{\"userId\":\"south1\"}");

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("field").asText()).isEqualTo("stage");
        assertThat(handedOver.status()).isEqualTo(403);
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);
        Answer honest = north.send("POST", "/camunda/api/engine/engine/default/task/" + verify + "/submit-form",
                "{\"variables\":{\"findings\":{\"value\":\"经核查不属实\"},\"verificationOutcome\":{\"value\":\"CLOSE\"},"
                        + "\"caseNumber\":{\"value\":\"" + caseNumber + "\"},\"title\":{\"value\":\"北区超市未测温\"}}}");
        assertThat(honest.status()).as(honest.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'title' AND TEXT_ = ?",
                Long.class, "北区超市未测温")).isEqualTo(1);
    }

    @Test
    void anAdministratorsTasklistFilterRunsNoCode() {
        String marker = System.getProperty("java.io.tmpdir") + "/jiandu-filter-" + System.nanoTime();
        Answer code = http.post("admin", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "恶意",
                "query", Map.of("assigneeExpression", "${''.getClass().forName('java.io.File')"
                        + ".getConstructor(''.getClass()).newInstance('" + marker + "').createNewFile()}")));
        Answer escaped = http.post("admin", "/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"x\","
                + "\"query\":{\"assigneeExpression\":\"\\u0024{execution.getClass()}\"}}");
        assertThat(code.status()).isEqualTo(400);
        assertThat(escaped.status()).isEqualTo(400);
        assertThat(new java.io.File(marker)).doesNotExist();
        http.post("admin", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "我的",
                "query", Map.of("assigneeExpression", "${currentUser()}"))).expect(200, "a filter as Jiandu's own");
    }

    // ---- the story's steps, as the demo users take them over HTTP

    /** The person verification holds directly responsible, as a row of Tasklist's dynamic list. */
    private static final Map<String, Object> DIRECTOR = Map.of("name", "赵某", "unit", "街道办事处", "post", "主任",
            "level", "SECTION_OR_BELOW", "partyMember", true, "publicServant", true, "responsibility", "DIRECT",
            "repeatOffence", false);

    private static Http.JsonValue measured(String measure) {
        return Http.json(List.of(Map.of("name", "赵某", "unit", "街道办事处", "measure", measure)));
    }

    private String reportAndSendToVerification(String zone, String title) {
        String caseNumber = http.post("intake1", "/api/cases", Map.of("title", title, "description", title + "，群众反映",
                "source", "HOTLINE", "unit", title.substring(0, 4), "zone", zone)).expect(201, "report").json()
                .get("caseNumber").asText();
        http.complete("intake1", onlyTaskOf("intake1", caseNumber), Map.of(
                "problemType", "RESPONSIBILITY_NOT_IMPLEMENTED", "severity", "SERIOUS", "zone", zone,
                "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "转初步核实")).expect(204, "triage");
        http.complete("leader1", onlyTaskOf("leader1", caseNumber), Map.of("disposalApproved", true))
                .expect(204, "approve the disposal");
        return caseNumber;
    }

    private Answer startCase(String user, Map<String, Object> extra) {
        return http.post(user, "/engine-rest/process-definition/key/supervisionCase/start",
                Map.of("variables", reportVariables(extra)));
    }

    private static Map<String, Object> reportVariables(Map<String, Object> extra) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("title", Map.of("value", "某小区未落实封闭管理"));
        variables.put("description", Map.of("value", "出入口无人值守"));
        variables.put("source", Map.of("value", "STATIONED_GROUP"));
        variables.put("unit", Map.of("value", "幸福社区"));
        variables.put("zone", Map.of("value", "NORTH"));
        extra.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private long engineRowsContaining(String text) {
        String like = "%" + text + "%";
        return jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?)
                     + (SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?)
                     + (SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?)
                """, Long.class, like, like, like, like, like, like);
    }

    private long caseCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Long.class);
    }

    private String stageOf(String caseNumber) {
        return jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber);
    }

    private String instanceOf(String caseNumber) {
        return jdbc.queryForObject("SELECT process_instance_id FROM jd_case WHERE case_number = ?", String.class,
                caseNumber);
    }

    private List<String> taskNamesOf(String user, String caseNumber) {
        List<String> keys = new ArrayList<>();
        http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
        return keys;
    }

    private String onlyTaskOf(String user, String caseNumber) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json();
        assertThat(tasks).as("tasks of " + user + " in " + caseNumber).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
