package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
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
 * The whole route over HTTP on a real PostgreSQL, worked by the demo users of the right groups as
 * Tasklist works it (/engine-rest), with the job executor running the asynchronous steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseRouteOnPostgresTest {

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
    void aTypicalCaseIsWorkedFromReportToPublicNoticeByEachGroupInTurn() throws Exception {
        Answer reported = http.post("intake1", "/api/cases", Map.of(
                "title", "某街道挪用防疫口罩", "description", "群众反映街道办将防疫口罩挪作他用",
                "source", "PUBLIC_REPORT", "unit", "东湖街道办事处", "personsInvolved", "副主任张某",
                "reporterName", "钱某", "reporterPhone", "13700000000", "reporterEmail", "qian@example.cn",
                "problemType", "MISUSE_OF_FUNDS", "zone", "NORTH"));
        assertThat(reported.status()).isEqualTo(201);
        String caseNumber = reported.json().get("caseNumber").asText();

        completeAs("intake1", caseNumber, "triageCase", Map.of("problemType", "MISUSE_OF_FUNDS", "severity", "SERIOUS",
                "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "线索具体，转北片区初核"));

        String verify = taskOf("north1", caseNumber, "verifyCase");
        assertThat(tasksOf("south1", caseNumber)).isEmpty();
        assertThat(http.complete("south1", verify, Map.of("substantiated", false, "findings", "越权")).status())
                .isEqualTo(403);
        assertThat(http.get("south1", "/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(http.complete("north1", verify, Map.of("substantiated", true, "findings", "挪用口罩2000只属实",
                "responsiblePersons", "副主任张某；主任王某负领导责任", "leadershipResponsible", true,
                "emergencyAction", true, "faultToleranceRequested", false, "repeatOffence", false)).status())
                .isEqualTo(204);

        completeAs("review1", caseNumber, "decideAccountability", Map.of("measure", "DISCIPLINARY_SANCTION",
                "leaderMeasure", "CIRCULATED_CRITICISM", "typicalCase", true, "decisionReason", "情节较重，典型"));
        completeAs("leader1", caseNumber, "approveAccountability", Map.of("accountabilityApproved", true,
                "approvalComment", "同意"));
        completeAs("review1", caseNumber, "reviewFaultTolerance", Map.of("faultToleranceOutcome", "NOT_APPLICABLE",
                "faultToleranceReason", "谋取私利，不符合容错条件"));
        completeAs("publicity1", caseNumber, "draftNotice", Map.of("noticeTitle", "关于东湖街道挪用防疫口罩问题的通报",
                "noticeBody", "东湖街道办事处副主任张某挪用防疫口罩2000只，给予纪律处分。"));
        completeAs("leader1", caseNumber, "approveNotice", Map.of("noticeApproved", true));

        JsonNode closed = waitUntilClosed(caseNumber);
        assertThat(closed.get("outcome").asText()).isEqualTo("ACCOUNTABILITY");
        assertThat(closed.get("measure").asText()).isEqualTo("DISCIPLINARY_SANCTION");
        assertThat(closed.get("leaderMeasure").asText()).isEqualTo("CIRCULATED_CRITICISM");
        // Serious misuse of funds calls for a sanction, and a sanction needs a filed case first.
        assertThat(closed.get("recommendedMeasure").asText()).isEqualTo("PROPOSE_FILING");
        assertThat(closed.get("reporter").get("email").asText()).isEqualTo("qian@example.cn");
        assertThat(closed.get("openTasks")).isEmpty();

        List<String> steps = new ArrayList<>();
        List<String> people = new ArrayList<>();
        closed.get("timeline").forEach(entry -> {
            steps.add(entry.get("activityId").asText());
            if (entry.hasNonNull("by")) {
                people.add(entry.get("by").asText());
            }
        });
        assertThat(steps).containsSubsequence("caseReported", "registerCase", "triageCase", "verifyCase",
                "recommendAccountability", "decideAccountability", "approveAccountability", "reviewFaultTolerance",
                "draftNotice", "approveNotice", "publishNotice", "closeCase", "caseClosed");
        assertThat(people).contains("intake1", "north1", "review1", "leader1", "publicity1");
    }

    private void completeAs(String user, String caseNumber, String taskKey, Map<String, Object> variables) {
        String task = taskOf(user, caseNumber, taskKey);
        Answer answer = http.complete(user, task, variables);
        assertThat(answer.status()).as(taskKey + " by " + user + ": " + answer.body()).isEqualTo(204);
    }

    private String taskOf(String user, String caseNumber, String taskKey) {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (JsonNode task : http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                    + "&taskDefinitionKey=" + taskKey).json()) {
                return task.get("id").asText();
            }
            pause();
        }
        throw new AssertionError(user + " never saw " + taskKey + " of " + caseNumber);
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
