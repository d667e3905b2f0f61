package cn.jiandu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.evidence.EvidenceClient.FilePart;
import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evidence of a case over HTTP on a real PostgreSQL: the north team verifying a case files a photo of
 * the site to its task, case management and leaders download the same bytes under the hash the list shows;
 * the north team cannot reach a south case's evidence by URL; files that are not evidence are refused and
 * leave nothing behind; evidence is withdrawn with a reason, never deleted; a closed case takes no more; a page
 * uploads with its session and token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jiandu.evidence.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB"})
class EvidenceOverHttpTest {

    private static final Pattern PAGE_TOKEN = Pattern.compile("data-csrf=\"([^\"]+)\"");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "evidence");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;
    EvidenceClient evidence;

    private static String northCase;
    private static String southCase;

    @BeforeEach
    void clients() {
        http = new Http(port);
        evidence = new EvidenceClient(port);
        if (northCase == null) {
            northCase = northCaseInVerification();
            southCase = report("南湖农贸市场未落实扫码测温", "SOUTH");
        }
    }

    @Test
    void theNorthTeamFilesAPhotoToItsVerificationAndThoseWhoMaySeeTheCaseDownloadTheSameBytes() throws Exception {
        String verify = taskOf("north1", northCase, "verifyCase");
        byte[] photo = SampleFiles.jpeg();

        Answer filed = evidence.upload("north1", northCase, new FilePart("隔离点现场照片.jpg", "image/jpeg", photo),
                "taskId", verify, "description", "3月5日上午隔离点入口无人值守");

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode entry = filed.json();
        assertThat(entry.get("fileName").asText()).isEqualTo("隔离点现场照片.jpg");
        assertThat(entry.get("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(entry.get("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(entry.get("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(entry.get("uploadedBy").asText()).isEqualTo("north1");
        assertThat(entry.get("stepKey").asText()).isEqualTo("verifyCase");
        assertThat(entry.get("stepName").asText()).isEqualTo("初步核实");
        assertThat(entry.get("taskId").asText()).isEqualTo(verify);
        assertThat(entry.get("withdrawn").asBoolean()).isFalse();

        // Case management lists it with the hash of the bytes it was sent.
        JsonNode listed = find(http.get("intake1", "/api/cases/" + northCase + "/evidence").expect(200, "list").json(),
                entry.get("id").asLong());
        assertThat(listed.get("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(listed.get("description").asText()).isEqualTo("3月5日上午隔离点入口无人值守");

        // A leader downloads exactly those bytes, as an attachment under its Chinese name.
        HttpResponse<byte[]> download = evidence.download("leader1",
                "/api/cases/" + northCase + "/evidence/" + entry.get("id").asLong());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(sha256(download.body())).isEqualTo(listed.get("sha256").asText());
        assertThat(download.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(download.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment;")
                .contains("filename*=UTF-8''%E9%9A%94%E7%A6%BB%E7%82%B9%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg");
    }

    @Test
    void theNorthTeamCannotReachASouthCasesEvidenceByUrl() {
        Answer filed = evidence.upload("intake1", southCase, new FilePart("举报材料.pdf", null, SampleFiles.pdf()),
                "taskId", taskOf("intake1", southCase, "triageCase"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().get("id").asText();
        String evidenceOfSouth = "/api/cases/" + southCase + "/evidence";

        // The same answer as the API gives for the case itself.
        assertThat(http.get("north1", "/api/cases/" + southCase).status()).isEqualTo(404);
        assertNotFound(http.get("north1", evidenceOfSouth));
        assertNotFound(http.get("north1", evidenceOfSouth + "/" + id));
        assertNotFound(http.post("north1", evidenceOfSouth + "/" + id + "/withdrawal", Map.of("reason", "误传")));
        assertNotFound(evidence.upload("north1", southCase, new FilePart("照片.jpg", null, SampleFiles.jpeg()),
                "step", "triageCase"));
        assertThat(evidence.download("north1", evidenceOfSouth + "/" + id).body()).isNotEqualTo(SampleFiles.pdf());
        assertThat(evidence.download("north1", "/cases/" + southCase + "/evidence").statusCode()).isEqualTo(404);
        // Nor by pairing the south file's id with a case it may read.
        assertThat(http.get("north1", "/api/cases/" + northCase + "/evidence/" + id).status()).isEqualTo(404);

        assertThat(http.get("south1", evidenceOfSouth).status()).isEqualTo(200);
        assertThat(evidence.download("south1", evidenceOfSouth + "/" + id).body()).isEqualTo(SampleFiles.pdf());
    }

    @Test
    void filesThatAreNotEvidenceAreRefusedAndNothingIsStored() {
        long[] before = stored();

        assertRefused(413, "每个文件最多 1 MB", evidence.upload("north1", northCase,
                new FilePart("航拍.jpg", "image/jpeg", SampleFiles.ofSize(1_500_000)), "step", "verifyCase"));
        assertRefused(415, "但内容是PDF 文档", evidence.upload("north1", northCase,
                new FilePart("现场照片.jpg", "image/jpeg", SampleFiles.pdf()), "step", "verifyCase"));
        assertRefused(415, "可执行程序", evidence.upload("north1", northCase,
                new FilePart("现场照片.jpg", "image/jpeg", SampleFiles.elf()), "step", "verifyCase"));
        assertRefused(415, "可执行程序", evidence.upload("north1", northCase,
                new FilePart("现场照片.jpg", "image/jpeg", SampleFiles.windowsProgram()), "step", "verifyCase"));
        assertRefused(400, "是空的", evidence.upload("north1", northCase,
                new FilePart("现场照片.jpg", "image/jpeg", new byte[0]), "step", "verifyCase"));
        assertRefused(400, "file 字段", evidence.upload("north1", northCase, null, "step", "verifyCase"));
        assertRefused(400, "所属的环节", evidence.upload("north1", northCase,
                new FilePart("现场照片.jpg", null, SampleFiles.jpeg())));
        assertRefused(400, "没有环节 deleteEverything", evidence.upload("north1", northCase,
                new FilePart("现场照片.jpg", null, SampleFiles.jpeg()), "step", "deleteEverything"));

        assertThat(stored()).as("rows of jd_evidence and jd_evidence_content").containsExactly(before);
    }

    @Test
    void onlyTheHolderOfATaskOrThoseWorkingOnTheCaseMayAttachToIt() {
        long[] before = stored();
        String verify = taskOf("north1", northCase, "verifyCase");
        FilePart photo = new FilePart("照片.png", "image/png", SampleFiles.png());

        // The office sees every case but does not work on them; case review may not attach to the team's task.
        assertRefused(403, "承办本案", evidence.upload("office1", northCase, photo, "step", "verifyCase"));
        assertRefused(403, "不在您的待办中", evidence.upload("review1", northCase, photo, "taskId", verify));
        assertRefused(400, "不是案件", evidence.upload("north1", northCase, photo, "taskId", "no-such-task"));
        assertThat(stored()).containsExactly(before);

        // Case review works on every case: it may attach to a step of the route.
        assertThat(evidence.upload("review1", northCase, photo, "step", "decideAccountability").status())
                .isEqualTo(201);
    }

    @Test
    void evidenceIsWithdrawnWithAReasonAndStaysListedNeverDeleted() {
        byte[] scan = SampleFiles.pdf();
        Answer filed = evidence.upload("north1", northCase, new FilePart("谈话笔录.pdf", "application/pdf", scan),
                "step", "verifyCase");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().get("id").asLong();
        String path = "/api/cases/" + northCase + "/evidence/" + id;

        assertThat(http.send("north1", "DELETE", path, null).status()).isEqualTo(405);
        assertRefused(403, "只有上传人", http.post("review1", path + "/withdrawal", Map.of("reason", "重复")));
        assertRefused(400, "请填写撤回理由", http.post("north1", path + "/withdrawal", Map.of("reason", " ")));

        Answer withdrawn = http.post("leader1", path + "/withdrawal", Map.of("reason", "误传了另一案件的笔录"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertRefused(409, "已于", http.post("north1", path + "/withdrawal", Map.of("reason", "误传")));

        JsonNode listing = http.get("north1", "/api/cases/" + northCase + "/evidence").expect(200, "list").json();
        JsonNode entry = find(listing, id);
        assertThat(entry.get("withdrawn").asBoolean()).isTrue();
        assertThat(entry.get("withdrawnBy").asText()).isEqualTo("leader1");
        assertThat(entry.get("withdrawnReason").asText()).isEqualTo("误传了另一案件的笔录");
        assertThat(entry.hasNonNull("withdrawnAt")).isTrue();
        assertThat(listing.get("withdrawable").toString()).doesNotContain(String.valueOf(id));
        assertThat(evidence.download("intake1", path).body()).as("kept for the record").isEqualTo(scan);
    }

    @Test
    void aClosedCaseTakesNoMoreEvidenceAndOffersNoStep() {
        String closed = report("某小区核酸检测点排队过长", "NORTH");
        complete("intake1", closed, "triageCase", Map.of("problemType", "OTHER", "severity", "MINOR", "zone", "NORTH",
                "disposal", "CLOSE", "triageComment", "已整改到位，予以了结"));
        complete("leader1", closed, "approveDisposal", Map.of("disposalApproved", true, "approvalComment", "同意了结"));
        for (int attempt = 0; attempt < 50 && !"CLOSED".equals(stageOf(closed)); attempt++) {
            pause();
        }
        assertThat(stageOf(closed)).isEqualTo("CLOSED");
        long[] before = stored();

        assertRefused(409, "已办结", evidence.upload("intake1", closed,
                new FilePart("补充材料.pdf", null, SampleFiles.pdf()), "step", "triageCase"));
        assertThat(stored()).containsExactly(before);
        assertThat(http.get("intake1", "/api/cases/" + closed + "/evidence").json().get("steps")).isEmpty();
    }

    @Test
    void aCasePageUploadsWithItsSessionAndTokenAndACrossSiteFormCannot() {
        WebappSession north = WebappSession.login(port, "north1");
        HttpResponse<String> page = north.exchange("GET", "/cases/" + northCase + "/evidence", null, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"jd-evidence\"", "data-case=\"" + northCase + "\"", "/js/evidence.js");
        Matcher token = PAGE_TOKEN.matcher(page.body());
        assertThat(token.find()).as("the panel carries the page's token").isTrue();

        String boundary = "----page" + System.nanoTime();
        byte[] form = EvidenceClient.multipart(boundary, new FilePart("截图.png", "image/png", SampleFiles.png()),
                Map.of("step", "verifyCase"));
        String path = "/api/cases/" + northCase + "/evidence";
        String type = "multipart/form-data; boundary=" + boundary;
        long[] before = stored();
        assertThat(north.exchangeBytes("POST", path, type, form, Map.of()).statusCode()).isEqualTo(403);
        assertThat(stored()).containsExactly(before);

        HttpResponse<String> uploaded = north.exchangeBytes("POST", path, type, form,
                Map.of("X-XSRF-TOKEN", token.group(1), "Accept", "application/json"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.body()).contains("\"uploadedBy\":\"north1\"");
    }

    private String northCaseInVerification() {
        String caseNumber = report("东湖街道隔离点管理混乱", "NORTH");
        complete("intake1", caseNumber, "triageCase", Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "SERIOUS", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "线索具体，拟转北片区初步核实"));
        complete("leader1", caseNumber, "approveDisposal", Map.of("disposalApproved", true, "approvalComment", "同意"));
        taskOf("north1", caseNumber, "verifyCase");
        return caseNumber;
    }

    private String report(String title, String zone) {
        return http.post("intake1", "/api/cases", Map.of("title", title, "description", title + "，群众反映",
                "source", "PUBLIC_REPORT", "unit", "某街道办事处", "personsInvolved", "负责人张某",
                "reporterName", "钱某", "reporterPhone", "13700000000", "problemType", "INEFFECTIVE_PREVENTION",
                "zone", zone)).expect(201, "report").json().get("caseNumber").asText();
    }

    private void complete(String user, String caseNumber, String taskKey, Map<String, Object> variables) {
        http.complete(user, taskOf(user, caseNumber, taskKey), variables).expect(204, taskKey + " by " + user);
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

    private String stageOf(String caseNumber) {
        return http.get("leader1", "/api/cases/" + caseNumber).json().path("stage").asText();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long[] stored() {
        return new long[] {jdbc.queryForObject("SELECT COUNT(*) FROM jd_evidence", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM jd_evidence_content", Long.class)};
    }

    private static JsonNode find(JsonNode listing, long id) {
        for (JsonNode entry : listing.get("evidence")) {
            if (entry.get("id").asLong() == id) {
                return entry;
            }
        }
        throw new AssertionError("evidence " + id + " not listed: " + listing);
    }

    private static void assertNotFound(Answer answer) {
        assertRefused(404, "无权查看该案件", answer);
    }

    private static void assertRefused(int status, String detail, Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains(detail);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
