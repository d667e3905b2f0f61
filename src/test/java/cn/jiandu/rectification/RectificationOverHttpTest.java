package cn.jiandu.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rectification as the team, leaders and other programs meet it over HTTP: worked through /engine-rest
 * held to each step's fields, its notice downloaded as Word, evidence filed to the open task, and the
 * other zone's team told nothing exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:rectification-over-http;DB_CLOSE_DELAY=-1"})
class RectificationOverHttpTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    Rectifications rectifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNorthTeamAndLeadersWorkARectificationThatTheSouthTeamCannotSee() throws IOException {
        Http http = new Http(port);
        LocalDate today = LocalDate.now(SHANGHAI);
        String caseNumber = servedCase();
        String number = rectifications.start(new NewRectification(RectificationOrigin.DECISION, caseNumber, null,
                null, "NORTH", "幸福社区居委会", null, "INEFFECTIVE_PREVENTION", "卡口夜间无人值守，未测体温", null,
                "north1"));
        String api = "/api/rectifications/" + number;

        assertThat(http.get("north1", api).expect(200, "the north team reads its rectification").json()
                .get("state").asText()).isEqualTo("NOTICE_PENDING");
        Answer hidden = http.get("south1", api);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.body()).doesNotContain("幸福社区");
        assertThat(http.get("leader1", api).status()).isEqualTo(200);
        Answer notYet = http.get("north1", api + "/notice.docx");
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.json().get("detail").asText()).contains("还没有《整改通知书》");

        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("rectification").count();
        for (String user : List.of("north1", "leader1", "admin")) {
            Answer started = http.post(user, "/engine-rest/process-definition/key/rectification/start", Map.of(
                    "businessKey", "ZG-2026-99999", "variables", Map.of("zone", Map.of("value", "NORTH"))));
            assertThat(started.status()).as(user + " starts a rectification: " + started.body()).isEqualTo(403);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("rectification").count())
                .isEqualTo(instances);

        Task notice = openTask(number);
        Map<String, Object> issued = Map.of(
                "items", Http.json(List.of(Map.of("content", "卡口24小时值守排班落实到人"),
                        Map.of("content", "进出人员测温登记"))),
                "deadline", today.plusDays(20).toString(),
                "requirements", "举一反三，书面报告整改情况",
                "responsiblePerson", "王五",
                "responsiblePost", "居委会主任",
                "unitKind", "COMMUNITY");
        for (String forged : List.of("state", "escalatedCaseNumber", "rectificationDeadline")) {
            Map<String, Object> variables = new java.util.HashMap<>(issued);
            variables.put(forged, forged.equals("rectificationDeadline") ? "2099-01-01T00:00:00.000+0800" : "COMPLETED");
            Answer refused = http.complete("north1", notice.getId(), variables);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains(forged);
        }
        Answer changedUnit = http.complete("north1", notice.getId(), Map.of("unit", "别的单位"));
        assertThat(changedUnit.status()).as(changedUnit.body()).isEqualTo(400);
        assertThat(http.complete("south1", notice.getId(), issued).status()).isEqualTo(403);
        assertThat(state(number)).as("nothing changed").isEqualTo("NOTICE_PENDING");
        assertThat(taskService.createTaskQuery().taskId(notice.getId()).count()).isEqualTo(1);

        http.complete("north1", notice.getId(), issued).expect(204, "north1 issues the notice");
        assertThat(state(number)).isEqualTo("RECTIFYING");

        byte[] docx = download("north1", api + "/notice.docx", 200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("整改通知书", "幸福社区居委会：", number, caseNumber,
                    "1. 卡口24小时值守排班落实到人", "2. 进出人员测温登记",
                    today.plusDays(20).getYear() + "年" + today.plusDays(20).getMonthValue() + "月"
                            + today.plusDays(20).getDayOfMonth() + "日",
                    "王五（居委会主任）", "第一监督检查组（北片区）", "区纪委监委");
        }
        download("south1", api + "/notice.docx", 404);

        byte[] photo = png();
        Answer filed = upload("north1", number, "整改后卡口照片.png", photo);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("stepKey").asText()).isEqualTo("recordRectificationReport");
        assertThat(filed.json().get("caseNumber").asText()).isEqualTo(caseNumber);
        long evidenceId = filed.json().get("id").asLong();
        assertThat(http.get("north1", api + "/evidence").expect(200, "list").json().get("evidence")).hasSize(1);
        assertThat(download("north1", api + "/evidence/" + evidenceId, 200)).isEqualTo(photo);
        assertThat(http.get("south1", api + "/evidence").status()).isEqualTo(404);
        download("south1", api + "/evidence/" + evidenceId, 404);
        assertThat(upload("south1", number, "伪造.png", photo).status()).isEqualTo(404);
        assertThat(upload("leader1", number, "领导.png", photo).status()).as("leaders hold no open task").isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_evidence WHERE rectification_number = ?",
                Integer.class, number)).isEqualTo(1);
        Answer second = upload("north1", number, "错传的照片.png", png());
        long wrong = second.expect(201, "a second file").json().get("id").asLong();
        assertThat(http.post("south1", api + "/evidence/" + wrong + "/withdrawal", Map.of("reason", "错传")).status())
                .isEqualTo(404);
        Answer withdrawn = http.post("north1", api + "/evidence/" + wrong + "/withdrawal", Map.of("reason", "传错了文件"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawn").asBoolean()).isTrue();
        assertThat(http.post("north1", api + "/evidence/" + wrong + "/withdrawal", Map.of("reason", "再撤一次"))
                .status()).isEqualTo(409);

        Task report = openTask(number);
        Answer forgedReport = http.complete("north1", report.getId(), Map.of("reportedOn", today.toString(),
                "reportSummary", "已整改", "checkResult", "ACCEPTED"));
        assertThat(forgedReport.status()).as(forgedReport.body()).isEqualTo(400);
        assertThat(forgedReport.body()).contains("checkResult");

        managementService.executeJob(managementService.createJobQuery().processInstanceId(report.getProcessInstanceId())
                .activityId("rectificationOverdue").singleResult().getId());
        Task review = openTask(number);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewOverdueRectification");
        Map<String, Object> urge = Map.of("overdueAction", "URGE", "overdueComment", "请于一周内完成");
        assertThat(http.complete("north1", review.getId(), urge).status()).isEqualTo(403);
        http.complete("leader1", review.getId(), urge).expect(204, "leader1 urges");
        assertThat(http.get("north1", api).json().get("deadline").asText()).isEqualTo(today.plusDays(7).toString());

        report = openTask(number);
        http.complete("north1", report.getId(), Map.of("reportedOn", today.toString(),
                "reportSummary", "已落实值守排班和测温登记，附照片")).expect(204, "north1 records the report");
        http.complete("north1", openTask(number).getId(), Map.of("checkResult", "ACCEPTED",
                "checkReason", "现场核实整改到位")).expect(204, "north1 accepts");
        assertThat(http.get("north1", api).json().get("state").asText()).isEqualTo("FOLLOW_UP_PENDING");
        assertThat(http.get("north1", api).json().get("events")).extracting(e -> e.get("kind").asText())
                .containsExactly("NOTICE_ISSUED", "URGED", "REPORTED", "CHECKED");
    }

    private Task openTask(String number) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    }

    private String state(String number) {
        return jdbc.queryForObject("SELECT state FROM jd_rectification WHERE rectification_number = ?", String.class,
                number);
    }

    private String servedCase() {
        String number = "JD-2026-" + (70_000 + (int) (System.nanoTime() % 20_000));
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, outcome, zone,
                    reported_at, updated_at)
                VALUES (?, '卡口无人值守', '夜间卡口无人值守', 'HOTLINE', '幸福社区居委会', FALSE, 'CLOSED',
                    'ACCOUNTABILITY', 'NORTH', ?, ?)""", number, now, now);
        return number;
    }

    private Answer upload(String user, String number, String fileName, byte[] bytes) {
        String boundary = "----rectification" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
                + "整改后照片\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Http(port).postRaw(user, "/api/rectifications/" + number + "/evidence",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private byte[] download(String user, String path, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(user + " GET " + path + ": "
                    + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
