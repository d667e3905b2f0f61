package cn.jiandu.documents;

import static cn.jiandu.support.PersonRows.person;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.documents.EvidenceList.Evidence;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The documents a commission files for a case, generated from its record. The story: 北湖街道幸福社区 did not
 * close its compound; the north team verifies, case-review holds three persons accountable one by one,
 * leaders approve, the decision is served. The officers then download the decision as Word and the whole
 * dossier as PDF — and the south team cannot, as it cannot see the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:case-documents;DB_CLOSE_DELAY=-1"})
@Import(CaseDocumentsTest.OnePhotoOfEvidence.class) // imported, not only nested: subclasses inherit it
class CaseDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Where the browser tests put their screenshots (browser/Browser.SCREENSHOTS), for a person to look at. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PHOTO_SHA256 = sha256("幸福社区出入口现场照片");

    /** The evidence ledger as the dossier sees it: one photo for every case. */
    @TestConfiguration
    static class OnePhotoOfEvidence {
        @Bean
        @Primary
        EvidenceList onePhoto() {
            return caseNumber -> List.of(new Evidence("出入口现场照片.jpg", 245_760, PHOTO_SHA256, "无人值守的小区北门",
                    "初步核实", "north1", OffsetDateTime.now(SHANGHAI), null));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    LedgerEvidence ledgerEvidence;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDecisionIsAWordFileNamingEachPersonWithResponsibilityMeasureAndTheRightToAppeal() throws Exception {
        String caseNumber = decidedAndServed("NORTH");

        JsonNode list = JSON.readTree(get("north1", "/api/cases/" + caseNumber + "/documents").text());
        Map<String, Boolean> available = new LinkedHashMap<>();
        list.forEach(d -> available.put(d.get("kind").asText(), d.get("available").asBoolean()));
        assertThat(available).containsExactly(Map.entry("disposal-approval", true), Map.entry("inquiry-letter", false),
                Map.entry("verification-report", true), Map.entry("accountability-decision", true),
                Map.entry("handover", false));
        assertThat(list.get(3).get("title").asText()).isEqualTo("问责决定书");

        Answer decision = get("north1", "/api/cases/" + caseNumber + "/documents/accountability-decision.docx");
        assertThat(decision.status()).as(decision.text()).isEqualTo(200);
        assertThat(decision.contentType()).isEqualTo(DocumentController.DOCX.toString());
        assertThat(URLDecoder.decode(decision.disposition(), StandardCharsets.UTF_8))
                .contains("filename=\"" + caseNumber + "-accountability-decision.docx\"")
                .contains("filename*=UTF-8''" + caseNumber + " 问责决定书.docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(decision.body()))) {
            String text = new XWPFWordExtractor(docx).getText();
            assertThat(text).contains("问责决定书", caseNumber, "张伟", "李娜", "王强", "直接责任", "主要领导责任",
                    "重要领导责任", "诫勉", "通报批评", "批评教育", "检查", "依规依纪逐人提出处理意见",
                    "本人陈述申辩：已整改", "一个月内", "申诉", "leader1");
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("张伟（北湖街道幸福社区居委会主任），负直接责任，予以诫勉。");
            XWPFRun title = docx.getParagraphs().get(0).getRuns().get(0);
            assertThat(title.isBold()).isTrue();
            assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
            assertThat(docx.getParagraphs().get(2).getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("仿宋");
            assertThat(docx.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
            assertThat(docx.getFooterList()).hasSize(1);
        }

        Answer approval = get("leader1", "/api/cases/" + caseNumber + "/documents/disposal-approval.docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(approval.body()))) {
            assertThat(new XWPFWordExtractor(docx).getText()).contains("问题线索处置审批表", caseNumber, "初步核实",
                    "线索具体，建议初步核实", "intake1", "同意：同意初步核实", "leader1")
                    .as("the reporter's identity is in no document").doesNotContain("刘某", "13800000000");
        }
    }

    @Test
    void aCaseAtInquiryHasItsInquiryLetterButNoDecisionYet() throws Exception {
        ProcessInstance problem = report("NORTH");
        complete(problem, "triageCase", "intake1", Map.of("problemType", "BUCK_PASSING", "severity", "MINOR",
                "zone", "NORTH", "disposal", "TALK_OR_LETTER_INQUIRY", "triageComment", "情节轻微，建议函询"));
        complete(problem, "approveDisposal", "leader1", Map.of("disposalApproved", true));
        String caseNumber = caseNumberOf(problem);

        Answer letter = get("north1", "/api/cases/" + caseNumber + "/documents/inquiry-letter.docx");
        assertThat(letter.status()).as(letter.text()).isEqualTo(200);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(letter.body()))) {
            assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText).toList())
                    .contains("函询通知书", "案件编号：" + caseNumber, "社区主任张伟同志：");
            assertThat(new XWPFWordExtractor(docx).getText()).contains("十五个工作日内", "第一监督检查组（北片区）");
        }

        Answer decision = get("north1", "/api/cases/" + caseNumber + "/documents/accountability-decision.docx");
        assertThat(decision.status()).isEqualTo(404);
        assertThat(decision.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(decision.text()).get("detail").asText())
                .contains(caseNumber, "《问责决定书》", "案件审理室作出问责决定", "谈话函询");

        Answer unknown = get("north1", "/api/cases/" + caseNumber + "/documents/confession.docx");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(unknown.text()).get("detail").asText()).contains("confession", "accountability-decision");
    }

    @Test
    void theDossierIsOnePdfWithCoverContentsDocumentsTimelinePersonsAndEvidenceHashesInAnEmbeddedFont()
            throws Exception {
        String caseNumber = decidedAndServed("NORTH");

        Answer dossier = get("leader1", "/api/cases/" + caseNumber + "/dossier.pdf");
        assertThat(dossier.status()).as(dossier.text()).isEqualTo(200);
        assertThat(dossier.contentType()).isEqualTo("application/pdf");
        assertThat(URLDecoder.decode(dossier.disposition(), StandardCharsets.UTF_8)).contains(caseNumber + " 案件卷宗.pdf");
        try (PDDocument pdf = Loader.loadPDF(dossier.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("案 件 卷 宗", "目　录", caseNumber, "幸福社区未落实封闭管理", "问题线索处置审批表",
                    "初核情况报告", "二、核实情况", "问责决定书", "办理过程", "涉案人员", "证据材料清单", "张伟", "李娜", "王强",
                    "诫勉", "通报批评", "批评教育", "出入口现场照片.jpg", PHOTO_SHA256);
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("JianduSerifSC");
                }
            }
            String contentsPage = textOf(pdf, 1);
            java.util.regex.Matcher decisionLine = java.util.regex.Pattern.compile("问责决定书 \\.+ (\\d+)")
                    .matcher(contentsPage);
            assertThat(decisionLine.find()).as(contentsPage).isTrue();
            int listedPage = Integer.parseInt(decisionLine.group(1)) - 1;
            assertThat(textOf(pdf, listedPage)).as("the contents give the decision's page")
                    .contains("问责决定书", "一、对有关人员的问责");
            PDFRenderer renderer = new PDFRenderer(pdf);
            Files.createDirectories(SCREENSHOTS);
            BufferedImage cover = renderer.renderImageWithDPI(0, 72);
            ImageIO.write(cover, "png", SCREENSHOTS.resolve("dossier-cover.png").toFile());
            assertThat(inkedShare(cover)).as("the cover shows text").isGreaterThan(0.005);
            BufferedImage contents = renderer.renderImageWithDPI(1, 72);
            ImageIO.write(contents, "png", SCREENSHOTS.resolve("dossier-contents.png").toFile());
            assertThat(inkedShare(contents)).isGreaterThan(0.005);
            BufferedImage decision = renderer.renderImageWithDPI(listedPage, 96);
            ImageIO.write(decision, "png", SCREENSHOTS.resolve("dossier-decision.png").toFile());
            assertThat(inkedShare(decision)).isGreaterThan(0.01);
        }
    }

    @Test
    void theSouthTeamCannotFetchANorthCasesDocumentsAnyMoreThanTheCaseItself() {
        String caseNumber = decidedAndServed("NORTH");
        String south = caseNumberOf(report("SOUTH"));

        assertThat(get("south1", "/api/cases/" + caseNumber).status()).isEqualTo(404);
        for (String path : List.of("/documents", "/documents/accountability-decision.docx",
                "/documents/disposal-approval.docx", "/dossier.pdf")) {
            Answer refused = get("south1", "/api/cases/" + caseNumber + path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
            assertThat(refused.text()).as(path).contains("无权查看").doesNotContain("张伟");
            assertThat(get("north1", "/api/cases/" + south + path).status()).as(path).isEqualTo(404);
        }
        assertThat(get("north1", "/api/cases/" + caseNumber + "/dossier.pdf").status()).isEqualTo(200);
        assertThat(get("south1", "/api/cases/" + south + "/documents").status()).isEqualTo(200);
        assertThat(get(null, "/api/cases/" + caseNumber + "/documents").status()).isEqualTo(401);
    }

    @Test
    void aCaseHandedOverForFilingHasItsHandOverMaterialAndNoDecision() throws Exception {
        ProcessInstance problem = atVerification("SOUTH");
        complete(problem, "verifyCase", "south1", Map.of("verificationOutcome", "PROPOSE_FILING",
                "findings", "经核实，张伟挪用防控物资", "persons", personsJson(List.of(ZHANG)),
                "emergencyAction", false, "faultToleranceRequested", false));
        complete(problem, "approveAccountability", "leader1", Map.of("accountabilityApproved", true,
                "approvalComment", "同意立案审查调查"));
        runJob(problem, "handOverForInvestigation");
        String caseNumber = caseNumberOf(problem);

        Answer handOver = get("south1", "/api/cases/" + caseNumber + "/documents/handover.docx");
        assertThat(handOver.status()).as(handOver.text()).isEqualTo(200);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(handOver.body()))) {
            assertThat(new XWPFWordExtractor(docx).getText()).contains("移送审查调查（立案）材料", caseNumber, "张伟",
                    "直接责任", "经核实，张伟挪用防控物资", "leader1");
        }
        assertThat(get("south1", "/api/cases/" + caseNumber + "/documents/accountability-decision.docx").status())
                .isEqualTo(404);
    }

    @Test
    void theDossierListsTheEvidenceLedgersFilesWithdrawnOnesIncluded() {
        String caseNumber = decidedAndServed("NORTH");
        jdbc.update("""
                INSERT INTO jd_evidence (case_number, file_name, media_type, size_bytes, sha256, step_key, step_name,
                    uploaded_by, uploaded_at, withdrawn_at, withdrawn_by, withdrawn_reason)
                VALUES (?, '谈话笔录.pdf', 'application/pdf', 1024, ?, 'verifyCase', '初步核实', 'north1', ?, ?, 'north1',
                    '误传')""", caseNumber, PHOTO_SHA256, OffsetDateTime.now(SHANGHAI), OffsetDateTime.now(SHANGHAI));
        assertThat(ledgerEvidence.list(caseNumber)).extracting(Evidence::fileName, Evidence::sha256, Evidence::step,
                e -> e.withdrawnAt() != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("谈话笔录.pdf", PHOTO_SHA256, "初步核实", true));
        assertThat(ledgerEvidence.list("JD-2026-99999")).isEmpty();
    }

    // ---- the case, driven through route version 2 as Tasklist drives it ----------------------------

    private static final Map<String, Object> ZHANG = person("张伟", "北湖街道幸福社区居委会", "主任", "DIRECT");
    private static final Map<String, Object> LI = person("李娜", "北湖街道党工委", "书记", "PRINCIPAL_LEADERSHIP");
    private static final Map<String, Object> WANG = person("王强", "北湖街道办事处", "副主任", "IMPORTANT_LEADERSHIP");

    private String decidedAndServed(String zone) {
        String team = "NORTH".equals(zone) ? "north1" : "south1";
        ProcessInstance problem = atVerification(zone);
        complete(problem, "verifyCase", team, Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "经核实，幸福社区北门连续三日无人值守，未测体温、未查验通行证",
                "persons", personsJson(List.of(ZHANG, LI, WANG)), "emergencyAction", false,
                "faultToleranceRequested", false));
        List<Map<String, Object>> rows = personsVariable(problem);
        List<String> measures = List.of("ADMONISHMENT", "CIRCULATED_CRITICISM", "CRITICISM_EDUCATION");
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("measure", measures.get(i));
        }
        complete(problem, "decideAccountability", "review1", Map.of("persons", personsJson(rows),
                "unitMeasure", "ORG_INSPECTION", "typicalCase", false, "decisionReason", "依规依纪逐人提出处理意见"));
        complete(problem, "hearDefence", "review1", Map.of("defenceRecord", "本人陈述申辩：已整改",
                "defenceChangesDecision", false));
        complete(problem, "approveAccountability", "leader1", Map.of("accountabilityApproved", true,
                "approvalComment", "同意"));
        complete(problem, "serveDecision", team, Map.of("servedOn", LocalDate.now(SHANGHAI).toString()));
        return caseNumberOf(problem);
    }

    private ProcessInstance atVerification(String zone) {
        ProcessInstance problem = report(zone);
        complete(problem, "triageCase", "intake1", Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                "severity", "SERIOUS", "zone", zone, "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "线索具体，建议初步核实"));
        complete(problem, "approveDisposal", "leader1", Map.of("disposalApproved", true,
                "approvalComment", "同意初步核实"));
        return problem;
    }

    private ProcessInstance report(String zone) {
        return runtimeService.startProcessInstanceByKey("supervisionCase", Map.of(
                "title", "幸福社区未落实封闭管理", "description", "小区出入口无人值守，未测体温、未查验通行证",
                "source", "PUBLIC_REPORT", "unit", "北湖街道幸福社区", "personsInvolved", "社区主任张伟",
                "anonymous", false, "reporterName", "刘某", "reporterPhone", "13800000000",
                "reporterEmail", "reporter@example.cn", "zone", zone));
    }

    /** The officer takes the task and completes it; the timeline shows who. */
    private void complete(ProcessInstance problem, String step, String officer, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(problem.getId()).taskDefinitionKey(step)
                .singleResult();
        assertThat(task).as(step + " is open").isNotNull();
        taskService.setAssignee(task.getId(), officer);
        taskService.complete(task.getId(), variables);
    }

    private void runJob(ProcessInstance problem, String activity) {
        var job = managementService.createJobQuery().processInstanceId(problem.getId()).activityId(activity)
                .singleResult();
        assertThat(job).as(activity + " waits as a job").isNotNull();
        managementService.executeJob(job.getId());
    }

    private String caseNumberOf(ProcessInstance problem) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(problem.getId()).singleResult()
                .getBusinessKey();
    }

    private List<Map<String, Object>> personsVariable(ProcessInstance problem) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object row : JSON.readValue(runtimeService.getVariable(problem.getId(), "persons").toString(),
                    List.class)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cells = new LinkedHashMap<>((Map<String, Object>) row);
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object personsJson(List<? extends Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading what came back ------------------------------------------------------------------

    record Answer(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Answer get(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(PDDocument pdf, int pageIndex) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        return stripper.getText(pdf);
    }

    /** The share of pixels that are not (nearly) white: a blank page has none. */
    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 200 || ((rgb >> 8) & 0xFF) < 200 || (rgb & 0xFF) < 200) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
