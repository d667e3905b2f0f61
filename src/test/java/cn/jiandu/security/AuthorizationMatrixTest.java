package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.support.WebappSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every group against every engine and API endpoint it should not reach, over HTTP as the demo
 * users: each is refused (400, 401, 403 or 404), and afterwards the record, the tasks, the
 * variables and the history are as they were. Administrators are held to the rows no one may pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:authorization-matrix;DB_CLOSE_DELAY=-1"})
class AuthorizationMatrixTest {

    static final List<String> STAFF = List.of("intake1", "north1", "south1", "stationed1", "review1", "leader1",
            "office1", "publicity1");
    static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404);

    /**
     * One request; {@code nobody} when even an administrator must be refused; {@code holder} is the
     * one user who may (the task's group), not asked.
     */
    record Row(String method, String path, Object body, boolean nobody, String holder) {

        Row heldBy(String user) {
            return new Row(method, path, body, nobody, user);
        }
    }

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
    void noGroupReachesWhatItShouldNot() {
        String caseNumber = http.post("intake1", "/api/cases", Map.of("title", "矩阵测试小区未封闭",
                "description", "出入口无人值守", "source", "HOTLINE", "unit", "矩阵社区", "zone", "NORTH"))
                .expect(201, "report").json().get("caseNumber").asText();
        String task = http.get("intake1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .get(0).get("id").asText();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM jd_case WHERE case_number = ?",
                String.class, caseNumber);
        String definition = jdbc.queryForObject("SELECT PROC_DEF_ID_ FROM ACT_RU_EXECUTION WHERE ID_ = ?",
                String.class, instance);
        List<Row> rows = rows(task, instance, definition);
        RecordTrace before = RecordTrace.of(jdbc);

        SoftAssertions softly = new SoftAssertions();
        for (String user : STAFF) {
            for (Row row : rows.stream().filter(row -> !user.equals(row.holder())).toList()) {
                Answer answer = http.send(user, row.method(), row.path(), row.body());
                softly.assertThat(answer.status()).as(user + " " + row.method() + " " + row.path() + " → " + answer.body())
                        .isIn(REFUSED);
            }
            softly.assertThat(http.get(user, "/engine-rest/task").status()).as(user + " reads its tasks").isEqualTo(200);
        }
        for (Row row : rows.stream().filter(Row::nobody).toList()) {
            Answer answer = http.send("admin", row.method(), row.path(), row.body());
            softly.assertThat(answer.status()).as("admin " + row.method() + " " + row.path() + " → " + answer.body())
                    .isIn(REFUSED);
        }
        softly.assertAll();
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);
    }

    @Test
    void theWebappsApiIsHeldToTheSameRowsAndCockpitToAdministrators() {
        String caseNumber = http.post("intake1", "/api/cases", Map.of("title", "矩阵测试菜市场未测温",
                "description", "入口未测体温", "source", "HOTLINE", "unit", "矩阵市场", "zone", "SOUTH"))
                .expect(201, "report").json().get("caseNumber").asText();
        String task = http.get("intake1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .get(0).get("id").asText();
        RecordTrace before = RecordTrace.of(jdbc);
        SoftAssertions softly = new SoftAssertions();
        for (String user : List.of("intake1", "leader1", "publicity1")) {
            WebappSession session = WebappSession.login(port, user);
            String engine = "/camunda/api/engine/engine/default";
            for (String[] request : List.of(
                    new String[] {"PUT", engine + "/task/" + task + "/variables/title", "{\"value\":\"改\"}"},
                    new String[] {"POST", engine + "/task/" + task + "/assignee", "{\"userId\":\"south1\"}"},
                    new String[] {"PUT", engine + "/task/" + task, "{\"name\":\"改名\"}"},
                    new String[] {"POST", engine + "/task/" + task + "/claim", "{\"userId\":\"admin\"}"},
                    new String[] {"POST", engine + "/message", "{\"messageName\":\"x\"}"},
                    new String[] {"GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null},
                    new String[] {"GET", "/camunda/api/admin/plugin/adminPlugins/default/users", null})) {
                Answer answer = request[0].equals("GET") ? session.get(request[1])
                        : session.send(request[0], request[1], request[2]);
                softly.assertThat(answer.status()).as(user + " " + request[0] + " " + request[1]).isIn(REFUSED);
            }
        }
        softly.assertAll();
        assertThat(RecordTrace.of(jdbc)).isEqualTo(before);
    }

    private static List<Row> rows(String task, String instance, String definition) {
        Map<String, Object> value = Map.of("value", "伪造", "type", "String");
        List<Row> rows = new ArrayList<>(List.of(
                // a task's assignee, name, due date and variables
                nobody("PUT", "/engine-rest/task/" + task, Map.of("name", "已办结", "due", "null")),
                nobody("POST", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "south1")),
                nobody("POST", "/engine-rest/task/" + task + "/delegate", Map.of("userId", "south1")),
                nobody("POST", "/engine-rest/task/" + task + "/identity-links", Map.of("userId", "south1", "type", "candidate")),
                nobody("POST", "/engine-rest/task/" + task + "/resolve", Map.of()),
                nobody("POST", "/engine-rest/task/" + task + "/bpmnError", Map.of("errorCode", "x")),
                nobody("POST", "/engine-rest/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "x")),
                nobody("PUT", "/engine-rest/task/" + task + "/variables/caseNumber", value),
                nobody("PUT", "/engine-rest/task/" + task + "/localVariables/caseNumber", value),
                nobody("POST", "/engine-rest/task/" + task + "/variables", Map.of("modifications", Map.of("title", value))),
                nobody("DELETE", "/engine-rest/task/" + task + "/variables/title", null),
                nobody("DELETE", "/engine-rest/task/" + task, null),
                nobody("POST", "/engine-rest/task/create", Map.of("name", "私设任务")),
                nobody("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "admin")),
                staff("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "north1")),
                nobody("POST", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                        "problemType", Map.of("value", "OTHER"), "severity", Map.of("value", "MINOR"),
                        "zone", Map.of("value", "NORTH"), "disposal", Map.of("value", "CLOSE"),
                        "triageComment", Map.of("value", "越权了结")))).heldBy("intake1"),
                // a running case's variables, route and existence
                nobody("PUT", "/engine-rest/process-instance/" + instance + "/variables/stage", value),
                nobody("POST", "/engine-rest/process-instance/" + instance + "/variables",
                        Map.of("modifications", Map.of("zone", value))),
                nobody("PUT", "/engine-rest/execution/" + instance + "/localVariables/zone", value),
                nobody("POST", "/engine-rest/process-instance/" + instance + "/modification", Map.of("instructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "closeCase")))),
                nobody("DELETE", "/engine-rest/process-instance/" + instance, null),
                nobody("POST", "/engine-rest/process-instance/delete", Map.of("processInstanceIds", List.of(instance))),
                nobody("POST", "/engine-rest/process-definition/" + definition + "/restart",
                        Map.of("processInstanceIds", List.of(instance))),
                nobody("POST", "/engine-rest/message", Map.of("messageName", "x", "processInstanceId", instance)),
                nobody("POST", "/engine-rest/signal", Map.of("name", "x")),
                nobody("POST", "/engine-rest/execution/" + instance + "/signal", Map.of()),
                nobody("POST", "/engine-rest/migration/execute", Map.of()),
                nobody("DELETE", "/engine-rest/history/process-instance/" + instance, null),
                nobody("POST", "/engine-rest/history/process-instance/delete",
                        Map.of("historicProcessInstanceIds", List.of(instance))),
                nobody("POST", "/engine-rest/history/cleanup", null),
                nobody("DELETE", "/engine-rest/process-definition/" + definition + "?cascade=true", null),
                // what only administrators do
                staff("PUT", "/engine-rest/process-instance/" + instance + "/suspended", Map.of("suspended", true)),
                staff("POST", "/engine-rest/process-definition/key/dailySupervisionReport/start", Map.of()),
                staff("POST", "/engine-rest/user/create", Map.of("profile", Map.of("id", "mole"),
                        "credentials", Map.of("password", "mole-secret-1"))),
                staff("POST", "/engine-rest/group/create", Map.of("id", "moles", "name", "moles")),
                staff("POST", "/engine-rest/group/leaders/members/north1", null),
                staff("POST", "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
                        "userId", "north1", "resourceType", 8, "resourceId", "*")),
                staff("PUT", "/engine-rest/user/admin/credentials", Map.of("password", "taken-over-1",
                        "authenticatedUserPassword", "demo")),
                staff("POST", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "全部",
                        "query", Map.of())),
                staff("POST", "/api/admin/migrations", Map.of()),
                staff("GET", "/api/admin/deployments", null)));
        return rows;
    }

    private static Row nobody(String method, String path, Object body) {
        return new Row(method, path, body, true, null);
    }

    private static Row staff(String method, String path, Object body) {
        return new Row(method, path, body, false, null);
    }
}
