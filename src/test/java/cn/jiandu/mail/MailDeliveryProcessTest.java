package cn.jiandu.mail;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.mail.TestSmtpServer.Received;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * processes/mail-delivery.bpmn against a real SMTP server (GreenMail): a recorded mail goes out once,
 * an outage is retried and becomes incidents, retrying them sends every mail exactly once, and a
 * rolled-back step leaves no mail behind. Jobs are run by hand.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:mail-delivery-process;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "jiandu.mail.from=jiandu@jiandu.local",
        "jiandu.mail.retry-cycle=R3/PT1M"})
@AutoConfigureMockMvc
@Import({ProcessEngineCoverageConfiguration.class, MailDeliveryProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MailDeliveryProcessTest {

    @TestConfiguration
    static class Coverage {
        /** Primary: the coverage configuration registers a default too, and with two none is asserted. */
        @Bean
        @Primary
        ProcessEngineCoverageProperties mailDeliveryCoverage() {
            return ProcessEngineCoverageProperties.Companion.builder()
                    .assertClassCoverageAtLeast(0.95)
                    .build();
        }
    }

    static final TestSmtpServer smtp = new TestSmtpServer();
    static final List<String> DISTRIBUTION = List.of("units@jiandu.local", "media@jiandu.local");

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
    MailOutbox outbox;
    @Autowired
    MailDeliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        smtp.forget();
    }

    @Test
    void aRecordedMailIsSentOnceAsChineseTextAndHtml() {
        String subject = "【通报曝光】关于某街道挪用防控物资问题的通报";
        long mail = recordNotice(subject);

        Assertions.assertThat(row(mail)).containsEntry("STATUS", "PENDING");
        ProcessInstance delivery = deliveryOf(mail);
        assertThat(delivery).isWaitingAt("deliverMail");
        execute(job(delivery));

        assertThat(delivery).isEnded().hasPassedInOrder("mailRecorded", "deliverMail", "mailSent");
        List<Received> copies = smtp.withSubject(subject);
        Assertions.assertThat(copies).hasSize(DISTRIBUTION.size())
                .extracting(Received::messageId).containsOnly(copies.get(0).messageId());
        Received received = copies.get(0);
        Assertions.assertThat(received.messageId()).startsWith("<jiandu-mail-" + mail + ".");
        Assertions.assertThat(received.from()).isEqualTo("区纪委监委监督平台 <jiandu@jiandu.local>");
        Assertions.assertThat(received.to()).containsExactlyElementsOf(DISTRIBUTION);
        Assertions.assertThat(received.contentType()).startsWith("multipart/alternative");
        Assertions.assertThat(received.text()).contains("某街道副主任张某挪用口罩", "发布日期：");
        Assertions.assertThat(received.html()).contains("<h2>关于某街道挪用防控物资问题的通报</h2>");
        Assertions.assertThat(row(mail)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1)
                .containsEntry("LAST_ERROR", null);
        Assertions.assertThat(row(mail).get("SENT_AT")).isNotNull();

        // A second delivery of the same mail, as after a crash between sending and the job's commit.
        ProcessInstance again = runtimeService.startProcessInstanceByKey("mailDelivery",
                Map.of(MailDeliveryProcess.MAIL_ID, mail));
        execute(job(again));
        assertThat(again).isEnded();
        Assertions.assertThat(smtp.withSubject(subject)).hasSize(DISTRIBUTION.size());
    }

    @Test
    void anSmtpOutageIsRetriedThenAnIncidentAndRetryingItSendsEveryNoticeExactlyOnce() throws Exception {
        List<Long> notices = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            notices.add(recordNotice("【通报曝光】第" + i + "号通报"));
        }
        managementService.executeJob(jobOf(notices.get(0)).getId());
        managementService.executeJob(jobOf(notices.get(1)).getId());
        Assertions.assertThat(smtp.received()).hasSize(2 * DISTRIBUTION.size());

        smtp.stop();
        for (long mail : notices.subList(2, 5)) {
            List<Integer> retriesLeft = new ArrayList<>();
            for (int attempt = 1; attempt <= 3; attempt++) {
                String job = jobOf(mail).getId();
                assertThrows(RuntimeException.class, () -> managementService.executeJob(job));
                retriesLeft.add(jobOf(mail).getRetries());
            }
            Assertions.assertThat(retriesLeft).containsExactly(2, 1, 0);
            Map<String, Object> row = row(mail);
            Assertions.assertThat(row).containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", 3);
            Assertions.assertThat((String) row.get("LAST_ERROR")).contains("Connection refused");
            Incident incident = incidentOf(mail);
            Assertions.assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            Assertions.assertThat(incident.getActivityId()).isEqualTo("deliverMail");
            Assertions.assertThat(incident.getIncidentMessage()).contains("发送失败");
        }
        mvc.perform(get("/api/admin/mails").param("status", "FAILED").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].id").value(notices.get(4)))
                .andExpect(jsonPath("$.content[0].status").value("FAILED"))
                .andExpect(jsonPath("$.content[0].attempts").value(3))
                .andExpect(jsonPath("$.content[0].kind").value("PUBLIC_NOTICE"))
                .andExpect(jsonPath("$.content[0].recipients[0]").value(DISTRIBUTION.get(0)))
                .andExpect(jsonPath("$.content[0].lastError").value(containsString("Connection refused")));

        smtp.start();
        for (long mail : notices.subList(2, 5)) {
            ProcessInstance delivery = deliveryOf(mail);
            managementService.setJobRetries(incidentOf(mail).getConfiguration(), 1);
            Assertions.assertThat(row(mail)).containsEntry("STATUS", "PENDING");
            Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(delivery.getId()).count())
                    .isZero();
            managementService.executeJob(jobOf(mail).getId());
            Assertions.assertThat(row(mail)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 4);
            assertThat(delivery).isEnded();
        }

        for (int i = 1; i <= 5; i++) {
            Assertions.assertThat(smtp.withSubject("【通报曝光】第" + i + "号通报"))
                    .as("copies of notice %d", i).hasSize(DISTRIBUTION.size());
        }
        Assertions.assertThat(smtp.received()).hasSize(5 * DISTRIBUTION.size())
                .extracting(Received::messageId).doesNotContainNull().hasSize(5 * DISTRIBUTION.size());
        Assertions.assertThat(smtp.received().stream().map(Received::messageId).distinct()).hasSize(5);
        mvc.perform(get("/api/admin/mails").param("status", "FAILED").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void aRolledBackStepLeavesNoMailAndNoDelivery() {
        long mails = jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox", Long.class);
        long deliveries = runtimeService.createProcessInstanceQuery().processDefinitionKey("mailDelivery").count();
        long jobs = managementService.createJobQuery().count();

        assertThrows(IllegalStateException.class, () -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    recordNotice("【通报曝光】未能发布的通报");
                    throw new IllegalStateException("办理步骤失败");
                }));

        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox", Long.class)).isEqualTo(mails);
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("mailDelivery").count())
                .isEqualTo(deliveries);
        Assertions.assertThat(managementService.createJobQuery().count()).isEqualTo(jobs);
    }

    @Test
    void mailsRecordedWhileNoSmtpServerWasConfiguredAreSentOnceItIs() {
        jdbc.update("""
                INSERT INTO jd_mail_outbox (kind, recipients, subject, text_body, html_body, status, attempts, created_at)
                VALUES ('PUBLIC_NOTICE', 'units@jiandu.local', '【通报曝光】停机期间的通报', '正文', '<p>正文</p>', 'PENDING', 0,
                    CURRENT_TIMESTAMP)""");
        long mail = jdbc.queryForObject("SELECT id FROM jd_mail_outbox WHERE subject = '【通报曝光】停机期间的通报'", Long.class);

        deliveries.resumePending();
        deliveries.resumePending();

        Assertions.assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(MailDeliveryProcess.businessKey(mail)).count()).isEqualTo(1);
        execute(job(deliveryOf(mail)));
        Assertions.assertThat(smtp.withSubject("【通报曝光】停机期间的通报")).hasSize(1)
                .first().extracting(Received::text).isEqualTo("正文");
    }

    @Test
    void onlyAdministratorsListMails() throws Exception {
        mvc.perform(get("/api/admin/mails").header(HttpHeaders.AUTHORIZATION, basic("leader1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("只有系统管理员可以查看邮件投递情况"));
        mvc.perform(get("/api/admin/mails").param("status", "LOST").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/admin/mails").param("status", "SENT").param("size", "1")
                        .header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(1));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private long recordNotice(String subject) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.record("PUBLIC_NOTICE", null,
                DISTRIBUTION, subject, "public-notice", Map.of(
                        "noticeTitle", subject.replace("【通报曝光】", ""),
                        "noticeBody", "某街道副主任张某挪用口罩……给予立案审查调查。",
                        "publishedDate", "2026年11月29日",
                        "noticeLink", "http://localhost:8080/notices")));
        return jdbc.queryForObject("SELECT id FROM jd_mail_outbox WHERE subject = ?", Long.class, subject);
    }

    private Map<String, Object> row(long mail) {
        return jdbc.queryForMap("SELECT status, attempts, last_error, sent_at FROM jd_mail_outbox WHERE id = ?", mail);
    }

    private ProcessInstance deliveryOf(long mail) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(MailDeliveryProcess.businessKey(mail)).singleResult();
    }

    private Job jobOf(long mail) {
        return managementService.createJobQuery().processInstanceId(deliveryOf(mail).getId()).singleResult();
    }

    private Incident incidentOf(long mail) {
        return runtimeService.createIncidentQuery().processInstanceId(deliveryOf(mail).getId()).singleResult();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
