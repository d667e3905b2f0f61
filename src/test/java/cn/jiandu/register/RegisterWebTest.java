package cn.jiandu.register;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register (台账) as an officer and a program meet it: the same search over GET /api/cases and the page
 * /cases, by number, unit, person and keyword, with every filter and order; what a zone team may not see stays
 * out of the list, the page, the case page and the export; the export is a real workbook with Chinese headers,
 * Excel dates and the persons' measures, and says when it was cut.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:register-web;DB_CLOSE_DELAY=-1",
        "jiandu.register.export-limit=3"})
class RegisterWebTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;
    @Autowired
    TaskService tasks;
    Http http;

    static boolean seeded;

    @BeforeEach
    void theRegisterHoldsCasesOfBothZones() {
        http = new Http(port);
        if (seeded) {
            return;
        }
        seeded = true;
        record("RG-2026-00001", "幸福社区卡口无人值守", "北湖街道幸福社区", "NORTH", "INEFFECTIVE_PREVENTION", "HOTLINE",
                "CLOSED", "ACCOUNTABILITY", day(3, 1), "社区书记王某", "出入口连续三日无人值守，未测温登记");
        persons.replace("RG-2026-00001", List.of(
                Person.entered(1, "李明", "北湖街道幸福社区", "网格员", null, true, false, Responsibility.DIRECT, false),
                Person.entered(2, "王建国", "北湖街道幸福社区", "书记", null, true, true,
                        Responsibility.PRINCIPAL_LEADERSHIP, false)));
        persons.recordMeasure("RG-2026-00001", 1, Measure.CIRCULATED_CRITICISM);
        persons.recordMeasure("RG-2026-00001", 2, Measure.ADMONISHMENT);
        persons.recordService("RG-2026-00001", 1, LocalDate.of(2026, 3, 20));
        record("RG-2026-00002", "农贸市场未查验健康码", "南湖农贸市场", "SOUTH", "DEFIANCE_OF_ORDERS", "INSPECTION",
                "VERIFICATION", null, day(3, 5), "市场负责人赵某", "暗访发现入口未查验健康码");
        record("RG-2026-00003", "防疫物资发放台账不实", "南湖街道办事处", "SOUTH", "MISUSE_OF_FUNDS", "STATIONED_GROUP",
                "TRIAGE", null, day(3, 9), null, "口罩发放登记与库存不符");
        record("RG-2026-00004", "隔离点值守人员脱岗", "北湖街道隔离酒店", "NORTH", "FORMALISM_BUREAUCRATISM", "MEDIA",
                "DECISION", null, day(3, 12), "值班人员孙某", "夜间值守人员脱岗两小时");
        // A case reported through the API has a process: its triage step is made overdue.
        Map<String, Object> report = new HashMap<>(Map.of("title", "居家隔离人员外出未处置", "unit", "北湖街道和平社区",
                "source", "PUBLIC_REPORT", "description", "群众反映居家隔离人员多次外出", "zone", "NORTH",
                "anonymous", false, "reporterName", "周某", "reporterPhone", "13700000000"));
        String overdue = http.post("intake1", "/api/cases", report).expect(201, "report").json().get("caseNumber").asText();
        Task triage = tasks.createTaskQuery().processInstanceBusinessKey(overdue).singleResult();
        triage.setDueDate(Date.from(OffsetDateTime.now().minusDays(2).toInstant()));
        tasks.saveTask(triage);
        overdueCase = overdue;
    }

    static String overdueCase;

    @Test
    void aTeamFindsItsCasesByUnitPersonKeywordAndNumberButNeverAnotherZones() {
        assertThat(numbers("leader1", "unit=南湖")).containsExactly("RG-2026-00003", "RG-2026-00002");
        assertThat(numbers("north1", "unit=南湖")).as("the south's cases are not the north team's").isEmpty();
        assertThat(numbers("north1", "unit=北湖")).contains("RG-2026-00001", "RG-2026-00004", overdueCase)
                .doesNotContain("RG-2026-00002", "RG-2026-00003");

        assertThat(numbers("leader1", "person=李明")).as("a person held accountable").containsExactly("RG-2026-00001");
        assertThat(numbers("leader1", "person=赵某")).as("the persons named at the report").containsExactly("RG-2026-00002");
        assertThat(numbers("leader1", "keyword=口罩")).as("in the description").containsExactly("RG-2026-00003");
        assertThat(numbers("leader1", "keyword=脱岗")).as("in the title").containsExactly("RG-2026-00004");
        assertThat(numbers("leader1", "caseNumber=00002")).containsExactly("RG-2026-00002");
        assertThat(numbers("leader1", "keyword=100%25")).as("% is text, not a wildcard").isEmpty();
    }

    @Test
    void everyFilterNarrowsTheListAndEveryOrderIsKept() {
        assertThat(numbers("leader1", "stage=CLOSED&unit=湖")).containsExactly("RG-2026-00001");
        assertThat(numbers("leader1", "outcome=ACCOUNTABILITY")).containsExactly("RG-2026-00001");
        assertThat(numbers("leader1", "zone=SOUTH&unit=湖")).containsExactly("RG-2026-00003", "RG-2026-00002");
        assertThat(numbers("leader1", "problemType=MISUSE_OF_FUNDS")).containsExactly("RG-2026-00003");
        assertThat(numbers("leader1", "source=MEDIA")).containsExactly("RG-2026-00004");
        assertThat(numbers("leader1", "reportedFrom=2026-03-05&reportedTo=2026-03-09"))
                .as("both days included").containsExactly("RG-2026-00003", "RG-2026-00002");
        assertThat(numbers("leader1", "overdue=true")).containsExactly(overdueCase);
        assertThat(numbers("leader1", "overdue=false&unit=湖")).doesNotContain(overdueCase).hasSize(4);
        assertThat(numbers("leader1", "unit=湖&sort=CASE_NUMBER&size=2")).containsExactly(overdueCase.compareTo("RG") < 0
                ? overdueCase : "RG-2026-00001", overdueCase.compareTo("RG") < 0 ? "RG-2026-00001" : "RG-2026-00002");

        JsonNode first = http.get("leader1", "/api/cases?overdue=true").json().get("content").get(0);
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.has("dueAt")).isTrue();
        assertThat(http.get("leader1", "/api/cases?sort=SIDEWAYS").status()).isEqualTo(400);
        assertThat(http.get("leader1", "/api/cases?keyword=" + "很".repeat(101)).status()).isEqualTo(400);
    }

    @Test
    void thePageShowsTheSameSearchInChineseAndRefusesNonsenseWithAProblem() {
        Answer page = http.get("north1", "/cases?unit=" + encode("湖"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("案件台账", "RG-2026-00001", "北湖街道幸福社区", "防控不力", "已办结", "问责", "北片区")
                .doesNotContain("RG-2026-00002", "RG-2026-00003");
        assertThat(http.get("leader1", "/cases?overdue=true").body()).contains(overdueCase, "已逾期");

        Answer nonsense = http.get("leader1", "/cases?stage=NOWHERE");
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.contentType()).startsWith("application/problem+json");
        assertThat(nonsense.json().get("detail").asText()).contains("stage", "CLOSED");
    }

    @Test
    void withoutALoginThePagesGoToTheTasklistLogin() {
        for (String page : List.of("/cases", "/cases/export", "/cases/RG-2026-00001")) {
            Answer answer = http.get(null, page);
            assertThat(answer.status()).as(page).isEqualTo(302);
        }
    }

    @Test
    void aCaseOfAnotherZoneIsNotFoundByUrlJustAsTheApiAnswers() {
        assertThat(http.get("north1", "/api/cases/RG-2026-00002").status()).isEqualTo(404);
        Answer page = http.get("north1", "/cases/RG-2026-00002");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("无权查看").doesNotContain("农贸市场");
        assertThat(http.get("north1", "/cases/JD-2099-99999").status()).isEqualTo(404);

        Answer own = http.get("north1", "/cases/RG-2026-00001");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("幸福社区卡口无人值守", "李明", "直接责任", "通报批评", "诫勉", "2026-03-20",
                "证据材料", "data-case=\"RG-2026-00001\"", "文书", "问责决定书", "/api/cases/RG-2026-00001/dossier.pdf");
    }

    @Test
    void theCasePageShowsOpenStepsWithTasklistLinksAndTheReporterOnlyToThoseEntitled() {
        Answer intake = http.get("intake1", "/cases/" + overdueCase);
        assertThat(intake.status()).isEqualTo(200);
        String task = tasks.createTaskQuery().processInstanceBusinessKey(overdueCase).singleResult().getId();
        assertThat(intake.body()).contains("/camunda/app/tasklist/default/#/?task=" + task, "已逾期", "分类研判");
        assertThat(intake.body()).contains("13700000000");
        Answer north = http.get("north1", "/cases/" + overdueCase);
        assertThat(north.body()).doesNotContain("13700000000").contains("举报人身份仅对有权查看的人员显示");
    }

    @Test
    void theExportIsAWorkbookWithChineseHeadersExcelDatesAndThePersonsMeasures() throws Exception {
        byte[] file = download("leader1", "/cases/export?unit=" + encode("北湖街道幸福社区"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet cases = workbook.getSheet("案件台账");
            assertThat(texts(cases.getRow(0))).startsWith("案件编号", "问题标题", "涉及单位", "问题类型");
            Row row = cases.getRow(1);
            assertThat(texts(row)).contains("RG-2026-00001", "幸福社区卡口无人值守", "北湖街道幸福社区", "防控不力", "北片区",
                    "举报热线", "已办结", "问责");
            Cell reported = row.getCell(8);
            assertThat(DateUtil.isCellDateFormatted(reported)).as("a real Excel date").isTrue();
            assertThat(reported.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(row.getCell(13).getStringCellValue()).contains("李明（直接责任）：通报批评", "王建国（主要领导责任）：诫勉");

            Sheet held = workbook.getSheet("问责人员");
            assertThat(texts(held.getRow(1))).contains("RG-2026-00001", "李明", "网格员", "直接责任", "通报批评", "第一种形态");
            assertThat(held.getRow(1).getCell(8).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 20));
            assertThat(workbook.getSheet("说明").getRow(1).getCell(1).getStringCellValue()).contains("单位含：北湖街道幸福社区");
        }
    }

    @Test
    void anExportOfMoreThanTheLimitIsCutAndSaysSo() throws Exception {
        assertThat(http.get("leader1", "/cases?unit=" + encode("湖")).body())
                .as("the page warns before the export").contains("每次导出最多 3 件");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("leader1", "/cases/export?unit="
                + encode("湖"))))) {
            assertThat(workbook.getSheet("案件台账").getLastRowNum()).isEqualTo(3);
            assertThat(texts(workbook.getSheet("说明").getRow(4))).contains("注意");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("north1", "/cases/export")))) {
            Sheet cases = workbook.getSheet("案件台账");
            for (int i = 1; i <= cases.getLastRowNum(); i++) {
                assertThat(cases.getRow(i).getCell(4).getStringCellValue()).as("no south case").isEqualTo("北片区");
            }
        }
    }

    private List<String> numbers(String user, String query) {
        Answer answer = http.get(user, "/api/cases?" + query.replace("南湖", encode("南湖")).replace("北湖", encode("北湖"))
                .replace("=湖", "=" + encode("湖")).replace("李明", encode("李明")).replace("赵某", encode("赵某"))
                .replace("口罩", encode("口罩")).replace("脱岗", encode("脱岗")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        answer.json().get("content").forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    private byte[] download(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(RegisterWorkbook.CONTENT_TYPE);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        return response.body();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                ? cell.getStringCellValue() : ""));
        return texts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static OffsetDateTime day(int month, int day) {
        return OffsetDateTime.of(2026, month, day, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    }

    private void record(String number, String title, String unit, String zone, String problemType, String source,
            String stage, String outcome, OffsetDateTime reportedAt, String personsInvolved, String description) {
        jdbc.update("""
                INSERT INTO jd_case (case_number, process_instance_id, title, description, source, unit, persons_involved,
                    anonymous, problem_type, zone, stage, outcome, reported_at, updated_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?)""",
                number, "seeded-" + number, title, description, source, unit, personsInvolved, problemType, zone, stage,
                outcome, reportedAt, reportedAt, "CLOSED".equals(stage) ? reportedAt.plusDays(10) : null);
    }
}
