package cn.jiandu.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Inspections as officers and programs meet them over HTTP: a team plans through the engine's REST
 * API as Tasklist does, an unannounced inspection stays hidden from everyone but its team and
 * leaders until it has been carried out, and the record links each problem to its case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:inspection-and-report-web;DB_CLOSE_DELAY=-1"})
class InspectionApiTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void onlyTheZoneTeamsMayPlanAnInspection() {
        assertThat(start("office1", "NORTH", "OPEN").status()).isEqualTo(403);
        assertThat(start("stationed1", "NORTH", "OPEN").status()).isEqualTo(403);
        assertThat(start("south1", "SOUTH", "OPEN").status()).isEqualTo(200);
    }

    @Test
    void anUnannouncedInspectionIsHiddenUntilCarriedOutThenVisibleWithItsCases() {
        JsonNode started = start("north1", "NORTH", "UNANNOUNCED").json();
        String number = started.get("businessKey").asText();
        long id = Long.parseLong(number.substring("JC-".length()));
        String path = "/api/inspections/" + id;

        assertThat(http.get("north1", path).status()).isEqualTo(200);
        assertThat(http.get("leader1", path).status()).isEqualTo(200);
        for (String outsider : List.of("south1", "office1", "intake1", "review1", "admin", "stationed1")) {
            Answer hidden = http.get(outsider, path);
            assertThat(hidden.status()).as(outsider).isEqualTo(404);
            assertThat(hidden.contentType()).startsWith("application/problem+json");
            assertThat(idsSeenBy(outsider)).as(outsider).doesNotContain(id);
        }
        String processInstance = started.get("id").asText();
        assertThat(tasksOf("south1", processInstance)).isEmpty();

        String task = tasksOf("north1", processInstance).get(0);
        Answer recorded = http.post("north1", "/engine-rest/task/" + task + "/complete", """
                {"variables": {
                  "inspectedOn": {"value": "%s"},
                  "inspectionSummary": {"value": "暗访幸福社区卡口"},
                  "problemsFound": {"value": true},
                  "findings": {"type": "Json", "value": "[{\\"problemType\\": \\"INEFFECTIVE_PREVENTION\\", \\"description\\": \\"卡口无人值守\\", \\"handling\\": \\"CASE\\"}]"}
                }}""".formatted(TODAY));
        assertThat(recorded.status()).isEqualTo(204);

        JsonNode seenByOffice = http.get("office1", "/api/inspections/" + number).json();
        assertThat(seenByOffice.get("status").asText()).isEqualTo("CARRIED_OUT");
        assertThat(seenByOffice.get("findings").get(0).get("description").asText()).isEqualTo("卡口无人值守");
        assertThat(idsSeenBy("office1")).contains(id);
        assertThat(http.get("south1", path).status()).isEqualTo(404);
    }

    @Test
    void aPlanWithAMistakeIsAnsweredWithWhatToCorrect() {
        Answer refused = http.post("north1", "/engine-rest/process-definition/key/supervisionInspection/start", """
                {"variables": {"unit": {"value": "幸福社区"}, "unitKind": {"value": "COMMUNITY"},
                  "zone": {"value": "NORTH"}, "inspectionMode": {"value": "SECRET"},
                  "inspectionScope": {"value": "COMPREHENSIVE"}, "inspectionChannel": {"value": "ON_SITE"},
                  "plannedDate": {"value": "%s"}}}""".formatted(TODAY));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("inspectionMode", "UNANNOUNCED（暗访）");
    }

    @Test
    void listsArePagedAndFilteredAndBadParametersAreProblems() {
        start("north1", "NORTH", "OPEN");
        JsonNode page = http.get("leader1", "/api/inspections?zone=NORTH&status=PLANNED&size=1").json();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("content").get(0).get("zone").asText()).isEqualTo("NORTH");
        assertThat(http.get("leader1", "/api/inspections?size=500").status()).isEqualTo(400);
        assertThat(http.get("leader1", "/api/inspections?mode=SECRET").status()).isEqualTo(400);
        assertThat(http.get("leader1", "/api/inspections/not-a-number").status()).isEqualTo(404);
        assertThat(http.get(null, "/api/inspections").status()).isEqualTo(401);
    }

    private Answer start(String user, String zone, String mode) {
        return http.post(user, "/engine-rest/process-definition/key/supervisionInspection/start", Map.of("variables",
                Map.of("unit", Map.of("value", "幸福社区"), "unitKind", Map.of("value", "COMMUNITY"),
                        "zone", Map.of("value", zone), "inspectionMode", Map.of("value", mode),
                        "inspectionScope", Map.of("value", "COMPREHENSIVE"),
                        "inspectionChannel", Map.of("value", "ON_SITE"), "plannedDate", Map.of("value", TODAY))));
    }

    private List<Long> idsSeenBy(String user) {
        List<Long> ids = new ArrayList<>();
        http.get(user, "/api/inspections?size=200").json().get("content").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private List<String> tasksOf(String user, String processInstance) {
        List<String> ids = new ArrayList<>();
        http.get(user, "/engine-rest/task?processInstanceId=" + processInstance).json()
                .forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
