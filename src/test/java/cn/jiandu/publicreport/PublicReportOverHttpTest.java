package cn.jiandu.publicreport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen reports on /report without a login and follows the report with the query code; the identity is
 * sealed at rest and reaches only case-management and leaders; every refusal leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:public-report-http;DB_CLOSE_DELAY=-1",
        "jiandu.public-report.per-client-per-minute=1000",
        "jiandu.public-report.challenge-max-number=2000",
        "jiandu.public-report.daily-alert-threshold=2"})
class PublicReportOverHttpTest {

    static final String PHONE = "13912345678";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    FilterService filterService;
    Citizen citizen;
    Http http;

    @BeforeEach
    void clients() {
        citizen = new Citizen(port);
        http = new Http(port);
    }

    @Test
    void aNamedReportWithAPhotoGetsAQueryCodeAndEntersTriageWithItsIdentitySealed() {
        Citizen.Page accepted = citizen.report(Citizen.named("南湖社区卡口夜间无人值守", PHONE),
                Map.of("卡口照片.jpg", Citizen.photo()));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("您的查询码", "只显示这一次");
        String code = accepted.code();
        String caseNumber = caseOf("南湖社区卡口夜间无人值守");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM jd_case WHERE case_number = ?", caseNumber);
        assertThat(row).containsEntry("SOURCE", "PUBLIC_REPORT").containsEntry("REPORTED_BY", "public-report")
                .containsEntry("STAGE", "TRIAGE").containsEntry("ZONE", "SOUTH");
        assertThat(row.get("DESCRIPTION").toString()).contains("南湖街道", "12月3日晚上10点左右");

        // The phone is nowhere in the database in clear text: not in the case's row, not in a clear column.
        String sealed = (String) row.get("REPORTER_IDENTITY");
        assertThat(sealed).isNotBlank().doesNotContain(PHONE, "赵某某", "zhao@example.cn");
        assertThat(row.toString()).doesNotContain(PHONE, "赵某某", "zhao@example.cn");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'JD_CASE'"
                + " AND COLUMN_NAME IN ('REPORTER_NAME', 'REPORTER_PHONE', 'REPORTER_EMAIL')", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ? OR TEXT2_ = ?",
                Integer.class, PHONE, PHONE)).isZero();
        // Nor is the query code: only its hash.
        assertThat(jdbc.queryForMap("SELECT * FROM jd_public_report WHERE case_number = ?", caseNumber).toString())
                .doesNotContain(code, code.replace("-", ""));
        assertThat(jdbc.queryForList("SELECT media_type FROM jd_evidence WHERE case_number = ?", String.class, caseNumber))
                .containsExactly("image/jpeg");

        // The receipt to the address given waits in the outbox, the address sealed, without name, phone or code.
        Map<String, Object> receipt = jdbc.queryForMap("SELECT * FROM jd_mail_outbox WHERE case_number = ?"
                + " AND kind = 'PUBLIC_REPORT_RECEIVED'", caseNumber);
        assertThat(receipt).containsEntry("RECIPIENTS", "举报人（已加密）").containsEntry("SUBJECT", "您的举报已受理");
        assertThat(receipt.get("TEXT_BODY").toString()).contains("南湖社区卡口夜间无人值守", "已经受理");
        assertThat(receipt.toString()).doesNotContain(PHONE, "赵某某", "zhao@example.cn", code, code.replace("-", ""));

        // Opened for case-management and leaders only.
        assertThat(http.get("intake1", "/api/cases/" + caseNumber).json().path("reporter").path("phone").asText())
                .isEqualTo(PHONE);
        assertThat(http.get("leader1", "/api/cases/" + caseNumber).json().path("reporter").path("name").asText())
                .isEqualTo("赵某某");
        Http.Answer south = http.get("south1", "/api/cases/" + caseNumber);
        assertThat(south.status()).isEqualTo(200);
        assertThat(south.body()).doesNotContain(PHONE, "赵某某");
        assertThat(http.get("north1", "/api/cases/" + caseNumber).body()).doesNotContain(PHONE, "赵某某");
        assertThat(http.get("publicity1", "/api/cases/" + caseNumber).body()).doesNotContain(PHONE, "赵某某");

        // case-management sees it in its filter 群众举报.
        String filter = filterService.createFilterQuery().filterName(PublicReportsFilter.NAME).singleResult().getId();
        assertThat(http.get("intake1", "/engine-rest/filter/" + filter + "/list").body())
                .contains((String) row.get("PROCESS_INSTANCE_ID"));
        assertThat(http.get("north1", "/engine-rest/filter/" + filter + "/list").status()).isNotEqualTo(200);
    }

    @Test
    void theStatusPageSpeaksInCitizensWordsBeforeAndAfterTriageAndAfterClosing() {
        String code = citizen.report(Citizen.named("某药店未落实实名登记", "13800001111"), Map.of()).code();
        String caseNumber = caseOf("某药店未落实实名登记");

        Citizen.Page received = citizen.status(code.toLowerCase().replace("-", " "));
        assertThat(received.main()).contains("已受理").doesNotContain("办理中", "已办结", "intake1", caseNumber);

        assertThat(citizen.add(code, "药店门口另有一块手写告示，说不用登记。").main()).contains("已收到您补充的情况");
        assertThat(http.get("intake1", "/api/cases/" + caseNumber + "/public-additions").body()).contains("手写告示");
        assertThat(http.get("north1", "/api/cases/" + caseNumber + "/public-additions").status()).isEqualTo(404);

        complete(caseNumber, "triageCase", "intake1", Map.of("problemType", "INEFFECTIVE_PREVENTION", "severity", "MINOR",
                "zone", "SOUTH", "disposal", "CLOSE", "triageComment", "已整改，予以了结"));
        assertThat(citizen.status(code).main()).contains("办理中").doesNotContain("已受理", "已整改");

        complete(caseNumber, "approveDisposal", "leader1", Map.of("disposalApproved", true));
        String processInstance = jdbc.queryForObject("SELECT process_instance_id FROM jd_case WHERE case_number = ?",
                String.class, caseNumber);
        managementService.createJobQuery().processInstanceId(processInstance).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        Citizen.Page closed = citizen.status(code);
        assertThat(closed.main()).contains("已办结", "经研判，已依规处置，予以了结。").doesNotContain("leader1", "intake1");
        assertThat(citizen.add(code, "还有情况").main()).contains("已办结，不能再补充");
    }

    @Test
    void aWrongOrGuessedCodeTellsNothing() {
        String code = citizen.report(Citizen.named("某超市哄抬口罩价格", "13800002222"), Map.of()).code();
        String changed = (code.charAt(0) == '7' ? '8' : '7') + code.substring(1);

        String guessed = citizen.status("ABCDE-FGHJK-MNPQR-STVWX").main();
        assertThat(guessed).contains(PublicReporting.UNKNOWN_CODE).doesNotContain("已受理");
        assertThat(citizen.status(changed).main()).isEqualTo(guessed);
        assertThat(citizen.status("1234").main()).isEqualTo(guessed);
        assertThat(citizen.status("' OR 1=1 --").main()).isEqualTo(guessed);
        assertThat(citizen.add(changed, "冒充补充").main()).isEqualTo(guessed);
        assertThat(citizen.status(code).main()).contains("已受理");
    }

    @Test
    void theChallengeIsRequiredAndASolvedOneCountsOnce() {
        Map<String, String> form = Citizen.named("某小区封控期间物资发放不公", "13800003333");
        Counts before = counts();

        Citizen.Page none = citizen.post(form, Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains(Challenges.NEEDED);
        Map<String, String> forged = new HashMap<>(form);
        forged.put("altcha", java.util.Base64.getEncoder().encodeToString(
                "{\"algorithm\":\"SHA-256\",\"challenge\":\"00\",\"number\":1,\"salt\":\"x\",\"signature\":\"00\"}".getBytes()));
        assertThat(citizen.post(forged, Map.of()).body()).contains(Challenges.INVALID);
        assertThat(counts()).isEqualTo(before);

        Map<String, String> solved = new HashMap<>(form);
        solved.put("altcha", citizen.solvedChallenge());
        assertThat(citizen.post(solved, Map.of()).status()).isEqualTo(200);
        solved.put("title", "换个标题再用同一个验证");
        Citizen.Page replayed = citizen.post(solved, Map.of());
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains(Challenges.SPENT);
        assertThat(counts().cases()).isEqualTo(before.cases() + 1);
    }

    @Test
    void aRefusedFileOrTheSameReportAgainStoresNothing() {
        Map<String, String> form = new HashMap<>(Citizen.named("某街道防疫物资去向不明", "13800004444"));
        Counts before = counts();
        form.put("altcha", citizen.solvedChallenge());

        Citizen.Page program = citizen.post(form, Map.of("照片.jpg", Citizen.program()));
        assertThat(program.status()).isEqualTo(415);
        assertThat(program.body()).contains("可执行程序");
        Citizen.Page tooMany = citizen.post(form, Map.of("1.jpg", Citizen.photo(), "2.jpg", Citizen.photo(),
                "3.jpg", Citizen.photo(), "4.jpg", Citizen.photo(), "5.jpg", Citizen.photo()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("最多可上传 4 个文件");
        Map<String, String> unnamed = new HashMap<>(form);
        unnamed.remove("reporterPhone");
        assertThat(citizen.post(unnamed, Map.of()).body()).contains("实名举报请填写姓名和联系电话");
        assertThat(counts()).isEqualTo(before);

        // The refused attempts did not spend the challenge: the corrected report goes through with it.
        assertThat(citizen.post(form, Map.of("照片.jpg", Citizen.photo())).status()).isEqualTo(200);
        Counts after = counts();
        Citizen.Page again = citizen.report(form, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("相同内容的举报已经受理");
        assertThat(counts()).isEqualTo(after);
    }

    /**
     * What the reporter adds with the code appears on the case page (/cases/{n}) of those who may see the case,
     * with its time and text and nothing of who wrote it; one who may not see the case sees neither page nor text.
     */
    @Test
    void additionsAppearOnTheCasePageOfThoseWhoMaySeeTheCaseAndOnlyThere() {
        String code = citizen.report(Citizen.named("南湖社区发热门诊排队无人引导", "13800006666"), Map.of()).code();
        String caseNumber = caseOf("南湖社区发热门诊排队无人引导");
        assertThat(http.get("intake1", "/cases/" + caseNumber).body()).doesNotContain("public-additions");

        assertThat(citizen.add(code, "第二天上午仍无人引导，队伍排到马路上。").main()).contains("已收到您补充的情况");
        assertThat(citizen.add(code, "<script>alert(1)</script>下午有人晕倒。").main()).contains("已收到您补充的情况");

        String intake = http.get("intake1", "/cases/" + caseNumber).expect(200, "case page").body();
        String additions = section(intake, "public-additions");
        assertThat(additions).contains("举报人补充情况", "第二天上午仍无人引导", "下午有人晕倒", "&lt;script&gt;")
                .doesNotContain("<script>", "赵某某", "13800006666", "zhao@example.cn");
        assertThat(additions.indexOf("第二天上午")).isLessThan(additions.indexOf("下午有人晕倒"));
        assertThat(additions).containsPattern("class=\"added-at\">\\d{4}");

        // The zone's team sees the case, and so the additions, but not who reported.
        String team = http.get("south1", "/cases/" + caseNumber).expect(200, "case page").body();
        assertThat(section(team, "public-additions")).contains("第二天上午仍无人引导", "下午有人晕倒");
        assertThat(team).doesNotContain("赵某某", "13800006666", "zhao@example.cn");

        // The other zone's team may not see the case: 404 on the page and on the API, no text in either.
        Http.Answer other = http.get("north1", "/cases/" + caseNumber);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("第二天上午", "下午有人晕倒");
        Http.Answer api = http.get("north1", "/api/cases/" + caseNumber + "/public-additions");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("第二天上午");
        assertThat(http.get("south1", "/api/cases/" + caseNumber + "/public-additions").json()).hasSize(2);
    }

    @Test
    void anAnonymousReportersAdditionsShowNoIdentity() {
        Map<String, String> form = new HashMap<>(Citizen.named("匿名：某卡口登记信息外泄", "13800007777"));
        form.put("identity", "ANONYMOUS");
        String code = citizen.report(form, Map.of()).code();
        String caseNumber = caseOf("匿名：某卡口登记信息外泄");
        assertThat(citizen.add(code, "登记表放在桌上无人看管。").main()).contains("已收到您补充的情况");

        String page = http.get("leader1", "/cases/" + caseNumber).expect(200, "case page").body();
        assertThat(section(page, "public-additions")).contains("登记表放在桌上无人看管");
        assertThat(page).contains("匿名举报").doesNotContain("赵某某", "13800007777", "zhao@example.cn");
    }

    @Test
    void anAnonymousReportStoresNoIdentityAtAll() {
        Map<String, String> form = new HashMap<>(Citizen.named("匿名：某单位防疫补贴被截留", "13800005555"));
        form.put("identity", "ANONYMOUS");
        assertThat(citizen.report(form, Map.of()).status()).isEqualTo(200);
        String caseNumber = caseOf("匿名：某单位防疫补贴被截留");
        assertThat(jdbc.queryForMap("SELECT anonymous, reporter_identity, reporter_key_id FROM jd_case WHERE case_number = ?",
                caseNumber)).containsEntry("ANONYMOUS", true).containsEntry("REPORTER_IDENTITY", null)
                .containsEntry("REPORTER_KEY_ID", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox WHERE case_number = ?", Integer.class,
                caseNumber)).as("no receipt: nobody to send it to").isZero();
        assertThat(http.get("intake1", "/api/cases/" + caseNumber).json().has("reporter")).isFalse();
    }

    @Test
    void caseManagementIsMailedOnceWhenTheDayPassesTheThreshold() {
        citizen.report(Citizen.named("阈值一", "13800006666"), Map.of());
        citizen.report(Citizen.named("阈值二", "13800007777"), Map.of());
        citizen.report(Citizen.named("阈值三", "13800008888"), Map.of());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox WHERE kind = 'PUBLIC_REPORTS_THRESHOLD'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT recipients FROM jd_mail_outbox WHERE kind = 'PUBLIC_REPORTS_THRESHOLD'",
                String.class)).isNotBlank();
    }

    @Test
    void thePagesNeedNoLoginAndLoadNothingFromOutside() {
        Http.Answer page = http.get(null, "/report");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"viewport\"", "诬告陷害", "加密保存", "/js/report.js")
                .doesNotContain("http://", "https://");
        assertThat(http.get(null, "/report/status").status()).isEqualTo(200);
        assertThat(http.get(null, "/js/report.js").status()).isEqualTo(200);
    }

    record Counts(int cases, int evidence, int reports, int processes, int challenges) {
    }

    private Counts counts() {
        return new Counts(count("jd_case"), count("jd_evidence"), count("jd_public_report"), count("ACT_HI_PROCINST"),
                count("jd_public_challenge"));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** The page's section of this id, up to its end. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section class=\"section\" id=\"" + id + "\"");
        assertThat(start).as("section %s on the page", id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private String caseOf(String title) {
        return jdbc.queryForObject("SELECT case_number FROM jd_case WHERE title = ?", String.class, title);
    }

    private void complete(String caseNumber, String step, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
                .singleResult();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }
}
