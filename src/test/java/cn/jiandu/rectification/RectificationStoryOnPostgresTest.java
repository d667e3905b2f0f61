package cn.jiandu.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 整改督办 from end to end on real PostgreSQL, worked over HTTP by the demo users as Tasklist works it, the
 * engine's clock set and moved by hand and its jobs run by hand: north1 inspects a market and finds two
 * problems — one rectified on the spot, one that becomes a case; the case ends in a served decision, whose
 * rectification is issued, reported, checked and, 30 days later, followed up (回头看) and found sustained; the
 * weekly bulletins count both rectifications completed, by zone and unit kind, and the unit's history says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class RectificationStoryOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId COMMISSION = ZoneId.of("Asia/Shanghai");
    private static final String MARKET = "城北农贸市场";
    /** A Wednesday morning: the inspection, the case and the check happen in this week. */
    private static final OffsetDateTime INSPECTION_DAY = OffsetDateTime.parse("2026-03-04T10:00:00+08:00");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "rectification_story");
    }

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
        ClockUtil.setCurrentTime(Date.from(INSPECTION_DAY.toInstant()));
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void aMinorProblemIsRectifiedOnTheSpotAnotherIsDecidedRectifiedCheckedAndFollowedUpThirtyDaysLater() {
        // North1 plans and records the inspection: two problems, one fixed on the spot, one for a case.
        LocalDate inspected = today();
        Answer planned = http.post("north1", "/engine-rest/process-definition/key/supervisionInspection/start",
                Map.of("variables", Map.of("unit", value(MARKET), "unitKind", value("MARKET"), "zone", value("NORTH"),
                        "inspectionMode", value("OPEN"), "inspectionScope", value("COMPREHENSIVE"),
                        "inspectionChannel", value("ON_SITE"), "plannedDate", value(inspected.toString()))));
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        String inspection = planned.json().get("id").asText();
        String record = firstTask("north1", "/engine-rest/task?processInstanceId=" + inspection, "recordInspection");
        Answer recorded = http.complete("north1", record, Map.of("inspectedOn", inspected.toString(),
                "inspectionSummary", "实地检查入口测温、健康码查验和消杀台账", "problemsFound", true,
                "findings", Http.json(List.of(
                        Map.of("problemType", "FORMALISM_BUREAUCRATISM", "description", "消杀台账未按日填写",
                                "handling", "ON_SPOT"),
                        Map.of("problemType", "INEFFECTIVE_PREVENTION", "description", "入口连续多日未测温、未查验健康码",
                                "personsInvolved", "市场管理办主任赵某", "handling", "CASE")))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
        runJob(inspection, "reportInspectionFindings");

        long inspectionId = Long.parseLong(planned.json().get("businessKey").asText().substring("JC-".length()));
        JsonNode findings = http.get("north1", "/api/inspections/" + inspectionId).json().get("findings");
        assertThat(findings.get(0).get("handling").asText()).isEqualTo("ON_SPOT");
        assertThat(findings.get(0).hasNonNull("caseNumber")).isFalse();
        String onSpot = findings.get(0).get("rectificationNumber").asText();
        assertThat(onSpot).matches("ZG-2026-\\d{5}");
        String caseNumber = findings.get(1).get("caseNumber").asText();
        assertThat(findings.get(1).hasNonNull("rectificationNumber")).isFalse();

        // The case is worked to a served decision.
        completeAs("intake1", caseNumber, "triageCase", Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "检查发现，拟初步核实"));
        completeAs("leader1", caseNumber, "approveDisposal", Map.of("disposalApproved", true));
        completeAs("north1", caseNumber, "verifyCase", Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "经核实，市场入口连续五日未测温、未查验健康码",
                "persons", Http.json(List.of(person())), "emergencyAction", false, "faultToleranceRequested", false));
        String decide = taskOf("review1", caseNumber, "decideAccountability");
        ArrayNode persons = personsShownIn(decide);
        ((ObjectNode) persons.get(0)).put("measure", "CRITICISM_EDUCATION");
        assertThat(http.complete("review1", decide, Map.of("persons", Http.json(persons), "typicalCase", false,
                "decisionReason", "防控措施落实不到位，予以批评教育")).status()).isEqualTo(204);
        completeAs("review1", caseNumber, "hearDefence", Map.of("defenceRecord", "赵某对事实无异议",
                "defenceChangesDecision", false));
        if (hasTask("leader1", caseNumber, "approveAccountability")) {
            completeAs("leader1", caseNumber, "approveAccountability", Map.of("accountabilityApproved", true));
        }
        completeAs("north1", caseNumber, "serveDecision", Map.of("servedOn", today().toString()));

        // Serving the decision started the market's rectification: notice, report, check.
        String rectification = jdbc.queryForObject(
                "SELECT rectification_number FROM jd_rectification WHERE case_number = ? AND origin = 'DECISION'",
                String.class, caseNumber);
        completeAs("north1", rectification, RectificationProcess.ISSUE_NOTICE, Map.of(
                "items", Http.json(List.of(Map.of("content", "入口设专人测温、查验健康码"),
                        Map.of("content", "建立每日防控台账"))),
                "deadline", today().plusDays(15).toString(), "requirements", "十五日内书面报告整改情况并附照片",
                "responsiblePerson", "赵某", "responsiblePost", "市场管理办主任", "unitKind", "MARKET"));
        completeAs("north1", rectification, RectificationProcess.RECORD_REPORT, Map.of(
                "reportedOn", today().toString(), "reportSummary", "已安排两名专人值守入口，台账逐日填写"));
        completeAs("north1", rectification, RectificationProcess.CHECK, Map.of("checkResult", "ACCEPTED",
                "checkReason", "现场核查，测温查验到位，台账完整"));
        assertThat(state(rectification)).isEqualTo("FOLLOW_UP_PENDING");

        // Thirty days later the follow-up (回头看) is due and finds the rectification sustained.
        OffsetDateTime followUpDay = INSPECTION_DAY.plusDays(30);
        ClockUtil.setCurrentTime(Date.from(followUpDay.toInstant()));
        runJob(processOf(rectification), RectificationProcess.FOLLOW_UP_DUE);
        completeAs("north1", rectification, RectificationProcess.RECORD_FOLLOW_UP, Map.of(
                "followUpOn", today().toString(), "followUpMode", "ON_SITE", "followUpResult", "SUSTAINED",
                "followUpFindings", "入口测温查验持续落实，台账完整"));
        assertThat(state(rectification)).isEqualTo("COMPLETED");
        assertThat(state(onSpot)).isEqualTo("COMPLETED");

        // The case page shows the rectification and its timeline.
        String casePage = http.get("north1", "/cases/" + caseNumber).expect(200, "case page").body();
        assertThat(casePage).contains("整改督办", rectification, "整改完成", "入口设专人测温、查验健康码", "整改到位",
                "实地查看", "整改成果巩固", "/api/rectifications/" + rectification + "/notice.docx");

        // The weekly bulletins count each rectification completed in its week, by zone and by unit kind.
        JsonNode inspectionWeek = rectificationsOfWeek(INSPECTION_DAY);
        assertThat(counts(inspectionWeek.get("total"))).as("the week of the inspection: on the spot")
                .isEqualTo(List.of(0L, 0L, 1L, 0L));
        JsonNode followUpWeek = rectificationsOfWeek(followUpDay);
        assertThat(counts(followUpWeek.get("total"))).as("the week of the follow-up: the case's")
                .isEqualTo(List.of(0L, 0L, 1L, 0L));
        for (JsonNode week : List.of(inspectionWeek, followUpWeek)) {
            assertThat(counts(week.get("byZone").get("NORTH"))).isEqualTo(List.of(0L, 0L, 1L, 0L));
            assertThat(counts(week.get("byZone").get("SOUTH"))).isEqualTo(List.of(0L, 0L, 0L, 0L));
            assertThat(counts(week.get("byUnitKind").get("MARKET"))).isEqualTo(List.of(0L, 0L, 1L, 0L));
        }

        // The market's history: one inspection, two problems, both fixed.
        String history = http.get("north1", "/units?name=" + URLEncoder.encode(MARKET, StandardCharsets.UTF_8))
                .expect(200, "unit history").body();
        assertThat(history).contains("近12个月检查 1 次，发现问题 2 个，整改完成 2 个，未完成 0 个", onSpot, rectification,
                caseNumber, "当场整改", "立案办理");
        assertThat(http.get("south1", "/units?name=" + URLEncoder.encode(MARKET, StandardCharsets.UTF_8)).body())
                .contains("近12个月检查 0 次，发现问题 0 个，整改完成 0 个，未完成 0 个").doesNotContain(rectification);
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(COMMISSION).toLocalDate();
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private static ObjectNode person() {
        ObjectNode person = JSON.createObjectNode();
        person.put("name", "赵某").put("unit", MARKET + "管理办公室").put("post", "主任").put("level", "SECTION_OR_BELOW")
                .put("partyMember", true).put("publicServant", false).put("responsibility", "DIRECT")
                .put("repeatOffence", false);
        return person;
    }

    private JsonNode rectificationsOfWeek(OffsetDateTime day) {
        LocalDate date = day.atZoneSameInstant(COMMISSION).toLocalDate();
        String week = "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Answer report = http.get("office1", "/api/reports/weekly?week=" + week);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().get("figures").get("rectifications");
    }

    /** open, overdue, completed, escalated. */
    private static List<Long> counts(JsonNode line) {
        return List.of(line.get("open").asLong(), line.get("overdue").asLong(), line.get("completed").asLong(),
                line.get("escalated").asLong());
    }

    private String state(String rectificationNumber) {
        return jdbc.queryForObject("SELECT state FROM jd_rectification WHERE rectification_number = ?", String.class,
                rectificationNumber);
    }

    private String processOf(String rectificationNumber) {
        return jdbc.queryForObject("SELECT process_instance_id FROM jd_rectification WHERE rectification_number = ?",
                String.class, rectificationNumber);
    }

    private void runJob(String processInstanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as(activityId + " of " + processInstanceId).isNotNull();
        management.executeJob(job.getId());
    }

    private ArrayNode personsShownIn(String taskId) {
        JsonNode value = http.get("review1", "/engine-rest/task/" + taskId
                + "/form-variables?variableNames=persons&deserializeValues=false").json().get("persons").get("value");
        try {
            return (ArrayNode) (value.isTextual() ? JSON.readTree(value.asText()) : value);
        } catch (Exception e) {
            throw new AssertionError("persons is not a JSON list: " + value, e);
        }
    }

    private void completeAs(String user, String businessKey, String taskKey, Map<String, Object> variables) {
        String task = taskOf(user, businessKey, taskKey);
        Answer answer = http.complete(user, task, variables);
        assertThat(answer.status()).as(taskKey + " by " + user + ": " + answer.body()).isEqualTo(204);
    }

    private boolean hasTask(String user, String businessKey, String taskKey) {
        return http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
                + taskKey).json().size() > 0;
    }

    private String taskOf(String user, String businessKey, String taskKey) {
        return firstTask(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
                + taskKey, taskKey);
    }

    /** Every step here runs in the request that completes the one before: the task is there or it is a failure. */
    private String firstTask(String user, String query, String what) {
        JsonNode tasks = http.get(user, query).json();
        assertThat(tasks.size()).as(user + " sees " + what + " (" + query + ")").isGreaterThan(0);
        return tasks.get(0).get("id").asText();
    }
}
