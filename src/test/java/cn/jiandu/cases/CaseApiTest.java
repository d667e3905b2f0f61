package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.CadreLevel;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/cases as a program meets it: validation, idempotency and case numbers under load. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:case-api;DB_CLOSE_DELAY=-1"})
class CaseApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aValidReportIsRegisteredWithItsNumberAndStage() {
        Answer answer = http.post("stationed1", "/api/cases", report("派驻组发现口罩发放台账不实"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("caseNumber").asText()).matches("JD-\\d{4}-\\d{5}");
        assertThat(answer.json().get("stage").asText()).isEqualTo("TRIAGE");
    }

    @Test
    void missingAndInvalidFieldsAreNamedInTheProblem() {
        Map<String, Object> bad = new HashMap<>(report("标题"));
        bad.remove("title");
        bad.put("source", "RUMOUR_MILL");
        bad.put("reporterPhone", "call me");
        Answer answer = http.post("intake1", "/api/cases", bad);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json().get("fields").forEach(f -> fields.add(f.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "source", "reporterPhone");
        assertThat(answer.json().get("detail").asText()).contains("问题来源");
        assertThat(countCases()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonOrHasWrongTypesIsA400() {
        assertThat(http.post("intake1", "/api/cases", "{not json").status()).isEqualTo(400);
        Map<String, Object> wrongType = new HashMap<>(report("类型错误"));
        wrongType.put("anonymous", List.of("yes"));
        Answer answer = http.post("intake1", "/api/cases", wrongType);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void groupsThatDoNotReportAreRefused() {
        Answer answer = http.post("publicity1", "/api/cases", report("宣传部不能登记"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("detail").asText()).contains("登记");
    }

    @Test
    void theSameKeyAndBodyGiveTheSameCaseAndAnotherBodyA409() {
        Map<String, String> key = Map.of("Idempotency-Key", "hotline-2026-0815-001");
        Answer first = http.post("intake1", "/api/cases", report("重复提交"), key);
        Answer again = http.post("intake1", "/api/cases", report("重复提交"), key);
        Answer other = http.post("intake1", "/api/cases", report("另一件事"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("caseNumber")).isEqualTo(first.json().get("caseNumber"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").asText()).contains("Idempotency-Key");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case WHERE idempotency_key = ?", Integer.class,
                "hotline-2026-0815-001")).isEqualTo(1);
    }

    @Test
    void parallelReportsGetDistinctGaplessNumbers() throws Exception {
        int before = countCases();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Answer>> reports = IntStream.range(0, 24)
                .mapToObj(i -> (Callable<Answer>) () -> http.post("intake1", "/api/cases", report("并发登记 " + i)))
                .toList();
        List<Integer> sequence = new ArrayList<>();
        for (Future<Answer> answer : pool.invokeAll(reports)) {
            assertThat(answer.get().status()).isEqualTo(201);
            String number = answer.get().json().get("caseNumber").asText();
            sequence.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
        pool.shutdown();
        assertThat(sequence).doesNotHaveDuplicates().hasSize(24);
        int highest = sequence.stream().max(Integer::compare).orElseThrow();
        assertThat(highest).isEqualTo(before + 24);
        assertThat(sequence.stream().min(Integer::compare).orElseThrow()).isEqualTo(before + 1);
    }

    @Test
    void anAnonymousReportStoresNoReporter() {
        Map<String, Object> anonymous = new HashMap<>(report("匿名举报"));
        anonymous.put("anonymous", true);
        String number = http.post("intake1", "/api/cases", anonymous).json().get("caseNumber").asText();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT reporter_identity, reporter_key_id FROM jd_case WHERE case_number = ?", number);
        assertThat(row.values()).containsOnlyNulls();
    }

    @Test
    void theListIsFilteredPagedAndConfinedToWhatTheCallerMaySee() {
        Map<String, Object> north = new HashMap<>(report("北片区问题"));
        north.put("zone", "NORTH");
        Map<String, Object> south = new HashMap<>(report("南片区问题"));
        south.put("zone", "SOUTH");
        http.post("intake1", "/api/cases", north);
        http.post("intake1", "/api/cases", south);

        Answer asNorth = http.get("north1", "/api/cases?zone=SOUTH");
        assertThat(asNorth.json().get("totalElements").asLong()).isZero();
        Answer asLeader = http.get("leader1", "/api/cases?zone=SOUTH&size=1");
        assertThat(asLeader.json().get("content")).hasSize(1);
        assertThat(asLeader.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("leader1", "/api/cases?stage=NOWHERE").status()).isEqualTo(400);
        assertThat(http.get("leader1", "/api/cases?size=1000").status()).isEqualTo(400);
    }

    @Test
    void aProblemReportedFromTheTasklistStartFormIsRegisteredWithoutKeepingTheReporterInTheProcess() {
        String variables = """
                {"variables": {
                  "title": {"value": "从任务列表登记"}, "description": {"value": "通过开始表单登记"},
                  "source": {"value": "MEDIA"}, "unit": {"value": "文旅局"}, "anonymous": {"value": false},
                  "reporterName": {"value": "周某"}, "reporterPhone": {"value": "13600000000"}}}""";
        Answer started = http.post("stationed1", "/engine-rest/process-definition/key/supervisionCase/submit-form",
                variables);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String caseNumber = started.json().get("businessKey").asText();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT reporter_identity, reported_by, stage FROM jd_case WHERE case_number = ?", caseNumber);
        assertThat((String) row.get("REPORTER_IDENTITY")).as("sealed, never in clear text").isNotBlank()
                .doesNotContain("周某", "13600000000");
        assertThat(http.get("intake1", "/api/cases/" + caseNumber).json().path("reporter").path("name").asText())
                .isEqualTo("周某");
        assertThat(row).containsEntry("REPORTED_BY", "stationed1")
                .containsEntry("STAGE", "TRIAGE");
        String processInstance = started.json().get("id").asText();
        assertThat(http.get("admin", "/engine-rest/process-instance/" + processInstance + "/variables").json()
                .has("reporterName")).isFalse();
    }

    @Test
    void aStartFormWithoutATitleIsRefusedWithA400AndNothingIsStored() {
        int before = countCases();
        Answer refused = http.post("intake1", "/engine-rest/process-definition/key/supervisionCase/submit-form",
                "{\"variables\": {\"description\": {\"value\": \"缺标题\"}, \"source\": {\"value\": \"MEDIA\"},"
                        + " \"unit\": {\"value\": \"某单位\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("title");
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void theCaseShowsItsPersonsOneByOneToWhoeverMayReadIt() {
        Map<String, Object> north = new HashMap<>(report("幸福社区出入口无人值守"));
        north.put("zone", "NORTH");
        String caseNumber = http.post("intake1", "/api/cases", north).json().get("caseNumber").asText();
        persons.replace(caseNumber, List.of(
                Person.entered(1, "王建国", "幸福社区居委会", "主任", CadreLevel.SECTION_OR_BELOW, true, false,
                        Responsibility.PRINCIPAL_LEADERSHIP, true),
                Person.entered(2, "李明", "幸福社区居委会", "网格员", null, false, false, Responsibility.DIRECT, false)
                        .withRepeatOffenceProposed(false)));
        persons.recordRecommendation(caseNumber, 1, Measure.ADMONISHMENT, true);
        persons.recordMeasure(caseNumber, 1, Measure.ADMONISHMENT);
        persons.recordService(caseNumber, 1, LocalDate.of(2026, 3, 5));
        jdbc.update("UPDATE jd_case SET unit_measure = 'ORG_CIRCULATION' WHERE case_number = ?", caseNumber);

        for (String reader : List.of("intake1", "north1")) {
            Answer answer = http.get(reader, "/api/cases/" + caseNumber);
            assertThat(answer.status()).as(reader).isEqualTo(200);
            JsonNode shown = answer.json();
            assertThat(shown.get("unitMeasure").asText()).isEqualTo("ORG_CIRCULATION");
            JsonNode director = shown.get("persons").get(0);
            assertThat(director.get("position").asInt()).isEqualTo(1);
            assertThat(director.get("name").asText()).isEqualTo("王建国");
            assertThat(director.get("unit").asText()).isEqualTo("幸福社区居委会");
            assertThat(director.get("post").asText()).isEqualTo("主任");
            assertThat(director.get("levelLabel").asText()).isEqualTo("科级及以下");
            assertThat(director.get("responsibility").asText()).isEqualTo("PRINCIPAL_LEADERSHIP");
            assertThat(director.get("responsibilityLabel").asText()).isEqualTo("主要领导责任");
            assertThat(director.get("partyMember").asBoolean()).isTrue();
            assertThat(director.get("repeatOffence").asBoolean()).isTrue();
            assertThat(director.get("recommendedMeasureLabel").asText()).isEqualTo("诫勉");
            assertThat(director.get("measure").asText()).isEqualTo("ADMONISHMENT");
            assertThat(director.get("measureLabel").asText()).isEqualTo("诫勉");
            assertThat(director.get("form").asText()).isEqualTo("FIRST");
            assertThat(director.get("formLabel").asText()).isEqualTo("第一种形态");
            assertThat(director.get("leaderApprovalRequired").asBoolean()).isTrue();
            assertThat(director.get("servedOn").asText()).isEqualTo("2026-03-05");
            JsonNode officer = shown.get("persons").get(1);
            assertThat(officer.get("responsibilityLabel").asText()).isEqualTo("直接责任");
            assertThat(officer.get("repeatOffenceProposed").asBoolean()).isFalse();
            assertThat(officer.has("measure")).as("nothing decided yet").isFalse();
            assertThat(officer.has("form")).isFalse();
        }
        assertThat(http.get("south1", "/api/cases/" + caseNumber).status()).as("another zone's case").isEqualTo(404);
    }

    private int countCases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Integer.class);
    }

    private static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", "经查，" + title, "source", "STATIONED_GROUP",
                "unit", "区卫健委", "reporterName", "孙某", "reporterPhone", "010-12345678",
                "reporterEmail", "sun@example.cn", "problemType", "FORMALISM_BUREAUCRATISM");
    }
}
