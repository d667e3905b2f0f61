package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route version 2 over HTTP on a real PostgreSQL, worked by the demo users of the right groups as Tasklist
 * works it (/engine-rest), with the job executor running the asynchronous steps: one case of three persons
 * — the person directly responsible, the leader with principal and the one with important leadership
 * responsibility — from the report to the bulletin that names them, then the day's report counting them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseRouteOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId COMMISSION = ZoneId.of("Asia/Shanghai");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "case_route");
    }

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCaseOfThreePersonsIsWorkedThroughEveryStepNamedInABulletinAndCountedInTheDaysReport() {
        Answer reported = http.post("intake1", "/api/cases", Map.of(
                "title", "东湖街道隔离点管理混乱", "description", "群众反映东湖街道集中隔离点人员随意进出，未落实闭环管理",
                "source", "PUBLIC_REPORT", "unit", "东湖街道办事处", "personsInvolved", "隔离点负责人张某；街道主任王某",
                "reporterName", "钱某", "reporterPhone", "13700000000", "reporterEmail", "qian@example.cn",
                "problemType", "INEFFECTIVE_PREVENTION", "zone", "NORTH"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String caseNumber = reported.json().get("caseNumber").asText();

        // 案件监督管理室 proposes, the commission's leader approves the disposal.
        completeAs("intake1", caseNumber, "triageCase", Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "SERIOUS", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "线索具体，拟转北片区初步核实"));
        assertThat(stageOf(caseNumber)).isEqualTo("DISPOSAL_APPROVAL");
        completeAs("leader1", caseNumber, "approveDisposal", Map.of("disposalApproved", true,
                "approvalComment", "同意初步核实"));

        // Only the north team sees the verification; the south team can neither work nor read it.
        String verify = taskOf("north1", caseNumber, "verifyCase");
        assertThat(tasksOf("south1", caseNumber)).isEmpty();
        assertThat(http.get("south1", "/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(http.complete("north1", verify, Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "经核实，隔离点连续五日未落实闭环管理，3人擅自离开隔离点",
                "persons", Http.json(List.of(
                        person("张某", "东湖街道集中隔离点", "隔离点负责人", "SECTION_OR_BELOW", "DIRECT"),
                        person("王某", "东湖街道办事处", "主任", "DIVISION", "PRINCIPAL_LEADERSHIP"),
                        person("李某", "东湖街道办事处", "副主任", "SECTION_OR_BELOW", "IMPORTANT_LEADERSHIP"))),
                "emergencyAction", false, "faultToleranceRequested", true)).status()).isEqualTo(204);

        // Asked for, fault tolerance is weighed before any decision.
        completeAs("review1", caseNumber, "reviewFaultTolerance", Map.of("ftPublicInterest", true,
                "ftWithinProcedure", false, "ftNoPersonalGain", true, "ftNoProhibitionBroken", false,
                "ftLossRemedied", false, "faultToleranceOutcome", "NOT_APPLICABLE",
                "faultToleranceReason", "违反隔离管理规定，未及时纠正，不符合容错情形"));

        // The DMN recommended a measure for each person; case-review decides one for each, beside it.
        String decide = taskOf("review1", caseNumber, "decideAccountability");
        ArrayNode persons = personsShownIn(decide);
        assertThat(persons).hasSize(3);
        persons.forEach(p -> assertThat(p.path("recommendedMeasure").asText()).as(p.toString()).isNotBlank());
        measure(persons, "张某", "ADMONISHMENT");
        measure(persons, "王某", "CIRCULATED_CRITICISM");
        measure(persons, "李某", "TALK_REMINDER");
        assertThat(http.complete("review1", decide, Map.of("persons", Http.json(persons),
                "unitMeasure", "ORG_INSPECTION", "typicalCase", true,
                "decisionReason", "防控不力，造成不良影响，作为典型问题通报曝光")).status()).isEqualTo(204);

        completeAs("review1", caseNumber, "hearDefence", Map.of("defenceRecord", "三人均对事实无异议，张某申辩人手不足",
                "defenceChangesDecision", false));
        completeAs("leader1", caseNumber, "approveAccountability", Map.of("accountabilityApproved", true,
                "approvalComment", "同意"));
        LocalDate today = LocalDate.now(COMMISSION);
        completeAs("north1", caseNumber, "serveDecision", Map.of("servedOn", today.toString()));
        assertThat(stageOf(caseNumber)).as("typical: it waits for a bulletin").isEqualTo("NOTICE");

        // 宣传部 drafts a bulletin naming the case, leaders approve, publication closes the case.
        Answer started = http.post("publicity1", "/engine-rest/process-definition/key/noticeBulletin/start",
                "{\"variables\": {\"caseNumbers\": {\"value\": \"" + caseNumber + "\"}, \"bulletinTitle\": "
                        + "{\"value\": \"关于东湖街道隔离点管理混乱问题的通报\"}}}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String bulletin = started.json().get("id").asText();
        String draft = bulletinTask("publicity1", bulletin, "draftNotice");
        assertThat(http.complete("publicity1", draft, Map.of("bulletinTitle", "关于东湖街道隔离点管理混乱问题的通报",
                "bulletinBody", "近日，区纪委监委对东湖街道集中隔离点管理混乱问题进行了严肃问责。")).status()).isEqualTo(204);
        String approve = bulletinTask("leader1", bulletin, "approveNotice");
        assertThat(http.complete("leader1", approve, Map.of("noticeApproved", true)).status()).isEqualTo(204);

        JsonNode closed = waitUntilClosed(caseNumber);
        assertThat(closed.get("outcome").asText()).isEqualTo("ACCOUNTABILITY");
        assertThat(closed.get("reporter").get("email").asText()).isEqualTo("qian@example.cn");
        assertThat(closed.get("openTasks")).isEmpty();
        List<JsonNode> recorded = new ArrayList<>();
        closed.get("persons").forEach(recorded::add);
        assertThat(recorded).extracting(p -> p.get("name").asText(), p -> p.get("responsibility").asText(),
                p -> p.get("measure").asText(), p -> p.get("servedOn").asText())
                .containsExactly(tuple("张某", "DIRECT", "ADMONISHMENT", today.toString()),
                        tuple("王某", "PRINCIPAL_LEADERSHIP", "CIRCULATED_CRITICISM", today.toString()),
                        tuple("李某", "IMPORTANT_LEADERSHIP", "TALK_REMINDER", today.toString()));

        List<String> steps = new ArrayList<>();
        List<String> people = new ArrayList<>();
        closed.get("timeline").forEach(entry -> {
            steps.add(entry.get("activityId").asText());
            if (entry.hasNonNull("by")) {
                people.add(entry.get("by").asText());
            }
        });
        assertThat(steps).containsSubsequence("registerCase", "triageCase", "approveDisposal",
                "verifyCase", "reviewFaultTolerance", "recommendAccountability", "decideAccountability", "hearDefence",
                "approveAccountability", "serveDecision", "awaitBulletin", "closeCase")
                .as("what people did and Jiandu decided, not the route's start and end events")
                .doesNotContain("caseReported", "triageStarted", "triageDone", "verificationDone", "caseClosed");
        assertThat(people).contains("intake1", "leader1", "north1", "review1");

        // The public page names each person with responsibility and measure; nobody needs to log in.
        Answer notices = http.get(null, "/notices");
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.body()).contains("关于东湖街道隔离点管理混乱问题的通报");
        String detail = http.get(null, "/api/notices").body();
        assertThat(detail).contains("张某", "王某", "李某");

        // The day's report counts the three persons (人次), by the four forms and by responsibility.
        JsonNode report = http.get("office1", "/api/reports/daily?date=" + today).json();
        JsonNode counted = report.get("figures").get("persons");
        assertThat(counted.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(counted.get("byMeasure").get("ADMONISHMENT").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counted.get("byMeasure").get("CIRCULATED_CRITICISM").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counted.get("byMeasure").get("TALK_REMINDER").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counted.get("byForm").get("FIRST").asLong()).isGreaterThanOrEqualTo(3);
    }

    private static ObjectNode person(String name, String unit, String post, String level, String responsibility) {
        ObjectNode person = JSON.createObjectNode();
        person.put("name", name).put("unit", unit).put("post", post).put("level", level).put("partyMember", true)
                .put("publicServant", true).put("responsibility", responsibility).put("repeatOffence", false);
        return person;
    }

    /** The persons as the decision's form shows them (Tasklist asks for them serialized): the record's rows with the DMN's recommendation. */
    private ArrayNode personsShownIn(String taskId) {
        JsonNode variables = http.get("review1", "/engine-rest/task/" + taskId + "/form-variables?variableNames=persons&deserializeValues=false")
                .json();
        JsonNode value = variables.get("persons").get("value");
        try {
            return (ArrayNode) (value.isTextual() ? JSON.readTree(value.asText()) : value);
        } catch (Exception e) {
            throw new AssertionError("persons is not a JSON list: " + variables, e);
        }
    }

    private static void measure(ArrayNode persons, String name, String measure) {
        persons.forEach(p -> {
            if (p.get("name").asText().equals(name)) {
                ((ObjectNode) p).put("measure", measure);
            }
        });
    }

    private void completeAs(String user, String caseNumber, String taskKey, Map<String, Object> variables) {
        String task = taskOf(user, caseNumber, taskKey);
        Answer answer = http.complete(user, task, variables);
        assertThat(answer.status()).as(taskKey + " by " + user + ": " + answer.body()).isEqualTo(204);
    }

    private String stageOf(String caseNumber) {
        return http.get("leader1", "/api/cases/" + caseNumber).json().path("stage").asText();
    }

    private String taskOf(String user, String caseNumber, String taskKey) {
        return firstTask(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey="
                + taskKey, taskKey + " of " + caseNumber);
    }

    private String bulletinTask(String user, String processInstanceId, String taskKey) {
        return firstTask(user, "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
                + taskKey, taskKey + " of the bulletin");
    }

    private String firstTask(String user, String query, String what) {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (JsonNode task : http.get(user, query).json()) {
                return task.get("id").asText();
            }
            pause();
        }
        throw new AssertionError(user + " never saw " + what);
    }

    private List<String> tasksOf(String user, String caseNumber) {
        List<String> ids = new ArrayList<>();
        http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private JsonNode waitUntilClosed(String caseNumber) {
        for (int attempt = 0; attempt < 150; attempt++) {
            JsonNode detail = http.get("leader1", "/api/cases/" + caseNumber).json();
            if ("CLOSED".equals(detail.path("stage").asText())) {
                return detail;
            }
            pause();
        }
        throw new AssertionError(caseNumber + " was not closed by the job executor in time");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
