package cn.jiandu.mail;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.mail.TestSmtpServer.Received;
import cn.jiandu.rectification.NewRectification;
import cn.jiandu.rectification.RectificationOrigin;
import cn.jiandu.rectification.Rectifications;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.Base64;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every kind of mail of a case's route, sent to a real SMTP server (GreenMail): the reminder and
 * the urging to the team, the escalation and the approval requests to leaders, the bulletin naming
 * the case to its distribution list and the outcome to the reporter — with their recipients, subjects and
 * Chinese text and HTML parts.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:mails-of-a-case;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "jiandu.public-url=https://jiandu.example.cn",
        "jiandu.mail.notice-distribution=units@jiandu.local, media@jiandu.local"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class MailsOfACaseTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final TestSmtpServer smtp = new TestSmtpServer();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", smtp::port);
    }

    @BeforeAll
    static void startSmtp() {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Rectifications rectifications;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        smtp.forget();
    }

    @Test
    void theTeamIsRemindedLeadersGetTheOverdueTaskWithALinkToTheirReviewAndTheTeamIsUrged() {
        ProcessInstance problem = report("NORTH");
        String caseNumber = caseNumberOf(problem);
        triage(problem, "RESPONSIBILITY_NOT_IMPLEMENTED", "MINOR", "NORTH");
        complete(task("approveDisposal", problem), withVariables("disposalApproved", true));
        execute(job("verifyReminder", problem));
        execute(job("sendVerifyReminder", problem));
        execute(job("verifyOverdue", problem));
        String reviewTask = task("reviewOverdueCase", problem).getId();
        complete(task("reviewOverdueCase", problem), withVariables("overdueAction", "URGE", "overdueComment", "限三日内办结"));
        deliverAllMails();

        String verifyTask = task("verifyCase", problem).getId();
        Received reminder = only("【到期提醒】" + caseNumber + " 初步核实将于", "north1@jiandu.local");
        Assertions.assertThat(reminder.text()).contains("某小区未落实封闭管理", "请抓紧办理",
                "https://jiandu.example.cn/tasks/" + verifyTask);
        Assertions.assertThat(reminder.html()).contains("将于", "在任务列表中打开此任务");

        Received escalation = only("【逾期督办】" + caseNumber + " 初步核实已逾期，请委领导督办", "leader1@jiandu.local");
        String link = "https://jiandu.example.cn/tasks/" + reviewTask;
        Assertions.assertThat(escalation.text()).contains("“初步核实”已于", "承办：第一监督检查组（北片区）",
                "请决定延期、改派或督促", "在任务列表中打开督办任务：" + link);
        Assertions.assertThat(escalation.html()).contains("href=\"" + link + "\"", "北湖街道幸福社区");

        Received urging = only("【督办】" + caseNumber + " 初步核实已逾期，请尽快办结", "north1@jiandu.local");
        Assertions.assertThat(urging.text()).contains("委领导督促尽快办结", "督办意见：限三日内办结");
        Assertions.assertThat(urging.html()).contains("限三日内办结");
    }

    /**
     * Route version 2: leaders are asked to approve the disposal, an exemption and the accountability
     * decision; the typical case is named in a bulletin (process noticeBulletin), which goes to the
     * notice list when published, and its publication closes the case.
     */
    @Test
    void leadersAreAskedForEachApprovalTheBulletinGoesToItsListAndTheReporterLearnsTheOutcome() {
        ProcessInstance problem = report("SOUTH");
        String caseNumber = caseNumberOf(problem);
        triage(problem, "RESPONSIBILITY_NOT_IMPLEMENTED", "SERIOUS", "SOUTH");
        String disposalApproval = task("approveDisposal", problem).getId();
        complete(task("approveDisposal", problem), withVariables("disposalApproved", true));
        complete(task("verifyCase", problem), withVariables("verificationOutcome", "ACCOUNTABILITY",
                "findings", "问题属实", "persons", director(), "faultToleranceRequested", true));
        Map<String, Object> exempt = allCriteria();
        exempt.putAll(Map.of("faultToleranceOutcome", "EXEMPT", "faultToleranceReason", "紧急情况下为公"));
        complete(task("reviewFaultTolerance", problem), exempt);
        complete(task("approveFaultTolerance", problem), withVariables("faultToleranceApproved", false,
                "approvalComment", "不符合免责情形"));
        Map<String, Object> notApplicable = allCriteria();
        notApplicable.putAll(Map.of("faultToleranceOutcome", "NOT_APPLICABLE", "faultToleranceReason", "不予容错"));
        complete(task("reviewFaultTolerance", problem), notApplicable);
        complete(task("decideAccountability", problem), withVariables("persons", decided("ADMONISHMENT"),
                "typicalCase", true, "decisionReason", "未落实封闭管理"));
        complete(task("hearDefence", problem), withVariables("defenceRecord", "李某对事实无异议",
                "defenceChangesDecision", false));
        String approval = task("approveAccountability", problem).getId();
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true));
        complete(task("serveDecision", problem), withVariables("servedOn", LocalDate.now(SHANGHAI).toString()));
        ProcessInstance bulletin = bulletinNaming(caseNumber);
        complete(task("draftNotice", bulletin), withVariables("bulletinTitle", "关于某社区未落实封闭管理问题的通报",
                "bulletinBody", "某社区主任李某未落实封闭管理，给予诫勉。"));
        complete(task("approveNotice", bulletin), withVariables("noticeApproved", true));
        execute(job("publishBulletin", bulletin));
        execute(job("closeCase", problem));
        assertThat(problem).isEnded();
        deliverAllMails();

        Received disposal = only("【待审批】" + caseNumber + " 审批处置意见：某小区未落实封闭管理", "leader1@jiandu.local");
        Assertions.assertThat(disposal.text()).contains("等待您审批", "处置方式：初步核实", "研判意见：核实",
                "https://jiandu.example.cn/tasks/" + disposalApproval,
                "阅看案情并审批（手机可用）：https://jiandu.example.cn/approvals/" + disposalApproval);
        Received accountability = only("【待审批】" + caseNumber + " 领导审批问责：某小区未落实封闭管理", "leader1@jiandu.local");
        // The link opens the very approval, not Tasklist's start page.
        String approvalLink = "https://jiandu.example.cn/tasks/" + approval;
        Assertions.assertThat(accountability.text()).contains("等待您审批", "李某（北湖街道幸福社区居委会，直接责任）：拟诫勉",
                "处理理由：未落实封闭管理", "陈述申辩：李某对事实无异议", "在任务列表中打开此审批：" + approvalLink);
        Assertions.assertThat(accountability.html()).contains("拟诫勉", "href=\"" + approvalLink + "\"");
        Received exemption = only("【待审批】" + caseNumber + " 领导审批免责：某小区未落实封闭管理", "leader1@jiandu.local");
        Assertions.assertThat(exemption.text()).contains("容错结论：免责", "审查意见：紧急情况下为公");

        Received published = only("【通报曝光】关于某社区未落实封闭管理问题的通报", "units@jiandu.local", "media@jiandu.local");
        Assertions.assertThat(published.text()).contains("某社区主任李某未落实封闭管理，给予诫勉。", "发布日期：");
        Assertions.assertThat(published.html()).contains("<h2>关于某社区未落实封闭管理问题的通报</h2>");

        Received outcome = only("您反映的问题（" + caseNumber + "）已办结", "reporter@example.cn");
        Assertions.assertThat(outcome.text()).startsWith("您好：").doesNotContain("王某").contains("问题属实，已依规依纪严肃问责");
        Assertions.assertThat(outcome.html()).contains("问题属实");
    }

    /**
     * Who reported stays unknown to whoever reads the database, the administrators' page, the engine's history
     * or the log: the outcome mail's address is kept sealed and opened only to send, also on a retry after an
     * outage of the mail server; the reporter still gets the mail.
     */
    @Test
    void theReportersAddressIsSealedAtRestAndStillReachesThemAfterAnOutage(CapturedOutput log) throws Exception {
        String address = "whistle.blower@example.cn";
        ProcessInstance problem = runtimeService.startProcessInstanceByKey("supervisionCase", withVariables(
                "title", "某卡口值守人员脱岗", "description", "夜间卡口无人", "source", "PUBLIC_REPORT",
                "unit", "南湖街道某卡口", "anonymous", false, "reporterName", "钱某某", "reporterPhone", "13700001111",
                "reporterEmail", address, "zone", "SOUTH"));
        String caseNumber = caseNumberOf(problem);
        complete(task("triageCase", problem), withVariables("problemType", "OTHER", "severity", "MINOR",
                "zone", "SOUTH", "disposal", "CLOSE", "triageComment", "已整改"));
        complete(task("approveDisposal", problem), withVariables("disposalApproved", true));
        execute(job("closeCase", problem));
        long mail = jdbc.queryForObject("SELECT id FROM jd_mail_outbox WHERE case_number = ? AND kind = 'CASE_OUTCOME'",
                Long.class, caseNumber);
        String deliveryProcess = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(MailDeliveryProcess.businessKey(mail)).singleResult().getId();
        Job delivery = managementService.createJobQuery().processInstanceId(deliveryProcess).singleResult();

        smtp.stop();
        try {
            Assertions.assertThatThrownBy(() -> managementService.executeJob(delivery.getId()))
                    .hasMessageContaining("发送失败").hasNoCause();
        } finally {
            smtp.start();
        }
        Map<String, Object> failed = jdbc.queryForMap("SELECT * FROM jd_mail_outbox WHERE id = ?", mail);
        Assertions.assertThat(failed).containsEntry("RECIPIENTS", "举报人（已加密）").containsEntry("ATTEMPTS", 1);
        Assertions.assertThat((String) failed.get("LAST_ERROR")).contains("Connection refused");
        Assertions.assertThat((String) failed.get("SEALED_RECIPIENT")).isNotBlank();
        assertNowhereInClear(address, "钱某某", "13700001111");
        mvc.perform(get("/api/admin/mails").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("举报人（已加密）")))
                .andExpect(content().string(not(containsStringIgnoringCase(address))));

        managementService.executeJob(delivery.getId());

        Received outcome = only("您反映的问题（" + caseNumber + "）已办结", address);
        Assertions.assertThat(outcome.text()).startsWith("您好：").contains("经研判，予以了结").doesNotContain("钱某某");
        Assertions.assertThat(jdbc.queryForMap("SELECT status, sealed_recipient FROM jd_mail_outbox WHERE id = ?", mail))
                .containsEntry("STATUS", "SENT").containsEntry("SEALED_RECIPIENT", null);
        assertNowhereInClear(address, "钱某某", "13700001111");
        // Jiandu's log, that is: the test's mail server logs the mailboxes it creates.
        Assertions.assertThat(log.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")))
                .noneMatch(line -> line.toLowerCase().contains(address) || line.contains("钱某某"));
    }

    /**
     * A rectification of the case's decision falls overdue; leaders urge (督办) it. The urging reaches the team with a
     * link to the report the rectification now waits for, which opens that very task; every mail of the
     * rectification is filed under the case and names the ZG number.
     */
    @Test
    void theUrgingOfAnOverdueRectificationOpensTheReportItWaitsFor() throws Exception {
        String caseNumber = caseNumberOf(report("NORTH"));
        String number = rectifications.start(new NewRectification(RectificationOrigin.DECISION, caseNumber, null, null,
                "NORTH", "北湖街道幸福社区", null, "INEFFECTIVE_PREVENTION", "卡口值守不到位", null, "north1"));
        ProcessInstance rectification = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        as("north1", "team-north", () -> complete(task("issueRectificationNotice", rectification), withVariables(
                "items", "[{\"content\":\"卡口值守排班到人\"}]", "deadline", LocalDate.now(SHANGHAI).plusDays(3).toString(),
                "responsiblePerson", "王五", "responsiblePost", "社区书记", "unitKind", "COMMUNITY")));
        execute(job("rectificationOverdue", rectification));
        as("leader1", "leaders", () -> complete(task("reviewOverdueRectification", rectification), withVariables(
                "overdueAction", "URGE", "overdueComment", "限期一周内完成")));
        deliverAllMails();

        String report = task("recordRectificationReport", rectification).getId();
        Received urging = only("【督办通知】" + number + " 北湖街道幸福社区整改逾期", "north1@jiandu.local");
        Matcher link = Pattern.compile("https://jiandu\\.example\\.cn(/tasks/[A-Za-z0-9-]+)").matcher(urging.text());
        Assertions.assertThat(link.find()).as("a task link in: %s", urging.text()).isTrue();
        Assertions.assertThat(link.group(1)).isEqualTo("/tasks/" + report);
        Assertions.assertThat(urging.text()).contains("限期一周内完成", "整改编号：" + number, "关联案件：" + caseNumber,
                "在任务列表中打开“登记整改情况报告”");
        Assertions.assertThat(urging.html()).contains("href=\"https://jiandu.example.cn/tasks/" + report + "\"");
        mvc.perform(get(link.group(1)).header(HttpHeaders.AUTHORIZATION, basic("north1")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/camunda/app/tasklist/default/#/?task=" + report));
        Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(report).taskCandidateGroup("team-north")
                .processInstanceBusinessKey(number).count()).as("north1's team works the task the link opens").isOne();

        Assertions.assertThat(jdbc.queryForList("SELECT DISTINCT case_number FROM jd_mail_outbox WHERE subject LIKE ?",
                String.class, "%" + number + "%")).containsExactly(caseNumber);
    }

    /** Route version 2: the leaders still approve closing at triage, so theirs is the case's only mail. */
    @Test
    void anAnonymousReporterGetsNoMail() {
        ProcessInstance problem = runtimeService.startProcessInstanceByKey("supervisionCase", withVariables(
                "title", "匿名反映某药店哄抬物价", "description", "口罩高价出售", "source", "PUBLIC_REPORT",
                "unit", "南湖街道某药店", "anonymous", true, "reporterEmail", "anonymous@example.cn", "zone", "SOUTH"));
        complete(task("triageCase", problem), withVariables("problemType", "OTHER", "severity", "MINOR",
                "zone", "SOUTH", "disposal", "CLOSE", "triageComment", "不属于监督范围"));
        complete(task("approveDisposal", problem), withVariables("disposalApproved", true));
        execute(job("closeCase", problem));
        assertThat(problem).isEnded();
        deliverAllMails();

        Assertions.assertThat(jdbc.queryForList("SELECT kind FROM jd_mail_outbox WHERE case_number = ?",
                String.class, caseNumberOf(problem))).containsExactly("APPROVAL_REQUEST");
        Assertions.assertThat(smtp.received()).extracting(Received::to).flatExtracting(to -> to)
                .containsOnly("leader1@jiandu.local").doesNotContain("anonymous@example.cn");
    }

    private void as(String user, String group, Runnable work) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** Every value of every table (text and bytes: the engine's stack traces), the engine's included. */
    private void assertNowhereInClear(String... secrets) {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'", String.class);
        Assertions.assertThat(tables).contains("JD_MAIL_OUTBOX", "ACT_HI_VARINST", "ACT_GE_BYTEARRAY");
        for (String table : tables) {
            jdbc.query("SELECT * FROM \"" + table + "\"", (ResultSet row) -> {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    Object value = row.getObject(column);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(value);
                    for (String secret : secrets) {
                        Assertions.assertThat(text).as("%s.%s", table, row.getMetaData().getColumnName(column))
                                .doesNotContainIgnoringCase(secret);
                    }
                }
            });
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ProcessInstance report(String zone) {
        return runtimeService.startProcessInstanceByKey("supervisionCase", withVariables(
                "title", "某小区未落实封闭管理", "description", "小区出入口无人值守，未测体温",
                "source", "PUBLIC_REPORT", "unit", "北湖街道幸福社区", "personsInvolved", "社区主任李某",
                "anonymous", false, "reporterName", "王某", "reporterPhone", "13800000000",
                "reporterEmail", "reporter@example.cn", "zone", zone));
    }

    private void triage(ProcessInstance problem, String problemType, String severity, String zone) {
        complete(task("triageCase", problem), withVariables("problemType", problemType, "severity", severity,
                "zone", zone, "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "核实"));
    }

    /** The person verification found, as Tasklist's dynamic list sends it: a Json variable. */
    private static Object director() {
        return SpinValues.jsonValue("[{\"name\":\"李某\",\"unit\":\"北湖街道幸福社区居委会\",\"post\":\"主任\","
                + "\"level\":\"SECTION_OR_BELOW\",\"partyMember\":true,\"publicServant\":true,"
                + "\"responsibility\":\"DIRECT\",\"repeatOffence\":false}]").create();
    }

    private static Object decided(String measure) {
        return SpinValues.jsonValue("[{\"name\":\"李某\",\"unit\":\"北湖街道幸福社区居委会\",\"measure\":\""
                + measure + "\"}]").create();
    }

    private static Map<String, Object> allCriteria() {
        Map<String, Object> criteria = new HashMap<>();
        List.of("ftPublicInterest", "ftWithinProcedure", "ftNoPersonalGain", "ftNoProhibitionBroken", "ftLossRemedied")
                .forEach(criterion -> criteria.put(criterion, true));
        return criteria;
    }

    /** The publicity department starts a bulletin naming the case. */
    private ProcessInstance bulletinNaming(String caseNumber) {
        engine.getIdentityService().setAuthentication("publicity1", List.of("publicity"));
        try {
            return runtimeService.startProcessInstanceByKey("noticeBulletin", withVariables("caseNumbers", caseNumber,
                    "bulletinTitle", "关于某社区未落实封闭管理问题的通报"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String caseNumberOf(ProcessInstance problem) {
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(problem.getId()).variableName("caseNumber").singleResult().getValue();
    }

    /** Runs the delivery of every recorded mail, as the job executor would. */
    private void deliverAllMails() {
        List<Job> deliveries = managementService.createJobQuery().processDefinitionKey("mailDelivery").list();
        deliveries.forEach(delivery -> managementService.executeJob(delivery.getId()));
    }

    /** The one mail whose subject starts so, received once by each of these recipients and nobody else. */
    private Received only(String subjectStart, String... recipients) {
        List<Received> copies = smtp.received().stream().filter(mail -> mail.subject().startsWith(subjectStart)).toList();
        Assertions.assertThat(copies).as("copies of “%s”", subjectStart).hasSize(recipients.length)
                .extracting(Received::messageId).containsOnly(copies.get(0).messageId());
        Received mail = copies.get(0);
        Assertions.assertThat(mail.to()).containsExactlyInAnyOrder(recipients);
        Assertions.assertThat(mail.from()).isEqualTo("区纪委监委监督平台 <jiandu@localhost>");
        Assertions.assertThat(mail.contentType()).startsWith("multipart/alternative");
        Assertions.assertThat(mail.text()).isNotBlank();
        Assertions.assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("区纪委监委");
        return mail;
    }
}
