package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks that answered 500 (some with SQL), replayed over HTTP against the running application:
 * absurd dates, Idempotency-Keys that are not printable ASCII, malformed Json variables through the
 * engine's REST API, /error asked for directly, and every parameter, path variable, header and body field
 * of Jiandu's own endpoints out of bounds. Each is answered 4xx with a Chinese message naming what to
 * correct, never with SQL, and leaves nothing stored. Also: Idempotency-Keys belong to their caller, and
 * a zone's team plans inspections only in its own zone, whichever way it starts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:bad-input-over-http;DB_CLOSE_DELAY=-1"})
class BadInputOverHttpTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final String RANGE = "2020-01-01 至 2199-12-31";
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\bselect\\b|\\binsert\\b|\\bupdate\\b|\\bsql\\b|jd_[a-z]|act_[a-z]{2}_|constraint|statement");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    /** One bad request: what it is, how it is sent, the status and a word the answer must name. */
    private record Attempt(String what, Supplier<Answer> send, int status, String names) {
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
    void absurdDatesAreRefusedWithTheRangeThatIsAccepted() {
        Map<String, Object> before = stored();
        for (String date : List.of("-999999999-01-01", "99999-01-01", "+99999-01-01", "0001-01-01", "2019-12-31",
                "2200-01-01")) {
            for (String path : List.of("/api/reports/daily?date=", "/reports/daily?date=",
                    "/api/cases?reportedFrom=", "/api/cases?reportedTo=")) {
                assertRefused(path + date, http.get("office1", path + date), 400, RANGE);
            }
        }
        for (String week : List.of("0000-W01", "2300-W01", "99999-W01")) {
            assertRefused("week " + week, http.get("office1", "/api/reports/weekly?week=" + week), 400, "week");
            assertRefused("week page " + week, http.get("office1", "/reports/weekly?week=" + week), 400, "week");
        }
        Answer farPlan = http.post("north1", "/engine-rest/process-definition/key/supervisionInspection/start",
                plan("NORTH", "9999-01-01"));
        assertThat(farPlan.status()).as(farPlan.body()).isEqualTo(400);
        assertThat(farPlan.json().get("message").asText()).contains("plannedDate", RANGE);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyThatIsNotPrintableAsciiOrTooLongIsRefusedSayingWhatAKeyMayBe() {
        Map<String, Object> before = stored();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("汉字，以 UTF-8 发送", "键-1".getBytes(StandardCharsets.UTF_8));
        keys.put("带重音的字母", "café".getBytes(StandardCharsets.UTF_8));
        keys.put("300 个字符", "k".repeat(300).getBytes(StandardCharsets.US_ASCII));
        keys.put("控制字符", "ab\u0001c".getBytes(StandardCharsets.US_ASCII));
        keys.put("DEL", "ab\u007fc".getBytes(StandardCharsets.US_ASCII));
        keys.put("C1 控制字符", new byte[] {'a', (byte) 0x85, 'b'});
        keys.forEach((what, key) -> assertRefused(what,
                http.postWithRawHeader("intake1", "/api/cases", report("键不合规"), "Idempotency-Key", key),
                400, "ASCII"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMalformedJsonVariableOverTheEngineApiIsA400NamingItAndNothingIsStored() {
        String caseNumber = http.post("intake1", "/api/cases", report("待分办的问题")).expect(201, "report")
                .json().get("caseNumber").asText();
        String triage = http.get("intake1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                .get(0).get("id").asText();
        Map<String, Object> before = stored();
        String malformed = "\"x\": {\"value\": \"{not json\", \"type\": \"Json\"}";
        List<Attempt> attempts = List.of(
                new Attempt("start with only x", () -> http.post("north1",
                        "/engine-rest/process-definition/key/supervisionCase/start",
                        "{\"variables\": {" + malformed + "}}"), 400, null),
                new Attempt("start with a valid report and x", () -> http.post("north1",
                        "/engine-rest/process-definition/key/supervisionCase/start",
                        "{\"variables\": {" + validReportVariables() + ", " + malformed + "}}"), 400, "x"),
                new Attempt("submit-form", () -> http.post("north1",
                        "/engine-rest/process-definition/key/supervisionCase/submit-form",
                        "{\"variables\": {" + validReportVariables() + ", " + malformed + "}}"), 400, "x"),
                new Attempt("complete", () -> http.post("intake1", "/engine-rest/task/" + triage + "/complete",
                        "{\"variables\": {" + malformed + "}}"), 400, "x"),
                new Attempt("complete with a read variable", () -> http.post("intake1",
                        "/engine-rest/task/" + triage + "/complete",
                        "{\"variables\": {\"problemType\": {\"value\": \"{not json\", \"type\": \"Json\"}}}"),
                        400, "problemType"),
                new Attempt("a value longer than its column", () -> http.post("north1",
                        "/engine-rest/process-definition/key/supervisionCase/start", "{\"variables\": {"
                                + validReportVariables() + ", \"idempotencyKey\": {\"value\": \"" + "k".repeat(300)
                                + "\"}}}"), 400, null));
        for (Attempt attempt : attempts) {
            Answer answer = attempt.send().get();
            assertThat(answer.status()).as(attempt.what() + ": " + answer.body()).isEqualTo(attempt.status());
            assertThat(answer.body()).as(attempt.what()).doesNotContainPattern(SQL).containsPattern(CHINESE);
            if (attempt.names() != null) {
                assertThat(answer.json().get("message").asText()).as(attempt.what()).contains(attempt.names());
            }
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(http.get("intake1", "/engine-rest/task/" + triage).status()).isEqualTo(200);
    }

    @Test
    void errorAskedForDirectlyIsNoServerError() {
        for (String user : new String[] {null, "intake1"}) {
            Answer answer = http.get(user, "/error");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).containsPattern(CHINESE);
        }
    }

    @Test
    void everyInputOfJianduOwnEndpointsOutOfBoundsIsA4xxProblemNamingIt() {
        Map<String, Object> before = stored();
        List<Attempt> attempts = new ArrayList<>();
        attempts.addAll(reportFields());
        attempts.addAll(queryParameters());
        attempts.addAll(pathVariables());
        attempts.addAll(otherBodies());
        List<String> wrong = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Answer answer = attempt.send().get();
            if (answer.status() != attempt.status() || !answer.contentType().startsWith("application/problem+json")
                    || !answer.body().contains(attempt.names()) || !CHINESE.matcher(answer.body()).find()
                    || SQL.matcher(answer.body()).find()) {
                wrong.add(attempt.what() + " → " + answer.status() + " " + answer.contentType() + " " + answer.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyBelongsToItsCaller() {
        Map<String, String> key = Map.of("Idempotency-Key", "hotline-0815");
        Map<String, Object> body = report("两人同键");
        Answer first = http.post("intake1", "/api/cases", body, key).expect(201, "intake1's report");
        Answer again = http.post("intake1", "/api/cases", body, key).expect(201, "intake1's resend");
        Answer other = http.post("north1", "/api/cases", body, key).expect(201, "north1's report");
        Answer otherAgain = http.post("north1", "/api/cases", body, key).expect(201, "north1's resend");
        Answer otherChanged = http.post("north1", "/api/cases", report("另一件事"), key);

        String firstCase = first.json().get("caseNumber").asText();
        String otherCase = other.json().get("caseNumber").asText();
        assertThat(again.json().get("caseNumber").asText()).isEqualTo(firstCase);
        assertThat(otherCase).isNotEqualTo(firstCase);
        assertThat(otherAgain.json().get("caseNumber").asText()).isEqualTo(otherCase);
        assertThat(otherChanged.status()).isEqualTo(409);
        for (Answer seenByNorth : List.of(other, otherAgain, otherChanged)) {
            assertThat(seenByNorth.body()).doesNotContain(firstCase);
        }
        assertThat(jdbc.queryForList("SELECT reported_by FROM jd_case WHERE idempotency_key = ? ORDER BY id",
                String.class, "hotline-0815")).containsExactly("intake1", "north1");
    }

    @Test
    void aZoneTeamPlansInspectionsOnlyInItsOwnZoneWhicheverWayItStartsThem() {
        int before = inspections();
        String start = "/engine-rest/process-definition/key/supervisionInspection/start";
        String submit = "/engine-rest/process-definition/key/supervisionInspection/submit-form";
        for (String path : List.of(start, submit)) {
            Answer northInSouth = http.post("north1", path, plan("SOUTH", TODAY));
            assertThat(northInSouth.status()).as(northInSouth.body()).isEqualTo(400);
            assertThat(northInSouth.json().get("message").asText()).contains("zone", "NORTH", "南片区");
            Answer southInNorth = http.post("south1", path, plan("NORTH", TODAY));
            assertThat(southInNorth.status()).as(southInNorth.body()).isEqualTo(400);
            assertThat(southInNorth.json().get("message").asText()).contains("zone", "SOUTH", "北片区");
        }
        Answer planned = http.post("north1", "/api/inspections", plan("SOUTH", TODAY));
        assertThat(planned.status()).isEqualTo(405);
        assertThat(inspections()).isEqualTo(before);

        assertThat(http.post("north1", start, plan("NORTH", TODAY)).status()).isEqualTo(200);
        assertThat(http.post("south1", submit, plan("SOUTH", TODAY)).status()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT planned_by || ':' || zone FROM jd_inspection WHERE id > ? ORDER BY id",
                String.class, before)).containsExactly("north1:NORTH", "south1:SOUTH");
    }

    // ---- the sweep ---------------------------------------------------------------------------------

    private List<Attempt> reportFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "标".repeat(201));
        fields.put("description", "述".repeat(10_001));
        fields.put("unit", "单".repeat(201));
        fields.put("personsInvolved", "人".repeat(2001));
        fields.put("reporterName", "名".repeat(101));
        fields.put("reporterPhone", "1".repeat(41));
        fields.put("reporterEmail", "a".repeat(200) + "@example.cn");
        fields.put("source", "RUMOUR_MILL");
        fields.put("problemType", "SOMETHING");
        fields.put("zone", "EAST");
        fields.put("anonymous", "perhaps");
        List<Attempt> attempts = new ArrayList<>();
        fields.forEach((field, value) -> attempts.add(reportWith(field, value)));
        attempts.add(reportWith("title", "空\u0000字符"));
        attempts.add(new Attempt("lone surrogate", () -> http.post("intake1", "/api/cases", "{\"title\": \"t\","
                + " \"description\": \"孤立的代理项\\ud800\", \"source\": \"HOTLINE\", \"unit\": \"u\"}"), 400,
                "description"));
        attempts.add(new Attempt("JSON cut short", () -> http.post("intake1", "/api/cases", "{\"title\": \"t\","),
                400, "JSON"));
        attempts.add(new Attempt("no body", () -> http.post("intake1", "/api/cases", ""), 400, "请求体"));
        attempts.add(new Attempt("an array", () -> http.post("intake1", "/api/cases", "[1, 2]"), 400, "JSON"));
        attempts.add(new Attempt("text/plain", () -> http.postRaw("intake1", "/api/cases", "text/plain",
                "title=x".getBytes(StandardCharsets.UTF_8)), 415, "application/json"));
        attempts.add(new Attempt("form", () -> http.postRaw("intake1", "/api/cases",
                "application/x-www-form-urlencoded", "title=x".getBytes(StandardCharsets.UTF_8)), 415,
                "application/json"));
        return attempts;
    }

    private List<Attempt> queryParameters() {
        Map<String, String> gets = new LinkedHashMap<>();
        for (String parameter : List.of("stage", "zone", "problemType", "source", "outcome")) {
            gets.put("/api/cases?" + parameter + "=NOWHERE", parameter);
        }
        gets.put("/api/cases?reportedFrom=yesterday", "reportedFrom");
        gets.put("/api/cases?page=-1", "page");
        gets.put("/api/cases?page=99999999999", "page");
        gets.put("/api/cases?size=0", "size");
        gets.put("/api/cases?size=lots", "size");
        gets.put("/api/inspections?zone=EAST", "zone");
        gets.put("/api/inspections?status=DONE", "status");
        gets.put("/api/inspections?mode=SECRET", "mode");
        gets.put("/api/inspections?size=201", "size");
        gets.put("/api/reports/daily?date=2025-02-30", "date");
        gets.put("/api/reports/weekly?week=2025-W99", "week");
        gets.put("/api/reports/weekly?week=" + "9".repeat(1000), "week");
        gets.put("/reports/daily?date=today", "date");
        gets.put("/reports/weekly?week=last", "week");
        gets.put("/api/notices?size=101", "size");
        gets.put("/api/notices?page=first", "page");
        gets.put("/notices?page=first", "page");
        gets.put("/api/admin/mails?status=LOST", "status");
        gets.put("/api/admin/mails?page=-1", "page");
        gets.put("/api/admin/deployments?limit=all", "limit");
        List<Attempt> attempts = new ArrayList<>();
        gets.forEach((path, name) -> attempts.add(new Attempt(path, () -> http.get(user(path), path), 400, name)));
        return attempts;
    }

    private List<Attempt> pathVariables() {
        Map<String, String> gets = new LinkedHashMap<>();
        gets.put("/api/cases/" + "J".repeat(300), "caseNumber");
        gets.put("/api/inspections/" + "9".repeat(300), "idOrNumber");
        gets.put("/notices/not-a-number", "id");
        gets.put("/notices/99999999999999999999", "id");
        gets.put("/api/admin/deployments/" + "d".repeat(65), "deploymentId");
        gets.put("/api/admin/deployments/" + "d".repeat(65) + "/export", "deploymentId");
        gets.put("/api/admin/migrations/" + "b".repeat(65), "batchId");
        List<Attempt> attempts = new ArrayList<>();
        gets.forEach((path, name) -> attempts.add(new Attempt(path.substring(0, Math.min(path.length(), 60)),
                () -> http.get(user(path), path), 400, name)));
        attempts.add(new Attempt("withdraw id", () -> http.post("leader1", "/api/notices/abc/withdraw",
                Map.of("reason", "理由")), 400, "id"));
        attempts.add(new Attempt("unknown address", () -> http.get("intake1", "/api/nothing"), 404, "地址"));
        attempts.add(new Attempt("GET on a POST", () -> http.get("leader1", "/api/notices/1/withdraw"), 405, "POST"));
        attempts.add(new Attempt("POST on a GET", () -> http.post("intake1", "/api/reports/daily", "{}"), 405, "GET"));
        return attempts;
    }

    private List<Attempt> otherBodies() {
        List<Attempt> attempts = new ArrayList<>();
        String withdraw = "/api/notices/1/withdraw";
        attempts.add(new Attempt("reason too long", () -> http.post("leader1", withdraw,
                Map.of("reason", "理".repeat(2001))), 400, "撤回理由"));
        attempts.add(new Attempt("reason with NUL", () -> http.post("leader1", withdraw,
                Map.of("reason", "理由\u0000")), 400, "撤回理由"));
        attempts.add(new Attempt("reason of the wrong type", () -> http.post("leader1", withdraw,
                "{\"reason\": {\"a\": 1}}"), 400, "reason"));
        attempts.add(new Attempt("withdrawal as text", () -> http.postRaw("leader1", withdraw, "text/plain",
                "理由".getBytes(StandardCharsets.UTF_8)), 415, "application/json"));
        String migrations = "/api/admin/migrations";
        attempts.add(new Attempt("processKey too long", () -> http.post("admin", migrations,
                Map.of("processKey", "k".repeat(256), "fromVersion", 1)), 400, "processKey"));
        attempts.add(new Attempt("fromVersion negative", () -> http.post("admin", migrations,
                Map.of("processKey", "supervisionCase", "fromVersion", -1)), 400, "fromVersion"));
        attempts.add(new Attempt("fromVersion a word", () -> http.post("admin", migrations,
                Map.of("processKey", "supervisionCase", "fromVersion", "one")), 400, "fromVersion"));
        attempts.add(new Attempt("mapping without its target", () -> http.post("admin", migrations,
                Map.of("processKey", "supervisionCase", "fromVersion", 1, "mappings", List.of(Map.of("from", "a")))),
                400, "mappings[0].to"));
        attempts.add(new Attempt("instance id too long", () -> http.post("admin", migrations,
                Map.of("processKey", "supervisionCase", "fromVersion", 1, "processInstanceIds", List.of("i".repeat(65)))),
                400, "processInstanceIds"));
        return attempts;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Attempt reportWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(report("越界的报告"));
        body.put(field, value);
        return new Attempt("report." + field, () -> http.post("intake1", "/api/cases", body), 400, field);
    }

    /** Who may reach the path at all, so that the answer is about the input and not about permissions. */
    private static String user(String path) {
        return path.startsWith("/api/admin") ? "admin" : path.startsWith("/notices") ? null : "office1";
    }

    private void assertRefused(String what, Answer answer, int status, String names) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).contains(names).containsPattern(CHINESE).doesNotContainPattern(SQL);
    }

    /** What a refused request must leave as it was. */
    private Map<String, Object> stored() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("cases", jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Long.class));
        counts.put("inspections", jdbc.queryForObject("SELECT COUNT(*) FROM jd_inspection", Long.class));
        counts.put("withdrawn notices",
                jdbc.queryForObject("SELECT COUNT(*) FROM jd_notice WHERE withdrawn_at IS NOT NULL", Long.class));
        counts.put("process instances", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class));
        counts.put("open tasks", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));
        counts.put("variables", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE", Long.class));
        return counts;
    }

    private int inspections() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM jd_inspection", Integer.class);
    }

    private static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", "经查，" + title, "source", "HOTLINE", "unit", "区卫健委",
                "zone", "SOUTH");
    }

    private static String validReportVariables() {
        return "\"title\": {\"value\": \"经引擎接口登记\"}, \"description\": {\"value\": \"描述\"},"
                + " \"source\": {\"value\": \"HOTLINE\"}, \"unit\": {\"value\": \"某单位\"}";
    }

    private static Map<String, Object> plan(String zone, String plannedDate) {
        return Map.of("variables", Map.of("unit", Map.of("value", "幸福社区"), "unitKind", Map.of("value", "COMMUNITY"),
                "zone", Map.of("value", zone), "inspectionMode", Map.of("value", "OPEN"),
                "inspectionScope", Map.of("value", "COMPREHENSIVE"), "inspectionChannel", Map.of("value", "ON_SITE"),
                "plannedDate", Map.of("value", plannedDate)));
    }
}
